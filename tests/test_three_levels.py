"""The genre one level deeper: part → sections （一） → items 一是 → sub-items 1.,
a part heading run into its body, and items written inline in one paragraph."""

from drafting.model.editions import outline_copy
from drafting.workflow.build import Builder, render_text

THREE_LEVELS = """\
pack: year-end-speech
meeting:
  name: 全区经济工作会议
  year: 2025
opening:
  - 开场。
parts:
  - heading: 明年重点任务。
    run_in: true
    intro:
      - 下面讲两个方面。
    sections:
      - heading: 扩大有效需求
        enumeration: 一是
        layout: run-in
        points:
          - lead: 扩大投资。
            body: [抓好项目。]
            subitems:
              - lead: 抓开工。
                body: [确保X月开工。]
              - lead: 抓进度。
          - lead: 提振消费。
        closing: [这一节的结尾。]
      - heading: 推动产业升级
        points:
          - lead: 做强工业。
    closing: [这一部分的结尾。]
  - heading: 工作要求
    enumeration: 一要
    layout: inline
    points:
      - lead: 压实责任；
      - lead: 强化督查。
"""


def test_three_levels_print_as_offices_write_them(write_yaml):
    text = render_text(Builder().draft(write_yaml(THREE_LEVELS)))
    assert text.splitlines()[3:] == [
        "一、明年重点任务。下面讲两个方面。",
        "（一）扩大有效需求",
        "一是扩大投资。抓好项目。",
        "1.抓开工。确保X月开工。",
        "2.抓进度。",
        "二是提振消费。",
        "这一节的结尾。",
        "（二）推动产业升级",
        "一是做强工业。",
        "这一部分的结尾。",
        "二、工作要求",
        "一要压实责任；二要强化督查。",
    ]


def test_outline_keeps_sections_items_and_sub_items(write_yaml):
    outline = outline_copy(Builder().draft(write_yaml(THREE_LEVELS)).document)
    assert [b.text for b in outline.blocks][1:] == [
        "一、明年重点任务。", "（一）扩大有效需求", "一是扩大投资。", "1.抓开工。", "2.抓进度。", "二是提振消费。",
        "（二）推动产业升级", "一是做强工业。", "二、工作要求",
    ]


def test_reading_copy_times_a_part_whose_heading_runs_into_its_text(write_yaml):
    from drafting.model.document import BlockRole
    from drafting.model.editions import reading_copy

    blocks = reading_copy(Builder().draft(write_yaml(THREE_LEVELS)).document).blocks
    notes = [i for i, b in enumerate(blocks) if b.role is BlockRole.NOTE]
    texts = [b.text for b in blocks]
    # one mark after each part: after the first part's closing, and at the end of the second
    assert [texts[i - 1] for i in notes] == ["这一部分的结尾。", "一要压实责任；二要强化督查。"]
