// Test-only: audit HTML files with axe-core in headless Chromium (puppeteer-core).
// Usage: node axe.js CHROMIUM FILE...  Prints one JSON line:
// {"axe": version, "files": [{"file", "violations": [{"id", "impact", "help", "nodes"}]}]}.
// Nothing is fetched: the pages are local files and axe-core is read from node_modules.
// The pages forbid scripts (Content-Security-Policy); the audit bypasses that for axe only.
"use strict";
const path = require("path");
const puppeteer = require("puppeteer-core");
const axePath = require.resolve("axe-core/axe.min.js");

async function main() {
  const [executablePath, ...files] = process.argv.slice(2);
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  const out = { axe: require("axe-core/package.json").version, files: [] };
  try {
    for (const file of files) {
      const page = await browser.newPage();
      await page.setBypassCSP(true);
      await page.goto("file://" + path.resolve(file), { waitUntil: "load" });
      await page.addScriptTag({ path: axePath });
      const result = await page.evaluate(async () => {
        // eslint-disable-next-line no-undef
        const r = await axe.run(document, { resultTypes: ["violations"] });
        return r.violations.map((v) => ({
          id: v.id, impact: v.impact, help: v.help,
          nodes: v.nodes.map((n) => n.target.join(" ")),
        }));
      });
      out.files.push({ file, violations: result });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(out) + "\n");
}

main().catch((err) => {
  process.stderr.write(String(err && err.stack || err) + "\n");
  process.exit(1);
});
