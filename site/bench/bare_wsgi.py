"""The bare Django view the ``http`` group compares the site with: the same Django, the same
gunicorn settings, one URL pattern, no middleware, no database, no template, and the very bytes
of a site page (read from ``CAREERSTEPS_BENCH_BARE_BODY``). What is left is the cost of the
server, the WSGI handler and Django's request/response cycle: the ceiling for a cached page.

Served as ``gunicorn --pythonpath site bench.bare_wsgi`` by ``bench/http.py`` only.
"""

import os
from pathlib import Path

from django.conf import settings

BODY = Path(os.environ["CAREERSTEPS_BENCH_BARE_BODY"]).read_bytes()

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-bare-view-not-secret",  # noqa: S106 - no sessions, nothing signed
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    USE_I18N=False,
)

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.urls import re_path  # noqa: E402


def page(request, rest=""):
    return HttpResponse(BODY, content_type="text/html; charset=utf-8")


urlpatterns = [re_path(r"^(?P<rest>.*)$", page)]
application = get_wsgi_application()
