"""The year is the one the text is about, never today's.

A text that names no year gets the placeholder X (the schema's year takes it),
which ``draft build`` flags until the writer fills it in, and ``draft extract``
says so. A year only compared with (比2019年同期) is not the text's; a year the
text says it sums up (回顾2024年…) is, before the year its meeting is held in.
Texts written for this test in the genre's phrasing.
"""

from __future__ import annotations

from click.testing import CliRunner

from drafting.cli import main
from drafting.readers import read_speech
from drafting.workflow.extract import detect_pack, extract

NO_YEAR = (
    "在全县上半年经济形势分析会上的讲话\n同志们：\n今天召开会议，分析上半年经济运行情况。\n"
    "一、认清形势\n上半年，全县地区生产总值同比增长5.2%，比2019年同期提高0.8个百分点。\n"
    "二、抓好落实\n各乡镇要对照目标，逐项抓好落实。\n"
)
REVIEWED = (
    "县长在全县经济工作会议上的讲话\n同志们：\n这次会议的主要任务是，总结回顾2024年全县经济工作，"
    "安排部署2025年经济工作。\n一、2024年工作回顾\n全年经济运行稳中有进。\n二、2025年重点工作\n"
    "明年要扭住项目建设不放松。\n"
)
REPORT_NO_YEAR = "石桥镇上半年工作总结\n今年以来，全镇各项工作稳步推进。\n一、主要成效\n项目建设提速。\n"


def _data(tmp_path, text, name="旧稿.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    document = read_speech(path)
    return extract(document, str(path), detect_pack(document))


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_no_year_in_the_text_is_a_placeholder(tmp_path):
    extraction = _data(tmp_path, NO_YEAR)
    assert extraction.data["meeting"]["year"] == "X"  # not today's, and not 2019, a year compared with
    assert any("原稿没有写年份" in r for r in extraction.reminders)


def test_the_year_summed_up_before_the_year_held(tmp_path):
    extraction = _data(tmp_path, REVIEWED)
    assert extraction.data["pack"] == "year-end-speech" and extraction.data["meeting"]["year"] == 2024
    assert not extraction.reminders


def test_a_report_without_a_year(tmp_path):
    extraction = _data(tmp_path, REPORT_NO_YEAR)
    assert extraction.data["pack"] == "half-year-report" and extraction.data["year"] == "X"


def test_extract_says_so_and_build_flags_it(tmp_path):
    for name, text in (("讲话.txt", NO_YEAR), ("总结.txt", REPORT_NO_YEAR), ("年终.txt", NO_YEAR.replace("上半年", "全年"))):
        source = tmp_path / name
        source.write_text(text, encoding="utf-8")
        done = run("extract", source)
        assert done.exit_code == 0, done.output
        assert "提示：原稿没有写年份" in done.stderr and "暂写 X，请填写" in done.stderr
        assert "已核对：由它生成的文字与原稿逐字一致。" in done.stderr
        yaml_text = source.with_suffix(".yaml").read_text(encoding="utf-8")
        assert "原稿未写年份，请填写" in yaml_text
        built = run("build", source.with_suffix(".yaml"), "--format", "txt")
        assert built.exit_code == 0 and built.stdout == text
        assert "year：还有 1 处占位符 X 待填写" in built.stderr


def test_a_year_written_in_chinese_numerals_is_still_refused(tmp_path):
    source = tmp_path / "讲话.txt"
    source.write_text(NO_YEAR, encoding="utf-8")
    run("extract", source)
    target = source.with_suffix(".yaml")
    target.write_text(target.read_text(encoding="utf-8").replace("year: X", "year: 二〇二五"), encoding="utf-8")
    done = run("validate", target)
    assert done.exit_code == 1 and "年份应为整数，实际是文字“二〇二五”：写成阿拉伯数字 2025" in done.output


def test_year_end_pack_says_next_year_as_x_too(tmp_path):
    source = tmp_path / "年终.yaml"
    source.write_text("pack: year-end-speech\nmeeting:\n  name: 全县经济工作会议\n  year: X\nparts:\n"
                      "  - heading: 认清形势\n    intro:\n      - 全年经济平稳。\n", encoding="utf-8")
    built = run("build", source, "--format", "txt")
    assert built.exit_code == 0, built.output
    assert built.stdout.splitlines()[2] == "下面，就做好X年经济工作，我讲一点意见。"


def test_a_year_looked_back_on_without_its_work_is_not_the_year_summed_up(tmp_path):
    """回顾2019年以来的发展历程 looks back over years; the speech's year is still its own."""
    text = ("县长在全县上半年经济形势分析会上的讲话\n同志们：\n2024年上半年即将过去。回顾2019年以来的发展历程，"
            "我们积累了宝贵经验。\n一、认清形势\n上半年经济平稳。\n")
    assert _data(tmp_path, text).data["meeting"]["year"] == 2024


def test_a_half_years_text_that_sums_up_last_years_work_in_passing(tmp_path):
    text = ("县长在全县上半年经济形势分析会上的讲话\n同志们：\n今年是2024年。在认真总结2023年全县经济工作经验的基础上，"
            "我们扎实推进各项工作。\n一、认清形势\n上半年经济平稳。\n")
    assert _data(tmp_path, text).data["meeting"]["year"] == 2024
