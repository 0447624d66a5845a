"""CohortRole now lives in workflows.access (same table): drop it from review's state only."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0004_reviewer_disciplines"),
        ("access", "0001_cohortrole_moved_from_review"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="CohortRole")],
            database_operations=[],
        ),
    ]
