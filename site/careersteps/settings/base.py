"""careerSTEPS settings, read from environment variables with safe defaults.

The defaults need no service at all: a SQLite file under ``var/`` and django-q2's ORM broker,
so ``bin/run`` works on a fresh machine. ``DATABASE_URL`` switches to PostgreSQL, ``REDIS_URL``
to the Redis broker (and cache), ``Q_WORKERS`` sets the worker count.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from careersteps.private_storage import s3_private_storage

PROJECT_DIR = Path(__file__).resolve().parent.parent
SOURCE_DIR = PROJECT_DIR.parent  # site/
BASE_DIR = SOURCE_DIR.parent  # the repository
VAR_DIR = Path(os.environ.get("CAREERSTEPS_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no environment variable ("1", "true", "yes", "on" count as yes)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable into a list, dropping blanks."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")
# Development-only key: production.py refuses to start without SECRET_KEY.
SECRET_KEY = os.environ.get("SECRET_KEY", "careersteps-insecure-development-key-change-me")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # careerSTEPS: the CMS side (site/)
    "base",
    "admin_i18n",  # the admin's Czech and German: "před 5 dny", "vor 5 Tagen"
    "home",
    "programme",
    "news",
    "events",
    "institutions",
    "cohorts",
    "applications",
    "portal",
    "consents",
    "accounts",  # staff sign-in security and request throttles
    "demo",
    "bench",
    "pagecache",
    # careerSTEPS: the automation (workflows/)
    "workflows.engine",
    "workflows.access",
    "workflows.review",
    "workflows.notifications",
    "workflows.matching",
    "workflows.agreements",
    "workflows.programme_life",
    "workflows.evaluation",
    "workflows.console",  # the staff console: menus and screens over every workflow (on top)
    "workflows.next_cohort",  # clone a cohort for the next year, invite its mentors again
    "workflows.privacy",  # GDPR: personal-data inventory, export, erasure, retention (on top)
    # Wagtail and its translation layer
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales, adds locale synchronisation
    "wagtail.api.v3",
    "ninja",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_q",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # Anonymous page hits are answered here, stored as the whole stack gave them (pagecache/).
    "pagecache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "careersteps.hostile_input.HostileInputMiddleware",  # 4xx for NUL bytes, 2**70 offsets
    # Wagtail's remembered sites and routes; says which responses the page cache may store.
    "pagecache.middleware.PageRoutesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "base.middleware.LocaleMiddleware",  # Django's, minus redirecting API/admin 404s to /en/
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "careersteps.urls"
WSGI_APPLICATION = "careersteps.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite file by default; DATABASE_URL=postgres://... for PostgreSQL.
VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'careersteps.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The site and the qcluster workers share the file: WAL lets readers and one writer work
    # at once, IMMEDIATE transactions take the write lock up front instead of failing midway.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 30,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the source; Czech and German are translations.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("cs", _("Czech")),
    ("de", _("German")),
    ("en", _("English")),
]
# Our catalogs come first: they hold our strings and, merged in by compile_translations,
# corrections of Wagtail's and wagtail-localize's Czech and German (locales/README.md).
LOCALE_PATHS = [BASE_DIR / "locales"]
# The admin speaks the site's languages only, each named in itself.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("cs", "Čeština"), ("de", "Deutsch"), ("en", "English")]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Prague"
# English dates as en-GB ("9 December 2026, 17:00"); Czech and German keep Django's formats.
FORMAT_MODULE_PATH = ["base.formats"]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILLOCALIZE_JOBS = {"BACKEND": "wagtail_localize.tasks.ImmediateBackend"}
if os.environ.get("DEEPL_AUTH_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_AUTH_KEY"]},
    }

# Static and media files. Public media (CMS images and documents) lives under MEDIA_ROOT;
# private uploads (CVs, agreements) live under PRIVATE_MEDIA_ROOT and are only ever served
# through views that check who asks.
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": None},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# PRIVATE_STORAGE_S3_BUCKET keeps private files in an S3-compatible bucket instead (the `s3`
# extra; careersteps/private_storage.py): still served only through the checking views.
if _private_s3 := s3_private_storage(os.environ):
    STORAGES["private"] = _private_s3
WHITENOISE_USE_FINDERS = True
# Serve public media from Django itself (single-machine default); behind a web server set
# SERVE_MEDIA=0 and let it serve MEDIA_ROOT.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Email: written to files under var/mail by default, so the demo shows what would be sent.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = VAR_DIR / "mail"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "careerSTEPS <mentoring@example.org>")

# Background work: django-q2. The ORM broker (default) keeps the queue in the database, so
# enqueueing commits or rolls back with the transaction that asked for it; REDIS_URL switches
# to the Redis broker for higher rates.
REDIS_URL = os.environ.get("REDIS_URL", "")
Q_CLUSTER = {
    "name": "careersteps",
    "workers": int(os.environ.get("Q_WORKERS", "2")),
    "timeout": int(os.environ.get("Q_TIMEOUT", "120")),
    "retry": int(os.environ.get("Q_RETRY", "180")),  # must exceed timeout
    "max_attempts": int(os.environ.get("Q_MAX_ATTEMPTS", "5")),
    "ack_failures": True,
    "catch_up": False,
    "poll": 0.5,
    # The ORM broker's pusher claims up to this many due tasks per query instead of one (the
    # queue of a burst of submissions' emails). Each stays locked for `retry` seconds until it
    # runs; the heavy cluster's tasks are long, so it takes them one at a time.
    "bulk": 5,
    # 0: no pruning as each result is saved (django-q2 loads every kept result to do it: 49 ms
    # of CPU per task at 1000); workflows.schedules prunes results older than 30 days daily.
    "save_limit": int(os.environ.get("Q_SAVE_LIMIT", "0")),
    "label": _("Background tasks"),
    # Further clusters, each with its own queue, started with Q_CLUSTER_NAME=<name> qcluster
    # (on other machines, say); a task goes to one with async_task(..., cluster=<name>).
    "ALT_CLUSTERS": {
        "careersteps-heavy": {"workers": 1, "timeout": 600, "retry": 660, "bulk": 1},
    },
}
# The page cache (pagecache/): whole public pages for anonymous visitors, and the menus,
# switcher and footer of other pages. A file cache under var/ shares them between the gunicorn
# workers of one machine; Redis (REDIS_URL) between machines. PAGE_CACHE_SECONDS=0 turns it off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
if REDIS_URL:
    Q_CLUSTER["redis"] = REDIS_URL
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "careersteps-pages",
        },
    }
else:
    Q_CLUSTER["orm"] = "default"
    # django-q2's ORM broker with its per-task statements (queue, claim, acknowledge) as SQL.
    Q_CLUSTER["broker_class"] = "workflows.engine.broker.OrmBroker"
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {  # Django's file cache; each process keeps the fragments it read
            "BACKEND": "pagecache.backends.PageFileCache",
            "LOCATION": str(VAR_DIR / "cache" / "pages"),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }

# Wagtail
WAGTAIL_SITE_NAME = "careerSTEPS"
# The admin loads nothing from other origins (its Content-Security-Policy refuses them): no
# Gravatar avatars (they would also send a hash of every staff address to a third party) and
# no check for new Wagtail releases from the browser.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# The site's public address: emails, feeds, API links and Wagtail's Site record follow it
# (bin/run derives it from PORT; production requires it).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_DOCS_ENABLED = True
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "svg"]

LOGIN_URL = "wagtailadmin_login"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # django-q2 logs as "django-q" (not its package name): Q_LOG_LEVEL=WARNING quietens its
    # per-task INFO lines ("Enqueued", "Processed").
    "loggers": {"django-q": {"level": os.environ.get("Q_LOG_LEVEL", "INFO")}},
}

# Applications and the applicant portal (each also has a default in code).
APPLICATIONS_MAX_UPLOAD_BYTES = int(os.environ.get("APPLICATIONS_MAX_UPLOAD_BYTES", 5 << 20))
APPLICATIONS_DRAFT_DAYS = 90  # unsubmitted drafts are purged after this many days
APPLICATIONS_PENDING_UPLOAD_MINUTES = 60  # files of a refused submission are kept this long
# The worker accepts submissions once none has arrived for this long (a burst of applicants is
# answered first), but never later than the delay after the oldest waiting one arrived.
APPLICATIONS_ACCEPT_QUIET_MS = int(os.environ.get("APPLICATIONS_ACCEPT_QUIET_MS", "500"))
APPLICATIONS_ACCEPT_MAX_DELAY_SECONDS = int(
    os.environ.get("APPLICATIONS_ACCEPT_MAX_DELAY_SECONDS", "10")
)
# Anonymous form posts (submissions, drafts) per requester IP and window (accounts.throttle).
APPLICATIONS_POSTS_PER_IP = int(os.environ.get("APPLICATIONS_POSTS_PER_IP", "30"))
APPLICATIONS_POSTS_WINDOW_MINUTES = 10
PORTAL_SIGN_IN_MIN_SECONDS = 0.4  # every sign-in request takes this long: no timing oracle
# Reverse proxies (addresses or networks, comma-separated) whose X-Forwarded-For is believed,
# for the audit history and the per-IP limits (workflows.access.network.client_ip).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")

# Staff sign-in security (site/accounts/): failed sign-ins throttled per account and per IP and
# logged (django-axes: 5 failures lock that account, and that IP, for 15 minutes); a second
# factor (django-otp: TOTP app plus recovery codes) required for staff when
# ACCOUNTS_REQUIRE_2FA (on in production) or once a user enrolled; sessions end after
# ACCOUNTS_IDLE_MINUTES without a request, and after SESSION_COOKIE_AGE in any case.
INSTALLED_APPS += [
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "django_otp.middleware.OTPMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django_otp.middleware.OTPMiddleware") + 1,
    "accounts.middleware.IdleSessionMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("accounts.middleware.IdleSessionMiddleware") + 1,
    "accounts.middleware.SecondFactorMiddleware",
)
MIDDLEWARE.append("axes.middleware.AxesMiddleware")
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
# Failures count per account *from one address* and per address: a stranger elsewhere who
# guesses a coordinator's username cannot lock the coordinator out; one address that guesses
# many accounts is paused for all of them. Every failure is logged (AccessFailureLog).
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_CLIENT_IP_CALLABLE = "accounts.security.axes_client_ip"
AXES_RESET_ON_SUCCESS = True  # the counters; the failure log below is kept
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
OTP_TOTP_ISSUER = "careerSTEPS"
ACCOUNTS_REQUIRE_2FA = env_bool("ACCOUNTS_REQUIRE_2FA", False)
ACCOUNTS_IDLE_MINUTES = int(os.environ.get("ACCOUNTS_IDLE_MINUTES", "30"))
SESSION_COOKIE_AGE = 60 * 60 * 12  # a working day at most, idle or not

# Content-Security-Policy, enforced (django-csp 4): the middleware chooses the public or the
# admin policy per request (careersteps/content_security.py); this setting is its fallback.
INSTALLED_APPS += ["csp"]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "careersteps.content_security.ContentSecurityPolicyMiddleware",
)
CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'self'"], "object-src": ["'none'"]}}
