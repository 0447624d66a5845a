"""What a load-test client needs, with the standard library only: the plan the preparation
wrote, a complete application POST for applicant number ``n``, the staff's TOTP codes, and
the forms of a page read back from its HTML.

Kept apart from ``locustfile.py`` so that it can be tested without importing locust (which
patches the standard library with gevent on import) and without Django in the client: the
locust process never touches the database, it only speaks HTTP to the server.
"""

from __future__ import annotations

import hashlib
import hmac
import html
import json
import re
import struct
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

#: Every load-test applicant's address is ``<prefix><n>@example.org``: the report finds them.
EMAIL_PREFIX = "load.applicant."
EMAIL_DOMAIN = "example.org"


def load_plan(path: str | Path) -> dict[str, Any]:
    """The JSON ``loadtest.prepare`` wrote: form URLs, answers, staff, public pages."""
    return json.loads(Path(path).read_text())


def applicant_email(number: int) -> str:
    return f"{EMAIL_PREFIX}{number}@{EMAIL_DOMAIN}"


def applicant_address(number: int) -> str:
    """The applicant's own client address (sent as X-Forwarded-For through the trusted proxy
    on loopback), so the per-IP limit on form posts sees 200 people, not one."""
    return f"10.30.{number // 250}.{number % 250 + 1}"


def staff_address(number: int) -> str:
    return f"10.31.0.{number + 1}"


def visitor_address(number: int) -> str:
    return f"10.32.{number // 250}.{number % 250 + 1}"


def form_language(plan: dict[str, Any], number: int) -> str:
    """Applicants use the Czech, German and English forms in turn."""
    languages = sorted(plan["forms"])
    return languages[number % len(languages)]


def submission(plan: dict[str, Any], number: int) -> dict[str, list[str]]:
    """The form fields of applicant ``number``'s complete application (CV and CSRF token
    apart): the demo applicant's answers (``demo.loaders._applicants.post_data``, written into
    the plan) with this applicant's own name and address."""
    fields = {name: list(values) for name, values in plan["answers"].items()}
    fields["email"] = [applicant_email(number)]
    fields["full_name"] = [f"Load Applicant {number}"]
    fields["preferred_language"] = [form_language(plan, number)]
    return fields


def totp(key_hex: str, at: float | None = None, *, step: int = 30, digits: int = 6) -> str:
    """RFC 6238 code (HMAC-SHA1), as django-otp's TOTPDevice checks it with its defaults."""
    counter = int((time.time() if at is None else at) // step)
    digest = hmac.new(bytes.fromhex(key_hex), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(code % 10**digits).zfill(digits)


# --- forms read back from HTML -----------------------------------------------------------


@dataclass
class Form:
    """One ``<form>``: its action, method, and fields as a browser would see them."""

    action: str
    method: str
    hidden: dict[str, str] = field(default_factory=dict)
    radios: dict[str, list[str]] = field(default_factory=dict)
    checkboxes: dict[str, str] = field(default_factory=dict)
    selects: dict[str, list[str]] = field(default_factory=dict)
    textareas: list[str] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    buttons: dict[str, list[str]] = field(default_factory=dict)

    def has_button(self, name: str, value: str) -> bool:
        return value in self.buttons.get(name, []) or self.hidden.get(name) == value

    def filled(self, choose: dict[str, str] | None = None, text: str = "") -> dict[str, str]:
        """The POST a diligent person sends: hidden fields kept, each radio group answered
        (``choose[name]`` if offered, else a 4 when the scale has one, else the first
        choice), each checkbox ticked, each select's first real option, each text area
        filled with ``text``."""
        choose = choose or {}
        data = dict(self.hidden)
        data.update(self.texts)
        for name, values in self.radios.items():
            wanted = choose.get(name)
            data[name] = wanted if wanted in values else ("4" if "4" in values else values[0])
        for name, value in self.checkboxes.items():
            data[name] = value
        for name, values in self.selects.items():
            options = [value for value in values if value]
            if options:
                data[name] = choose.get(name) if choose.get(name) in options else options[0]
        for name in self.textareas:
            data[name] = text
        return data


class _FormParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        if tag == "form":
            self._form = Form(action=a.get("action", ""), method=a.get("method", "get").lower())
            self.forms.append(self._form)
            return
        form = self._form
        if form is None or not a.get("name") and tag != "option":
            return
        name = a.get("name", "")
        if tag == "input":
            kind = a.get("type", "text").lower()
            if kind == "hidden":
                form.hidden[name] = a.get("value", "")
            elif kind == "radio":
                form.radios.setdefault(name, []).append(a.get("value", "on"))
            elif kind == "checkbox":
                form.checkboxes[name] = a.get("value", "on")
            elif kind == "submit":
                form.buttons.setdefault(name, []).append(a.get("value", ""))
            elif kind not in {"file", "button", "reset", "image"}:
                form.texts[name] = a.get("value", "")
        elif tag == "textarea":
            form.textareas.append(name)
        elif tag == "select":
            self._select = name
            form.selects[name] = []
        elif tag == "option" and self._select is not None:
            form.selects[self._select].append(a.get("value", ""))
        elif tag == "button":
            form.buttons.setdefault(name, []).append(a.get("value", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


def forms(page: str) -> list[Form]:
    parser = _FormParser()
    parser.feed(page)
    return parser.forms


def form_with(page: str, name: str, value: str) -> Form | None:
    """The form with a hidden input or a button ``name=value`` (``action=assign``, say)."""
    return next((form for form in forms(page) if form.has_button(name, value)), None)


def csrf_token(page: str) -> str | None:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    return match.group(1) if match else None


def links(page: str, pattern: str) -> list[str]:
    """Every ``href`` matching ``pattern`` (a regular expression), unescaped, in order."""
    return [html.unescape(href) for href in re.findall(rf'href="({pattern})"', page)]


def file_links(page: str) -> list[str]:
    """The links to an application's files on its admin inspect page (answers as links)."""
    return [html.unescape(h) for h in re.findall(r'<dd data-key="[^"]*"><a href="([^"]+)"', page)]


def queue_link(page: str, queue: str) -> str | None:
    """The intake dashboard's link to one of its queues (first cohort)."""
    match = re.search(rf'data-queue="{re.escape(queue)}"><a href="([^"]+)"', page)
    return html.unescape(match.group(1)) if match else None


def ids(page: str, pattern: str) -> list[int]:
    """The numbers captured by ``pattern`` (one group) in ``page``, first occurrence order."""
    seen: dict[int, None] = {}
    for found in re.findall(pattern, page):
        seen.setdefault(int(found), None)
    return list(seen)
