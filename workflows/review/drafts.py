"""A reviewer's unfinished review: saved as often as they like, never seen by anyone else.

Kept apart from :class:`~workflows.review.models.Review` (which only ever holds submitted
reviews, so averages and "reviews in" counts need no filter); deleted when the review is
submitted. Scores are stored by criterion key (``criterion_<pk>``), exactly as the form posts
them, so a rubric edited meanwhile simply leaves a stale key unused.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewDraft(models.Model):
    assignment = models.OneToOneField(
        "review.ReviewAssignment",
        verbose_name=_("assignment"),
        on_delete=models.CASCADE,
        related_name="draft",
    )
    data = models.JSONField(_("draft"), default=dict, blank=True)
    saved_at = models.DateTimeField(_("saved at"), auto_now=True)

    class Meta:
        verbose_name = _("review draft")
        verbose_name_plural = _("review drafts")

    def __str__(self) -> str:
        return str(self.assignment)


#: Form fields a draft keeps (criterion scores are ``criterion_<pk>``).
DRAFT_FIELDS = ("recommendation", "comment")


def draft_data(post: Any) -> dict[str, str]:
    """The draftable part of a POST: scores, recommendation and comment, unvalidated."""
    return {
        name: str(post.get(name, ""))[:20000]
        for name in post
        if name.startswith("criterion_") or name in DRAFT_FIELDS
    }


def save_draft(assignment, data: dict[str, str]) -> ReviewDraft:
    draft, _created = ReviewDraft.objects.update_or_create(
        assignment=assignment, defaults={"data": data}
    )
    return draft


def load_draft(assignment) -> ReviewDraft | None:
    return ReviewDraft.objects.filter(assignment=assignment).first()


def discard_draft(assignment) -> None:
    ReviewDraft.objects.filter(assignment=assignment).delete()
