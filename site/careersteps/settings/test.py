"""Test settings: the real database (SQLite file, or PostgreSQL from DATABASE_URL), the real
ORM broker, mail kept in memory, a throwaway var/ directory."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

# A var/ directory of this process's own (media, private uploads, mail): pytest-xdist workers
# inherit the controller's environment, so an inherited value must not be shared.
_var_dir = tempfile.mkdtemp(prefix="careersteps-test-")
atexit.register(shutil.rmtree, _var_dir, ignore_errors=True)
os.environ["CAREERSTEPS_VAR_DIR"] = _var_dir

from .base import *  # noqa: E402,F403
from .base import BASE_DIR, DATABASES, Q_CLUSTER  # noqa: E402

ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {  # noqa: F405
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# CAREERSTEPS_TEST_DB names the test database, so that runs side by side don't share one.
_test_db = os.environ.get("CAREERSTEPS_TEST_DB", "test")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not :memory:, so that the
    # site and qcluster processes of the browser tests can open the same database.
    (BASE_DIR / "var").mkdir(exist_ok=True)
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "var" / f"{_test_db}.sqlite3")}
else:
    DATABASES["default"]["TEST"] = {"NAME": f"careersteps_{_test_db}"}
# django_q reads Q_CLUSTER once at import, so tests that need tasks to run inline patch
# django_q.conf.Conf.SYNC (see tests/conftest.py) instead of overriding settings.
Q_CLUSTER = {**Q_CLUSTER, "workers": 1, "timeout": 20, "retry": 30}
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
}
LOGGING = {"version": 1, "disable_existing_loggers": False}
Path(os.environ["CAREERSTEPS_VAR_DIR"]).mkdir(parents=True, exist_ok=True)
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405 - whitenoise warns when it is missing
