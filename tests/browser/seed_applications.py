"""What applying and reviewing need, for as long as ``manage.py demo`` doesn't load it.

Run inside Django by ``servers.build_database`` after the demo, when the demo content lacks
it. Each part runs only if missing: application forms under the open cohort (with what a form
needs: two disciplines, a privacy notice), a mentee and a mentor form asking every core
question (``sync_locale_trees`` gives Czech and German their copies, as an editor's publish
would), and an active review rubric per role.
"""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale

from applications.core import required_core_keys
from applications.models import ApplicationFormPage, Discipline, PrivacyNotice
from cohorts.models import CohortPage
from workflows.review.models import Criterion, Rubric

english = Locale.objects.get(language_code="en")


def has_open_form() -> bool:
    return any(
        form.get_source_cohort().is_open_for_applications()
        for form in ApplicationFormPage.objects.live().specific()
    )


def add_forms() -> None:
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
        form = ApplicationFormPage(
            title=title, slug=f"apply-{role}", role=role, questions=questions
        )
        cohort.add_child(instance=form)
        form.save_revision().publish()
    call_command("sync_locale_trees")


def add_rubrics() -> None:
    for role in ("mentee", "mentor"):
        if Rubric.objects.filter(role=role, is_active=True).exists():
            continue
        rubric = Rubric(name=f"Review of {role} applications", role=role, locale=english)
        for label in ("Motivation and goals", "Fit with the programme"):
            rubric.criteria.add(Criterion(label=label, locale=english))
        rubric.save()


if not has_open_form():
    add_forms()
add_rubrics()
