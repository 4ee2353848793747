"""A report's structure: its own levels (一、（一）1.（1）, or those the text uses), as deep
as the pack goes, then the closing and the 落款."""

from __future__ import annotations

from typing import Any

from drafting.extraction import genre
from drafting.extraction.front_matter import (
    REPORT_TITLE,
    date_text,
    looks_like_title,
    period_in,
    remind_unknown_year,
    signature_index,
    year_in,
)
from drafting.extraction.genre import Node, Paragraph
from drafting.extraction.result import Extraction
from drafting.extraction.units import (
    heading_before_run,
    late_run,
    longest_first,
    mark_joined,
    split_head,
    texts_of,
)
from drafting.packs.roles import Roles


def fill_report(paras: list[Paragraph], roles: Roles, result: Extraction) -> None:
    """Title, opening, the text's own levels (一、（一）1.（1）, or （一） 1、 一是 … where the
    text uses them) as deep as the pack goes, closing, 落款 (or none, as in the text)."""
    top, data = roles.top, result.data
    signature_at = signature_index(paras)
    end = signature_at if signature_at is not None else len(paras)
    depth = len(_report_levels(roles)) or 1
    forms = _report_forms(roles)
    title_count = 1 if paras and looks_like_title(paras[0].text) and not _opens_a_level(paras[0], forms) else 0
    issuer, date = None, None
    if signature_at is not None:
        issuer = paras[signature_at].text
        if signature_at + 1 < len(paras):
            date = date_text(paras[signature_at + 1].text)
    title = paras[0].text if title_count else ""
    m = REPORT_TITLE.fullmatch(title)
    year = (int(m.group(2)), "自动识别：年份取自标题") if m else year_in(paras, date, result.written)
    if "issuer" in top:
        data[top["issuer"]] = issuer or (m.group(1) if m and m.group(1) else "请填写发文机关")
    if "signature" in top and signature_at is None:
        data[top["signature"]] = False
        result.note((top["signature"],), "自动识别：原稿末尾没有落款，不输出；要输出落款请改为 true 并填写发文机关（issuer）")
    elif issuer is None and "issuer" in top:
        result.note((top["issuer"],), "自动识别：原文末尾没有落款，发文机关请核对（生成时会在末尾输出落款）")
    if "year" in top:
        data[top["year"]] = year[0]
        result.note((top["year"],), year[1])
        remind_unknown_year(year[0], top["year"], result)
    period = m.group(3) if m and m.group(3) else period_in(paras, title)
    if "period" in top:
        data[top["period"]] = period
    derived = bool(m and issuer and m.group(1) == issuer and m.group(3) == period)
    if "title" in top and not derived:
        data[top["title"]] = title
        if not title:
            result.note((top["title"],), "自动识别：原文没有标题行，写空字符串则不输出")
    if date and "date" in top:
        data[top["date"]] = date[0]
        if date[1] != "arabic":
            data[top["date-style"]] = date[1]
    body = paras[title_count:end]
    levels: list[str] = []
    opening, sections = _report_body(body, forms, levels, depth)
    if opening and "opening" in top:
        data[top["opening"]] = texts_of(opening)
    data[top["sections"]] = sections
    defaults = [form for _, form in _report_levels(roles)]
    if levels and levels != defaults[: len(levels)] and "level-numbering" in top:
        data[top["level-numbering"]] = levels
        result.note((top["level-numbering"],), f"自动识别：原文各层序号为 {'、'.join(levels)}")
    if not levels:
        result.note((top["sections"],), "自动识别：没有找到编号的部分，正文按原文写在一个不带标题的部分中，请核对")
    else:
        result.note((top["sections"],), f"自动识别：正文分 {len(sections)} 部分，层次序号 {''.join(levels)}")
    if signature_at is not None and end + (2 if date else 1) < len(paras):
        result.note((top["sections"],), "落款之后还有文字，按原位置保留在最后一部分")
# numbering a report level may take, for a pack that names none (level-numbering's enum)
_REPORT_FORMS = ("一、", "一.", "一．", "第一部分", "（一）", "(一)", "1.", "1．", "1、", "（1）", "(1)", "1）", "1)", "一是", "一要", "第一，", "第一,", "第一、", "其一，", "其一,")
# forms a lone first unit may head a level with (an excerpt cut after it)
_LONE_LEVEL_FORMS = ("一、", "一.", "一．", "第一部分", "（一）", "(一)", "1、", "第一、")


def _report_forms(roles: Roles) -> tuple[str, ...]:
    key = roles.top.get("level-numbering")
    forms = roles.schema.get("properties", {}).get(key, {}).get("items", {}).get("enum", ()) if key else ()
    return longest_first(tuple(forms) or tuple(form for _, form in _report_levels(roles)) or _REPORT_FORMS)


def _opens_a_level(p: Paragraph, forms: tuple[str, ...]) -> bool:
    """A first line numbered like a part (一、上半年工作总结) heads a level, not the document."""
    return any(genre.marker_number(p.text, form) == 1 for form in forms if form in _LONE_LEVEL_FORMS)


def _report_body(body: list[Paragraph], forms: tuple[str, ...], levels: list[str], depth: int) -> tuple[list[Paragraph], list[dict]]:
    """(opening, top sections): the top level is the text's own; an excerpt that starts inside a
    part (its first heading is 二、) gets a part without a heading for what comes before."""
    form, run = _level_in(body, forms, levels, 0)
    if run:
        opening, nodes = genre.divide(body, form, run)
        levels.append(form)
        return opening, [_report_section(node, n, forms, levels, 1, depth) for n, node in enumerate(nodes)]
    form, first, run = late_run(body, forms)
    if run:
        # what comes before 二、 (its own （一）… or text) is the rest of a part whose heading the excerpt cut off
        levels.append(form)
        lower, children = _lower_level(body[: run[0]], forms, levels, 1, depth)
        opening = lower if children else []  # the words before its first （一） open the report
        sections = [{} for _ in range(first - 2)] + [_headless([] if children else lower, children)]
        _, nodes = genre.divide(body, form, run)
        sections += [_report_section(node, first - 1 + n, forms, levels, 1, depth) for n, node in enumerate(nodes)]
        return opening, sections
    # no numbered level at all: the text stays as written, in one part without a heading
    return [], [_headless(body, [])]


def _headless(body: list[Paragraph], children: list[dict]) -> dict:
    section: dict[str, Any] = {}
    if body:
        section["body"] = texts_of(body)
    if children:
        section["sections"] = children
    return section


def _level_in(paras: list[Paragraph], forms: tuple[str, ...], levels: list[str], at: int) -> tuple[str, list[int]]:
    """The numbering of level ``at``: the one already set there, else the first run in the text (a
    lone first unit of a heading form counts when it comes first)."""
    if at < len(levels):
        return genre.level_form(paras, set(), (levels[at],), minimum=1, fixed=True)
    allowed = tuple(f for f in forms if f not in levels)
    form, run = genre.level_form(paras, set(), allowed, minimum=2)
    single = genre.level_form(paras, set(), tuple(f for f in allowed if f in _LONE_LEVEL_FORMS), minimum=1)
    if single[1] and (not run or single[1][0] < run[0]):
        form, run = single
    return form, run


def _lower_level(paras, forms, levels, at, depth) -> tuple[list[Paragraph], list[dict]]:
    """What stands before level ``at``'s first unit, and the units as sections."""
    if at >= depth:
        return paras, []
    form, run = _level_in(paras, forms, levels, at)
    if not run:
        return paras, []
    if at == len(levels):
        levels.append(form)
    before, nodes = genre.divide(paras, form, run)
    return before, [_report_section(node, n, forms, levels, at + 1, depth) for n, node in enumerate(nodes)]


def _report_levels(roles: Roles) -> list[tuple[str, str]]:
    """(definition name, numbering) of each level, from the schema's x-draft-numbering."""
    levels, name = [], roles.schema.get("properties", {}).get(roles.top.get("sections", ""), {}).get("items", {}).get("$ref", "")
    defs = roles.schema.get("$defs", {})
    while name:
        name = name.rsplit("/", 1)[-1]
        node = defs.get(name, {})
        if "x-draft-numbering" not in node:
            break
        levels.append((name, node["x-draft-numbering"]))
        name = node.get("properties", {}).get("sections", {}).get("items", {}).get("$ref", "")
    return levels


def _report_section(node: Node, n: int, forms, levels: list[str], at: int, depth: int) -> dict:
    """A unit of level ``at`` - 1 and, below it, the next level the text uses; when the words
    after a run-in heading open a unit of their own, the whole line is the heading."""
    marker = node.marker(n + 1)
    cut = _first_unit_cut(node, marker, forms, levels, at, depth)
    if cut is not node:
        seen = list(levels)
        section = _report_section_as(cut, cut.head.text[len(marker) :], None, forms, levels, at, depth)
        if section.get("sections") and section["sections"][0].get("joined"):
            return section
        levels[:] = seen  # the cut unit heads no level below: the levels found for it are not the text's
    heading, rest = split_head(node.head, marker, item=at > 1)
    section = _report_section_as(node, heading, rest, forms, levels, at, depth)
    body = section.get("body", [])
    if rest is not None and not (body and body[0] == rest) and not ("points" in section and not body):
        section = _report_section_as(node, heading + rest, None, forms, levels, at, depth)
    return section


def _first_unit_cut(node: Node, marker: str, forms, levels: list[str], at: int, depth: int) -> Node:
    """A unit whose heading runs on into the first unit of the level below while the others
    open the paragraphs after it (一、经济运行总体平稳。1.工业生产稳中有升。…… then 2.……):
    that first unit cut off and printed on in the heading's paragraph (``joined``), as a
    flattened page's is; the node itself otherwise."""
    if at >= depth or node.head.lead:
        return node
    below = (levels[at],) if at < len(levels) else tuple(f for f in forms if f not in levels)
    cut = heading_before_run(node.head.text[len(marker) :], node.intro, below)
    if not cut:
        return node
    cut += len(marker)
    head = Paragraph(node.head.text[:cut], joined=node.head.joined)
    return Node(node.form, head, intro=[Paragraph(node.head.text[cut:], joined=True), *node.intro])


def _report_section_as(node: Node, heading: str, rest: str | None, forms, levels: list[str], at: int, depth: int) -> dict:
    section: dict[str, Any] = {"heading": heading}
    paras = node.intro
    run_in, rest = mark_joined(section, node, rest, {"joined": "joined", "heading-run-in": "run_in"})
    if run_in and rest is None:
        section["run_in"] = True
    elif rest is not None:
        section["run_in"] = True
        paras = [Paragraph(rest, "")] + paras
        # a heading run straight into its items listed inline (（一）经济运行稳中有进1、……；2、……):
        # the list is this unit's items, not a lone lower unit holding the rest
        if genre.inline_items(rest) is not None and _inline_in_report(section, paras):
            return section
    body, children = _lower_level(paras, forms, levels, at, depth)
    if not children and _inline_in_report(section, body):
        return section
    if body:
        section["body"] = texts_of(body)
    if children:
        section["sections"] = children
    return section


def _inline_in_report(section: dict, paras: list[Paragraph]) -> bool:
    """Items written in one paragraph of a report's unit (（一）……。一是……二是……): the
    paragraphs before it, the words before 一是, the items, the paragraphs after."""
    found = [(i, listed) for i, p in enumerate(paras) if p.table is None
             and (listed := genre.inline_items(p.text) or genre.inline_items_after(p.text)) and not listed.groups]
    if len(found) != 1:
        return False
    i, listed = found[0]
    if paras[:i]:
        section["body"] = texts_of(paras[:i])
    if listed.before:
        section["lead_in"] = listed.before
    section["enumeration"] = listed.form
    section["points"] = [_report_point(text) for text in listed.items]
    if paras[i + 1 :]:
        section["after"] = texts_of(paras[i + 1 :])
    return True


def _report_point(text: str) -> dict:
    end = genre.lead_clause(text)
    return {"lead": text[:end], "body": [text[end:]]} if 0 < end < len(text) else {"lead": text}
