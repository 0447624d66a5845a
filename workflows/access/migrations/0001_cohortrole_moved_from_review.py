"""CohortRole moves from review to access, keeping its table ``review_cohortrole``.

State only: the table, its rows and its constraint stay exactly as review created them.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("cohorts", "0003_alter_cohortpage_body"),
        ("review", "0004_reviewer_disciplines"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="CohortRole",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "role",
                            models.CharField(
                                choices=[("coordinator", "Coordinator"), ("reviewer", "Reviewer")],
                                max_length=20,
                                verbose_name="role",
                            ),
                        ),
                        (
                            "cohort",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="cohorts.cohortpage",
                                verbose_name="cohort",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="cohort_roles",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="user",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "cohort role",
                        "verbose_name_plural": "cohort roles",
                        "db_table": "review_cohortrole",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("user", "role", "cohort"), name="one_cohort_role"
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
