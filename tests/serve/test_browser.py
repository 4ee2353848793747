"""The desk in a real browser: Debian's chromium driven by Playwright.

Load the page, edit fields and watch the preview follow, see a wrong value
reported beside its field, 保存 and read the YAML on disk, 生成 Word and open
the .docx, and be refused without the token. Skipped (with the reason) where
chromium or Playwright is missing; never ``playwright install``.
"""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from pathlib import Path

import pytest

from .helpers import running
from .test_server import SPEECH

CHROMIUM = os.environ.get("DRAFT_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"

from playwright.sync_api import expect, sync_playwright  # the test extra installs it

# Debian's chromium, never a browser Playwright downloads; missing → skipped with the
# package to install (a failure in CI, which sets DRAFT_REQUIRE_ALL).
pytestmark = pytest.mark.needs("chromium")

TWO_PARTS = SPEECH + """\
  - heading: 部署下半年工作
    points:
      - lead: 抓好项目建设。
"""


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        yield browser
        browser.close()


@pytest.fixture
def desk(tmp_path, browser):
    path = tmp_path / "讲话.yaml"
    path.write_text(TWO_PARTS, encoding="utf-8")
    with running(path) as server:
        context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 900})
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(server.url)
        page.wait_for_selector(".draft-page .draft-title")
        yield page, path, server
        context.close()
        assert errors == []


def test_editing_a_field_changes_the_preview(desk):
    page, _, _ = desk
    title = page.locator(".draft-page .draft-title")
    expect(title).to_have_text("在2025年全区经济工作会议上的讲话")
    page.fill('[data-path="meeting.name"]', "全区半年经济形势分析会议")
    expect(title).to_have_text("在2025年全区半年经济形势分析会议上的讲话")
    expect(page.locator("#summary")).to_contain_text("字数")


def test_list_items_are_added_and_moved(desk):
    page, _, _ = desk
    headings = page.locator(".draft-page .draft-heading1")
    expect(headings).to_have_text(["一、总结上半年工作", "二、部署下半年工作"])
    page.locator('[data-item="parts[1]"] button:text("上移")').first.click()
    expect(headings).to_have_text(["一、部署下半年工作", "二、总结上半年工作"])
    expect(page.locator(".draft-page")).to_contain_text("我讲两点意见")
    page.locator('[data-list="parts"] > .tools button').click()  # 添加部分
    page.fill('[data-path="parts[2].heading"]', "狠抓工作落实")
    expect(headings).to_have_count(3)
    expect(page.locator(".draft-page")).to_contain_text("我讲三点意见")


def test_a_wrong_value_is_shown_next_to_its_field(desk):
    page, _, _ = desk
    page.fill('[data-path="meeting.year"]', "二〇二五")
    message = page.locator('[data-field="meeting.year"] > .message')
    expect(message).to_have_text("年份应为整数，实际是文字“二〇二五”：写成阿拉伯数字 2025（第 6 行）")
    expect(page.locator("#problems")).to_contain_text("讲话.yaml:6:9 meeting.year：年份应为整数，实际是文字“二〇二五”：写成阿拉伯数字 2025")
    page.fill('[data-path="meeting.year"]', "2026")
    expect(message).to_have_count(0)
    expect(page.locator(".draft-page .draft-title")).to_have_text("在2026年全区经济工作会议上的讲话")


def test_placeholders_are_highlighted_and_reported_by_field(desk):
    page, _, _ = desk
    expect(page.locator(".draft-page mark.draft-x")).to_have_text(["X"])
    finding = page.locator('[data-field="parts[0].points[0].body[0]"] .message.finding')
    expect(finding).to_contain_text("还有 1 处占位符 X 待填写")


def test_save_writes_the_yaml_keeping_its_comments(desk):
    page, path, _ = desk
    page.fill('[data-path="parts[0].points[0].body[0]"]', "地区生产总值增长5.2%，固定资产投资稳步回升。")
    expect(page.locator(".draft-page mark.draft-x")).to_have_count(0)
    page.click("#save")
    expect(page.locator("#status")).to_have_text("已保存 讲话.yaml")
    assert path.read_text(encoding="utf-8") == TWO_PARTS.replace("增长X%", "增长5.2%")


def test_build_writes_the_word_file_and_offers_it(desk):
    page, path, _ = desk
    page.fill('[data-path="meeting.name"]', "全区经济形势分析会议")
    page.click("#build")  # saves the edit first, then builds the saved file
    link = page.locator('[data-download="讲话.docx"]')
    expect(link).to_be_visible()
    with page.expect_download() as download:
        link.click()
    content = Path(download.value.path()).read_bytes()
    docx = path.with_suffix(".docx")
    assert content == docx.read_bytes()
    body = zipfile.ZipFile(io.BytesIO(content)).read("word/document.xml").decode("utf-8")
    assert "在2025年全区经济形势分析会议上的讲话" in body
    assert "name: 全区经济形势分析会议" in path.read_text(encoding="utf-8")


def test_requests_without_the_token_are_refused(desk, browser):
    page, _, server = desk
    bare = browser.new_page()
    response = bare.goto(f"http://127.0.0.1:{server.port}/")
    assert response.status == 403
    bare.close()
    status = page.evaluate("""async () => (await fetch('/api/state')).status""")  # same page, no token header
    assert status == 403


def test_body_lines_hold_28_characters(desk):
    """A full line of a pure-Chinese paragraph holds 28 characters, as the
    GB/T 9704 grid does (16 pt characters, condensed to fit 156 mm)."""
    page, _, _ = desk
    page.fill('[data-path="parts[0].points[0].body[0]"]', "坚持稳中求进工作总基调" * 10)
    expect(page.locator(".draft-page")).to_contain_text("坚持稳中求进工作总基调坚持")
    counts = page.evaluate("""() => {
      const p = [...document.querySelectorAll('.draft-page .draft-body')].find(e => e.textContent.includes('坚持稳中'));
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT); const tops = new Map();
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        for (let i = 0; i < text.length; i++) {
          const r = document.createRange(); r.setStart(text, i); r.setEnd(text, i + 1);
          const top = Math.round(r.getBoundingClientRect().top);
          tops.set(top, (tops.get(top) || 0) + 1);
        }
      }
      return [...tops.values()];
    }""")
    assert counts[0] == 26  # two characters' indent
    assert counts[1:-1] and set(counts[1:-1]) == {28}


def test_screenshot(desk, tmp_path):
    """Kept for the eye: DRAFT_SCREENSHOT=file.png saves the page as the writer sees it."""
    page, _, _ = desk
    target = os.environ.get("DRAFT_SCREENSHOT")
    if target:
        page.screenshot(path=target)


def test_changing_the_pack_rebuilds_the_form(desk):
    page, _, _ = desk
    assert page.locator('[data-path="targets_scope"]').count() == 0
    page.fill('[data-path="pack"]', "year-end-speech")
    # 目标范围 (targets_scope) belongs to the year-end speech only; the field typed in keeps focus
    expect(page.locator('[data-path="targets_scope"]')).to_be_attached()
    expect(page.locator('[data-path="pack"]')).to_be_focused()
    expect(page.locator("#status")).to_contain_text("year-end-speech")


HEADING_WITH_STATISTICS = """\
pack: half-year-speech
meeting:
  name: 全县经济运行分析会
  year: 2025
parts:
  - heading:
      before: 全县经济稳中有进，
      indicators:
        - {name: 地区生产总值, value: 45.6, unit: 亿元, verb: 完成, change: 6.2}
    points:
      - lead: 工业生产提速增效。
"""


def test_a_heading_holding_statistics_is_named_by_its_words_and_previewed_as_a_heading(tmp_path, browser):
    path = tmp_path / "讲话.yaml"
    path.write_text(HEADING_WITH_STATISTICS, encoding="utf-8")
    with running(path) as server:
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        page = context.new_page()
        page.goto(server.url)
        expect(page.locator(".draft-page .draft-heading1")).to_have_text(
            ["一、全县经济稳中有进，地区生产总值完成45.6亿元，同比增长6.2%"])
        form = page.locator("#form")
        expect(form).to_contain_text("全县经济稳中有进，地区生产总值")
        expect(form).not_to_contain_text("[object Object]")
        page.fill('[data-path="parts[0].heading.indicators[0].value"]', "47.3")
        expect(page.locator(".draft-page .draft-heading1")).to_have_text(
            ["一、全县经济稳中有进，地区生产总值完成47.3亿元，同比增长6.2%"])
        context.close()


LIST_ITEM_WITH_STATISTICS = """\
pack: half-year-speech
meeting:
  name: 全县经济运行分析会
  year: 2025
parts:
  - heading: 上半年经济运行稳中向好
    intro:
      - lead_in: 上半年重点抓了两件事：
        enumeration: 一是
        points:
          - lead:
              before: 抓投资，
              indicators:
                - {name: 固定资产投资, value: 42.6, unit: 亿元, verb: 完成, verb_first: true, change: 9.3}
              after: ；
          - lead: 抓服务，
            body:
              - 协调解决项目建设难题。
"""


def test_a_list_items_lead_holding_statistics_is_named_by_its_words_and_previewed_in_its_paragraph(tmp_path, browser):
    path = tmp_path / "讲话.yaml"
    path.write_text(LIST_ITEM_WITH_STATISTICS, encoding="utf-8")
    with running(path) as server:
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(server.url)
        paragraph = page.locator(".draft-page p", has_text="上半年重点抓了两件事")
        expect(paragraph).to_have_text(
            "上半年重点抓了两件事：一是抓投资，完成固定资产投资42.6亿元，同比增长9.3%；二是抓服务，协调解决项目建设难题。")
        form = page.locator("#form")
        expect(form).to_contain_text("抓投资，固定资产投资")
        expect(form).not_to_contain_text("[object Object]")
        page.fill('[data-path="parts[0].intro[0].points[0].lead.indicators[0].value"]', "47.3")
        expect(paragraph).to_have_text(
            "上半年重点抓了两件事：一是抓投资，完成固定资产投资47.3亿元，同比增长9.3%；二是抓服务，协调解决项目建设难题。")
        context.close()
        assert errors == []
