import pytest

from drafting.errors import DataError
from drafting.readers import read_speech
from drafting.model.document import BlockRole


def test_one_paragraph_a_line_blank_lines_and_indent_dropped(tmp_path):
    path = tmp_path / "稿.txt"
    path.write_text("标题\n\n\u3000\u3000同志们：\r\n  正文一。  \n", encoding="utf-8")
    blocks = read_speech(path).blocks
    assert [b.text for b in blocks] == ["标题", "同志们：", "正文一。"]
    assert {b.role for b in blocks} == {BlockRole.PARAGRAPH}


def test_gbk_text_is_decoded(tmp_path):
    path = tmp_path / "旧稿.txt"
    path.write_bytes("同志们：\n下面，我讲三点意见。\n".encode("gbk"))
    assert read_speech(path).blocks[1].text == "下面，我讲三点意见。"


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("稿.doc", b"x", "不支持的文件类型“.doc”"),
        ("稿.pdf", b"x", "不支持的文件类型“.pdf”"),
        ("没有.txt", None, "找不到文件"),
        ("坏.docx", b"not a zip", "不是有效的 .docx"),
    ],
)
def test_unreadable_input_is_a_chinese_error(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(DataError) as error:
        read_speech(path)
    assert message in str(error.value)
