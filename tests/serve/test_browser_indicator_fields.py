"""Every indicator field in the desk: a ratio, a range typed with its sign once (增长5-6%), a
further clause (then), an earlier level (由A增加到B), a name's note and an aside are shown as the
writer typed them, edited in place, previewed, and saved without losing one. The speech is
written for this file; the expected sentences are written by hand."""

from __future__ import annotations

import pytest
import yaml
from playwright.sync_api import expect

from ..indicator_fields import SENTENCE, SPEECH
from .helpers import running
from .test_browser import browser  # noqa: F401 - the module's browser fixture

pytestmark = pytest.mark.needs("chromium")

def test_every_indicator_field_is_shown_edited_and_saved(tmp_path, browser):  # noqa: F811
    path = tmp_path / "讲话.yaml"
    path.write_text(SPEECH, encoding="utf-8")
    with running(path) as server:
        context = browser.new_context(viewport={"width": 1400, "height": 1200})
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(server.url)
        body = page.locator(".draft-page .draft-body", has_text="三次产业结构")
        expect(body.first).to_have_text(SENTENCE)
        form = page.locator("#form")
        expect(form).not_to_contain_text("[object Object]")
        at = "parts[0].intro[0].indicators"
        for field, shown in [("[0].ratio", ":45.6:42.1"), ("[1].change_to", "6"), ("[1].change_range", "-"),
                             ("[2].then[0].change", "1.2"), ("[2].then[0].compare", "增速比一季度"),
                             ("[3].earlier", "2.66"), ("[3].earlier_when", "2020年的"), ("[3].value_when", "2025年的"),
                             ("[4].name_note", "（GDP）"), ("[4].aside", "实现较快增长，")]:
            expect(page.locator(f'[data-path="{at}{field}"]')).to_have_value(shown)
        page.fill(f'[data-path="{at}[0].value"]', "11.8:44.9:43.3")
        page.fill(f'[data-path="{at}[1].change_to"]', "7")
        page.fill(f'[data-path="{at}[2].then[0].change"]', "1.5")
        page.fill(f'[data-path="{at}[3].earlier"]', "2.7")
        edited = (SENTENCE.replace("12.3:45.6:42.1", "11.8:44.9:43.3").replace("5-6%", "5-7%")
                  .replace("提高1.2个", "提高1.5个").replace("2.66亿元", "2.7亿元"))
        expect(body.first).to_have_text(edited)
        page.click("#save")
        expect(page.locator("#status")).to_have_text("已保存 讲话.yaml")
        saved = yaml.safe_load(path.read_text(encoding="utf-8"))["parts"][0]["intro"][0]["indicators"]
        original = yaml.safe_load(SPEECH)["parts"][0]["intro"][0]["indicators"]
        assert [sorted(i) for i in saved] == [sorted(i) for i in original]  # no field lost, none added
        assert saved[1]["change_unit_once"] is True and saved[2]["then"][0]["trend"] == "提高"
        context.close()
        assert errors == []
