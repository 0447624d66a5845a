"""The salted commitment to each entry's personal fields (version 2 of the chain's hashing).

Existing entries are checked against the version-1 chain first (a broken chain is not
re-chained: that would launder the tampering), then each gets a salt and a digest and the
chain is rebuilt in primary-key order over the version-2 content, so that a later erasure can
redact their personal fields without breaking it.
"""

from django.db import migrations, models


def rechain_with_commitments(apps, schema_editor):
    from workflows.engine import chain

    entry_model = apps.get_model("workflow_engine", "HistoryEntry")
    entries = entry_model.objects.select_related("content_type").order_by("pk")
    checked, broken = chain.verify(entries.iterator(chunk_size=2000))
    if broken is not None:
        raise RuntimeError(
            f"The audit history is broken at entry {broken.pk}: run `manage.py verify_audit`, "
            "restore it from a backup, then migrate; it is not re-chained over tampering."
        )
    previous = chain.GENESIS
    batch = []
    for entry in entries.iterator(chunk_size=2000):
        chain.commit_personal(entry)
        entry.prev_hash = previous
        entry.hash = chain.entry_hash(previous, entry)
        previous = entry.hash
        batch.append(entry)
        if len(batch) >= 500:
            entry_model.objects.bulk_update(
                batch, ["personal_salt", "personal_digest", "prev_hash", "hash"]
            )
            batch = []
    if batch:
        entry_model.objects.bulk_update(
            batch, ["personal_salt", "personal_digest", "prev_hash", "hash"]
        )


class Migration(migrations.Migration):
    dependencies = [
        ("workflow_engine", "0004_history_hash_chain"),
    ]

    operations = [
        migrations.AddField(
            model_name="historyentry",
            name="personal_digest",
            field=models.CharField(blank=True, editable=False, max_length=64),
        ),
        migrations.AddField(
            model_name="historyentry",
            name="personal_salt",
            field=models.CharField(blank=True, editable=False, max_length=32),
        ),
        migrations.AddField(
            model_name="historyentry",
            name="redacted_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(rechain_with_commitments, migrations.RunPython.noop),
    ]
