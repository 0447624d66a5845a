"""Content-Security-Policy, enforced (django-csp): strict on the public site, the portal, the
API and private downloads; as strict as Wagtail's admin allows under ``/admin/``.

The public templates carry no inline script or style (their JavaScript is in static files), so
their policy needs no nonce, and the page cache can serve stored pages with a fresh header.
The one inline ``<style>`` is the self-contained 500 page, allowed by its hash (computed from
the template, so editing it cannot silently break it). A template that needs an inline script
uses ``nonce="{{ request.csp_nonce }}"``: the middleware then adds that nonce to the header.

Wagtail's admin still renders a few inline scripts (date widgets, inline panels) and style
attributes, so ``/admin/`` allows inline script elements and styles from the site itself, and
nothing else: no inline event handlers, no other origin (no Gravatar images, no update check:
see the settings), no plugins, no framing by others, no foreign form targets.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache

from csp.constants import HEADER, NONCE, NONE, SELF, UNSAFE_INLINE
from csp.middleware import CheckableLazyObject, CSPMiddleware, PolicyParts
from csp.utils import build_policy, default_config
from django.conf import settings

ADMIN_PREFIX = "/admin/"

#: Embedded videos (wagtail.embeds) on programme pages.
VIDEO_FRAMES = [
    "https://www.youtube-nocookie.com",
    "https://www.youtube.com",
    "https://player.vimeo.com",
]


@lru_cache(maxsize=1)
def error_page_style_hashes() -> list[str]:
    """CSP hashes of the inline ``<style>`` blocks of templates/500.html."""
    path = settings.BASE_DIR / "templates" / "500.html"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return []
    digests = [
        base64.b64encode(hashlib.sha256(block.encode()).digest()).decode()
        for block in re.findall(r"<style>(.*?)</style>", text, re.S)
    ]
    return [f"'sha256-{digest}'" for digest in digests]


def public_directives() -> dict[str, list[str]]:
    return {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE, *error_page_style_hashes()],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, *VIDEO_FRAMES],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }


def admin_directives() -> dict[str, list[str]]:
    """Checked in Chromium against Wagtail 8 and wagtail-localize (page, snippet and
    translation editors, listings, the dashboard): inline ``<script>`` elements are still
    needed (date and time pickers, inline panels, choosers, the translation editor) and style
    attributes are everywhere; inline event handlers (``onclick=``) and ``javascript:`` URLs
    are not used, so ``script-src-attr 'none'`` refuses them even though inline scripts run."""
    return {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "script-src-attr": [NONE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF, *VIDEO_FRAMES],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],  # the page editor's live preview frames the site itself
    }


@lru_cache(maxsize=2)
def fixed_policy(admin: bool) -> str:
    """The header of a response that used no nonce: the same for every such response, so
    built once per process instead of on every request (a page-cache hit is little more)."""
    return build_policy(config=default_config(admin_directives() if admin else public_directives()))


#: Response attributes django-csp's decorators set to change the policy of one view.
PER_VIEW = ("_csp_config", "_csp_update", "_csp_replace", "_csp_exempt")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's policy chosen by path."""

    def process_response(self, request, response):
        if (
            getattr(request, "_csp_nonce", None) is None
            and not any(hasattr(response, name) for name in PER_VIEW)
            and HEADER not in response
            and not getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
            and not settings.CONTENT_SECURITY_POLICY.get("EXCLUDE_URL_PREFIXES")
            and not settings.DEBUG
        ):
            response[HEADER] = fixed_policy(request.path_info.startswith(ADMIN_PREFIX))
            request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
            return response
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        admin = request.path_info.startswith(ADMIN_PREFIX)
        if parts.config is None:  # no per-view @csp decorator
            parts.config = default_config(admin_directives() if admin else public_directives())
        if admin:
            parts.nonce = None  # a nonce would switch off 'unsafe-inline' in browsers
        return parts
