"""Write a form's edits back into the writer's YAML without disturbing the rest.

The browser desk (``draft serve``) sends the whole data back; writing it out
fresh would lose the writer's comments, key order and quoting. ruamel.yaml's
round-trip mode keeps all of those for every node we leave alone, so the edit
walks the old tree and the new data side by side and touches only the values
that differ. The result is then read back with draft's own loader and must give
exactly the new data; anything else is refused rather than saved wrong.
"""

from __future__ import annotations

import io
import json
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.tokens import CommentToken
from ruamel.yaml.scalarstring import LiteralScalarString
from ruamel.yaml.util import load_yaml_guess_indent

from drafting.errors import DataError, Location
from drafting.source.yaml_loader import decode_text, parse_speech

WIDE = 1 << 16  # never fold a long line of Chinese


def edit_yaml(text: str, data: dict[str, Any], file: str) -> str:
    """``text`` changed so that it loads as ``data``; untouched lines stay as they were."""
    yaml, tree = _load(text, file)
    if not isinstance(tree, CommentedMap):
        tree, before = CommentedMap(), {}
    else:  # what draft itself reads there: ruamel takes 2025-07-15 for a date, draft for text
        before = parse_speech(text.encode("utf-8"), file).values
    merged = _merge(tree, before, data)
    out = io.StringIO()
    yaml.dump(merged, out)
    result = out.getvalue()
    _verify(result, data, file)
    return result


def encode_like(original: bytes | None, text: str) -> bytes:
    """``text`` in the original file's encoding, byte order mark and line ends."""
    if original is None:
        return text.encode("utf-8")
    if b"\r\n" in original:
        text = text.replace("\n", "\r\n")
    if original.startswith(b"\xef\xbb\xbf"):
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    try:
        original.decode("utf-8")
    except UnicodeDecodeError:
        return text.encode("gb18030")  # a GBK file from Notepad or WPS stays GBK
    return text.encode("utf-8")


def decode(raw: bytes, file: str) -> str:
    return decode_text(raw, file).replace("\r\n", "\n")


def _load(text: str, file: str) -> tuple[YAML, Any]:
    yaml = YAML()  # round-trip, YAML 1.2 like draft's own loader
    yaml.preserve_quotes = True
    yaml.width = WIDE
    try:
        _, sequence, offset = load_yaml_guess_indent(text) if text.strip() else (None, 4, 2)
        yaml.indent(mapping=2, sequence=sequence or 4, offset=2 if offset is None else offset)
        return yaml, yaml.load(text) if text.strip() else None
    except YAMLError as e:
        raise DataError(f"YAML 无法解析，未保存：{e}", Location(file)) from None


def _merge(old: Any, before: Any, new: Any) -> Any:
    """``new``, reusing ``old``'s nodes (and so their comments and style) wherever
    ``before`` (what draft read from them) agrees with it."""
    if isinstance(new, dict) and isinstance(old, CommentedMap) and isinstance(before, dict):
        for key in [k for k in old if k not in new]:
            _delete_key(old, key)
        previous = None
        for key, value in new.items():
            if key in old:
                _set(old, key, _merge(old[key], before.get(key), value))
            else:
                position = list(old).index(previous) + 1 if previous in old else 0
                following = _take_following_lines(old, previous) if previous in old else ""
                old.insert(position, key, _fresh(value))
                _add_following_lines(old, key, following)
            previous = key
        return old
    if isinstance(new, list) and isinstance(old, CommentedSeq) and isinstance(before, list):
        return _merge_list(old, before, new)
    if _same_scalar(before, new):
        return old
    if isinstance(old, LiteralScalarString) and isinstance(new, str):
        return LiteralScalarString(new)  # a paragraph written as a block stays one
    return _fresh(new)


def _last_slot(node: Any) -> tuple[Any, Any, int] | None:
    """The innermost last entry of ``node``: the container, its key, and where
    ruamel keeps the comment after it (slot 0 for a list item, 2 for a value)."""
    slot = None
    while isinstance(node, (CommentedMap, CommentedSeq)) and len(node):
        key = list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1
        slot = (node, key, 2 if isinstance(node, CommentedMap) else 0)
        node = node[key]
    return slot


def _slot_after(container: Any, key: Any) -> tuple[Any, Any, int]:
    """Where ruamel keeps the comment after entry ``key``: on the entry itself,
    or on the innermost last value inside it when it is a list or mapping."""
    inner = _last_slot(container[key]) if isinstance(container[key], (CommentedMap, CommentedSeq)) else None
    return inner or (container, key, 2 if isinstance(container, CommentedMap) else 0)


def _take_following_lines(container: Any, key: Any) -> str:
    """The blank and comment lines below entry ``key`` (its own end-of-line
    comment stays): they belong above whatever comes next."""
    holder, slot_key, index = _slot_after(container, key)
    entry = holder.ca.items.get(slot_key)
    token = entry[index] if entry else None
    if token is None:
        return ""
    if isinstance(holder[slot_key], LiteralScalarString):  # a block ends its own line: all of it follows
        entry[index] = None
        return token.value
    if "\n" not in token.value:
        return ""
    own, following = token.value.split("\n", 1)
    if not following:
        return ""
    token.value = own + "\n"
    return following


def _add_following_lines(container: Any, key: Any, lines: str) -> None:
    if not lines:
        return
    holder, slot_key, index = _slot_after(container, key)
    entry = holder.ca.items.setdefault(slot_key, [None, None, None, None])
    if entry[index] is None:
        own = "" if isinstance(holder[slot_key], LiteralScalarString) else "\n"
        entry[index] = CommentToken(own + lines, CommentMark(0), None)
    else:
        entry[index].value += lines  # it already ends the entry's own line


def _delete_key(mapping: CommentedMap, key: Any) -> None:
    """Remove ``key``'s lines but not the blank and comment lines after them."""
    keys = list(mapping)
    following = _take_following_lines(mapping, key)
    del mapping[key]
    at = keys.index(key)
    if at > 0:
        _add_following_lines(mapping, keys[at - 1], following)


def _merge_list(old: CommentedSeq, before: list, new: list) -> CommentedSeq:
    """Items the form only moved or kept are the old nodes, moved with the
    comment lines above them; changed items are merged in place; the lines after
    the list's last item stay after the list."""
    leading = [""] + [_take_following_lines(old, n) for n in range(len(old) - 1)]  # above item n (n ≥ 1)
    trailing = _take_following_lines(old, len(old) - 1) if len(old) else ""
    matches = _match_items(before, new)
    claimed = {m for m in matches if m is not None}
    nodes, comments, above, blocks = [], {}, [], []
    for n, value in enumerate(new):
        source = matches[n]
        if source is None and n < len(old) and n not in claimed:
            source = n
            claimed.add(n)
            node = _merge(old[n], before[n] if n < len(before) else None, value)
            if isinstance(node, LiteralScalarString) and not isinstance(old[n], LiteralScalarString):
                blocks.append(n)
        elif source is not None:
            node = old[source]
        else:
            node = _fresh(value)
        nodes.append(node)
        above.append(leading[source] if source is not None else "")
        if source is not None and source in old.ca.items:
            comments[n] = old.ca.items[source]
    list.__delitem__(old, slice(None))
    list.extend(old, nodes)
    old.ca.items.clear()
    old.ca.items.update(comments)
    for n in blocks:  # text become a block scalar ends its own line: drop the line end its comment held
        token = old.ca.items.get(n, [None])[0]
        if token is not None and token.value.startswith("\n"):
            token.value = token.value[1:]
    if len(above) > 1:  # the lines above the list belong to its key: a moved item's go below the first
        above[1] = above[0] + above[1]
    elif above:
        trailing = above[0] + trailing
    for n in range(1, len(nodes)):
        _add_following_lines(old, n - 1, above[n])
    if len(nodes):
        _add_following_lines(old, len(nodes) - 1, trailing)
    return old


def _match_items(before: list, new: list) -> list[int | None]:
    """For each new item, the index of an unchanged old item equal to it (first unused), or None."""
    free: dict[str, list[int]] = {}
    for n, value in enumerate(before):
        free.setdefault(_key(value), []).append(n)
    return [(free.get(_key(value)) or [None]).pop(0) if free.get(_key(value)) else None for value in new]


def _key(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _set(container: Any, key: Any, value: Any) -> None:
    """``container[key] = value``; a line's comment token begins with the end of
    that line, which a block scalar (``|-``) writes itself: drop it then, or an
    extra blank line appears below the paragraph."""
    was_block = isinstance(container[key], LiteralScalarString)
    container[key] = value
    if isinstance(value, LiteralScalarString) and not was_block:
        entry = container.ca.items.get(key)
        index = 2 if isinstance(container, CommentedMap) else 0
        token = entry[index] if entry else None
        if token is not None and token.value.startswith("\n"):
            token.value = token.value[1:]


def _same_scalar(before: Any, new: Any) -> bool:
    if isinstance(before, (dict, list)) or isinstance(new, (dict, list)):
        return False
    return _equal(before, new)


def _fresh(value: Any) -> Any:
    """A new value in the style draft writes: paragraphs of several lines as literal blocks."""
    if isinstance(value, dict):
        return CommentedMap((k, _fresh(v)) for k, v in value.items())
    if isinstance(value, list):
        return CommentedSeq(_fresh(v) for v in value)
    if isinstance(value, str) and "\n" in value and not value.endswith("\n"):
        return LiteralScalarString(value)
    return value


def _verify(result: str, data: dict[str, Any], file: str) -> None:
    try:
        loaded = parse_speech(result.encode("utf-8"), file).values
    except DataError as e:
        raise DataError(f"改动无法写成有效的 YAML，未保存：{e.message}", Location(file)) from None
    if not _equal(loaded, data):
        raise DataError("改动写成 YAML 后读回的内容与表单不一致，未保存（请把这段内容报告给维护者）", Location(file))


def _equal(a: Any, b: Any) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_equal(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(map(_equal, a, b))
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    return type(a) is type(b) and a == b
