"""Settings chosen from environment variables: SQLite and the ORM broker by default,
PostgreSQL from DATABASE_URL, the Redis broker from REDIS_URL, production checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _settings_value(
    expression: str, env: dict[str, str], module="careersteps.settings.base"
) -> str:
    code = (
        "import sys; sys.path.insert(0, 'site'); import django, os;"
        f"os.environ['DJANGO_SETTINGS_MODULE']={module!r};"
        "from django.conf import settings;"
        f"print({expression})"
    )
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_default_is_sqlite_with_orm_broker(tmp_path):
    env = {"CAREERSTEPS_VAR_DIR": str(tmp_path)}
    assert _settings_value("settings.DATABASES['default']['ENGINE']", env).endswith("sqlite3")
    assert _settings_value("settings.Q_CLUSTER.get('orm')", env) == "default"
    assert _settings_value("settings.Q_CLUSTER.get('redis')", env) == "None"
    assert _settings_value("settings.DEBUG", env) == "False"


def test_database_url_selects_postgresql(tmp_path):
    env = {
        "CAREERSTEPS_VAR_DIR": str(tmp_path),
        "DATABASE_URL": "postgres://careers@db.example:5433/careersteps",
    }
    assert _settings_value("settings.DATABASES['default']['ENGINE']", env) == (
        "django.db.backends.postgresql"
    )
    assert _settings_value("settings.DATABASES['default']['PORT']", env) == "5433"


def test_redis_url_selects_redis_broker_and_workers(tmp_path):
    env = {
        "CAREERSTEPS_VAR_DIR": str(tmp_path),
        "REDIS_URL": "redis://127.0.0.1:6379/3",
        "Q_WORKERS": "4",
    }
    assert _settings_value("settings.Q_CLUSTER.get('redis')", env) == "redis://127.0.0.1:6379/3"
    assert _settings_value("settings.Q_CLUSTER.get('orm')", env) == "None"
    assert _settings_value("settings.Q_CLUSTER['workers']", env) == "4"


def test_q_log_level_reaches_django_q2s_own_logger(tmp_path):
    """django-q2 logs as "django-q"; Q_LOG_LEVEL must set that logger's level (it once named
    the package, "django_q", and changed nothing)."""
    env = {"CAREERSTEPS_VAR_DIR": str(tmp_path), "Q_LOG_LEVEL": "WARNING"}
    expression = (
        "__import__('django').setup() or "
        "__import__('django_q.conf', fromlist=['logger']).logger.getEffectiveLevel()"
    )
    assert _settings_value(expression, env) == "30"


def test_production_refuses_to_start_without_secret_key(tmp_path):
    code = "import sys; sys.path.insert(0, 'site');import careersteps.settings.production"
    env = {**os.environ, "CAREERSTEPS_VAR_DIR": str(tmp_path), "ALLOWED_HOSTS": "example.org"}
    env.pop("SECRET_KEY", None)
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_passes_check_deploy(tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}},
        "CAREERSTEPS_VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "careersteps.settings.production",
        "SECRET_KEY": "x9-" + "k3Vq7Lm2Pz8Rt5Yw1Nb4Hc6Jd0Fg" * 3,
        "ALLOWED_HOSTS": "mentoring.example.org",
        "SITE_URL": "https://mentoring.example.org",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
def test_languages_have_locales(locales):
    assert set(locales) == {"cs", "de", "en"}


def _production_env(tmp_path, **extra) -> dict[str, str]:
    return {
        **{k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}},
        "CAREERSTEPS_VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "careersteps.settings.production",
        "SECRET_KEY": "x9-" + "k3Vq7Lm2Pz8Rt5Yw1Nb4Hc6Jd0Fg" * 3,
        "ALLOWED_HOSTS": "mentoring.example.org",
        "SITE_URL": "https://mentoring.example.org",
        **extra,
    }


def test_production_installs_neither_demo_nor_bench(tmp_path):
    env = _production_env(tmp_path)
    apps = _settings_value(
        "sorted({'demo', 'bench'} & set(settings.INSTALLED_APPS))",
        env,
        module="careersteps.settings.production",
    )
    assert apps == "[]"
    result = subprocess.run(
        [sys.executable, "manage.py", "demo"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "Unknown command: 'demo'" in result.stderr


def test_demo_refuses_under_production_settings_unless_forced(tmp_path):
    env = _production_env(tmp_path, DEMO_APPS="1", DATABASE_URL=f"sqlite:///{tmp_path}/x.db")
    result = subprocess.run(
        [sys.executable, "manage.py", "demo"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "--force" in result.stderr
    assert not (tmp_path / "x.db").exists() or (tmp_path / "x.db").stat().st_size == 0
