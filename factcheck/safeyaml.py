"""YAML and TOML with limits: every YAML or TOML file factcheck reads goes through here.

PyYAML's safe loaders run no code, but they still let a 600-byte file cost minutes and gigabytes
(an alias "bomb": nine anchors, each a list of ten aliases of the one before, is a billion nodes to
anything that walks the result) or end in a RecursionError (the pure-Python composer recurses once
per nesting level; tomllib likewise). So a document's node graph is checked before it is turned
into Python objects: at most MAX_DEPTH levels of nesting, aliases that add at most ALIAS_BUDGET
nodes to what the file itself spells out, and no alias inside its own anchor (a cycle). Breaking a
limit is a FactcheckError naming the file and line. libyaml (when PyYAML has it) composes the
nodes: it is fast and stops at 1,000 levels on its own.
"""

from __future__ import annotations

from typing import Any

import yaml

from factcheck.errors import FactcheckError

MAX_DEPTH = 100  # factcheck's own files nest 6 levels at most; 100 leaves room for anyone's config
ALIAS_BUDGET = 100_000  # nodes that aliases may add, over the nodes the file spells out

FAST_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YAMLLimitError(FactcheckError):
    """A YAML or TOML document over a limit (nesting, aliases)."""


class OneLineYAMLError(yaml.MarkedYAMLError):
    """A YAML syntax error whose `problem` is one line: PyYAML's reader errors (a control
    character, bad UTF-8) have no `problem` and print on several lines, which callers would pass on."""

    def __init__(self, e: yaml.YAMLError) -> None:
        problem = getattr(e, "problem", None) or (str(e).strip().splitlines() or ["malformed YAML"])[0]
        mark = getattr(e, "problem_mark", None)
        if mark is None and isinstance(e, yaml.reader.ReaderError):
            problem = f"{e.reason} (character {e.position})"
        super().__init__(problem=problem, problem_mark=mark)

    def __str__(self) -> str:
        return str(self.problem)


class _DepthLoader(yaml.SafeLoader):
    """The pure-Python loader, stopping at MAX_DEPTH before its recursion does."""

    _depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
                raise _TooDeep(mark.line)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _TooDeep(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def load(text: str, name: str, loader: type[Any] | None = None, *, first_line: int = 1) -> Any:
    """One YAML document, checked against the limits. `loader` is a SafeLoader or CSafeLoader
    (subclass); syntax errors propagate as yaml.YAMLError for the caller to word. `first_line` is
    the file line of the text's first line (front matter starts below its `---`)."""
    cls = loader or FAST_LOADER
    if not issubclass(cls, (yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader))):
        raise TypeError(f"{cls.__name__} is not a safe loader")
    if cls is yaml.SafeLoader:
        cls = _DepthLoader
    elif issubclass(cls, yaml.SafeLoader) and not issubclass(cls, _DepthLoader):
        cls = type(cls.__name__, (_DepthLoader, cls), {})  # a pure-Python subclass: limit it too
    ldr = cls(text)
    try:
        try:
            node = ldr.get_single_node()
        except _TooDeep as e:
            raise YAMLLimitError(
                f"YAML nested more than {MAX_DEPTH} levels deep", name, e.line + first_line
            ) from None
        except yaml.YAMLError as e:
            if "maximum nesting depth" in str(e):  # libyaml's own limit (1,000 levels)
                mark = getattr(e, "problem_mark", None)
                raise YAMLLimitError(
                    f"YAML nested more than {MAX_DEPTH} levels deep",
                    name,
                    mark.line + first_line if mark else None,
                ) from None
            raise OneLineYAMLError(e) from None
        if node is None:
            return None
        check(node, name, first_line=first_line, anchors="&" in text)
        return ldr.construct_document(node)
    finally:
        ldr.dispose()


def check(root: yaml.Node, name: str, *, first_line: int = 1, anchors: bool = True) -> None:
    """Refuse a node graph that nests too deep, expands too much through aliases or loops.

    One pass over the collections, without recursion: each one's expanded size and height are
    computed once (an alias is the same node object as its anchor, so it is not walked again).
    Without anchors (`anchors=False`: the text has no '&') the graph is a tree and only its
    height is measured."""

    def fail(message: str, node: yaml.Node) -> YAMLLimitError:
        return YAMLLimitError(message, name, node.start_mark.line + first_line)

    if not anchors:
        level: list[tuple[yaml.Node, int]] = [(root, 1)]
        while level:
            node, depth = level.pop()
            if depth > MAX_DEPTH:
                raise fail(f"YAML nested more than {MAX_DEPTH} levels deep", node)
            level.extend((k, depth + 1) for k in _collections(node))
        return
    size: dict[int, int] = {}
    height: dict[int, int] = {}
    open_: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    distinct = 0
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            open_.discard(key)
            kids = _collections(node)
            size[key] = 1 + _count(node) - len(kids) + sum(size[id(k)] for k in kids)
            height[key] = 1 + max((height[id(k)] for k in kids), default=0)
            if height[key] > MAX_DEPTH:
                raise fail(f"YAML nested more than {MAX_DEPTH} levels deep", node)
            if size[key] > distinct + ALIAS_BUDGET:
                raise fail(
                    f"YAML aliases expand to over {ALIAS_BUDGET:,} more nodes than the file holds "
                    "(an alias bomb?)",
                    node,
                )
            continue
        if key in size:
            continue
        if key in open_:
            raise fail("YAML alias refers to a node that contains it (a loop)", node)
        open_.add(key)
        distinct += 1 + _count(node)
        stack.append((node, True))
        stack.extend((k, False) for k in _collections(node) if id(k) not in size)


def _collections(node: yaml.Node) -> list[yaml.Node]:
    """The sequences and mappings directly inside a node (scalars need no walking)."""
    if isinstance(node, yaml.SequenceNode):
        return [n for n in node.value if not isinstance(n, yaml.ScalarNode)]
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair if not isinstance(n, yaml.ScalarNode)]
    return []


def _count(node: yaml.Node) -> int:
    """How many nodes sit directly inside a node."""
    if isinstance(node, yaml.SequenceNode):
        return len(node.value)
    if isinstance(node, yaml.MappingNode):
        return 2 * len(node.value)
    return 0


def load_toml(text: str, name: str) -> dict[str, Any]:
    """A TOML document, refused past MAX_DEPTH levels of nesting (tomllib recurses on nested
    arrays and inline tables). The brackets are counted before parsing, outside strings and
    comments, so the parser never sees a document deep enough to exhaust the stack."""
    depth, line = _toml_depth(text)
    if depth > MAX_DEPTH:
        raise YAMLLimitError(f"TOML nested more than {MAX_DEPTH} levels deep", name, line)
    import tomllib  # here: only a pyproject.toml with a [tool.factcheck] table is parsed

    return tomllib.loads(text)


def _toml_depth(text: str) -> tuple[int, int]:
    """The deepest bracket nesting in a TOML text, and the line where it is first reached. Strings
    (basic, literal, multi-line) and comments are skipped; a malformed text is left to tomllib."""
    depth = best = 0
    line = best_line = 1
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
        elif c == "#":
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        elif c in "\"'":
            quote = text[i : i + 3] if text.startswith(c * 3, i) else c
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                if c == '"' and text[j] == "\\":
                    j += 1
                elif len(quote) == 1 and text[j] == "\n":
                    break  # unterminated: tomllib will say so
                j += 1
            line += text.count("\n", i, j)
            i = j + len(quote)
            continue
        elif c in "[{":
            depth += 1
            if depth > best:
                best, best_line = depth, line
        elif c in "]}":
            depth = max(0, depth - 1)
        i += 1
    return best, best_line


def wrong_types(mapping: dict[Any, Any], types: dict[str, str]) -> str | None:
    """What is wrong with the values of a loaded mapping, for keys that must be a "scalar" (a
    string, number or date) or "scalars" (a list of them); None when nothing is. Absent and null
    values are left to the caller."""
    for key, want in types.items():
        v = mapping.get(key)
        if v is None:
            continue
        if want == "scalar" and isinstance(v, list | dict):
            return f"'{key}' must be a single value, not {type(v).__name__} {_short(v)}"
        if want == "scalars" and (not isinstance(v, list) or any(isinstance(x, list | dict) for x in v)):
            return f"'{key}' must be a list of names, not {type(v).__name__} {_short(v)}"
    return None


def _short(v: Any) -> str:
    r = repr(v)
    return r if len(r) <= 60 else r[:57] + "..."


def line_of(text: str, path: tuple[str | int, ...], loader: type[Any] | None = None) -> int | None:
    """The 1-based line of the node at `path` (mapping keys and list indexes) in a YAML text that
    has already loaded within the limits; None when there is no such node."""
    try:
        node = yaml.compose(text, Loader=loader or FAST_LOADER)
    except yaml.YAMLError:
        return None
    for step in path:
        if isinstance(node, yaml.MappingNode) and isinstance(step, str):
            node = next((v for k, v in node.value if getattr(k, "value", None) == step), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            return None
    return node.start_mark.line + 1 if node is not None else None
