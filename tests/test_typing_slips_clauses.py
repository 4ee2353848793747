"""A share, a gap or a rank typed as printed (54.2%, 3.5个百分点, 第2位), in an indicator or in a
further clause of one: the figure is read, and its unit printed once. The speech is written for
this file; the expected sentences are written by hand."""

from __future__ import annotations

import pytest

from drafting.errors import SchemaError
from drafting.workflow.build import Builder, render_text

SPEECH = """\
pack: half-year-speech
meeting: {{name: 全县经济运行分析会, year: 2025}}
parts:
  - heading: 经济运行
    intro:
      - indicators:
          - {{name: 固定资产投资, value: 52.7, unit: 亿元, verb: 完成, change: 8.3, share: {share}, share_of: 年度计划,
              gap: {gap}, gap_of: 时间进度, gap_verb: 领先, rank: {rank}, rank_scope: 全市}}
          - name: 规上工业增加值
            change: 7.6
            then:
              - {{share: {share}, share_of: 全市, share_particle: ''}}
              - {{rank: {rank}, rank_scope: 全市, rank_verb: 增速居}}
        after: 。
"""
PRINTED = ("固定资产投资完成52.7亿元，同比增长8.3%，占年度计划的54.2%，领先时间进度3.5个百分点，居全市第2位；"
           "规上工业增加值同比增长7.6%，占全市54.2%，增速居全市第2位。")


def _built(tmp_path, **typed):
    path = tmp_path / "讲话.yaml"
    path.write_text(SPEECH.format(**typed), encoding="utf-8")
    return Builder().draft(path)


@pytest.mark.parametrize("share, gap, rank", [
    ("54.2", "3.5", "2"),
    ("54.2%", "3.5个百分点", "第2位"),
    ("54.2％", "3.5 个百分点", "第２位"),
    ('"54.2 %"', "３.５个百分点", "2位"),
])
def test_a_figure_typed_with_its_unit_prints_the_unit_once(tmp_path, share, gap, rank):
    assert PRINTED in render_text(_built(tmp_path, share=share, gap=gap, rank=rank)).splitlines()


def test_a_share_typed_in_another_unit_is_refused_naming_its_line(tmp_path):
    with pytest.raises(SchemaError) as info:
        _built(tmp_path, share="54.2亿元", gap="3.5", rank="2")
    assert [p.location.line for p in info.value.problems] == [7, 12]  # the lines that hold the shares
    assert all("亿元" in p.message for p in info.value.problems)


def test_a_rank_typed_with_another_word_is_refused_saying_the_key(tmp_path):
    with pytest.raises(SchemaError) as info:
        _built(tmp_path, share="54.2", gap="3.5", rank="第2名")
    assert [p.location.line for p in info.value.problems] == [8, 13]  # the lines that hold the ranks
    assert all("rank_unit: 名" in p.message for p in info.value.problems)
