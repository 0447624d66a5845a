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
    mkdir -p var
    if ! "$PY" -m pip install --quiet -e "$spec" >var/pip-install.log 2>&1; then
      tail -n 30 var/pip-install.log >&2
      echo "Installing the Python dependencies failed (full log: var/pip-install.log)." >&2
      exit 1
    fi
    touch "$stamp"
  fi
  # The source roots (site/ and the repository) on the environment's path, so that tools run
  # without bin/ scripts (lint-imports, a hook, an editor) import the project as bin/test does.
  local purelib
  purelib=$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
  printf '%s\n%s\n' "$PWD/site" "$PWD" >"$purelib/careersteps-source-roots.pth"
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
