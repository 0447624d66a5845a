"""Clone a cohort for the next year: pages in every language, forms, settings, dates moved.

One transaction: either the whole next cohort exists (English pages, their Czech and German
translations, the copied settings) or nothing does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.models import Page

from cohorts.models import CohortPage
from workflows.next_cohort.cohort_settings import copy_cohort_settings
from workflows.next_cohort.translations import translate_copy
from workflows.next_cohort.years import shift_date, shift_datetime, shift_text


class CloneRefused(Exception):
    """The cohort cannot be cloned (the message says why, translated)."""


@dataclass(frozen=True)
class NewDates:
    application_opens_at: datetime
    application_closes_at: datetime
    programme_starts_on: date
    programme_ends_on: date


@dataclass
class CloneResult:
    cohort: CohortPage
    pages: list[Page] = field(default_factory=list)  # every new page, all languages
    languages: list[str] = field(default_factory=list)
    settings: dict[str, int] = field(default_factory=dict)


def new_dates(cohort: CohortPage, years: int) -> NewDates:
    return NewDates(
        application_opens_at=shift_datetime(cohort.application_opens_at, years),
        application_closes_at=shift_datetime(cohort.application_closes_at, years),
        programme_starts_on=shift_date(cohort.programme_starts_on, years),
        programme_ends_on=shift_date(cohort.programme_ends_on, years),
    )


def may_publish(user, cohort: CohortPage) -> bool:
    """Whether ``user`` may publish the copy (Wagtail's page permissions under the parent)."""
    return cohort.get_parent().permissions_for_user(user).can_publish_subpage()


def new_title(cohort: CohortPage, years: int) -> str:
    return shift_text(cohort.title, years)


def clone_cohort(cohort: CohortPage, *, user, years: int = 1, publish: bool = False) -> CloneResult:
    """Copy ``cohort`` (the English source page) with its form pages under the same parent,
    years shifted in dates, titles and slugs; translate the copies into every language the
    old pages have, reusing their translations; copy the per-cohort settings.

    The new pages are drafts for editors to check, unless ``publish``. One transaction.
    """
    cohort = cohort.specific
    if not cohort.locale.is_default:
        raise CloneRefused(_("Clone the cohort in the source language (English)."))
    if years < 1:
        raise CloneRefused(_("The new cohort must be at least a year later."))
    parent = cohort.get_parent()
    if publish and not may_publish(user, cohort):
        raise CloneRefused(
            _("You may not publish pages here: clone as drafts and ask an editor to publish.")
        )
    dates = new_dates(cohort, years)
    with transaction.atomic():
        # The cohort row locked (PostgreSQL) so that a double-clicked "Clone" makes one copy.
        CohortPage.objects.select_for_update().filter(pk=cohort.pk).first()
        existing = (
            CohortPage.objects.child_of(parent)
            .filter(locale=cohort.locale, programme_starts_on=dates.programme_starts_on)
            .first()
        )
        if existing is not None:
            raise CloneRefused(
                _("%(title)s already starts on that day: edit it instead of cloning again.")
                % {"title": existing.title}
            )
        slug = find_available_slug(parent, shift_text(cohort.slug, years))
        copy = cohort.copy(
            recursive=True,
            update_attrs={
                "title": new_title(cohort, years),
                "draft_title": new_title(cohort, years),
                "seo_title": shift_text(cohort.seo_title, years),
                "slug": slug,
                "application_opens_at": dates.application_opens_at,
                "application_closes_at": dates.application_closes_at,
                "programme_starts_on": dates.programme_starts_on,
                "programme_ends_on": dates.programme_ends_on,
            },
            copy_revisions=False,
            keep_live=False,
            user=user,
            reset_translation_key=True,
        ).specific
        result = CloneResult(cohort=copy)
        old_children = list(cohort.get_children().specific().order_by("path"))
        new_children = list(copy.get_children().specific().order_by("path"))
        for child in new_children:
            _shift_child_titles(child, years, user)
        result.languages = translate_copy(cohort, copy, years=years, user=user)
        for old_child, new_child in zip(old_children, new_children, strict=True):
            translate_copy(old_child, new_child, years=years, user=user)
        result.settings = copy_cohort_settings(cohort, copy, years)
        if publish:
            for page in _tree_in_every_language(copy):
                page.specific.get_latest_revision().publish(user=user)
            copy.refresh_from_db()
        result.pages = _tree_in_every_language(copy)
    return result


def _shift_child_titles(page: Page, years: int, user) -> None:
    """A form page titled "Apply for 2026/27" becomes "Apply for 2027/28" (slug too)."""
    title = shift_text(page.title, years)
    slug = shift_text(page.slug, years)
    if title == page.title and slug == page.slug:
        return
    page.title = page.draft_title = title
    page.slug = find_available_slug(page.get_parent(), slug, ignore_page_id=page.pk)
    page.save(clean=False)
    page.save_revision(user=user, clean=False, changed=False)


def _tree_in_every_language(copy: CohortPage) -> list[Page]:
    """The new cohort and its forms in every locale, parents before children."""
    pages = []
    for cohort in [copy, *copy.get_translations()]:
        pages.append(cohort)
        pages.extend(cohort.get_children().order_by("path"))
    return pages
