"""The layers of pyproject.toml's import-linter contracts hold, and would catch a wrong import."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

pytestmark = pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter not installed")


def lint_imports(tree: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=tree,
        env={"PYTHONPATH": f"{tree / 'site'}:{tree}", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=300,
    )


def copy_of_the_code(target: Path) -> Path:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "templates", "static", "locale*")
    for name in ("site", "workflows"):
        shutil.copytree(ROOT / name, target / name, ignore=ignore)
    shutil.copy(ROOT / "pyproject.toml", target / "pyproject.toml")
    return target


def test_the_layer_contracts_are_kept():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_engine_module_importing_applications_breaks_the_contracts(tmp_path):
    tree = copy_of_the_code(tmp_path)
    engine = tree / "workflows" / "engine" / "engine.py"
    engine.write_text(engine.read_text() + "\nfrom applications.models import Application\n")
    result = lint_imports(tree)
    assert result.returncode == 1
    assert "workflows.engine.engine -> applications.models" in result.stdout
