"""Backfill: one "application" consent record per application whose form recorded consent to
the privacy notice before consent records existed (the notice version and time stored on its
applicant profile). Idempotent: applications that already have their record are skipped.
The hash-chained history is not written here (historical models have no chain); the rows say
``source="import"``."""

from django.db import migrations


def backfill(apps, schema_editor):
    ApplicantProfile = apps.get_model("applications", "ApplicantProfile")
    ConsentRecord = apps.get_model("consents", "ConsentRecord")
    done = set(
        ConsentRecord.objects.filter(purpose="application", application__isnull=False).values_list(
            "application_id", flat=True
        )
    )
    rows = []
    profiles = ApplicantProfile.objects.select_related("application").order_by("consented_at")
    for profile in profiles.iterator():
        application = profile.application
        if application.pk in done or not application.answers.get("privacy_consent"):
            continue
        rows.append(
            ConsentRecord(
                person_id=application.person_id,
                purpose="application",
                granted=True,
                notice_version=profile.privacy_notice_version,
                source="import",
                application_id=application.pk,
                recorded_at=profile.consented_at,
            )
        )
    ConsentRecord.objects.bulk_create(rows, batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("consents", "0001_initial"),
        ("applications", "0004_draft_submitted_at"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
