from drafting.workflow.build import Builder, render_text
from drafting.model.document import BlockRole, InlineRole

from .conftest import MINIMAL, ROOT, SEED_YAML, headings, seed_speech_text


def test_seed_speech_comes_back_character_for_character():
    draft = Builder().draft(SEED_YAML)
    assert render_text(draft) == seed_speech_text()


def test_seed_expected_text_has_the_speech_shape():
    # guards the helper above: 34 seed lines from line 2, four joins → 30 paragraphs
    lines = seed_speech_text().splitlines()
    assert len(lines) == 30
    assert lines[0].startswith("在2025年") and lines[-1].startswith("同志们，沧海横流")
    assert "拉动居民消费X万元" in lines[12]


def test_seed_model_roles():
    doc = Builder().draft(SEED_YAML).document
    assert doc.blocks[0].role is BlockRole.TITLE
    assert [b.text[:2] for b in headings(doc, 1)] == ["一、", "二、", "三、"]
    assert [b.text[:2] for b in headings(doc, 2)] == ["一是", "二是", "三是", "四是", "五是"]
    leads = [b.lead for b in doc.blocks if b.lead]
    assert len(leads) == 9
    assert leads[0] == "一要慎终如始抗疫情，持续抓好常态防控。"
    assert leads[-1] == "四要强化督办抓落实。"
    indicators = [i.text for b in doc.blocks for i in b.inlines if i.role is InlineRole.INDICATOR]
    assert indicators == ["地区生产总值实现X万元，同比下降X%", "固定资产投资同比增长X%"]


def test_placeholders_are_reported_with_field_and_line():
    draft = Builder().draft(SEED_YAML)
    fields = {w.location.field for w in draft.warnings}
    assert "parts[0].intro[0].indicators[0].value" in fields
    assert "parts[0].intro[0].indicators[1].change" in fields
    assert "opening[0]" in fields  # “一会儿，X书记还要作重要讲话”
    assert all(w.location.line for w in draft.warnings)


def test_an_x_typed_for_a_figure_is_reported_once(write_yaml):
    text = MINIMAL.replace(
        "    points:\n",
        "    intro:\n      - indicators:\n          - name: 产值\n            change: X\n            trend: 增长\n"
        "    points:\n",
    )
    draft = Builder().draft(write_yaml(text))
    said = [(p.location.line, p.message) for p in draft.warnings if p.location.field.endswith(".change")]
    assert said == [(10, "仍是占位符“X”，请填入数字")]  # the writer typed it: not 未填写


def test_count_phrase_follows_number_of_parts(write_yaml):
    path = write_yaml(MINIMAL + "  - heading: 第二部分\n")
    text = render_text(Builder().draft(path))
    assert "下面，就做好下半年经济工作，我讲两点意见。" in text  # a count says 两, not 二
    path = write_yaml(MINIMAL.replace("meeting:", "count_phrase: 下面，我强调{n}个问题。\nmeeting:"))
    assert "下面，我强调一个问题。" in render_text(Builder().draft(path))


def test_data_text_never_becomes_structure(write_yaml):
    hostile = '<h1>标题</h1> # 井号 **加粗** &amp; </p><p>'
    path = write_yaml(MINIMAL.replace("正文一。", "'" + hostile + "'"))
    draft = Builder().draft(path)
    assert hostile in render_text(draft)
    assert len(headings(draft.document, 1)) == 1


def test_defaults_applied_and_title_derived(write_yaml):
    draft = Builder().draft(write_yaml(MINIMAL))
    lines = render_text(draft).splitlines()
    assert lines[0] == "在2025年测试会议上的讲话"
    assert lines[1] == "同志们："
    assert lines[3] == "一、第一部分" and lines[4] == "一是要点一。"
    assert draft.document.meta.title == "在2025年测试会议上的讲话"


def test_numbering_runs_past_ten(write_yaml):
    points = "".join(f"      - lead: 第{i}点。\n" for i in range(1, 13))
    text = MINIMAL.split("    points:")[0] + "    enumeration: （一）\n    points:\n" + points
    lines = render_text(Builder().draft(write_yaml(text))).splitlines()
    assert "（十）第10点。" in lines and "（十二）第12点。" in lines


def test_run_in_layout_and_byline(write_yaml):
    text = MINIMAL.replace("    points:", "    enumeration: 第一，\n    layout: run-in\n    points:")
    text = text.replace("parts:", "speaker: 区长 张三\ndate: 2025-07-15\ndate_style: chinese\nparts:")
    draft = Builder().draft(write_yaml(text))
    lines = render_text(draft).splitlines()
    assert lines[1:3] == ["区长 张三", "（二〇二五年七月十五日）"]
    assert "第一，要点一。正文一。" in lines
    assert draft.document.meta.author == "区长 张三"


def test_title_lines_break_where_the_writer_says(write_yaml):
    text = MINIMAL.replace("parts:", "title:\n  - 在2025年测试会议\n  - 上的讲话\nparts:")
    title = Builder().draft(write_yaml(text)).document.blocks[0]
    assert [i.role.value for i in title.inlines] == ["plain", "line-break", "plain"]
    assert title.text == "在2025年测试会议\n上的讲话"


def test_pack_check_findings_come_from_the_cache_until_the_pack_changes(tmp_path, monkeypatch):
    import shutil

    import drafting.packs.check
    from drafting.packs.finder import find_pack

    monkeypatch.setenv("DRAFT_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "packs" / "mismatch"
    shutil.copytree(ROOT / "tests" / "packs" / "mismatch", folder)
    first = Builder([folder.parent]).load_pack(find_pack("mismatch", [folder.parent])).warnings
    assert first  # the fixture pack's template and schema disagree
    calls = []
    real = drafting.packs.check.check_pack
    monkeypatch.setattr(drafting.packs.check, "check_pack", lambda *a: calls.append(1) or real(*a))
    again = Builder([folder.parent]).load_pack(find_pack("mismatch", [folder.parent])).warnings
    assert again == first and calls == []
    template = folder / "template.xml.j2"
    template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    Builder([folder.parent]).load_pack(find_pack("mismatch", [folder.parent]))
    assert calls == [1]  # an edited pack is checked again
