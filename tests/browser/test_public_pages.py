"""The public site in a real browser: accessible (axe-core), in the right language, usable
with the keyboard and on a phone, in English, Czech and German."""

import pytest
from playwright.sync_api import Page

from .axe import assert_accessible
from .pages import LANGUAGES, PUBLIC_PAGES

pytestmark = pytest.mark.browser

LANGUAGE_NAMES = {"en": "English", "cs": "Čeština", "de": "Deutsch"}


def open_page(page: Page, path: str) -> None:
    response = page.goto(path)
    status = response.status if response is not None else None
    assert status == 200, f"{path} answered {status}"


def url_path(page: Page) -> str:
    return page.evaluate("() => location.pathname")


@pytest.mark.parametrize("kind", PUBLIC_PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_public_page_is_accessible_in_its_language(
    page, public_pages, shots, artifacts, language, kind
):
    """No serious or critical axe violation, and <html lang> names the page's language."""
    path = public_pages[language][kind]
    open_page(page, path)
    shots.take(page, f"{language}-{kind}")
    assert page.locator("html").get_attribute("lang") == language
    assert_accessible(page, artifacts)


@pytest.mark.parametrize("kind", ["news_article", "event", "cohort", "programme"])
def test_language_switcher_leads_to_the_same_page_in_each_language(page, public_pages, shots, kind):
    """English -> Czech -> German -> English through the header's switcher, one page kind."""
    open_page(page, public_pages["en"][kind])
    for target in ("cs", "de", "en"):
        page.locator(f".language-switcher a[hreflang='{target}']").click()
        page.wait_for_url(lambda url, target=target: f"/{target}/" in url)
        shots.take(page, f"switched-to-{target}")
        assert url_path(page) == public_pages[target][kind]
        assert page.locator("html").get_attribute("lang") == target
        current = page.locator(f".language-switcher a[hreflang='{target}']")
        assert current.get_attribute("aria-current") == "true"


@pytest.mark.parametrize("language", LANGUAGES)
def test_skip_link_and_menu_are_reachable_by_keyboard(page, public_pages, shots, language):
    """The first Tab lands on a visible skip link that moves focus to <main>; every header
    link (language switcher and main menu) is reached by Tab alone."""
    open_page(page, public_pages[language]["home"])
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("element => element === document.activeElement")
    box = skip.bounding_box()
    assert box is not None and box["width"] > 10 and box["height"] > 10, "skip link not visible"
    shots.take(page, "skip-link-focused")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"

    header_links = page.locator("header a[href]")
    wanted = set(header_links.evaluate_all("links => links.map(a => a.href)"))
    assert len(wanted) >= 4, f"header has too few links: {wanted}"
    open_page(page, public_pages[language]["home"])
    reached = set()
    for _ in range(len(wanted) + 10):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("() => document.activeElement.href || ''"))
        if wanted <= reached:
            break
    assert wanted <= reached, f"not reachable by Tab: {sorted(wanted - reached)}"
    shots.take(page, "menu-focused")


def _focus_is_visible(page: Page) -> bool:
    return page.evaluate(
        """() => {
            const style = getComputedStyle(document.activeElement);
            return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
                || style.boxShadow !== 'none';
        }"""
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_keyboard_focus_is_visible_on_header_links(page, public_pages, language):
    open_page(page, public_pages[language]["home"])
    for _ in range(4):
        page.keyboard.press("Tab")
        focused = page.evaluate("() => document.activeElement.outerHTML.slice(0, 120)")
        assert _focus_is_visible(page), f"no visible focus indicator on {focused}"


@pytest.mark.parametrize("kind", PUBLIC_PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_public_page_fits_a_phone_screen(phone, public_pages, shots, language, kind):
    """At 390x844 nothing scrolls sideways, and the menu links are on screen to be tapped."""
    open_page(phone, public_pages[language][kind])
    shots.take(phone, f"phone-{language}-{kind}")
    overflow = phone.evaluate(
        """() => {
            const width = document.documentElement.clientWidth;
            const wide = [...document.querySelectorAll('body *')]
                .filter(el => el.getBoundingClientRect().right > width + 1)
                .map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''));
            return {scroll: document.documentElement.scrollWidth, width, wide: wide.slice(0, 8)};
        }"""
    )
    assert overflow["scroll"] <= overflow["width"], f"horizontal scroll: {overflow}"
    for link in phone.locator("header nav a").all():
        assert link.is_visible(), f"header link hidden on a phone: {link.inner_text()}"
