"""Production settings: secure defaults, secrets and hosts from the environment.

``SECRET_KEY=... ALLOWED_HOSTS=example.org DJANGO_SETTINGS_MODULE=careersteps.settings.production
manage.py check --deploy`` passes with no warnings.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("Set SECRET_KEY to a random string of at least 50 characters.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS to the site's host names, comma-separated.")
# The one address emails, feeds, the API and Wagtail's Site record use (see base.site_url).
SITE_URL = os.environ.get("SITE_URL", "").rstrip("/")
if not SITE_URL.startswith(("https://", "http://")):
    raise ImproperlyConfigured(
        "Set SITE_URL to the site's public address, e.g. https://example.org."
    )
WAGTAILADMIN_BASE_URL = SITE_URL

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
STORAGES = {  # noqa: F405
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = False
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
# A real server runs no demo data and no benchmarks: both apps are left out (a public demo
# server sets DEMO_APPS=1, and even then `manage.py demo` wants --force).
IS_PRODUCTION = True
if not env_bool("DEMO_APPS", False):
    INSTALLED_APPS = [app for app in INSTALLED_APPS if app not in {"demo", "bench"}]  # noqa: F405
# Staff need a second factor in production (ACCOUNTS_REQUIRE_2FA=0 only for a demo server).
ACCOUNTS_REQUIRE_2FA = env_bool("ACCOUNTS_REQUIRE_2FA", True)
