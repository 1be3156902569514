"""The report in headless chromium: loads cleanly, highlights, jumps, and never runs injected markup."""

from __future__ import annotations

import pytest

from ficlens.report import render_html
from fixtures.report.world import hostile_world, lighthouse_world, pdnc_world

pytestmark = pytest.mark.browser

DESKTOP = (1280, 900)
PHONE = (390, 844)


@pytest.fixture(scope="module")
def lighthouse_html() -> str:
    return render_html(lighthouse_world())


def _in_viewport(page, selector: str) -> bool:
    return page.eval_on_selector(selector, """el => { const r = el.getBoundingClientRect();
        return r.top >= -2 && r.top < window.innerHeight; }""")


def _show_scene_with_card(page) -> None:
    """Jump to the second scene and pin one quotation's card, for the screenshots."""
    page.locator(".band").nth(1).click()
    page.wait_for_timeout(250)
    page.locator('.q[data-q="9"]').click()


def test_report_browser_loads_without_errors(open_report, lighthouse_html, screenshots):
    page = open_report(lighthouse_html, *DESKTOP)
    assert page.errors == []
    assert page.locator(".band").count() == 4
    assert page.locator(".net .node").count() == 5
    assert page.locator(".arc-chart svg path.valence").count() == 1
    assert page.locator(".talk > table tr").count() == 6
    assert page.locator(".legend .chip-btn[data-i]").count() == 5
    page.screenshot(path=str(screenshots / "report-desktop.png"))
    _show_scene_with_card(page)
    page.screenshot(path=str(screenshots / "report-desktop-text.png"))


def test_report_browser_sample_chapter_from_pipeline(open_report, sample_chapter):
    import ficlens

    world = ficlens.analyze(sample_chapter)
    page = open_report(render_html(world), *DESKTOP)
    assert page.errors == []
    assert page.locator("#story span.q").count() >= len(world.quotes)
    assert page.locator(".band").count() == len(world.scenes)


def test_report_browser_phone_width_has_no_sideways_scroll(open_report, lighthouse_html, screenshots):
    page = open_report(lighthouse_html, *PHONE)
    assert page.errors == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE[0]
    page.screenshot(path=str(screenshots / "report-phone.png"))
    _show_scene_with_card(page)
    page.screenshot(path=str(screenshots / "report-phone-text.png"))


def test_report_browser_dark_scheme_keeps_text_readable(open_report, lighthouse_html, screenshots):
    page = open_report(lighthouse_html, *DESKTOP, color_scheme="dark")
    colours = page.evaluate("""() => [getComputedStyle(document.querySelector('#story p[data-o]')).color,
        getComputedStyle(document.querySelector('.reader')).backgroundColor]""")
    assert colours == ["rgb(230, 227, 220)", "rgb(29, 32, 36)"]
    _show_scene_with_card(page)
    page.screenshot(path=str(screenshots / "report-dark-text.png"))


def test_report_browser_character_click_highlights_their_lines(open_report, lighthouse_html):
    page = open_report(lighthouse_html, *DESKTOP)
    nell = page.locator(".legend .chip-btn", has_text="Nell Harker")
    index = nell.get_attribute("data-i")
    nell.click()
    assert page.evaluate("document.body.dataset.hl") == index
    assert nell.get_attribute("aria-pressed") == "true"
    opacity = "el => getComputedStyle(el).opacity"
    assert page.locator(f".q.k{index}").first.evaluate(opacity) == "1"
    assert page.locator(f".q:not(.k{index})").first.evaluate(opacity) != "1"
    assert page.locator(".band.dim").count() == 0  # Nell is in every scene
    page.locator(".legend .chip-btn", has_text="Juno").click()
    assert page.locator(".band.dim").count() == 3
    nell.click()
    page.get_by_role("button", name="next line").click()
    assert "line 1 of 7" in page.locator(".legend .nav").inner_text()
    nell.click()
    assert page.evaluate("document.body.dataset.hl") is None


def test_report_browser_network_node_by_keyboard(open_report, lighthouse_html):
    page = open_report(lighthouse_html, *DESKTOP)
    node = page.locator(".net .node").first
    node.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.body.dataset.hl") == node.get_attribute("data-i")


def test_report_browser_scene_click_scrolls_to_it(open_report, lighthouse_html):
    page = open_report(lighthouse_html, *DESKTOP)
    assert not _in_viewport(page, "#scene-3")
    page.locator(".band").nth(3).click()
    page.wait_for_function("""() => { const r = document.getElementById('scene-3').getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight; }""", timeout=3000)
    assert page.evaluate("document.activeElement.id") == "scene-3"
    assert "inferred break 62%" in page.locator("#timeline-readout").inner_text()


def test_report_browser_quote_card_names_speaker(open_report, lighthouse_html):
    page = open_report(lighthouse_html, *DESKTOP)
    page.locator('.q[data-q="13"]').click()
    card = page.locator("#qcard")
    assert card.is_visible()
    text = card.inner_text()
    assert "Nell Harker" in text and "to Ada Harker" in text and "confidence 41% (uncertain)" in text
    page.keyboard.press("Escape")
    assert not card.is_visible()


def test_report_browser_arc_names_scene_under_pointer(open_report, lighthouse_html):
    page = open_report(lighthouse_html, *DESKTOP)
    chart = page.locator(".arc-chart svg")
    box = chart.bounding_box()
    page.mouse.move(box["x"] + box["width"] - 20, box["y"] + box["height"] / 2)
    readout = page.locator("#arc-readout").inner_text()
    assert readout.startswith("Ch. 2 · scene 2 (POV Nell Harker): valence +0.70")


def test_report_browser_injected_markup_never_runs(open_report, screenshots):
    world = hostile_world()
    page = open_report(render_html(world), *DESKTOP)
    page.wait_for_timeout(300)
    assert page.dialogs == []
    assert page.errors == []
    assert page.evaluate("document.title") == world.metadata.title
    assert page.evaluate("document.querySelectorAll('script').length") == 2
    injected = "document.querySelectorAll('#story img, #story a, #story svg, #story script, main img').length"
    assert page.evaluate(injected) == 0
    story = page.locator("#story").inner_text()
    for quote in world.quotes:
        assert quote.text in story
    assert page.locator(".legend .chip-btn", has_text="pwned-5").is_visible()
    page.screenshot(path=str(screenshots / "report-hostile.png"))


@pytest.mark.slow
@pytest.mark.shared
def test_report_browser_novel_opens_fast(open_report, pdnc_dir):
    world = pdnc_world(pdnc_dir / "Emma")
    page = open_report(render_html(world), *DESKTOP)
    loaded = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    assert page.errors == []
    assert loaded < 3000
    last = len(world.scenes) - 1
    page.locator(".band").nth(last).click()
    page.wait_for_timeout(200)
    assert _in_viewport(page, f"#scene-{last}")


def test_report_browser_keyboard_reaches_scenes_with_visible_focus(open_report, lighthouse_html):
    page = open_report(lighthouse_html, *DESKTOP)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('band')"):
            break
    else:
        pytest.fail("Tab never reached the scene timeline")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    page.wait_for_timeout(200)
    assert page.evaluate("document.activeElement.id") == "scene-1"
