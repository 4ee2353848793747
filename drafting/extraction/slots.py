"""Where recognised data goes after the structure: statistics into paragraphs and leads
the pack lets hold them, enumerations inside paragraphs into list paragraphs, and keys
in the order the pack's schema lists them."""

from __future__ import annotations

from typing import Any

from drafting.extraction.result import Extraction, Path_
from drafting.extraction.genre import lead_clause


def nest_inline_lists(result: Extraction, schema: dict) -> None:
    """Enumerations inside paragraphs left as words become list paragraphs (``inline_lists``)."""
    from drafting.extraction.inline_lists import list_forms, nest_lists

    for path, count, form in nest_lists(result.data, list_forms(schema), lead_clause):
        notes = [n for n in result.notes.get(path, []) if not n.startswith("这段话内部有")]
        result.notes[path] = notes + [f"自动识别：这段话中列举了 {count} 项（{form}……），整理为段中列举（enumeration、points），输出与原文相同"]


def recognise_indicators(result: Extraction, schema: dict) -> None:
    from drafting.readers.indicators import with_indicators

    first = None
    listed_leads = _list_leads_take_indicators(schema)
    slots = [*_paragraph_slots(result.data, (), listed_leads), *_lead_slots(result.data, schema, schema, ())]
    for path, holder, at in slots:
        text = holder[at]
        if not isinstance(text, str):
            continue
        found = with_indicators(text)
        if found is not text:
            holder[at] = found
            result.statistics.extend(found["indicators"])
            result.note(
                path,
                f"自动识别：段中的统计数字整理为 {len(found['indicators'])} 项指标（indicators），输出与原文相同",
            )
            first = first or path
    if first is not None:
        result.note(first, SHEET_NOTE)
# the figures kept are the old speech's; the statistics sheet (source/statistics.py) fills value and change
SHEET_NOTE = (
    "各指标的数字是原稿（去年）的。换成今年的：在文件开头加一行 statistics: 指标.xlsx（统计局的表；"
    "可用 draft extract 原稿 --statistics-out 指标.xlsx 生成空表交统计部门填写），再把要更新的 value、change "
    "改为 X 或删去，生成时按 name 从表中取数；share、rank、gap 等表中没有的数字请直接改写"
)
_PARAGRAPH_LISTS = {"opening", "intro", "body", "closing", "after"}
_PARAGRAPH_FIELDS = {"lead_in"}  # one paragraph's text (the words before an inline list)


def _paragraph_slots(value: Any, path: Path_, listed_leads: bool = False):
    """Every paragraph of the data as (path, what holds it, its key or index there), in
    reading order, and, when the pack lets them hold statistics, the lead of every item of
    a list paragraph (1、抓项目，新开工项目28个；: the lead a reader sees, through its ；,
    states the figure)."""
    if isinstance(value, dict):
        for key, child in value.items():
            if key in _PARAGRAPH_LISTS and isinstance(child, list):
                for n, element in enumerate(child):
                    if isinstance(element, dict) and "points" in element:  # a paragraph listing items
                        yield from _listed_slots(element, path + (key, n), listed_leads)
                    else:
                        yield path + (key, n), child, n
            elif key in _PARAGRAPH_FIELDS:
                yield path + (key,), value, key
            else:
                yield from _paragraph_slots(child, path + (key,), listed_leads)
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _paragraph_slots(child, path + (i,), listed_leads)


def _listed_slots(listed: dict, path: Path_, listed_leads: bool):
    """A list paragraph's words before its first marker, then each item's lead and body."""
    if "lead_in" in listed:
        yield path + ("lead_in",), listed, "lead_in"
    for i, item in enumerate(listed.get("points") or []):
        if not isinstance(item, dict):
            continue
        if listed_leads and "lead" in item:
            yield path + ("points", i, "lead"), item, "lead"
        yield from _paragraph_slots({k: v for k, v in item.items() if k != "lead"}, path + ("points", i), listed_leads)


def _list_leads_take_indicators(schema: dict) -> bool:
    """Whether the pack's list items (``$defs/list_item``) may have a lead that holds statistics."""
    lead = schema.get("$defs", {}).get("list_item", {}).get("properties", {}).get("lead", {})
    return isinstance(lead, dict) and _lead_takes_indicators(lead, schema, "lead")


def _lead_slots(value: Any, node: dict, schema: dict, path: Path_):
    """Every lead sentence or heading the pack lets hold statistics (a ``lead`` or ``heading``
    field, or one of that role, whose schema also admits an indicator paragraph: 二是财政收入
    完成X亿元，增长X%。 · （一）规上工业增加值增长8.1%), as ``_paragraph_slots`` gives them;
    where the pack prints one only as words it stays words, so the rebuild stays exact.
    Paragraph lists are not entered: ``_paragraph_slots`` gives their list items' leads."""
    node = _resolve(node, schema) if isinstance(node, dict) else {}
    if isinstance(value, list):
        for i, child in enumerate(value):
            yield from _lead_slots(child, node.get("items", {}), schema, path + (i,))
    elif isinstance(value, dict):
        props = node.get("properties", {})
        for key, child in value.items():
            prop = props.get(key)
            if not isinstance(prop, dict):
                continue
            if isinstance(child, str) and _lead_takes_indicators(prop, schema, key):
                yield path + (key,), value, key
            elif isinstance(child, (dict, list)):
                yield from _lead_slots(child, prop, schema, path + (key,))


_HOLDERS = ("lead", "heading")  # keys (and roles) of the sentences that may state a statistic


def _lead_takes_indicators(prop: dict, schema: dict, key: str) -> bool:
    return (key in _HOLDERS or prop.get("x-draft-role") in _HOLDERS) and any(
        "indicators" in _resolve(branch, schema).get("properties", {}) for branch in prop.get("anyOf", [])
    )


def in_schema_order(value: Any, node: dict, schema: dict) -> Any:
    """Keys in the order the schema lists them (the order a writer reads the pack's example in)."""
    node = _resolve(node, schema) if isinstance(node, dict) else node
    if isinstance(value, dict):
        props = node.get("properties", {}) if isinstance(node, dict) else {}
        if not props and isinstance(node, dict):  # a paragraph: text or an indicator paragraph
            for branch in node.get("anyOf", []):
                target = _resolve(branch, schema)
                if set(value) <= set(target.get("properties", {})):
                    props = target["properties"]
                    break
        order = list(props)
        keys = sorted(value, key=lambda k: order.index(k) if k in order else len(order))
        return {k: in_schema_order(value[k], props.get(k, {}), schema) for k in keys}
    if isinstance(value, list):
        item = node.get("items", {}) if isinstance(node, dict) else {}
        return [in_schema_order(v, item, schema) for v in value]
    return value


def _resolve(node: dict, schema: dict) -> dict:
    while "$ref" in node:
        node = schema.get("$defs", {}).get(node["$ref"].rsplit("/", 1)[-1], {})
    return node
