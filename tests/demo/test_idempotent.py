"""Running the demo twice changes nothing: no new rows, no new revisions."""

import dataclasses
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Locale, Page, Revision
from wagtail_localize.models import (
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)

from base.models import FooterText
from demo.text import T
from institutions.models import Institution

pytestmark = pytest.mark.django_db

COUNTED = [
    Page,
    Revision,
    Institution,
    FooterText,
    get_user_model(),
    Group,
    GroupPagePermission,
    TranslationSource,
    Translation,
    StringTranslation,
    TranslationLog,
]


def counts() -> dict[str, int]:
    return {model.__name__: model._default_manager.count() for model in COUNTED}


def test_second_run_changes_nothing(demo):
    before = counts()
    latest_revision = Revision.objects.order_by("-pk").values_list("pk", flat=True).first()
    out = io.StringIO()
    call_command("demo", stdout=out)
    assert counts() == before
    assert Revision.objects.order_by("-pk").values_list("pk", flat=True).first() == (
        latest_revision
    )
    assert "nothing changed" in out.getvalue()


def test_an_edited_english_text_is_put_back(demo):
    about = Page.objects.get(locale__language_code="en", slug="about").specific
    czech = about.get_translation(Locale.objects.get(language_code="cs"))
    czech_revision = czech.latest_revision_id
    about.introduction = "Changed by an editor"
    about.save_revision().publish()
    revisions = Revision.objects.count()

    call_command("demo", stdout=io.StringIO())

    about.refresh_from_db()
    assert about.introduction.startswith("A cross-border mentoring programme")
    # Only the English page needed a revision: its content is again what was translated.
    assert Revision.objects.count() == revisions + 1
    czech.refresh_from_db()
    assert czech.latest_revision_id == czech_revision


def test_changed_demo_content_updates_the_translations(demo, monkeypatch):
    from demo.content.about import ABOUT
    from demo.loaders import site

    new_intro = T("A new introduction.", "Nový úvod.", "Eine neue Einleitung.")
    changed = dataclasses.replace(ABOUT, texts={"introduction": new_intro})
    monkeypatch.setattr(site, "SPECS", [changed if s is ABOUT else s for s in site.SPECS])
    revisions = Revision.objects.count()

    call_command("demo", stdout=io.StringIO())

    about = Page.objects.get(locale__language_code="en", slug="about").specific
    assert about.introduction == "A new introduction."
    for code, wording in (("cs", "Nový úvod."), ("de", "Eine neue Einleitung.")):
        translated = about.get_translation(Locale.objects.get(language_code=code))
        assert translated.live and translated.introduction == wording
    assert Revision.objects.count() == revisions + 3  # English, Czech, German
    call_command("demo", stdout=io.StringIO())
    assert Revision.objects.count() == revisions + 3
