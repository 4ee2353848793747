"""A speech holding every newer indicator field (a ratio, a range with its sign once, a further
clause, an earlier level, a name's note, an aside), written for the tests of the desk, the copies
and ``draft check``; the sentence it prints is written by hand."""

SPEECH = """\
pack: half-year-speech
meeting:
  name: 全县经济运行分析会
  year: 2025
parts:
  - heading: 上半年经济运行稳中向好
    intro:
      - before: 上半年，
        indicators:
          - {name: 三次产业结构, value: 12.3, unit: '', verb: 调整为, ratio: ':45.6:42.1'}
          - {name: 社会消费品零售总额, change: 5, compare: 预计, change_to: 6, change_range: '-', change_unit_once: true}
          - name: 规模以上工业增加值
            change: 7.6
            then:
              - {change: 1.2, trend: 提高, change_unit: 个百分点, compare: 增速比一季度}
          - {name: 财政总收入, earlier: 2.66, earlier_when: 2020年的, value: 4.56, unit: 亿元, verb: 增加到, value_when: 2025年的}
          - {name: 地区生产总值, name_note: （GDP）, aside: 实现较快增长，, value: 45.6, unit: 亿元, verb: 完成}
        after: 。
"""

SENTENCE = ("上半年，三次产业结构调整为12.3:45.6:42.1；社会消费品零售总额预计增长5-6%；规模以上工业增加值同比增长7.6%，"
            "增速比一季度提高1.2个百分点；财政总收入由2020年的2.66亿元增加到2025年的4.56亿元；"
            "地区生产总值（GDP）实现较快增长，完成45.6亿元。")
