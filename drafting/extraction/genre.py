"""The shape of a speech or report of the genre, recognised in its paragraphs.

Offices number their levels in a few ways (一、 （一） 一是 一要 第一， 第一部分
1. （1）…) and nest them in the order they first appear: whatever numbering
opens the body numbers the parts, the next one inside a part numbers its
sections or items, and so on. A numbering counts as a level only when it runs
1, 2, 3 … in order inside the span it divides (a stray 四、 stays text), and a
numbering that restarts at 1 cannot be the one above it. The result is a tree
of ``Node``s over the paragraphs; nothing is dropped or reordered, so the packs'
templates print the text back exactly.

Which built-in pack a text belongs to is read from the genre's own signals, the
strongest first, and the first that speaks decides (``pack_of``; the reason it
gives quotes the words that decided). The three packs: half-year-report is a half
year's report; year-end-speech reviews a whole year (or several) and looks to the
next; half-year-speech is every other speech, and the closest to any other report
(a quarter's, some months', a briefing with no period).

1. The title. A speech says so (讲话 发言 致辞 主持词, 在……上的); a report names
   itself (工作总结 情况总结 工作报告 打算 思路 计划 汇报 述职 情况分析 — not 分析会 —,
   or ends in 情况). A report title naming half a year
   (上半年 半年 年中 1-6月) is half-year-report; one naming a quarter or some months
   (一季度 前三季度 1-9月) is half-year-speech; one naming a whole year or several
   (2023年工作总结, 年度, 述职, 年终, 五年工作总结, 任期) or a 政府工作报告 reviewing a
   year is year-end. A speech title naming part of the year is half-year-speech; a
   speech title naming a meeting at the turn of the year (开局 新春 节后 年初 ……会)
   is year-end when the text looks back on the year just ended (去年, 过去一年, or the
   year before another it names: 2025年的指标 beside 2026年是开局之年).
   A 一年中 is the year's course, not 年中 (midyear).
2. The opening (after title and salutation, before the first part, at most
   three paragraphs). A report's opening (现将……总结如下, 将……作……汇报, 以下是……
   总结) goes by the period it names: half a year → half-year-report, a quarter →
   half-year-speech, a year's work (2022年度, 一年来, or a first heading 一、2022年亮点工作;
   not 2022年以来 alone, the year so far) → year-end; one
   naming no period leaves it to the wording below, as a report. Otherwise half a
   year reviewed is a report when nobody is spoken to (or the title is a report's),
   else a speech; a quarter is a speech (not at the annual meeting, where 1-11月 beside
   全年 or 明年 is the year so far); a year reviewed in the opening or the first
   heading (总结回顾2025年, 20XX年工作回顾, 2024年工作总结, 过去(的)一年, 回顾去年,
   去年的经济工作, 贯彻……经济工作会议精神 — the annual meeting follows the central one),
   or several years (过去五年, 五年来, 本届以来, 回顾“十三五”) is year-end.
3. The meeting held is the annual one (召开全镇经济工作会, 这次务虚会议, or such a
   title), or one at the turn of the year that looks back (rule 1; 新一年的第一个大会
   too), or the text is a report to a congress (向大会报告政府工作, 向大会作报告: a
   人代会 reviews a year, a 党代会 a term): year-end.
4. The wording. No salutation and a 落款 at the end, or nobody spoken to (同志们 我讲
   大家) and half a year's wording, is a report (unless it names some months first:
   1至5月 figures, then 预计上半年, report some months); 全年 said twice, 明年, 一年来 without
   上半年 is a year-end speech; all else the half-year speech.

The year (``front_matter.year_in``) is the packs' meeting.year: for a year's review
the year it sums up — said so (回顾2024年, 2024年工作回顾), a report title's first year,
the year before the one planned (部署2026年, 2026年是开局之年); several years (五年来)
or a year its date line contradicts give X — and for any other text the year it is in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from drafting.model.numerals import enumeration_marker, parse_count

# every numbering the genre uses, longest first so 第一部分， wins over 第一部分
FORMS = (
    "第一句话，", "第一句话,", "其一，", "其一,", "第一部分：", "第一部分，", "第一部分", "第一，", "第一、", "第一,",
    "（一）", "(一)", "一、", "一是", "一要", "（1）", "(1)", "1.", "1．", "1、", "1）", "1)",
)
# forms a sub-item (1. 2.) may take; the others are items or sections
SUBITEM_FORMS = ("1.", "1．", "1、", "（1）", "(1)", "1）", "1)", "第一，")
# forms that head a section of a part rather than an item
SECTION_FORMS = ("（一）", "(一)")
_NUMERAL = re.compile(r"[一二三四五六七八九十]{1,3}|\d{1,2}")
HALF_TO_FULL = str.maketrans({",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"})
SENTENCE_END = "。！？"
MAX_DEPTH = 4


@dataclass(slots=True)
class Paragraph:
    text: str
    lead: str = ""  # bold text the paragraph opens with, when the reader saw one
    table: tuple | None = None  # rows of cell texts, for a table read from Word
    joined: bool = False  # cut from the paragraph before it, where a flattened page ran a unit in (flattened.py)

    @property
    def plain(self) -> str:
        """The text with half-width punctuation read as full-width, for recognition only."""
        return self.text.translate(HALF_TO_FULL)


@dataclass(slots=True)
class Node:
    """A numbered unit: its form, its first paragraph (marker and all), the
    paragraphs before its first child, its children, and what follows them."""

    form: str
    head: Paragraph
    intro: list[Paragraph] = field(default_factory=list)
    child_form: str = ""
    children: list["Node"] = field(default_factory=list)
    closing: list[Paragraph] = field(default_factory=list)

    @property
    def marker_length(self) -> int:
        return len(enumeration_marker(self.form, 1)) if self.form not in ("", "none") else 0

    def marker(self, n: int) -> str:
        return enumeration_marker(self.form, n)


def marker_number(text: str, form: str) -> int | None:
    """n when ``text`` opens with the n-th marker of ``form`` and has words after it."""
    if table_like(text):
        return None
    head, _, tail = form.partition("一") if "一" in form else form.partition("1")
    if not text.startswith(head):
        return None
    m = _NUMERAL.match(text, len(head))
    if m is None:
        return None
    n = parse_count(m.group()) if not m.group().isdigit() else int(m.group())
    if not n:
        return None
    marker = enumeration_marker(form, n)
    if not text.startswith(marker) or len(text) == len(marker):
        return None
    if form in ("1.", "1．", "(1)", "（1）", "1）", "1)") and text[len(marker)].isdigit():
        return None  # 1.5亿元 is a figure, not an item
    return n


def table_like(text: str) -> bool:
    return "\t" in text


def numbered_run(paras: list[Paragraph], form: str) -> list[int]:
    """Indexes of paragraphs numbered 1, 2, 3 … in order with ``form``."""
    found: list[int] = []
    for i, p in enumerate(paras):
        if p.table is None and marker_number(p.text, form) == len(found) + 1:
            found.append(i)
    return found


def restarts(paras: list[Paragraph], form: str) -> bool:
    """Whether the form's numbering starts again at 1 (so it is not the level above)."""
    return sum(1 for p in paras if p.table is None and marker_number(p.text, form) == 1) > 1


def level_form(
    paras: list[Paragraph], used: set[str], allowed=FORMS, minimum: int = 2, fixed: bool = False
) -> tuple[str, list[int]]:
    """The numbering that divides this span: runs at least ``minimum`` long, does
    not restart (unless the level's form is ``fixed`` by the pack), first to
    appear (the more specific form on a tie)."""
    best: tuple[str, list[int]] = ("", [])
    for form in allowed:
        if form in used:
            continue
        run = numbered_run(paras, form)
        if len(run) < minimum or (not fixed and restarts(paras, form)):
            continue
        if not best[1] or run[0] < best[1][0]:
            best = (form, run)
    return best


def divide(paras: list[Paragraph], form: str, run: list[int]) -> tuple[list[Paragraph], list[Node]]:
    """The paragraphs before the first marker, and a node for each marker with what follows it."""
    nodes = []
    for start, end in zip(run, run[1:] + [len(paras)]):
        nodes.append(Node(form, paras[start], intro=paras[start + 1 : end]))
    return paras[: run[0]] if run else paras, nodes


def lead_clause(text: str) -> int:
    """Length of an inline item's lead: through its first 。！？；： outside quotes (its
    lead as a reader takes it: 一是项目建设提速：……, 一是抓项目；二是……); 0 when there is none.
    A figure stated before that stays in the lead (抓项目，新开工项目28个；): the shipped packs' item
    leads may hold indicators."""
    return _through_first(text, "。！？；：")


def lead_sentence(text: str) -> int:
    """Length of the first sentence (through its 。！？), outside quotes; 0 when there is none."""
    return _through_first(text, SENTENCE_END)


def _through_first(text: str, stops: str) -> int:
    depth = 0
    for i, ch in enumerate(text.translate(HALF_TO_FULL)):
        if ch in "“《（":
            depth += 1
        elif ch in "”》）":
            depth = max(depth - 1, 0)
        elif ch in stops and depth == 0:
            return i + 1
    return 0


def is_heading_line(text: str) -> bool:
    """A heading says one thing: no sentence ends before its last character."""
    end = lead_sentence(text)
    return end == 0 or end == len(text)


# ---------------------------------------------------------------- inline items

INLINE_FORMS = (
    "一是", "一要", "第一，", "第一,", "其一，", "其一,", "第一、", "一方面，", "一方面,", "一方面", "（一）", "(一)", "1、", "（1）", "(1)",
    "1.", "1．",  # ……主要有三点：1.招商项目落地慢；2.企业融资难；…… (never 。2.5亿元: a figure)
)
_BEFORE_INLINE_MARKER = "，；。：！？” \u3000"  # 。”二是 · ！二是 · 。 二是 (a flattened page)
_GROUP_CUT = "。！？；"


class InlineList(NamedTuple):
    """Items listed in one paragraph: the words before the first marker, the form, the
    text of each item after its marker, and, for an item where the list starts again
    at 一是 (“两增”：一是……二是……“三突破”：一是……), the words said before that marker."""

    before: str
    form: str
    items: list[str]
    groups: dict[int, str]


def inline_items(text: str) -> InlineList | None:
    """The list when a paragraph opens with 一是 and holds 二是, 三是 … in order; a list may
    start again at 一是 after words of its own, when 二是 follows that 一是 too."""
    plain = text.translate(HALF_TO_FULL)
    for form in INLINE_FORMS:
        if marker_number(text, form) != 1:
            continue
        # (where each item's marker starts, its number, where the words before a restarted list start)
        cuts: list[tuple[int, int, int | None]] = [(0, 1, None)]
        n = 2
        while True:
            following = _marker_at(plain, enumeration_marker(form, n), cuts[-1][0] + 1)
            restart = _restart_at(plain, form, cuts[-1][0] + 1)
            if restart is not None and (following is None or restart < following):
                said = max(plain.rfind(mark, cuts[-1][0], restart) for mark in _GROUP_CUT) + 1
                cuts.append((restart, 1, said if said > cuts[-1][0] else restart))
                n = 2
            elif following is not None:
                cuts.append((following, n, None))
                n += 1
            else:
                break
        if len(cuts) < 2:
            continue
        items, groups = [], {}
        for k, (at, number, said) in enumerate(cuts):
            stop = len(text) if k + 1 == len(cuts) else _item_end(cuts[k + 1])
            items.append(text[at + len(enumeration_marker(form, number)) : stop])
            if said is not None:
                groups[k] = text[said:at]
        if not all(items):
            continue
        return InlineList("", form, items, groups)
    return None


def _item_end(following: tuple[int, int, int | None]) -> int:
    """An item ends where the next marker stands, or where the words before a restarted list begin."""
    at, _, said = following
    return at if said is None else said


def _marker_at(plain: str, marker: str, start: int) -> int | None:
    """Where ``marker`` next stands after a mark that ends a clause (not inside a word: 统一是)."""
    marker = marker.translate(HALF_TO_FULL)  # plain is read full-width: 其二, is found as 其二，
    at = plain.find(marker, start)
    while at > 0:
        figure = marker[-1] in ".．" and plain[at + len(marker) : at + len(marker) + 1].isdigit()  # 。2.5亿元
        if plain[at - 1] in _BEFORE_INLINE_MARKER and not figure:
            return at
        at = plain.find(marker, at + 1)
    return None


def _restart_at(plain: str, form: str, start: int) -> int | None:
    """Where the list starts again at 一是: a first marker with a second after it, before any other first."""
    first, second = enumeration_marker(form, 1), enumeration_marker(form, 2)
    at = _marker_at(plain, first, start)
    if at is None:
        return None
    following = _marker_at(plain, second, at + 1)
    after = _marker_at(plain, first, at + 1)
    return at if following is not None and (after is None or following < after) else None


def inline_items_after(text: str) -> InlineList | None:
    """The list when a paragraph says something and then lists its items in the
    same paragraph: ……不足。主要是：一是……。二是……。"""
    plain = text.translate(HALF_TO_FULL)
    for form in INLINE_FORMS:
        first = enumeration_marker(form, 1)
        at = plain.find(first)
        while at > 0:
            if plain[at - 1] in "：。":
                found = inline_items(text[at:])
                # pasted half-width text (其一,) is found through its full-width reading (其一，)
                if found is not None and found.form.translate(HALF_TO_FULL) == form.translate(HALF_TO_FULL):
                    return found._replace(before=text[:at])
            at = plain.find(first, at + 1)
    return None


# ---------------------------------------------------------------- closings

# sentences that turn from a part's last item back to the whole part
PART_CLOSING = re.compile(
    r"^(在看到成绩的同时|在肯定成绩的同时|同时也要看到|同时，我们也要|同时也要清醒|但也要看到|我们也要清醒|"
    r"对于这些问题|对这些问题|针对这些问题|这些问题|总之|总的来看|总的来说|总而言之|综上|"
    r"成绩来之不易|这些成绩|以上成绩|当然|但是，|但同时|需要指出的是|必须清醒地看到|"
    r"上述|以上几个方面|以上几点|做好这些工作)"
)
SPEECH_CLOSING = re.compile(r"^同志们[，,！!]")


def split_part_closing(node: Node, extra: int = 0) -> None:
    """Move what follows the last child but belongs to the whole node into its closing:
    from a sentence that turns back to the whole part, or, when every other child
    has k paragraphs, what the last has beyond k (+ ``extra``)."""
    if not node.children:
        return
    last = node.children[-1]
    tail = last.closing if last.children else last.intro
    for i, p in enumerate(tail):
        if p.table is None and PART_CLOSING.match(p.plain):
            node.closing = tail[i:] + node.closing
            del tail[i:]
            return
    if last.children:
        return
    sizes = [len(child.intro) for child in node.children[:-1]]
    if sizes and len(set(sizes)) == 1 and len(last.intro) > sizes[0] + extra:
        keep = sizes[0] + extra
        node.closing = last.intro[keep:] + node.closing
        del last.intro[keep:]


# ---------------------------------------------------------------- which pack

SPEECH, REPORT, YEAR_END = "half-year-speech", "half-year-report", "year-end-speech"
_SPEECH_TITLE = re.compile(r"讲话|发言|致辞|主持词|讲稿|在.{2,40}上的")
# (上半年经济运行情况分析 is a report too, a 分析会 a meeting; so are 上半年工作开展情况 and
# ……及下半年工作思路 / 2025年工作计划)
_REPORT_TITLE = re.compile(r"总结|工作报告|情况报告|的报告|汇报|打算|思路|计划|执行情况|述职|分析(?!会)|情况$")
# half a year: 上半年 半年 年中 1-6月 (not 下半年, not 一年中 — the whole year's course —, not 今年中央)
_HALF = re.compile(r"上半年|(?<![下一])半年|(?<![一这全今])年中(?![央国华心])|(?<![\d１-９])[1１] ?[-—–~～至到] ?[6６] ?月|元至6月")
# another part of the year: 一季度 前三季度 1-8月 1至9月 (not 12月, which closes the year)
_QUARTER = re.compile(
    r"前?[一二三四1-4１-４]季度|(?<![\d１-９])[1１] ?[-—–~～至到] ?(?:[2-57-9]|1[01]) ?月|元至(?:[2-57-9]|1[01])月"
)
# a whole year, or several (a 五年 review, a term): 2021年工作总结, 年度总结, 述职报告, 年终总结, 五年工作总结
# (二〇二三年工作总结 and 20XX年 name one year; 二〇二三 holds no 三年工作)
_WHOLE_YEAR = re.compile(
    r"年度|全年|述职|年终|\d{4} ?年|20[XxＸ×*＊]{2} ?年|(?:一九|二[〇零○0])[〇零○0一二三四五六七八九]{2}年|"
    r"(?<![〇零○0一二三四五六七八九])[两三四五六七八九十几]年(?:来|工作|的)|任期|本届"
)
_ANNUAL_MEETING = re.compile(r"经济工作(?:动员|务虚)?(?:会议|会)|务虚会|政府工作报告")
# the meeting being held is the annual one (召开全镇经济工作会, 这次务虚会议), not the central one it follows
_ANNUAL_MEETING_HELD = re.compile(r"(?:召开|这次|本次|此次)[^。；，]{0,20}(?:经济工作(?:动员|务虚)?会|务虚会)")
# a meeting at the turn of the year looks back on the last and ahead to the new: 开局动员会, 新春茶话会, 节后收心会
# (not 年初: 年初召开的经济工作会议 is a meeting a later speech refers back to)
# 这次会议是开发区新一年的第一个大会
# · 春节团拜会
_NEW_YEAR_MEETING = re.compile(r"(?:开局|开年|新春|新年|春节|节后|团拜|新一年的?第一[个次场]?)[^。；，、：]{0,12}(?:大会|会议|会)")
_YEAR_REVIEWED = re.compile(
    r"(?:\d{4}|20[XxＸ×*＊]{2}|[〇零一二三四五六七八九]{4}) ?年(?:度)?(?:工作|经济工作)?回顾|"
    r"(?:\d{4}|20[XxＸ×*＊]{2}) ?年(?:度)?工作总结|过去的?一年(?!多)|刚刚过去的|一年来|"
    r"(?:总结|回顾)(?:回顾|总结)?(?:去年|上年|全年|\d{4} ?年)|(?<![比较与])去年的?(?:各项|经济)?工作|"
    r"贯彻[^。；]{0,30}经济工作会议精神"
)
# a review of several years (a 党代会's or a new term's 过去五年, 五年来, 本届以来): year-end, with no one year
# (回顾“十三五”发展成就, “十三五”时期: a plan period is five years)
_YEARS_REVIEWED = re.compile(
    r"过去的?[两三四五六七八九十]年(?!多)|[两三四五六七八九十]年来|本届以来|任期以来|"
    r"回顾“?十[一二三四五六]五|“?十[一二三四五六]五”?(?:时期|期间|以来)"
)
# a report to a congress (向大会报告政府工作, 向大会作报告): a 人代会's work report reviews a year, a 党代会's a term
# the year ahead named as such at the turn of the year: 2025年是“十四五”规划收官之年 · 今年是开局之年
_YEAR_AHEAD = re.compile(r"(?:\d{4} ?年|今年)是[^。；]{0,24}?之年")
_CONGRESS_REPORT = re.compile(r"向(?:本次)?大会(?:作|报告)[^。；]{0,8}(?:报告|工作)")
# a report naming a whole year's work in its opening or first heading: 现将2022年度工作汇报如下 ·
# 一、2022年亮点工作 (not 2022年以来 alone: the year so far may be any part of it)
_A_YEAR = re.compile(r"\d{4} ?年度|\d{4} ?年(?:的)?(?:主要|亮点|重点)?工作|全年工作|" + _YEAR_REVIEWED.pattern)
# 现将上半年工作总结如下 · 下面将我镇上半年工作情况作一简要汇报 (not 刚才各乡镇作了汇报: others reported)
_REPORT_OPENING = re.compile(
    r"现将[^。；]{0,40}(?:总结|汇报|报告)如下|[将把][^。；]{0,40}[作做][一个简要的]{0,4}汇报|以下是[^。；]{0,30}(?:总结|汇报)"
)
_SPOKEN_TO = re.compile(r"同志们|我讲|讲几点|大家")
_TITLE_MARKER = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])")


def pack_of(paras: list[Paragraph], salutation_at: int | None, signed: bool) -> tuple[str, str]:
    """(pack, the signal that decided it in the writer's words, quoting the text), by the
    rules in the module docstring."""
    if not paras:
        return SPEECH, "原文没有文字"
    title = _title_of(paras, salutation_at)
    start = (salutation_at + 1) if salutation_at is not None else (1 if title else 0)
    opening = "".join(p.plain for p in _opening(paras[start:]))
    heading = next(
        (p.plain for p in paras[start : start + 4] if _TITLE_MARKER.match(p.plain) or p.plain.startswith("第一部分")), ""
    )
    text = "".join(p.plain for p in paras)
    reports = bool(title) and _SPEECH_TITLE.search(title) is None and _REPORT_TITLE.search(title) is not None
    return (
        _by_title(title, reports, text)
        or _by_opening(opening, heading, reports or _unspoken(paras, salutation_at, text), "汇报" in title,
                       bool(title) and _ANNUAL_MEETING.search(title) is not None)
        or _by_meeting(title, opening, text)
        or _by_wording(paras, salutation_at, signed, text)
    )


def _by_title(title: str, reports: bool, text: str) -> tuple[str, str] | None:
    if not title:
        return None
    half, quarter = _HALF.search(title), _QUARTER.search(title)
    if reports and half:
        return REPORT, f"标题“{title}”是半年（“{half.group()}”）的工作总结或报告"
    if reports and quarter:
        return SPEECH, f"标题“{title}”是季度或几个月（“{quarter.group()}”）的总结或汇报，不是半年的，按讲话整理"
    whole = _WHOLE_YEAR.search(title)
    if reports and whole:
        return YEAR_END, f"标题“{title}”是一年（或几年，“{whole.group()}”）的工作总结或报告"
    if reports and "政府工作报告" in title and (reviewed := _YEAR_REVIEWED.search(text)):
        return YEAR_END, f"标题“{title}”是政府工作报告，回顾一年（“{reviewed.group()}”）"
    if not reports and (half or quarter):
        return SPEECH, f"标题“{title}”讲的是一年中的一段（“{(half or quarter).group()}”）"
    if not reports and (new_year := _NEW_YEAR_MEETING.search(title)) and (back := _looks_back(text)):
        return YEAR_END, f"标题“{title}”是年初的会议（“{new_year.group()}”），回顾过去一年（“{back}”）"
    return None


def _by_opening(
    opening: str, heading: str, reports: bool, briefing: bool = False, annual: bool = False
) -> tuple[str, str] | None:
    """The opening's period decides: a report's half year, a quarter, a whole year's work
    (named in the opening or the first heading), a whole year reviewed, several years
    reviewed (not in a briefing, whose 十八大以来…五年来 is background to no period).
    At the ``annual`` meeting (经济工作会议 in the title) held late in the year, the
    months so far (1-11月, 前三季度) beside 全年 or 明年 are the year's figures to date."""
    half, quarter = _HALF.search(opening), _QUARTER.search(opening)
    if said := _REPORT_OPENING.search(opening):
        if half:
            return REPORT, f"开头说“{said.group()}”，汇报半年（“{half.group()}”）的工作"
        if quarter:
            return SPEECH, f"开头说“{said.group()}”，汇报的是季度或几个月（“{quarter.group()}”），不是半年，按讲话整理"
        if year := _A_YEAR.search(opening) or _A_YEAR.search(heading):
            return YEAR_END, f"开头说“{said.group()}”，汇报一年（“{year.group()}”）的工作"
        reports = briefing = True  # a report of no period (a briefing to visitors): the wording decides
    if half:
        if reports:
            return REPORT, f"开头总结半年（“{half.group()}”）的工作，不对听众讲话"
        return SPEECH, f"开头讲的是上半年（“{half.group()}”）"
    if quarter and not (annual and re.search("全年|明年", opening)):
        return SPEECH, f"开头讲的是一年中的一段（“{quarter.group()}”）"
    if reviewed := _YEAR_REVIEWED.search(opening) or _YEAR_REVIEWED.search(heading):
        return YEAR_END, f"开头总结回顾一年的工作（“{reviewed.group()}”）"
    if not briefing and (several := _YEARS_REVIEWED.search(opening) or _YEARS_REVIEWED.search(heading)):
        return YEAR_END, f"开头总结回顾几年的工作（“{several.group()}”）"
    return None


def _by_meeting(title: str, opening: str, text: str) -> tuple[str, str] | None:
    """The meeting held is the annual one, or one at the turn of the year that looks back
    on the year just ended (a new year's mobilisation that only looks ahead is not)."""
    if held := _ANNUAL_MEETING_HELD.search(opening) or title and _ANNUAL_MEETING.search(title):
        return YEAR_END, f"是年度的经济工作会议或务虚会（“{held.group()}”）"
    if (new_year := _NEW_YEAR_MEETING.search(opening)) and (back := _looks_back(text)):
        return YEAR_END, f"是年初的会议（“{new_year.group()}”），回顾过去一年（“{back}”）"
    if (ahead := _YEAR_AHEAD.search(opening)) and (back := _LOOKS_BACK.search(opening)):
        return YEAR_END, f"开头说新的一年（“{ahead.group()}”），回顾过去一年（“{back.group()}”）"
    if congress := _CONGRESS_REPORT.search(opening):
        return YEAR_END, f"是向代表大会所作的报告（“{congress.group()}”），回顾一年或一届的工作"
    return None


# (not 比去年同期, 比上年: a comparison looks back in any text)
_LOOKS_BACK = re.compile(r"(?<![比较与])去年(?!同期)|过去的?一年|刚刚过去|一年来")
_YEAR_NAMED = re.compile(r"(\d{4}) ?年")


def _looks_back(text: str) -> str:
    """Words that look back on the year just ended: 去年, 过去一年, or the year before
    another the text names (2025年的各项指标 beside 2026年是开局之年); "" when none."""
    if said := _LOOKS_BACK.search(text):
        return said.group()
    years = {int(m.group(1)) for m in _YEAR_NAMED.finditer(text)}
    before = sorted(y for y in years if y + 1 in years)
    return f"{before[0]}年" if before else ""


def _by_wording(paras: list[Paragraph], salutation_at: int | None, signed: bool, text: str) -> tuple[str, str]:
    if signed and salutation_at is None:
        return REPORT, "无称谓，末尾有落款"
    # the period a report names first is the one it reports (1至5月 figures, then 预计上半年: some months)
    quarter = _QUARTER.search(text)
    if _unspoken(paras, salutation_at, text) and (half := _HALF.search(text)) and not (quarter and quarter.start() < half.start()):
        return REPORT, f"无称谓、不对听众讲话，总结半年（“{half.group()}”）"
    part_of_year = len(_HALF.findall(text)) + len(_QUARTER.findall(text)) >= 2 and "明年" not in text
    reviewed = _YEAR_REVIEWED.search(text)
    said = "明年" if "明年" in text else "全年" if text.count("全年") >= 2 else reviewed.group() if reviewed else ""
    if "上半年" not in text and said and not part_of_year:
        return YEAR_END, f"讲的是全年或明年（“{said}”）"
    return SPEECH, "没有半年报告、年度讲话的标志，按讲话整理"


def _unspoken(paras: list[Paragraph], salutation_at: int | None, text: str) -> bool:
    """No one is spoken to: no salutation, no 同志们 / 我讲 / 大家."""
    return salutation_at is None and _SPOKEN_TO.search(text) is None


def _title_of(paras: list[Paragraph], salutation_at: int | None) -> str:
    """The first line when it is a title (before any salutation, ends no sentence), without a 一、 it may carry."""
    if salutation_at == 0 or paras[0].table is not None:
        return ""
    first = paras[0].plain.strip()
    if len(first) > 60 or not is_heading_line(first) or first.endswith("："):
        return ""
    return _TITLE_MARKER.sub("", first)


def _opening(paras: list[Paragraph]) -> list[Paragraph]:
    """The first paragraphs of the body, up to the first part heading (at most three)."""
    out = []
    for p in paras[:3]:
        if p.table is not None or _TITLE_MARKER.match(p.plain) or p.plain.startswith("第一部分"):
            break
        out.append(p)
    return out
