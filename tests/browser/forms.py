"""Filling the application forms in the browser, by field name (labels differ per language).

``fill`` uses Playwright's pointer-style actions; ``fill_with_keyboard`` uses nothing but the
keyboard (Tab, typing, Space, arrow keys), the way a keyboard-only applicant would, and so also
proves every field can be reached and operated without a mouse.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

#: What answers look like: a string for text/radio/select, a list for checkbox groups,
#: True for a single checkbox, a Path for a file input.
Answers = dict[str, "str | list[str] | bool | Path"]


def field(page: Page, name: str):
    return page.locator(f"#application-form [name='{name}']")


def fill(page: Page, answers: Answers) -> None:
    for name, value in answers.items():
        inputs = field(page, name)
        first = inputs.first
        kind = (first.get_attribute("type") or first.evaluate("e => e.tagName")).lower()
        if kind == "file":
            first.set_input_files(str(value))
        elif kind == "radio":
            field(page, name).and_(page.locator(f"[value='{value}']")).check()
        elif kind == "checkbox" and isinstance(value, list):
            for item in value:
                field(page, name).and_(page.locator(f"[value='{item}']")).check()
        elif kind == "checkbox":
            first.set_checked(bool(value))
        elif kind == "select":
            first.select_option(str(value))
        else:
            first.fill(str(value))


def choose_option(page: Page, name: str, text: str) -> str:
    """The value of the first option of select ``name`` whose label contains ``text``
    (else the first non-empty option), so tests don't depend on database ids."""
    options = (
        field(page, name)
        .locator("option")
        .evaluate_all("options => options.map(o => [o.value, o.textContent.trim()])")
    )
    for value, label in options:
        if value and text.lower() in label.lower():
            return value
    return next(value for value, _label in options if value)


def _active(page: Page) -> dict:
    return page.evaluate(
        """() => {
            const e = document.activeElement;
            return {tag: e.tagName.toLowerCase(), type: (e.type || '').toLowerCase(),
                    name: e.name || '', value: e.value || '', checked: !!e.checked, id: e.id,
                    index: e.selectedIndex === undefined ? -1 : e.selectedIndex};
        }"""
    )


def _choose_file_with_keyboard(page: Page, input_id: str, path, attempts: int = 3) -> None:
    """Open the file chooser with Space on the focused file input, as a keyboard user does.

    Chromium opens a chooser only for a page that has focus and a fresh user activation; on
    a loaded machine the first key press can land while another tab still holds focus, and
    the chooser never opens. So the page is brought to the front first, and Space is pressed
    again (focus still on the same input, never a click) if no chooser opened in time.
    """
    page.bring_to_front()
    for attempt in range(1, attempts + 1):
        assert _active(page)["id"] == input_id, "focus left the file input"
        try:
            with page.expect_file_chooser(timeout=10_000) as chooser:
                page.keyboard.press("Space")
        except PlaywrightTimeoutError:
            if attempt == attempts:
                raise
            continue
        chooser.value.set_files(str(path))
        return


def fill_with_keyboard(page: Page, answers: Answers, stop_at_id: str, max_tabs: int = 300):
    """Tab through the page from the top and answer each field as it gets focus; stop with
    focus on the element ``stop_at_id``. Fails if a field is never reached."""
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    page.locator("body").focus()
    pending = set(answers)
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        element = _active(page)
        name = element["name"]
        if element["id"] == stop_at_id:
            assert not pending, f"never reached by Tab: {sorted(pending)}"
            return
        if name not in answers:
            continue
        wanted = answers[name]
        kind = element["type"] if element["tag"] == "input" else element["tag"]
        if kind == "file":
            _choose_file_with_keyboard(page, element["id"], wanted)
        elif kind == "radio":
            # Tab enters a radio group once; arrow keys move and select within it.
            for _step in range(30):
                if element["value"] == wanted:
                    if not element["checked"]:
                        page.keyboard.press("Space")
                    break
                page.keyboard.press("ArrowDown")
                element = _active(page)
        elif kind == "checkbox":
            should = element["value"] in wanted if isinstance(wanted, list) else bool(wanted)
            if should != element["checked"]:
                page.keyboard.press("Space")
        elif kind.startswith("select"):
            target = page.evaluate(
                "([name, value]) => [...document.querySelector(`[name='${name}']`).options]"
                ".findIndex(o => o.value === value)",
                [name, wanted],
            )
            assert target >= 0, f"{name} has no option {wanted!r}"
            key = "ArrowDown" if target > element["index"] else "ArrowUp"
            for _step in range(abs(target - element["index"])):
                page.keyboard.press(key)
            assert _active(page)["value"] == wanted, f"could not choose {wanted} in {name}"
        else:
            page.keyboard.press("Control+A")
            page.keyboard.type(str(wanted))
        if isinstance(wanted, list):
            if all(page.locator(f"[name='{name}'][value='{v}']").is_checked() for v in wanted):
                pending.discard(name)
        else:
            pending.discard(name)
    raise AssertionError(f"{stop_at_id} not reached within {max_tabs} Tabs; missing {pending}")


def values(page: Page, names: list[str]) -> dict[str, object]:
    """What the form shows now for each field: text value, checked values, or selected value."""
    return page.evaluate(
        """names => Object.fromEntries(names.map(name => {
            const inputs = [...document.querySelectorAll(`#application-form [name='${name}']`)];
            const first = inputs[0];
            if (!first) return [name, null];
            if (first.type === 'radio') return [name, (inputs.find(i => i.checked) || {}).value];
            if (first.type === 'checkbox' && inputs.length > 1)
                return [name, inputs.filter(i => i.checked).map(i => i.value)];
            if (first.type === 'checkbox') return [name, first.checked];
            return [name, first.value];
        }))""",
        names,
    )


def other_required_answers(page: Page, answers: Answers) -> Answers:
    """Answers for the required questions an editor added beyond the ones a test fills in
    (the demo's forms may ask more): the first choice, or a short text."""
    required = page.evaluate(
        """() => {
            const seen = {};
            for (const e of document.querySelectorAll('#application-form [required]')) {
                if (seen[e.name] || e.type === 'hidden') continue;
                const first = e.tagName === 'SELECT'
                    ? ([...e.options].find(o => o.value) || {}).value : e.value;
                seen[e.name] = {type: e.type || e.tagName.toLowerCase(), value: first,
                    group: document.querySelectorAll(`[name='${e.name}']`).length > 1};
            }
            return seen;
        }"""
    )
    extra: Answers = {}
    for name, info in required.items():
        if name in answers:
            continue
        if info["type"] == "radio":
            extra[name] = info["value"]
        elif info["type"] == "checkbox":
            extra[name] = [info["value"]] if info["group"] else True
        elif info["type"].startswith("select"):
            extra[name] = info["value"]
        elif info["type"] == "email":
            extra[name] = "someone@example.org"
        elif info["type"] != "file":
            extra[name] = "1" if info["type"] == "number" else "Ja / Ano / Yes"
    return extra
