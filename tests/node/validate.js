// Test-only: check FHIR R4 JSON files with the npm package "fhir" (FHIR.js 4.x).
// It checks each resource's elements, cardinality and types against the R4 structure
// definitions, and every code against the R4 value sets it ships. Prints one JSON line:
// {"version": ..., "files": [{"file", "valid", "messages"}]}.
"use strict";
const fs = require("fs");
const { Fhir } = require("fhir");

const fhir = new Fhir();
const out = { version: require("fhir/package.json").version, files: [] };
for (const file of process.argv.slice(2)) {
  const resource = JSON.parse(fs.readFileSync(file, "utf8"));
  const result = fhir.validate(resource, { errorOnUnexpected: true });
  out.files.push({ file, valid: result.valid, messages: result.messages });
}
process.stdout.write(JSON.stringify(out) + "\n");
