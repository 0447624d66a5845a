"""axe-core accessibility checks on a Playwright page.

axe-core comes from npm (package.json at the repository root; ``bin/install-browser``
installs it). The tests fail on violations whose impact is "serious" or "critical"; the
"minor" and "moderate" ones are reported in the failure message only when a test fails anyway.
"""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import Page

from .servers import ROOT

AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = frozenset({"serious", "critical"})


def run_axe(page: Page) -> list[dict]:
    """All axe violations on the page as it is now (WCAG 2.x A/AA plus best practices)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, not added as an inline <script>: the site's
        # Content-Security-Policy (script-src 'self') rightly blocks inline scripts.
        page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate("async () => await axe.run(document)")
    return result["violations"]


def describe(violations: list[dict]) -> str:
    """A precise, readable report: rule, impact, help, and each offending node's selector."""
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}"
            f" [{violation['helpUrl']}]"
        )
        for node in violation["nodes"][:8]:
            target = " ".join(t if isinstance(t, str) else json.dumps(t) for t in node["target"])
            lines.append(f"    at {target}: {node['html'][:200]}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"      {summary[:400]}")
        if len(violation["nodes"]) > 8:
            lines.append(f"    ... and {len(violation['nodes']) - 8} more")
    return "\n".join(lines)


def assert_accessible(page: Page, artifact_dir: Path | None = None) -> None:
    """Fail if axe finds any serious or critical violation on the current page.

    The full axe result is written next to the screenshots (``axe-<n>.json``) when an artefact
    directory is given, so a failure can be read without re-running the test.
    """
    violations = run_axe(page)
    if artifact_dir is not None:
        artifact_dir.mkdir(parents=True, exist_ok=True)
        number = len(list(artifact_dir.glob("axe-*.json"))) + 1
        (artifact_dir / f"axe-{number:02d}.json").write_text(
            json.dumps({"url": page.url, "violations": violations}, indent=2)
        )
    blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"axe: serious/critical violations on {page.url}:\n" + describe(blocking)
