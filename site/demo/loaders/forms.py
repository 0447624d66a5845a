"""Step 70: what an application needs: disciplines, a privacy notice and the two forms.

The forms (mentee and mentor) sit under the pilot cohort and under the open intake. They are
built from the applications app's default block list (every core question, see
``applications.core.default_questions``), so they are valid as soon as they exist; only their
title, slug and introduction are demo texts, translated into Czech and German like every
other demo page.
"""

from __future__ import annotations

from wagtail.models import Locale

from applications.models import ApplicationFormPage, Discipline, PrivacyNotice

from ..content.applications import (
    DISCIPLINES,
    FORMS,
    PRIVACY_EFFECTIVE_FROM,
    PRIVACY_TEXT,
    PRIVACY_TITLE,
    PRIVACY_VERSION,
)
from ..context import LoadContext
from ..pages import PageSpec, find_page, sync_pages
from ..snippets import RichText, sync_snippet
from .cohorts import open_intake, pilot

ORDER = 70


def load(context: LoadContext) -> None:
    for key, name in DISCIPLINES.items():
        sync_snippet(
            Discipline,
            lookup={"key": key},
            texts={"name": name},
            fields={"key": key},
            context=context,
        )
    sync_snippet(
        PrivacyNotice,
        lookup={"version": PRIVACY_VERSION},
        texts={"title": PRIVACY_TITLE, "text": RichText(*PRIVACY_TEXT)},
        fields={"version": PRIVACY_VERSION, "effective_from": PRIVACY_EFFECTIVE_FROM},
        context=context,
    )
    specs = []
    for cohort in (pilot(), open_intake(context)):
        parent = cohort.url_path.removeprefix(find_page("").url_path).strip("/")
        specs += [form_spec(parent, role) for role in FORMS]
    sync_pages(specs, context)


def form_spec(parent: str, role: str) -> PageSpec:
    texts = FORMS[role]
    return PageSpec(
        model=ApplicationFormPage,
        parent=parent,
        slug=texts["slug"],
        title=texts["title"],
        texts={"introduction": RichText(texts["introduction"])},
        fields={"role": role},
    )


def form_page(cohort, role: str, language: str = "en") -> ApplicationFormPage:
    """The demo form of ``role`` under ``cohort`` (English), in ``language``; for later steps."""
    page = ApplicationFormPage.objects.child_of(cohort).get(slug=FORMS[role]["slug"].en)
    if language == "en":
        return page
    return page.get_translation(Locale.objects.get(language_code=language))
