# Shared set-up steps for bin/run and bin/test (sourced, not executed).
# Everything is idempotent: a second run reuses the virtual environment and skips what is done.

PYTHON_BIN=${PYTHON_BIN:-python3}
VENV=${VENV:-.venv}
PY="$VENV/bin/python"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

ensure_python_environment() {
  # $1: the pip extras to install ("" or "test").
  local extras=$1 spec=".[${1}]" stamp
  [ -n "$extras" ] || spec="."
  if [ ! -x "$PY" ]; then
    say "Creating the virtual environment in $VENV"
    "$PYTHON_BIN" -m venv "$VENV"
  fi
  stamp="$VENV/.installed-$(cat pyproject.toml | sha256sum | cut -c1-16)-${extras:-base}"
  if [ ! -f "$stamp" ]; then
    say "Installing Python dependencies ($spec)"
    "$PY" -m pip install --quiet --upgrade pip >/dev/null 2>&1 || true
    "$PY" -m pip install --quiet -e "$spec" 2>&1 | grep -v "is ignored: it is neither" || true
    "$PY" -c "import django, wagtail, wagtail_localize, django_q, weasyprint" \
      || { echo "Installing the Python dependencies failed." >&2; exit 1; }
    touch "$stamp"
  fi
}

install_harfbuzz_subset() {
  # WeasyPrint is about four times faster, and byte-stable, with Debian's libharfbuzz-subset0.
  # Best effort: only as root with apt; everything works without it.
  if ldconfig -p 2>/dev/null | grep -q libharfbuzz-subset; then return 0; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "Installing libharfbuzz-subset0 (faster, reproducible PDFs)"
    { apt-get install -y -qq libharfbuzz-subset0 >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq libharfbuzz-subset0 >/dev/null 2>&1; }; } \
      || echo "   (could not install libharfbuzz-subset0; PDFs render more slowly)"
  fi
}

prepare_site() {
  "$PY" manage.py compile_translations
  "$PY" manage.py migrate --noinput -v0
  "$PY" manage.py collectstatic --noinput -v0
}
