import pytest

from drafting.build import Builder
from drafting.errors import TemplateError

from .conftest import CASES


def test_misspelt_variable_names_template_file_and_line():
    with pytest.raises(TemplateError) as info:
        Builder().draft(CASES / "undefined-variable" / "speech.yaml")
    location = info.value.location
    assert location.file.endswith("undefined-variable/template.xml.j2")
    assert location.line == 3
    assert "meting" in info.value.message and "未定义" in info.value.message


def test_template_syntax_error_names_file_and_line():
    with pytest.raises(TemplateError) as info:
        Builder().draft(CASES / "bad-syntax" / "speech.yaml")
    assert info.value.location.file.endswith("bad-syntax/template.xml.j2")
    assert info.value.location.line == 4
    assert "模板语法错误" in info.value.message


def test_newline_in_data_is_an_explicit_line_break(write_yaml):
    from .conftest import MINIMAL

    path = write_yaml(MINIMAL.replace("          - 正文一。", '          - "第一行\\n第二行"'))
    block = [b for b in Builder().draft(path).document.blocks if "第一行" in b.text][0]
    assert [i.role.value for i in block.inlines] == ["plain", "line-break", "plain"]
