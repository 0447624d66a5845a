"""Every URL pattern of the project, found by walking Django's resolver (the Wagtail admin's,
the API's django-ninja operations and the language-prefixed ones included)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver


@dataclass(frozen=True)
class Pattern:
    """One URL pattern: ``key`` names it in the expectations table (``namespace:name``, or
    the route itself for an unnamed pattern)."""

    key: str
    route: str
    name: str  # the reversible name ("" when unnamed)
    params: tuple[str, ...]
    method: str  # the HTTP method of a django-ninja operation, else "GET"


_PARAM = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>")
#: django-ninja registers one pattern per operation, several on one path; the operation's
#: method is read from its name (Wagtail's API names them list_/detail_/create_/...).
_NINJA_METHODS = (
    ("create_", "POST"),
    ("submit", "POST"),
    ("update_", "PATCH"),
    ("delete_", "DELETE"),
    ("pages_actions_", "POST"),
    ("snippets_actions_", "POST"),
)


def _method(namespace: str, name: str) -> str:
    if namespace.startswith("wagtailapi"):
        for prefix, method in _NINJA_METHODS:
            if name.startswith(prefix):
                return method
    return "GET"


def all_patterns() -> list[Pattern]:
    """Each pattern once, in resolver order."""
    found: list[Pattern] = []

    def walk(resolver: URLResolver, prefix: str, namespaces: tuple[str, ...]) -> None:
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                more = (entry.namespace,) if entry.namespace else ()
                walk(entry, prefix + str(entry.pattern), namespaces + more)
            elif isinstance(entry, URLPattern):
                route = prefix + str(entry.pattern)
                name = ":".join(namespaces + (entry.name,)) if entry.name else ""
                params = tuple(a or b for a, b in _PARAM.findall(route))
                namespace = namespaces[0] if namespaces else ""
                found.append(
                    Pattern(
                        key=name or route,
                        route=route,
                        name=name,
                        params=params,
                        method=_method(namespace, entry.name or ""),
                    )
                )

    walk(get_resolver(), "", ())
    return found
