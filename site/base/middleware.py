"""Language handling for the whole site.

Django's LocaleMiddleware answers a 404 on an unprefixed path with a redirect to the same path
under /en/ whenever that path resolves, and Wagtail's catch-all page pattern makes every path
resolve. So ``/api/v3/pages/999/`` would become an HTML redirect to ``/en/api/v3/pages/999/``
instead of the API's JSON 404, and an unknown admin or media address would bounce the same way.
Paths that are never language-prefixed keep their own response here.
"""

from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

UNPREFIXED_PATHS = ("/api/", "/admin/", "/documents/", "/media/", "/static/", "/i18n/")


class LocaleMiddleware(DjangoLocaleMiddleware):
    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if request.path_info.startswith(UNPREFIXED_PATHS):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", get_language())
            return response
        return super().process_response(request, response)
