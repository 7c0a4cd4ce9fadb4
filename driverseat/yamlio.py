"""Reading and writing YAML safely, with line numbers for every value.

Only plain data is read: ``!!python/...`` and other tags are refused, never run. The
loader is deliberately small: besides text it knows only ``true``/``false``, ``null``
(or ``~`` or nothing) and whole numbers, so a hand-written ``name: yes`` or
``when: 2024-01-01`` stays text instead of turning into something else.
Usual text is read straight from libyaml's events (``_build``), and the line of each
value is worked out only when a problem needs it (``_Lines``); anything unusual goes
through PyYAML's tree of nodes (``_load_nodes``), which gives the same answers.
Writing is deterministic: the same data always gives the same bytes.
"""

from __future__ import annotations

import copy
import gc
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import yaml

Path_ = tuple  # a path into the data: keys and list indexes
Lines = Mapping[Path_, int]  # where each value is: its path -> its line


class _Loader(yaml.SafeLoader):
    """SafeLoader with a narrow set of implicit types (close to YAML 1.2 core)."""


def _narrow_types(loader: type[yaml.SafeLoader] | type[yaml.CSafeLoader]) -> None:
    loader.yaml_implicit_resolvers = {}
    loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )
    loader.add_implicit_resolver(
        "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
    )
    # At most 18 digits: a longer number stays text (Python refuses to read a 5,000-digit one).
    loader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]{1,18}$"), list("-+0123456789"))


_narrow_types(_Loader)

# The same loader on libyaml, when PyYAML has it: about ten times faster, which is most
# of the app's start-up wait spent on reading the questions. Any trouble goes back to the
# loader above, which words the problem for people.
class _CLoader(yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else yaml.SafeLoader):  # type: ignore[misc]
    """CSafeLoader with the same narrow set of implicit types."""


_FastLoader: type[yaml.SafeLoader] | type[yaml.CSafeLoader] | None = None
if getattr(yaml, "__with_libyaml__", False):
    _FastLoader = _CLoader
    _narrow_types(_FastLoader)


class _Dumper(yaml.SafeDumper):
    """SafeDumper that writes several-line text as a readable block when it can."""

    def ignore_aliases(self, data: Any) -> bool:  # never write &anchors / *aliases
        return True


_ODD_BREAKS = re.compile("[\r\x85\u2028\u2029]")


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if _ODD_BREAKS.search(value):
        style: str | None = '"'  # only double quotes keep these characters exactly
    else:
        style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


class _CDumperBase(yaml.CSafeDumper if getattr(yaml, "__with_libyaml__", False) else yaml.SafeDumper):  # type: ignore[misc]
    """The same dumper on libyaml, when PyYAML has it: about ten times faster on a big prep."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


_CDumperBase.add_representer(str, _represent_str)
_FastDumper: type[yaml.SafeDumper] | type[yaml.CSafeDumper] = (
    _CDumperBase if getattr(yaml, "__with_libyaml__", False) else _Dumper
)


@dataclass(frozen=True)
class YamlProblem(Exception):
    """A YAML text that could not be read: where and what, in plain words."""

    line: int | None
    problem: str

    def __str__(self) -> str:
        return _say("at_line", line=self.line, problem=self.problem) if self.line else self.problem


def _say(key: str, /, **values: object) -> str:
    """A problem in plain words, from the ``cli`` book of the word catalogue."""
    from driverseat import words

    return words.say("cli", key, **values)


MAX_DEPTH = 20  # a prep is 4 levels deep; 20 leaves room for kept unknown fields


def check_shape(text: str, max_depth: int = MAX_DEPTH) -> None:
    """Refuse, before building anything, text that would be costly to read.

    Anchors and aliases (``&a`` / ``*a``) are refused: a few hundred bytes of them can
    stand for billions of values, or for a list that holds itself. So is nesting deeper
    than ``max_depth``. The check reads the text once as a stream of events, which
    takes little memory whatever the text holds. Text that is not readable YAML passes
    here; ``load`` then says what is wrong with it.
    """
    if _FastLoader is not None and not _NON_PRINTABLE.search(text):
        try:
            _check_events(_FastLoader, _Chunks(text), max_depth)
            return
        except yaml.YAMLError:
            pass  # libyaml stops at its own limits; the careful parser reads lazily
    try:
        _check_events(_Loader, text, max_depth)
    except yaml.YAMLError:
        return


def _check_events(loader_class: type, text: str | _Chunks, max_depth: int) -> None:
    loader = loader_class(text)
    depth = 0
    try:
        while True:
            event = loader.get_event()
            if event is None or isinstance(event, yaml.StreamEndEvent):
                return
            line = event.start_mark.line + 1 if event.start_mark else None
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise YamlProblem(line, _say("yaml_anchor"))
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > max_depth:
                    raise YamlProblem(line, _say("yaml_too_deep", depth=max_depth))
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    finally:
        loader.dispose()


def load_checked(text: str, max_depth: int = MAX_DEPTH) -> tuple[Any, Lines]:
    """``check_shape`` then ``load``, in one reading of usual text.

    The event reader refuses what ``check_shape`` refuses (anchors, aliases, nesting
    deeper than ``max_depth``) by handing it on; then the two run one after the other,
    as they always did, so the answer and any problem are the same.
    """
    if _FastLoader is not None and not _NON_PRINTABLE.search(text):
        try:
            data = _build(text, max_depth)
            return (None, {}) if data is _NOTHING else (data, _Lines(text))
        except Exception:
            pass
    check_shape(text, max_depth)
    return _load_nodes(text)  # what ``load`` gives when the event reader hands on


def load(text: str) -> tuple[Any, Lines]:
    """Read YAML text into plain data plus a map from each value's path to its line.

    Raises ``YamlProblem`` with a line number when the text is not plain YAML.

    Usual text (no tags, anchors or problems) is read straight from libyaml's events into
    dicts, lists and values, and the line map is worked out only if someone looks in it:
    a 6 MB prep takes about 2.5 times its size in memory instead of about 23 times. Any
    other text is read as before, through a tree of nodes, so it gives the same data and
    the same problems (the tests compare the two on every shipped file and on made ones).
    """
    if _FastLoader is not None and not _NON_PRINTABLE.search(text):
        try:
            data = _build(text)
            return (None, {}) if data is _NOTHING else (data, _Lines(text))
        except Exception:
            pass  # anything unusual: the node reader gives the answer, or the problem
    return _load_nodes(text)


def _load_nodes(text: str) -> tuple[Any, Lines]:
    """``load`` through a tree of nodes: libyaml's when it can, else the careful loader,
    which words problems for people. The event reader must give the same answers."""
    if _FastLoader is not None and not _NON_PRINTABLE.search(text):
        try:
            return _read(_FastLoader(text))
        except yaml.YAMLError:
            pass  # the careful loader below finds the same problem and words it well
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as exc:
        raise _reader_problem(text, exc) from None
    try:
        return _read(loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = _plain(exc.problem or exc.context or "")
        if isinstance(exc, yaml.constructor.ConstructorError) and "tag" in str(exc.problem):
            problem = _say("yaml_tag", tag=_tag_of(exc))
        raise YamlProblem(line, problem) from None
    except yaml.reader.ReaderError as exc:
        raise _reader_problem(text, exc) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(None, _say("yaml_unreadable")) from None


_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE

# PyYAML's words for the usual slips in a hand-edited file, said plainly.
_PLAIN_PROBLEMS = (  # pattern -> key in the cli book (a group, if any, fills {sign})
    (r"expected ',' or '\]'", "yaml_list_open"),
    (r"expected ',' or '\}'", "yaml_part_open"),
    (r"mapping values are not allowed here", "yaml_second_colon"),
    (r"found character '\\t'", "yaml_tab"),
    (r"expected <block end>", "yaml_indent"),
    (r"found unexpected end of stream", "yaml_quote_open"),
    (r"could not find expected ':'", "yaml_no_colon"),
    (r"but found another document", "yaml_two_documents"),
    (r"found undefined alias", "yaml_alias"),
    (r"found character '(.)' that cannot start any token", "yaml_odd_start"),
    (r"found unknown escape character", "yaml_backslash"),
)


def _plain(problem: str) -> str:
    for pattern, key in _PLAIN_PROBLEMS:
        match = re.search(pattern, problem)
        if match:
            return _say(key, sign=match.group(1) if match.groups() else "")
    return _say("yaml_unreadable")


def _read(loader: Any) -> tuple[Any, dict[Path_, int]]:
    # The node tree is many small objects made at once, none of them garbage: the garbage
    # collector would walk it again and again as it grows (three times the reading time on
    # a 6 MB prep), so it waits until the tree is built. Size and depth are checked before.
    collecting = gc.isenabled()
    gc.disable()
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        data = loader.construct_document(node)
        lines: dict[Path_, int] = {}
        _walk(node, (), lines)
        return data, lines
    finally:
        loader.dispose()
        if collecting:
            gc.enable()


def _reader_problem(text: str, exc: yaml.reader.ReaderError) -> YamlProblem:
    line = text[: exc.position].count("\n") + 1
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
    return YamlProblem(line, _say("yaml_hidden_character", code=f"{code:#06x}"))


def _tag_of(exc: yaml.MarkedYAMLError) -> str:
    match = re.search(r"'([^']*)'", str(exc.problem))
    if not match:
        return "used"
    return "'" + match.group(1).replace("tag:yaml.org,2002:", "!!") + "'"


_SURROGATE = re.compile("[\ud800-\udfff]")


def _walk(node: yaml.Node, path: Path_, lines: dict[Path_, int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode) and _SURROGATE.search(node.value):
        raise YamlProblem(lines[path], _say("yaml_half_character"))
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is None:
                continue
            line = key_node.start_mark.line + 1
            if key in seen:  # reading on would quietly drop the first one's words
                raise YamlProblem(line, _say("yaml_twice", key=key, first=seen[key], line=line))
            seen[key] = line
            lines.setdefault(path + (key,), key_node.start_mark.line + 1)
            _walk(value_node, path + (key,), lines)
            lines[path + (key,)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, child in enumerate(node.value):
            _walk(child, path + (index,), lines)


# ------------------------------------------------------------ reading straight from events


class _Unusual(Exception):
    """Something the event reader leaves to the node reader: a tag, an anchor, a key that
    is not text, a key written twice, half a character, or a problem in the text."""


class _Chunks:
    """The text handed to libyaml a piece at a time: given the whole text, PyYAML would
    first copy all of it as UTF-8 (one more copy of a prep in memory while it is read)."""

    name = "<unicode string>"

    def __init__(self, text: str) -> None:
        self._text = text
        self._at = 0

    def read(self, size: int = -1, /) -> str:
        end = len(self._text) if size < 0 else self._at + size
        piece = self._text[self._at : end]
        self._at += len(piece)
        return piece


def _parser(text: str) -> Any:
    assert _FastLoader is not None
    return _FastLoader(_Chunks(text))


# The implicit types, as the loaders resolve them: first character -> (tag, pattern).
_RESOLVERS: dict[Any, list[tuple[str, re.Pattern[str]]]] = _Loader.yaml_implicit_resolvers
_STR_TAG = "tag:yaml.org,2002:str"
_NOT_YET = object()  # a mapping waiting for its next key
_NOTHING = object()  # an empty stream
_SHARED_UP_TO = 24  # short values ("in_person", "a friend") are kept once however often they come


def _plain_value(value: str) -> Any:
    """A plain (unquoted, untagged) scalar as the node reader would make it."""
    for tag, pattern in _RESOLVERS.get(value[:1], ()):
        if pattern.match(value):
            if tag == _STR_TAG:
                return value
            make = yaml.constructor.SafeConstructor.yaml_constructors[tag]
            return make(_CONSTRUCTOR, yaml.ScalarNode(tag, value))
    return value


_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def _build(text: str, max_depth: int | None = None) -> Any:
    """The data of one YAML document, made from libyaml's events without a node tree.

    Gives exactly what ``_read`` gives, or raises (``_Unusual`` or a YAML error) for
    anything it leaves to ``_read``: see ``_Unusual``. The garbage collector waits while
    the data is made, as in ``_read``. With ``max_depth``, nesting deeper than that is
    handed on too.
    """
    parser = _parser(text)
    surrogates = "\\u" in text or "\\U" in text  # only an escape can make half a character
    known: dict[str, str] = {}  # one copy of each key: a prep repeats a few keys many times
    collecting = gc.isenabled()
    gc.disable()
    try:
        get = parser.get_event
        if type(get()) is not yaml.StreamStartEvent:
            raise _Unusual
        event = get()
        if type(event) is yaml.StreamEndEvent:
            return _NOTHING
        if type(event) is not yaml.DocumentStartEvent:
            raise _Unusual
        root: Any = _NOTHING
        here: Any = None  # the open dict or list, None at the top
        is_map = False
        key: Any = _NOT_YET
        outer: list[tuple[Any, bool, Any]] = []
        while True:
            event = get()
            kind = type(event)
            if kind is yaml.ScalarEvent:
                if event.anchor is not None or event.tag is not None:
                    raise _Unusual
                raw = event.value
                value = _plain_value(raw) if event.implicit[0] else raw
                if is_map:
                    if key is _NOT_YET:
                        if type(value) is not str or value in here:
                            raise _Unusual  # a key that is not text, or written twice
                        key = known.setdefault(value, value)
                        continue
                    if type(value) is str and len(value) <= _SHARED_UP_TO:
                        value = known.setdefault(value, value)
                    here[key] = value
                    key = _NOT_YET
                elif here is not None:
                    here.append(value)
                else:
                    root = value
                if surrogates and _SURROGATE.search(raw):
                    raise _Unusual
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if event.anchor is not None or event.tag is not None:
                    raise _Unusual
                if max_depth is not None and len(outer) >= max_depth:
                    raise _Unusual  # deeper than check_shape allows
                new: Any = {} if kind is yaml.MappingStartEvent else []
                if is_map:
                    if key is _NOT_YET:
                        raise _Unusual  # a list or a mapping as a key
                    here[key] = new
                elif here is not None:
                    here.append(new)
                else:
                    root = new
                outer.append((here, is_map, key))
                here, is_map, key = new, kind is yaml.MappingStartEvent, _NOT_YET
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                here, is_map, key = outer.pop()
                key = _NOT_YET
            elif kind is yaml.DocumentEndEvent:
                break
            else:
                raise _Unusual  # an alias
        if type(get()) is not yaml.StreamEndEvent:
            raise _Unusual  # a second document
        return root
    finally:
        parser.dispose()
        if collecting:
            gc.enable()


def _line_table(text: str) -> dict[Path_, int]:
    """The line of each value, as ``_walk`` gives it, for text that ``_build`` read."""
    lines: dict[Path_, int] = {}
    parser = _parser(text)
    collecting = gc.isenabled()
    gc.disable()
    try:
        get = parser.get_event
        get()
        if type(get()) is yaml.StreamEndEvent:
            return lines
        here: Path_ | None = None  # the path of the open dict or list, None at the top
        is_map = False
        slot: Any = _NOT_YET  # in a mapping the key whose value comes next; in a list the next index
        outer: list[tuple[Path_ | None, bool, Any]] = []
        while True:
            event = get()
            kind = type(event)
            if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                here, is_map, slot = outer.pop()
                continue
            if kind is yaml.DocumentEndEvent:
                break
            line = event.start_mark.line + 1
            if here is None:
                path: Path_ = ()
                lines[path] = line
            elif is_map:
                if slot is _NOT_YET:  # a key: its line is the line of its value
                    slot = event.value
                    lines[here + (slot,)] = line
                    continue
                path, slot = here + (slot,), _NOT_YET
            else:
                path, slot = here + (slot,), slot + 1
                lines[path] = line
            if kind is yaml.MappingStartEvent:
                outer.append((here, is_map, slot))
                here, is_map, slot = path, True, _NOT_YET
            elif kind is yaml.SequenceStartEvent:
                outer.append((here, is_map, slot))
                here, is_map, slot = path, False, 0
        return lines
    finally:
        parser.dispose()
        if collecting:
            gc.enable()


class _Lines(Mapping[Path_, int]):
    """The line of each value, worked out from the text the first time it is asked for.

    Most preps are read without a problem to point at, so most never need it; kept for
    every value of a big prep it would take more memory than the prep's data."""

    def __init__(self, text: str) -> None:
        self._text: str | None = text
        self._table: dict[Path_, int] | None = None

    def _lines(self) -> dict[Path_, int]:
        if self._table is None:
            assert self._text is not None
            self._table = _line_table(self._text)
            self._text = None
        return self._table

    def __bool__(self) -> bool:
        return True  # only text with a value gets here, and the value has a line

    def __getitem__(self, path: Path_) -> int:
        return self._lines()[path]

    def __iter__(self) -> Iterator[Path_]:
        return iter(self._lines())

    def __len__(self) -> int:
        return len(self._lines())

    def __repr__(self) -> str:
        return repr(self._lines())


# libyaml writes characters beyond the first 65,536 (emoji, for one) as \U escapes, and
# can't write half of a pair at all: text holding them is written by the careful dumper.
_LIBYAML_CANT = re.compile("[\U00010000-\U0010ffff\ud800-\udfff]")
_PLAIN_KEY = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,63}")


def _fast_is_same(data: Any) -> bool:
    """True when libyaml would write ``data`` byte for byte like the careful dumper."""
    if not isinstance(data, dict):
        return False  # a lone value gets a '...' end line from one of them only
    stack: list[Any] = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            if _LIBYAML_CANT.search(value) or value.endswith("\n"):
                return False  # text ending in a line break: the two end the file differently
        elif isinstance(value, dict):
            if not all(isinstance(key, str) and _PLAIN_KEY.fullmatch(key) for key in value):
                return False  # libyaml writes an odd key in the long '? key' form
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return True


def dump(data: Any, careful: bool = False) -> str:
    """Write plain data as YAML: keys in the order given, Unicode kept as is.

    libyaml writes it when PyYAML has it and the bytes come out the same (checked by the
    tests against the pure-Python dumper, which ``careful=True`` always picks)."""
    fast = not careful and _FastDumper is not _Dumper and _fast_is_same(data)
    text: str = yaml.dump(
        data,
        Dumper=_FastDumper if fast else _Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100000,
        indent=2,
    )
    return text


class DumpCache:
    """Writes a prep (a mapping) as ``dump`` does, re-writing only the top-level parts
    that changed since the last call: a save after one answer costs the size of that
    part, not of the whole prep. The text is the same as ``dump(data)`` (the tests check).
    """

    def __init__(self) -> None:
        self._parts: dict[str, tuple[Any, str]] = {}

    def prime(self, data: dict[str, Any]) -> None:
        """Write out each part of ``data`` ahead of the first ``dump``, on a thread of its
        own while the person reads, so that first save costs only what changed (a 600 KB
        prep took about 75 ms there). ``data`` must never change afterwards: it is kept
        as the parts' "before". A part ``dump`` has made meanwhile is newer and stays."""
        if not data or not all(isinstance(key, str) and _PLAIN_KEY.fullmatch(key) for key in data):
            return
        for key, value in data.items():
            if key not in self._parts:
                self._parts.setdefault(key, (value, dump({key: value})))

    def dump(self, data: dict[str, Any]) -> str:
        if not data or not all(isinstance(key, str) and _PLAIN_KEY.fullmatch(key) for key in data):
            self._parts.clear()
            return dump(data)  # odd top-level keys: the whole text, the careful way
        out: list[str] = []
        for key, value in data.items():
            cached = self._parts.get(key)
            if cached is None or not _same(cached[0], value):
                cached = (copy.deepcopy(value), dump({key: value}))
                self._parts[key] = cached
            out.append(cached[1])
        for gone in set(self._parts) - set(data):
            del self._parts[gone]
        return "".join(out)


def _same(old: Any, new: Any) -> bool:
    """Equal, compared in C (the fast path of every save). Python counts ``True == 1`` as
    equal; a prep never turns one into the other (its schema types every field), and
    ``type`` is compared at the top so a whole part can't change kind unnoticed."""
    return type(old) is type(new) and bool(old == new)
