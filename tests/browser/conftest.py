"""Fixtures for the browser tests: a running site + worker, Debian's Chromium, screenshots.

Run them with ``bin/install-browser && .venv/bin/pytest tests/browser -m browser``
(CAREERSTEPS_TEST_DB names the database file, CAREERSTEPS_BROWSER_PORT pins the site's port).
Screenshots, axe results and the site/worker logs land in ``test-artifacts/browser/``.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from .axe import AXE_SCRIPT
from .servers import ARTIFACTS, RunningSite, start_site

CHROMIUM = Path(os.environ.get("CAREERSTEPS_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this directory is a browser test, even one that forgets its marker; and
    they run last. Playwright's sync API keeps an event loop in the main thread while the
    session's browser is open, and Django refuses ORM calls from a thread with a running loop
    (SynchronousOnlyOperation): database tests must not come after a browser test."""
    here = Path(__file__).parent
    browser_tests = []
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.browser)
            browser_tests.append(item)
    if browser_tests:
        others = [item for item in items if item not in browser_tests]
        items[:] = others + browser_tests


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """Remember each phase's outcome on the item, so fixtures can save evidence on failure."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def _require_tools() -> None:
    missing = []
    if not CHROMIUM.exists():
        missing.append(f"Chromium ({CHROMIUM})")
    if not AXE_SCRIPT.exists():
        missing.append(f"axe-core ({AXE_SCRIPT.relative_to(AXE_SCRIPT.parents[2])})")
    if missing:
        pytest.fail(
            "browser tests need " + " and ".join(missing) + ": run bin/install-browser",
            pytrace=False,
        )


@pytest.fixture(scope="session")
def live_site() -> Iterator[RunningSite]:
    """The real site and a real qcluster on a fresh database with the demo content."""
    _require_tools()
    site = start_site()
    try:
        yield site
    finally:
        site.stop()
        shutil.rmtree(site.var_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium driven by Playwright (Playwright's own browser download can't run
    here). Playwright gives every launch a fresh temporary profile (user-data-dir)."""
    _require_tools()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield launched
        finally:
            launched.close()


def _artifact_dir(item: pytest.Item) -> Path:
    module = Path(str(item.fspath)).stem
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", f"{module}.{item.name}").strip("-")
    return ARTIFACTS / name


class Screenshots:
    """Saves numbered full-page screenshots as test artefacts: <test>/<nn>-<step>.png."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.count = 0

    def take(self, page: Page, step: str) -> Path:
        self.count += 1
        slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", step).strip("-")
        path = self.directory / f"{self.count:02d}-{slug}.png"
        page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def artifacts(request: pytest.FixtureRequest) -> Path:
    """This test's artefact directory, emptied at the start of the test."""
    directory = _artifact_dir(request.node)
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    return directory


@pytest.fixture
def shots(artifacts: Path) -> Screenshots:
    return Screenshots(artifacts)


def _new_context(
    browser: Browser, live_site: RunningSite, request: pytest.FixtureRequest, **options
) -> Iterator[BrowserContext]:
    context = browser.new_context(base_url=live_site.base_url, **options)
    context.set_default_timeout(15_000)
    errors: list[str] = []
    context.on("weberror", lambda error: errors.append(str(error.error)))
    try:
        yield context
    finally:
        report = getattr(request.node, "report_call", None)
        if report is not None and report.failed:
            directory = _artifact_dir(request.node)
            directory.mkdir(parents=True, exist_ok=True)
            for number, page in enumerate(context.pages):
                # Evidence is best effort: a crashed page must not hide the real failure.
                with contextlib.suppress(Exception):
                    page.screenshot(path=str(directory / f"failure-{number}.png"), full_page=True)
            (directory / "site.log").write_text(live_site.log("site", tail=20000))
            (directory / "qcluster.log").write_text(live_site.log("qcluster", tail=20000))
            if errors:
                (directory / "javascript-errors.txt").write_text("\n".join(errors))
        context.close()


@pytest.fixture
def new_context(browser, live_site, request) -> Iterator[Callable[[], BrowserContext]]:
    """Makes more desktop contexts, one per person in a multi-person journey (each with its
    own cookies); closed, with evidence saved on failure, when the test ends."""
    made: list[Iterator[BrowserContext]] = []

    def make() -> BrowserContext:
        generator = _new_context(browser, live_site, request, viewport=DESKTOP)
        made.append(generator)
        return next(generator)

    yield make
    for generator in made:
        next(generator, None)


@pytest.fixture
def context(browser, live_site, request) -> Iterator[BrowserContext]:
    """A fresh desktop-sized browser context (no cookies) on the running site."""
    yield from _new_context(browser, live_site, request, viewport=DESKTOP)


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture
def phone_context(browser, live_site, request) -> Iterator[BrowserContext]:
    """A phone-sized context (390x844, touch, mobile viewport meta honoured)."""
    yield from _new_context(
        browser, live_site, request, viewport=PHONE, is_mobile=True, has_touch=True
    )


@pytest.fixture
def phone(phone_context: BrowserContext) -> Page:
    return phone_context.new_page()


@pytest.fixture(scope="session")
def browser_tmp() -> Iterator[Path]:
    directory = Path(tempfile.mkdtemp(prefix="careersteps-browser-files-"))
    yield directory
    shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture(scope="session")
def public_pages(live_site: RunningSite) -> dict[str, dict[str, str]]:
    """{language: {kind: path}} of the demo's public pages (see pages.py)."""
    from .pages import find_public_pages

    return find_public_pages(live_site)


@pytest.fixture(scope="session")
def application_forms(live_site: RunningSite) -> dict[str, dict[str, str]]:
    """{language: {role: path}} of the open cohort's application forms (see pages.py)."""
    from .pages import find_application_forms

    forms = find_application_forms(live_site)
    assert forms, "the demo content has no application form under an open cohort"
    return forms
