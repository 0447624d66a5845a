"""After the demo the audit history's hash chain is intact (``verify_audit``), checked on the
demo this package loads once (``demo``) rather than on a load of its own."""

from __future__ import annotations

from tests.trust.test_audit_chain import verify


def test_after_the_demo_the_chain_is_intact(demo):
    code, out, err = verify()
    assert code == 0, err
    checked = int(out.split(": ")[1].split()[0])
    assert checked > 50
