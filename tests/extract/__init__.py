"""Extraction tests; ``built_paragraph`` builds one extracted paragraph through the YAML and a pack."""

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
