"""The desk's HTTP rules and API, without a browser: token, Host, 127.0.0.1,
the files it may touch, and what 保存 and 生成 Word do on disk."""

import copy
import io
import zipfile
from urllib.parse import quote

import pytest

from drafting.serve.server import HOST

from .helpers import api, request, running

SPEECH = """\
# 上半年经济工作会议讲话（测试用）
pack: half-year-speech   # 模板包

meeting:
  name: 全区经济工作会议   # 不含年份
  year: 2025

# 各部分
parts:
  - heading: 总结上半年工作
    enumeration: 一要
    layout: run-in
    points:
      - lead: 稳住经济基本盘。
        body:
          - 地区生产总值增长X%，固定资产投资稳步回升。
"""


@pytest.fixture
def speech(tmp_path):
    path = tmp_path / "讲话.yaml"
    path.write_text(SPEECH, encoding="utf-8")
    return path


def test_server_listens_on_loopback_only(speech):
    with running(speech) as server:
        assert server.server_address[0] == HOST == "127.0.0.1"
        assert server.url.startswith(f"http://127.0.0.1:{server.port}/?token=")


@pytest.mark.parametrize("headers", [
    {"X-Draft-Token": None},                      # no token
    {"X-Draft-Token": "wrong-token"},             # a guessed one
])
def test_requests_without_the_token_are_refused(speech, headers):
    with running(speech) as server:
        for method, path in (("GET", "/"), ("GET", "/api/state"), ("GET", "/static/desk.js"), ("POST", "/api/save")):
            status, body = request(server, method, path, {"data": {}} if method == "POST" else None, headers)
            assert status == 403, path
            assert "拒绝访问" in body.decode("utf-8")
    assert speech.read_text(encoding="utf-8") == SPEECH  # nothing written


@pytest.mark.parametrize("host", ["evil.example:{port}", "127.0.0.1", "localhost:1", "127.0.0.1.nip.io:{port}", ""])
def test_a_foreign_host_is_refused_even_with_the_token(speech, host):
    """A DNS-rebound name reaches 127.0.0.1 with the browser's help but not with our Host."""
    with running(speech) as server:
        status, _ = request(server, "GET", "/api/state", headers={"Host": host.format(port=server.port)})
        assert status == 403


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}"])
def test_the_token_and_a_local_host_are_let_in(speech, host):
    with running(speech) as server:
        status, body = request(server, "GET", f"/?token={server.token}", headers={"Host": host.format(port=server.port), "X-Draft-Token": None})
        assert status == 200
        assert "draft 写稿台" in body.decode("utf-8")


def test_state_holds_the_data_and_the_pack_schema(speech):
    with running(speech) as server:
        status, state = api(server, "/api/state")
    assert status == 200
    assert state["data"]["meeting"] == {"name": "全区经济工作会议", "year": 2025}
    assert state["schema"]["properties"]["meeting"]["title"] == "会议"
    assert state["new"] is False


def test_preview_is_the_built_speech_with_placeholders_marked(speech):
    with running(speech) as server:
        _, state = api(server, "/api/state")
        _, outcome = api(server, "/api/preview", {"data": state["data"]})
    html = outcome["html"]
    assert '<span class="draft-lead">一要稳住经济基本盘。</span>' in html
    assert '<mark class="draft-x">X</mark>' in html
    assert "我讲一点意见" in html  # the count phrase the build makes
    assert outcome["problems"] == []
    assert outcome["characters"] > 0 and "分钟" in outcome["summary"]
    placeholder = [f for f in outcome["findings"] if f["kind"] == "placeholder"]
    assert placeholder and placeholder[0]["field"] == "parts[0].points[0].body[0]"


def test_a_wrong_value_comes_back_with_its_field_and_the_cli_words(speech):
    with running(speech) as server:
        _, state = api(server, "/api/state")
        data = copy.deepcopy(state["data"])
        data["meeting"]["year"] = "二〇二五"
        _, outcome = api(server, "/api/preview", {"data": data})
    assert outcome["html"] == ""
    [problem] = outcome["problems"]
    assert problem["field"] == "meeting.year"
    assert problem["message"] == "年份应为整数，实际是文字“二〇二五”：写成阿拉伯数字 2025"
    assert problem["line"] == 6  # the line of the file as it would be saved


def test_save_keeps_comments_order_and_untouched_lines(speech):
    with running(speech) as server:
        _, state = api(server, "/api/state")
        data = copy.deepcopy(state["data"])
        data["meeting"]["name"] = "全区半年经济工作会议"
        data["parts"][0]["points"].append({"lead": "抓好项目建设。", "body": ["项目是发展的生命线。"]})
        status, reply = api(server, "/api/save", {"data": data})
    assert status == 200 and "已保存" in reply["message"]
    saved = speech.read_text(encoding="utf-8").split("\n")
    before = SPEECH.split("\n")
    # the edited line keeps its comment (the column may move by the value's growth)
    assert saved[4].startswith("  name: 全区半年经济工作会议 ") and saved[4].endswith(" # 不含年份")
    assert saved[:4] + saved[5:] == before[:4] + before[5:-1] + [
        "      - lead: 抓好项目建设。", "        body:", "          - 项目是发展的生命线。", ""]


def test_save_refuses_a_file_changed_on_disk_since_it_was_loaded(speech):
    with running(speech) as server:
        _, state = api(server, "/api/state")
        edited_elsewhere = SPEECH.replace("2025", "2026")
        speech.write_text(edited_elsewhere, encoding="utf-8")
        status, reply = api(server, "/api/save", {"data": state["data"]})
        assert status == 409
        assert "被其他程序修改过" in reply["error"]["message"]
        assert speech.read_text(encoding="utf-8") == edited_elsewhere
        # after 重新载入 the desk holds the disk's version and may save again
        _, reloaded = api(server, "/api/reload", {})
        assert reloaded["data"]["meeting"]["year"] == 2026
        status, _ = api(server, "/api/save", {"data": reloaded["data"]})
        assert status == 200


def test_save_keeps_a_gbk_file_gbk_with_its_line_ends(tmp_path):
    path = tmp_path / "讲话.yaml"
    path.write_bytes(SPEECH.replace("\n", "\r\n").encode("gbk"))
    with running(path) as server:
        _, state = api(server, "/api/state")
        state["data"]["meeting"]["name"] = "全区经济调度会议"
        api(server, "/api/save", {"data": state["data"]})
    raw = path.read_bytes()
    assert raw.decode("gbk") == SPEECH.replace("全区经济工作会议", "全区经济调度会议").replace("\n", "\r\n")


def test_build_writes_the_docx_beside_the_yaml_and_offers_it(speech):
    with running(speech) as server:
        status, reply = api(server, "/api/build", {"copy": "file", "format": "docx"})
        assert status == 200 and reply["files"] == ["讲话.docx"]
        status, content = request(server, "GET", "/api/download?name=%E8%AE%B2%E8%AF%9D.docx")
    assert status == 200
    assert content == (speech.parent / "讲话.docx").read_bytes()
    document = zipfile.ZipFile(io.BytesIO(content)).read("word/document.xml").decode("utf-8")
    assert "一要稳住经济基本盘。" in document


def test_build_does_not_overwrite_a_docx_edited_in_word(speech):
    target = speech.parent / "讲话.docx"
    target.write_bytes(b"PK not draft's")
    with running(speech) as server:
        status, reply = api(server, "/api/build", {"format": "docx"})
        assert status == 409 and reply["refused"]
        assert "未写入" in reply["error"]["message"]
        # the page's own remedy, not the command line's flags
        assert "仍要覆盖" in reply["error"]["message"] and "讲话.备份1.docx" in reply["error"]["message"]
        assert "--force" not in reply["error"]["text"] and "-o" not in reply["error"]["text"]
        assert target.read_bytes() == b"PK not draft's"
        status, reply = api(server, "/api/build", {"format": "docx", "force": True})
        assert status == 200 and reply["messages"][0] == "原文件已备份为 讲话.备份1.docx"
    assert (speech.parent / "讲话.备份1.docx").read_bytes() == b"PK not draft's"


def test_only_files_the_desk_built_can_be_downloaded(speech):
    (speech.parent / "秘密.docx").write_bytes(b"secret")
    with running(speech) as server:
        for name in ("秘密.docx", "../讲话.yaml", "讲话.yaml"):
            status, content = request(server, "GET", "/api/download?name=" + quote(name))
            assert status == 404 and b"secret" not in content


def test_a_missing_file_starts_from_the_pack_example_and_is_written_on_save(tmp_path):
    path = tmp_path / "新讲话.yaml"
    with running(path, "year-end-speech") as server:
        _, state = api(server, "/api/state")
        assert state["new"] and state["pack"] == "year-end-speech"
        assert not path.exists()
        status, _ = api(server, "/api/save", {"data": state["data"]})
    assert status == 200
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=./year-end-speech.schema.json")
    assert (tmp_path / "year-end-speech.schema.json").exists()


def test_build_makes_the_chosen_copy(speech):
    with running(speech) as server:
        status, reply = api(server, "/api/build", {"copy": "outline", "format": "docx"})
    assert status == 200 and reply["files"] == ["讲话.提纲.docx"]
    body = zipfile.ZipFile(speech.parent / "讲话.提纲.docx").read("word/document.xml").decode("utf-8")
    assert "一要稳住经济基本盘。" in body
    assert "固定资产投资稳步回升" not in body  # the outline keeps lead sentences, not bodies


@pytest.mark.needs("soffice")
def test_build_makes_a_pdf_when_libreoffice_is_there(speech):
    with running(speech) as server:
        status, state = api(server, "/api/state")
        assert state["pdf"] is True
        status, reply = api(server, "/api/build", {"format": "pdf"})
        assert status == 200 and reply["files"] == ["讲话.pdf"]
        status, content = request(server, "GET", "/api/download?name=" + quote("讲话.pdf"))
    assert status == 200 and content.startswith(b"%PDF") and content == (speech.parent / "讲话.pdf").read_bytes()


def test_changing_pack_sends_the_new_packs_schema_once(speech):
    with running(speech) as server:
        _, state = api(server, "/api/state")
        assert "review" not in state["schema"]["properties"]
        data = copy.deepcopy(state["data"])
        data["pack"] = "year-end-speech"
        _, reply = api(server, "/api/preview", {"data": data})
        # the year-end speech has 回顾 (review) and 目标 (targets): the form must offer them
        assert reply["pack"] == "year-end-speech"
        assert {"review", "targets"} <= set(reply["schema"]["properties"])
        assert reply["html"]
        _, again = api(server, "/api/preview", {"data": data})
        assert again["schema"] is None and again["html"]


def test_a_pack_name_that_finds_nothing_is_a_problem_at_the_pack_line(speech):
    with running(speech) as server:
        _, state = api(server, "/api/state")
        data = dict(state["data"], pack="no-such-pack")
        _, reply = api(server, "/api/preview", {"data": data})
        assert reply["schema"] is None and not reply["html"]
        (problem,) = reply["problems"]
        assert problem["line"] == 2 and "no-such-pack" in problem["message"]


def test_a_pdf_over_a_file_draft_did_not_write_is_refused_too(speech, monkeypatch):
    from drafting.writers import pdf

    monkeypatch.setattr(pdf, "docx_to_pdf", lambda docx: b"%PDF-1.7 stand-in")
    monkeypatch.setattr("drafting.serve.desk._pdf_available", lambda: True)
    target = speech.parent / "讲话.pdf"
    target.write_bytes(b"%PDF-1.4 the office's signed copy")
    with running(speech) as server:
        status, reply = api(server, "/api/build", {"format": "pdf"})
        assert status == 409 and reply["refused"]
        assert target.read_bytes() == b"%PDF-1.4 the office's signed copy"
        status, reply = api(server, "/api/build", {"format": "pdf", "force": True})
        assert status == 200 and reply["messages"][0] == "原文件已备份为 讲话.备份1.pdf"
    assert target.read_bytes() == b"%PDF-1.7 stand-in"


def test_a_refused_save_is_not_offered_as_forcible(speech):
    with running(speech) as server:
        speech.write_text(SPEECH + "# 另一个程序加的\n", encoding="utf-8")
        _, state = api(server, "/api/state")
        status, reply = api(server, "/api/save", {"data": state["data"]})
        assert status == 409 and not reply["refused"]  # 仍要覆盖 would not help: 重新载入 does
