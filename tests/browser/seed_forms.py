"""Application forms for the open cohort, for as long as ``manage.py demo`` publishes none.

Run inside Django by ``servers.build_database`` only when the demo content has no live
application form under an open cohort. It adds what a form needs (two disciplines, a privacy
notice) and a mentee and a mentor form asking every core question, then lets
``sync_locale_trees`` give Czech and German their copies, as an editor's publish would.
"""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale

from applications.core import required_core_keys
from applications.models import ApplicationFormPage, Discipline, PrivacyNotice
from cohorts.models import CohortPage

english = Locale.objects.get(language_code="en")
cohort = next(
    cohort
    for cohort in CohortPage.objects.live().filter(locale=english).order_by("path")
    if cohort.is_open_for_applications()
)
for key, name in [("informatics", "Informatics"), ("mechanical", "Mechanical engineering")]:
    Discipline.objects.get_or_create(key=key, locale=english, defaults={"name": name})
if not PrivacyNotice.objects.exists():
    PrivacyNotice.objects.create(
        version="2026-09",
        title="Privacy notice",
        text="<p>We use your answers only to run the mentoring programme.</p>",
        effective_from=timezone.now() - timedelta(days=30),
        locale=english,
    )
for role, title in (("mentee", "Apply as a mentee"), ("mentor", "Apply as a mentor")):
    questions = [("heading", {"text": "About you"})] + [
        ("core", {"question": key, "label": "", "help_text": ""})
        for key in required_core_keys(role)
    ]
    form = ApplicationFormPage(title=title, slug=f"apply-{role}", role=role, questions=questions)
    cohort.add_child(instance=form)
    form.save_revision().publish()
call_command("sync_locale_trees")
