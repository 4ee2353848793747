"""Everything around the body: title, salutation, byline, date, meeting, the year and
period a text is about, a report's 落款, and the count phrase closing the opening."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from drafting.extraction import genre
from drafting.extraction.genre import Paragraph
from drafting.extraction.result import Extraction
from drafting.extraction.units import HEADING_MAX
from drafting.model.numerals import (
    calendar_date,
    chinese_numeral,
    format_date,
    parse_count,
)
from drafting.packs.finder import DEFAULT_PACK
from drafting.packs.roles import Roles

_SALUTATION = re.compile(r"[^，。；！？\n]{1,30}：")
_DERIVED_TITLE = re.compile(r"在(\d{4})年(.+)上的讲话")
_MEETING_IN_TITLE = re.compile(r"在(.+)上的(?:讲话|发言|报告|总结讲话|主持词)")
_YEAR = re.compile(r"(\d{4}) ?年")  # 2025年, or 2025 年 in text pasted from a PDF
# a meeting that sums up the second half looks to next year; one that plans 下半年工作 sums up the first
_SECOND_HALF = re.compile(r"总结下半年|下半年以来|下半年工作总结|(?:做好|部署|谋划)明年")
_DATE_LINE = re.compile(r"（(.+)）")
_ARABIC_DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")
_CHINESE_DATE = re.compile(r"[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日")
REPORT_TITLE = re.compile(r"(.*?)(\d{4})年(上半年|前三季度|全年)?工作(?:总结|报告)")
# a count phrase names how many parts follow: 我讲三点意见 / 强调两个问题 / 讲三个方面
COUNT_WORDS = re.compile(
    r"(?:讲|谈|强调|说|提)(?:以下|这么|一下)?([一二两三四五六七八九十]{1,3})(?:点|个方面|个问题|方面|层意思)"
)
DEFAULT_COUNT_PHRASE = {"上半年": "下面，就做好下半年经济工作，我讲{n}点意见。", "下半年": "下面，就做好明年经济工作，我讲{n}点意见。"}


def salutation_index(front: list[Paragraph]) -> int | None:
    for i, p in enumerate(front[:8]):
        if p.table is None and _SALUTATION.fullmatch(p.plain):
            return i
    return None


def preamble_of(front: list[Paragraph]) -> list[Paragraph]:
    """Without a salutation: the first line is a title when it reads like one, then a byline."""
    if not front or not looks_like_title(front[0].text):
        return []
    count = 1
    while count < len(front) and count < 3 and _looks_like_byline(front[count].text):
        count += 1
    return front[:count]


def looks_like_title(text: str) -> bool:
    return len(text) <= HEADING_MAX and not any(mark in text for mark in "。；！？") and "\t" not in text


def _looks_like_byline(text: str) -> bool:
    return _date_of(text) is not None or (len(text) <= 20 and not any(m in text for m in "。，；：！？"))


def _date_of(line: str) -> tuple[str, str] | None:
    """(date, date_style) of a line like （2025年7月15日）, when the template prints it back the same."""
    m = _DATE_LINE.fullmatch(line)
    return date_text(m.group(1)) if m else None


def front_matter(
    lines: list[str], paras: list[Paragraph], result: Extraction, roles: Roles, pack_name: str
) -> tuple[dict, dict]:
    """meeting, and the title / byline / date / date-style fields by role, as the template prints them."""
    fields: dict[str, Any] = {}
    top = roles.top
    lines = list(lines)
    date = _date_of(lines[-1]) if len(lines) >= 1 else None
    if date:
        lines.pop()
    speaker = None
    if len(lines) >= 2 and len(lines[-1]) <= 20 and not any(m in lines[-1] for m in "。，；：！？—“”") and "讲话" not in lines[-1]:
        speaker = lines.pop()
    meeting, derived = _meeting(lines, date, paras, result, roles)
    if not derived:
        fields["title"] = lines[0] if len(lines) == 1 else lines
        if not lines:
            fields["title"] = ""
            result.note((top.get("title", "title"),), "自动识别：原文没有标题行，写空字符串则不输出")
        elif len(lines) > 1:
            result.note((top.get("title", "title"),), "自动识别：称谓之前的各行作为分行标题")
    if speaker:
        fields["byline"] = speaker
        result.note((top.get("byline", "speaker"),), "自动识别：标题下方的一行作为讲话人")
    if date:
        fields["date"] = date[0]
        if date[1] != "arabic":
            fields["date-style"] = date[1]
    return meeting, fields


def _meeting(lines: list[str], date, paras: list[Paragraph], result: Extraction, roles: Roles) -> tuple[dict, bool]:
    """The meeting (by the roles its schema names), and whether the title is exactly the one derived from it."""
    keys = roles.sub(roles.top.get("meeting", "meeting"))
    text = "".join(p.text for p in paras)
    where = (roles.top.get("meeting", "meeting"),)

    def meeting(name: str, year: int) -> dict:
        out = {keys.get("meeting-name", "name"): name, keys.get("year", "year"): year}
        if "half" in keys:
            out[keys["half"]] = "下半年" if _SECOND_HALF.search(text) else "上半年"
        return out

    whole_year = "half" not in keys  # a pack whose meeting has no half (上半年/下半年) sums up a whole year
    if len(lines) == 1 and "meeting" in roles.top:  # only a pack with a meeting derives its title
        m = _DERIVED_TITLE.fullmatch(lines[0])
        # a year's review held early in the next year (在2026年……上的讲话 on 2025) keeps its title as written
        if m and (not whole_year or year_in([Paragraph(lines[0])] + paras, date, result.written, True)[0] == int(m.group(1))):
            result.note(where, "自动识别：会议年份和名称取自标题，标题由此自动生成")
            return meeting(m.group(2), int(m.group(1))), True
    title = "".join(lines)
    named = _MEETING_IN_TITLE.search(title)
    name = _YEAR.sub("", named.group(1), count=1) if named else "请填写会议名称"
    year, said = year_in([Paragraph(title)] + paras, date, result.written, whole_year=whole_year)
    remind_unknown_year(year, f"{where[0]}.{keys.get('year', 'year')}", result)
    result.note(where, f"自动识别：会议名称为推测（标题照原文写在 title 中，不受影响）；{said.removeprefix('自动识别：')}")
    return meeting(name or "请填写会议名称", year), False


def count_phrase(
    opening: list[str], parts: int, half: str, result: Extraction, key: str, pack_name: str, meeting: dict
) -> tuple[list[str], str | None]:
    """Split the count phrase off the end of the opening; None keeps the pack's default."""
    if not opening:
        result.note((key,), "自动识别：原文没有开场白和点数语句")
        return [], ""
    last = opening[-1]
    start = last_sentence_start(last)
    sentence = last[start:]
    m = COUNT_WORDS.search(sentence.translate(genre.HALF_TO_FULL))
    if m is None or (start == 0 and len(opening) > 1):
        return opening, ""
    head = last[:start]
    number = parse_count(m.group(1))
    said = m.group(1)
    spoken = "两" if parts == 2 else chinese_numeral(parts)
    if number == parts and said == spoken:
        phrase = sentence[: m.start(1)] + "{n}" + sentence[m.end(1) :]
        texts = opening[:-1] + ([head] if head else [])
        if pack_name == DEFAULT_PACK and phrase == DEFAULT_COUNT_PHRASE[half]:
            result.note(("opening",), f"自动识别：开场白末尾的点数语句“{sentence}”由部分数自动生成")
            return texts, None
        result.note((key,), f"自动识别：点数语句，{{n}} 处随部分数自动生成（原文为“{said}”）")
        return texts, phrase
    result.note(
        (key,),
        f"自动识别：点数语句说“{said}”，但只识别出 {parts} 个部分，照原文保留（不随部分数变化）",
    )
    return opening[:-1] + ([head] if head else []), sentence


def last_sentence_start(text: str) -> int:
    plain = text.translate(genre.HALF_TO_FULL)
    body = plain.rstrip(genre.SENTENCE_END)
    cut = max(body.rfind(mark) for mark in genre.SENTENCE_END)
    return cut + 1


def signature_index(paras: list[Paragraph]) -> int | None:
    """A report's 落款: an issuer line (short, no punctuation) and a date line at the end."""
    if len(paras) >= 3 and date_text(paras[-1].text) and _is_issuer(paras[-2].text):
        return len(paras) - 2
    return None


def _is_issuer(text: str) -> bool:
    return 2 <= len(text) <= 30 and not any(m in text for m in "。，；：！？、") and not text[0].isdigit()


def date_text(text: str) -> tuple[str, str] | None:
    if _ARABIC_DATE.fullmatch(text) and format_date(text, "arabic") == text:
        return text, "arabic"
    if _CHINESE_DATE.fullmatch(text):
        return text, "chinese"
    return None


def period_in(paras: list[Paragraph], title: str = "") -> str:
    """The period a report sums up: as its title names it, else as its first paragraphs
    do (全年 there is mostly the year's target a half year is measured against)."""
    text = "".join(p.text for p in paras[:3])
    for where, periods in ((title, ("前三季度", "上半年", "全年")), (text, ("前三季度", "上半年", "全年"))):
        for period in periods:
            if period in where:
                return period
    return "上半年"
# the year a text sums up, said as such: 回顾2016年, 总结2025年上半年工作, 回顾和总结了2016年全镇经济工作,
# 2024年工作回顾, 2020年和“十三五”时期工作回顾 (not 工作总结和2024年工作思路: that 总结 is the title's noun,
# the year after it is planned)
_YEAR_REVIEWED = re.compile(
    r"(?<!工作)(?:回顾|总结)[和、与了]{0,3}(?:总结|回顾)?了?(\d{4}) ?年(?:度)?[^。，；：以]{0,8}?工作"
    r"|(\d{4}) ?年(?:度)?(?:[和及暨][^。，；：]{0,10}?)?(?:的)?(?:主要)?(?:工作|经济工作)(?:回顾|总结)"
)
# a year written in numerals, or in a mix of numerals and digits: 二〇一二年, 二0一二年工作回顾
_NUMERAL_YEAR = re.compile(r"([〇零○0一二三四五六七八九]{4})年(?:度)?(?:的)?(?:工作|经济工作)(?:回顾|回忆|总结)")
# the year planned, one after the year reviewed: 研究部署2026年经济工作, 2026年是“十五五”的开局之年
_YEAR_PLANNED = re.compile(r"(?:部署|谋划|安排|做好|抓好)[^。；，]{0,4}?(\d{4}) ?年|(\d{4}) ?年是[^。；]{0,24}?之年")
# a review of several years has no one year: 五年工作总结, 过去五年, 五年来, 几年来工作回顾, 任期, “十三五”时期
_SEVERAL_YEARS = re.compile(r"过去的?[两三四五六七八九十几]年|[两三四五六七八九十几]年(?:来|工作|的工作|以来)|任期|本届|“?十[一二三四五]五”?(?:时期|期间|以来)")
# a year only compared with (比2019年一季度增长, 较2020年同期, 与2019年相比, 2023年同期增速), or where a span
# starts (从2014年, 自2018年以来)
_COMPARED = re.compile(r"(?:比|较|与|相比|对比|从|自)$")
# the year just ended, seen from the next: 刚刚过去的2025年, 去年（2025年）
_LAST_YEAR = re.compile(r"(?:刚刚过去的|过去的|去年|上年)[（(]?$")
# a title naming the year a meeting is held, which a year's review may follow (在2026年……上的讲话,
# 2024年政府工作报告 — delivered early in 2024, on 2023;
# 在石门乡2026年工作会议上的讲话: the place may stand before the meeting's year; a subtitle's
# ——2024年1月10日在……会议上 is the day it was given)
_YEAR_IN_TITLE = re.compile(
    r"在[^，。；：\d]{0,16}?(\d{4}) ?年.{2,40}上的|(\d{4}) ?年.{0,16}政府工作报告|(\d{4}) ?年\d{1,2} ?月\d{1,2} ?日 ?在"
)
# the year just ended, looked back on (not 比去年同期: a comparison looks back in any text)
_LOOKED_BACK = re.compile(r"(?<![比较与])去年(?!同期)|过去的?一年|刚刚过去")
UNKNOWN_YEAR = "X"
UNKNOWN_YEAR_NOTE = "原稿未写年份，请填写（暂写 X，生成时会提示）"


def year_in(paras: list[Paragraph], date, written: str = "", whole_year: bool = False) -> tuple[int | str, str]:
    """The year the text is about (``paras[0]`` is its title, when it has one), and a note
    saying where it was found. For a ``whole_year`` pack that is the year it sums up
    (``_year_reviewed``); else the title's, the date's, the opening's, the body's (not a year
    only compared with or where a span starts; the year after one called just ended), then
    when the Word file says it was written. Never today's: a text that says none gets the
    placeholder X, which the build flags until it is filled in. (A half year's text in 2024
    may well sum up 2023's work in passing; its year is still 2024.)"""
    paras = [replace(p, text=arabic_years(p.text)) for p in paras]
    whole = "".join(p.text for p in paras)
    if whole_year:
        reviewed = _year_reviewed(paras, whole, date)
        if reviewed is not None:
            return reviewed
    places = (("标题", paras[0].text if paras else ""), ("日期", date[0] if date else ""),
              ("开头", "".join(p.text for p in _opening_of(paras))), ("正文", whole))
    for where, text in places:
        years = _years_of(text, after_last=not whole_year)
        if years:
            return years[0], f"自动识别：年份取自{where}，请核对"
    if written:
        return int(written[:4]), f"自动识别：原文中没有写年份，取自 Word 文件的创建日期（{written}），请核对"
    return UNKNOWN_YEAR, UNKNOWN_YEAR_NOTE


# a year written in numerals (二〇二四年, 二0二三年, 一九九八年): 19xx or 20xx only, so no other run of numerals is read
_NUMERALS_YEAR = re.compile(r"(?:一九|二[〇零○0])[〇零○0一二三四五六七八九]{2}(?=年)")


def arabic_years(text: str) -> str:
    """The text with years written in numerals (二〇二四年) written in digits, so one set of rules reads both."""
    return _NUMERALS_YEAR.sub(lambda m: str(_numeral_year(m.group())), text)


def _opening_of(paras: list[Paragraph]) -> list[Paragraph]:
    """The first two paragraphs after the title (``paras[0]``), past the title's lines, a
    salutation and a date line that may follow it."""
    title = paras[0].text if paras else ""
    return [p for p in paras[1:6] if p.text not in title and not _SALUTATION.fullmatch(p.plain) and _date_of(p.text) is None][:2]


def _years_of(text: str, after_last: bool = True) -> list[int]:
    """The years a text is dated by, in order: not one only compared with, nor a span's start;
    with ``after_last``, the year after one it calls just ended (a year's review keeps that
    one: it is the year reviewed)."""
    years = []
    for m in _YEAR.finditer(text):
        year, before = int(m.group(1)), text[max(0, m.start() - 6) : m.start()]
        if 1949 <= year <= 2200 and not _COMPARED.search(before) and not text.startswith("同期", m.end()):
            years.append(year + 1 if after_last and _LAST_YEAR.search(before) else year)
    years += [found[0] for m in _CHINESE_DATE.finditer(text) if (found := calendar_date(m.group()))]
    return years


def _year_reviewed(paras: list[Paragraph], whole: str, date) -> tuple[int | str, str] | None:
    """The year a year's review sums up, by the strongest signal: said as reviewed (回顾2024年,
    2024年工作回顾), a report title's first year (2023年工作总结和2024年工作思路), the year
    before the one planned (部署2026年经济工作, 2026年是开局之年), a 在2024年……会议上
    or 2024年政府工作报告 title (the year before when the text looks back on 去年 and plans
    no 明年). A review of several years (五年来) has no one year; a year contradicted by the
    date line (a 2012 review dated 2023) is no year either: X, for the writer to fill in,
    rather than a wrong one."""
    title = paras[0].text if paras else ""
    found: tuple[int, str] | None = None
    if m := _YEAR_REVIEWED.search(whole):
        found = int(m.group(1) or m.group(2)), f"“{m.group()}”"
    elif m := _NUMERAL_YEAR.search(whole):
        found = _numeral_year(m.group(1)), f"“{m.group()}”"
    elif looks_like_title(title) and (years := _years_of(title)) and _YEAR_IN_TITLE.search(title) is None:
        found = years[0], f"标题“{title}”"
    elif several := _SEVERAL_YEARS.search("".join(p.text for p in [paras[0], *_opening_of(paras)])):
        return UNKNOWN_YEAR, f"自动识别：原稿总结的是几年的工作（“{several.group()}”），没有一个年份，暂写 X，请填写"
    elif m := _YEAR_PLANNED.search(whole):
        found = int(m.group(1) or m.group(2)) - 1, f"“{m.group()}”的前一年"
    elif m := _YEAR_IN_TITLE.search(title):
        year = int(next(g for g in m.groups() if g))
        if "明年" not in whole and _LOOKED_BACK.search(whole):
            found = year - 1, f"标题“{title}”的前一年（会议在年初，回顾去年）"
        else:
            found = year, f"标题“{title}”"
    if found is None:
        return None
    year, said = found
    if not 1949 <= year <= 2200:
        return None
    # the date it was given on: its date line, else a short line near the top holding a full date
    # (县长 张三 2023年2月22日), not a date in a sentence (自2021年5月1日起施行)
    lines = [p.text for p in paras[:4] if len(p.text) <= 30 and not any(m in p.text for m in "。，；")]
    given = date[0] if date else next((m.group() for line in lines for m in _ARABIC_DATE.finditer(line)), "")
    dated = _years_of(given)
    if dated and dated[0] not in (year, year + 1):
        shown = f"，与日期“{given}”不符"
        return UNKNOWN_YEAR, f"自动识别：原稿的年份前后不一（{said}{shown}），暂写 X，请填写"
    return year, f"自动识别：年份取自{said}，请核对"


def _numeral_year(digits: str) -> int:
    return int("".join(str("〇一二三四五六七八九".index(d)) if d in "〇一二三四五六七八九" else "0" if d in "零○" else d
                       for d in digits))


def remind_unknown_year(year: int | str, field_name: str, result: Extraction) -> None:
    if year == UNKNOWN_YEAR:
        result.reminders.append(f"原稿没有写年份，{field_name} 暂写 X，请填写（生成时会提示）")
