"""``manage.py bench`` behaves as promised: a table and JSON with a limit beside every figure,
a throwaway database and directory that are gone afterwards, the user's database untouched,
exit codes for crashes and ``--fail-slow``. Nothing here asserts a speed.

The PDF group needs no database, so most tests run it alone (a few seconds); one test runs a
database group, which migrates and loads the demo into the throwaway database (~40 s).
"""

from __future__ import annotations

import json
import tempfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from bench.management.commands.bench import COLUMNS

# The command makes its throwaway database through the configured server (on PostgreSQL a
# CREATE DATABASE from a server connection), so every test may reach the database.
pytestmark = pytest.mark.django_db


def bench(*args: str) -> str:
    out, err = StringIO(), StringIO()
    call_command("bench", *args, stdout=out, stderr=err)
    return out.getvalue()


@pytest.fixture
def own_tempdir(tmp_path, monkeypatch) -> Path:
    """Make the command's temporary directories inside ``tmp_path``, to see what is left."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path


def test_table_has_the_columns_and_the_row(own_tempdir):
    table = bench("--only", "pdf", "--repeat", "1")
    header, rule, row, *rest = table.splitlines()
    assert header.split("  ")[0] == "benchmark"
    for column in COLUMNS:
        assert column in header
    assert set(rule.replace(" ", "")) == {"-"}
    cells = row.split()
    assert cells[0] == "pdf.render"
    assert float(cells[1]) > 0 and float(cells[3]) == 1000
    assert cells[4] in {"OK", "SLOW"}
    notes = next(line for line in rest if line.startswith("pdf.render:"))
    assert "pages=2" in notes and "identical_bytes=" in notes and "harfbuzz_subset=" in notes
    assert list(own_tempdir.iterdir()) == []  # the throwaway directory is gone


def test_json_has_median_p95_and_limit_for_each_row(own_tempdir):
    results = json.loads(bench("--only", "pdf", "--repeat", "2", "--json"))
    assert [row["name"] for row in results["rows"]] == ["pdf.render"]
    row = results["rows"][0]
    assert row["repeat"] == 2
    assert 0 < row["median_ms"] <= row["p95_ms"]
    assert row["limit_ms"] == 1000 and row["reason"]
    assert row["status"] == ("OK" if row["median_ms"] <= 1000 else "SLOW")
    assert row["notes"]["pages"] == 2
    assert isinstance(row["notes"]["identical_bytes"], bool)
    assert results["errors"] == []
    assert results["machine"]["cpus"] >= 1


def test_a_zero_limit_scale_makes_rows_slow_but_exits_0_without_fail_slow(own_tempdir):
    results = json.loads(bench("--only", "pdf", "--repeat", "1", "--json", "--limit-scale", "0"))
    assert results["rows"][0]["limit_ms"] == 0
    assert results["rows"][0]["status"] == "SLOW"  # any real time exceeds 0 ms


def test_fail_slow_exits_1_when_a_row_is_slow(own_tempdir):
    with pytest.raises(CommandError, match="SLOW: pdf.render") as raised:
        bench("--only", "pdf", "--repeat", "1", "--limit-scale", "0", "--fail-slow")
    assert raised.value.returncode == 1


def test_fail_slow_passes_when_limits_are_generous(own_tempdir):
    bench("--only", "pdf", "--repeat", "1", "--limit-scale", "1000", "--fail-slow")


def test_the_child_refuses_to_measure_the_configured_database():
    with pytest.raises(RuntimeError, match="throwaway database"):
        bench("--child", "--only", "pdf", "--repeat", "1")


def test_bad_arguments_are_refused():
    with pytest.raises(CommandError):
        bench("--repeat", "0")
    with pytest.raises(CommandError):
        bench("--only", "no-such-group")


@pytest.mark.django_db
def test_a_database_group_leaves_the_test_database_alone(own_tempdir):
    from wagtail.models import Page

    from applications.models import Application
    from workflows.engine.models import HistoryEntry

    before = (Page.objects.count(), Application.objects.count(), HistoryEntry.objects.count())
    # The form group too: its POST receives, and its acceptance row makes the applications
    # (it raises when a POST stored nothing or an acceptance made no application).
    results = json.loads(bench("--only", "ical", "forms", "--repeat", "1", "--json"))
    assert results["errors"] == []
    names = [row["name"] for row in results["rows"]]
    assert names == ["ical.feed", "form.get", "form.submit", "form.accept"]
    assert all(row["queries"] >= 1 for row in results["rows"])
    after = (Page.objects.count(), Application.objects.count(), HistoryEntry.objects.count())
    assert after == before  # the demo went into the throwaway database
    assert list(own_tempdir.iterdir()) == []


def test_a_crashed_group_is_reported_and_exits_1(monkeypatch):
    """The parent's side: the child reported a crash (the child process is not run here)."""
    from bench import runner

    crashed = {"rows": [], "errors": [{"group": "pdf", "error": "Traceback: boom"}]}
    monkeypatch.setattr(runner, "run_child", lambda groups, options: (crashed, 0, ""))
    err = StringIO()
    with pytest.raises(CommandError, match="crashed") as raised:
        call_command("bench", "--only", "pdf", stdout=StringIO(), stderr=err)
    assert raised.value.returncode == 1
    assert "Traceback: boom" in err.getvalue()


def test_the_child_keeps_measuring_after_a_group_crashes(monkeypatch, settings):
    """The child's side: one group raising leaves the others' rows and a traceback."""
    from types import SimpleNamespace

    from bench import runner

    monkeypatch.setenv(runner.CHILD_FLAG, "1")
    monkeypatch.setenv(runner.CHILD_DB, str(settings.DATABASES["default"]["NAME"]))

    def broken(options):
        raise ValueError("boom")

    real = runner.group_module

    def group_module(group: str):
        return SimpleNamespace(NEEDS_DB=False, rows=broken) if group == "api" else real(group)

    monkeypatch.setattr(runner, "group_module", group_module)
    results = runner.measure_groups(["api", "pdf"], runner.Options(repeat=1))
    assert [row["name"] for row in results["rows"]] == ["pdf.render"]
    (error,) = results["errors"]
    assert error["group"] == "api" and "ValueError: boom" in error["error"]
