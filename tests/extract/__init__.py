"""Extraction tests' helpers: one extracted paragraph built through the YAML and a pack
(``built_paragraph``), what a recognised paragraph prints and names (``printed_back``,
``named_figures``), a text's lines extracted and written as YAML (``extracted_lines``), and a
whole text through ``draft extract`` and back (``extracted_and_built``)."""

from __future__ import annotations


def built_paragraph(tmp_path, paragraph):
    """A half-year speech holding ``paragraph`` (text or a paragraph with indicators) as
    its only intro, written by the YAML writer and built: (the build, the YAML's path)."""
    from drafting.source.yaml_writer import write_yaml
    from drafting.workflow.build import Builder

    speech = {"pack": "half-year-speech", "meeting": {"name": "测试", "year": 2025},
              "parts": [{"heading": "经济运行", "intro": [paragraph]}]}
    path = tmp_path / "speech.yaml"
    path.write_text(write_yaml(speech, {}, []), encoding="utf-8")
    return Builder().draft(path), path


def extracted_and_built(tmp_path, lines):
    """``lines`` as 讲话.txt through ``draft extract`` (which must say the rebuild is exact)
    and the YAML through ``draft build --format txt``: (the YAML's text, the built text)."""
    from click.testing import CliRunner

    from drafting.cli import main

    source = tmp_path / "讲话.txt"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(source)])
    assert result.exit_code == 0, result.output
    assert "已核对：由它生成的文字与原稿逐字一致。" in result.output
    built = CliRunner().invoke(main, ["build", str(tmp_path / "讲话.yaml"), "--format", "txt"])
    return (tmp_path / "讲话.yaml").read_text(encoding="utf-8"), built.output


def extracted_lines(tmp_path, lines, pack="half-year-speech"):
    """``lines`` as 讲话.txt extracted into ``pack`` and written as 讲话.yaml: (the extraction,
    the YAML's path, the text as read)."""
    from drafting.readers import read_speech
    from drafting.workflow.extract import extract, speech_yaml

    path = tmp_path / "讲话.txt"
    text = "\n".join(lines) + "\n"
    path.write_text(text, encoding="utf-8")
    extraction = extract(read_speech(path), str(path), pack)
    target = tmp_path / "讲话.yaml"
    target.write_text(speech_yaml(extraction, ["测试"]), encoding="utf-8")
    return extraction, target, text


FIGURES = ("value", "change", "share", "rank")  # the first present is the statistic's figure, as RULES pick it


def printed_back(found: dict) -> str:
    """The text a recognised paragraph ({before, indicators, after}) prints, to compare with what was read."""
    from drafting.model.indicators import Indicator, phrase_chain

    chain = phrase_chain([Indicator.from_data(d) for d in found["indicators"]])
    return found.get("before", "") + "".join(chain) + found.get("after", "")


def named_figures(found: dict) -> list[tuple]:
    """(name, first figure) of each indicator recognised in a paragraph."""
    return [(d["name"], next(d[key] for key in FIGURES if key in d)) for d in found["indicators"]]
