"""The "save a copy" dialog: pick a kind of file and a folder, then say exactly where
the file went. Formats are read from ``driverseat.export.FORMATS``, so new formats
appear by themselves; the printable sheet comes first. Private items are always left
out. The headings can be in another language than the answers (the reader's); the
person's words are never changed.

The folder offered is the person's Documents folder (or their home), where a file
browser shows it, never the hidden data folder. A file there that driverseat did not
make (or that was changed since) is never replaced: the new one gets the next free name,
and the dialog says so before saving (plain mode's ``sheet`` does the same). After saving, "Open it" opens the file
in the person's own web browser: a file on their computer, nothing is sent anywhere.
"""

from __future__ import annotations

import webbrowser
from collections.abc import Callable
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from driverseat import export, locations
from driverseat.export import made
from driverseat.conversation import Conversation
from driverseat.session import Session
from driverseat.store import is_protected, make_private_dirs
from driverseat.tui.keys import use_words
from driverseat.tui.widgets.press import Press
from driverseat.tui.words import Words
from driverseat.words import say


FIRST = ("html", "card-html")  # the printable sheet first: most people carry it in


def open_in_browser(path: Path) -> bool:
    """Open a saved file in the person's browser (a local file; nothing leaves the computer)."""
    try:
        return webbrowser.open(path.absolute().as_uri())
    except (webbrowser.Error, OSError):
        return False


class ExportScreen(ModalScreen[Path | None]):
    """Save the sheet as a file; dismisses with the path written, or None."""

    opener: Callable[[Path], bool] = staticmethod(open_in_browser)  # tests put a stub here

    BINDINGS = [Binding("escape", "cancel", "key_close")]

    def __init__(self, conversation: Conversation, prep_path: Path, words: Words):
        super().__init__()
        self.conversation = conversation
        self.prep_path = Path(prep_path)
        self.words = words
        self.formats: dict[str, str] = {}
        names = [n for n in FIRST if n in export.FORMATS] + [n for n in export.FORMATS if n not in FIRST]
        for name in names:
            about = export.FORMATS[name]
            key = "format_" + name.replace("-", "_")  # the description in app.yaml, when there is one
            self.formats[name] = about if words(key) == key else words(key)
        self.written: Path | None = None
        # The headings are in the reader's language: it starts as the person's, a button changes it.
        self.languages = Session.languages()
        codes = [choice.code for choice in self.languages]
        self.language = codes.index(conversation.script.language) if conversation.script.language in codes else 0
        self._said_for: Path | None = None  # the file the message below is about
        use_words(self, words)

    def compose(self) -> ComposeResult:
        words = self.words
        with Vertical(id="export-box"):
            yield Static(words("export_title"), classes="pane-title")
            yield Static(words("export_format"), classes="label")
            yield OptionList(*[Option(about, id=name) for name, about in self.formats.items()], id="formats")
            yield Static(words("export_folder"), classes="label")
            folder = str(locations.documents().absolute())
            yield Input(value=folder, id="folder", select_on_focus=False, compact=True)
            yield Static("", id="export-message", markup=False)
            with Horizontal(classes="buttons"):
                yield Press(words("export_save"), id="save", variant="primary")
                yield Press(words("export_open"), id="open")
                yield Press(words("export_cancel"), id="cancel")
                yield Press(self._headings(), id="headings")

    def on_mount(self) -> None:
        options = self.query_one("#formats", OptionList)
        # The printable sheet first: it is what most people want to carry in.
        options.highlighted = 0
        self.query_one("#folder", Input).cursor_blink = False
        self.query_one("#open", Press).display = False
        options.focus()
        self._show_target()

    def fmt(self) -> str:
        options = self.query_one("#formats", OptionList)
        index = options.highlighted or 0
        return options.get_option_at_index(index).id or next(iter(self.formats))

    def target(self) -> Path:
        """Where the file goes: its usual name, or the next free one (``my-prep-sheet-2.html``)
        when a file there is not one driverseat made (or was changed since): never replaced."""
        folder = Path(self.query_one("#folder", Input).value.strip() or ".").expanduser()
        name = export.default_name(self.fmt())
        return folder / made.numbered(name, made.first_free(folder, [name]))

    def _show_target(self) -> None:
        target = self.target()
        self._said_for = target
        usual = target.with_name(export.default_name(self.fmt()))
        if target != usual:  # someone's own file is there: said, and kept
            line = self.words("export_will_save_new", kept=usual.name, file=str(target))
        else:
            line = self.words("export_will_save", file=str(target))
        self.query_one("#export-message", Static).update(f"{line}\n{self.words('export_private_note')}")

    @on(OptionList.OptionHighlighted, "#formats")
    @on(Input.Changed, "#folder")
    def _changed(self) -> None:
        if self.written is None and self.target() != self._said_for:
            self._show_target()

    @on(OptionList.OptionSelected, "#formats")
    def _format_chosen(self) -> None:
        self.query_one("#save", Press).focus()

    @on(Input.Submitted, "#folder")
    @on(Press.Pressed, "#save")
    def _save(self) -> None:
        if self.written is not None:
            self.dismiss(self.written)
            return
        out = self.target().absolute()
        conversation = self.conversation
        try:
            if is_protected(out, self.prep_path):  # never over the prep or one of its copies
                raise OSError(0, say("cli", "protected_folder"))
            make_private_dirs(out.parent)  # new folders only the person can open
            language = self.languages[self.language].code
            export.write(self.fmt(), conversation.prep, conversation.script, out, language=language)
        except OSError as problem:
            reason = problem.strerror or problem.__class__.__name__
            self._said_for = self.target()
            self.query_one("#export-message", Static).update(self.words("export_cannot_write", reason=reason))
            return
        self.written = out
        message = self.words("export_saved_where", name=out.name, folder=str(out.parent))
        if out.suffix == ".html":
            message += "\n" + self.words("export_saved_html")
        self.query_one("#export-message", Static).update(message)
        self.query_one("#open", Press).display = out.suffix == ".html"
        self.query_one("#formats", OptionList).disabled = True
        self.query_one("#folder", Input).disabled = True
        for widget in self.query("#formats, #folder, #export-box .label").results():
            widget.display = False  # done choosing: room for where it went, and the buttons
        save = self.query_one("#save", Press)
        save.label = self.words("export_ok")
        self.query_one("#cancel", Press).display = False
        self.query_one("#headings", Press).display = False
        save.focus()

    def _headings(self) -> str:
        return self.words("export_headings", language=self.languages[self.language].name)

    @on(Press.Pressed, "#headings")
    def _next_language(self) -> None:
        """The headings in the next language (the person's words stay as they typed them)."""
        self.language = (self.language + 1) % len(self.languages)
        self.query_one("#headings", Press).label = self._headings()

    @on(Press.Pressed, "#open")
    def _open(self) -> None:
        if self.written is None:
            return
        if not self.opener(self.written):
            self.query_one("#export-message", Static).update(self.words("export_open_failed", file=str(self.written)))

    @on(Press.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(self.written)
