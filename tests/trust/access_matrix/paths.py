"""A concrete path for each pattern, its arguments taken from applicant A's and pair 1's
objects (or the world's first object of the kind) so that refusals are tried on real data."""

from __future__ import annotations

from collections.abc import Mapping

from django.urls import reverse

from tests.trust.access_matrix.patterns import Pattern

#: Which world id fills a parameter, by parameter name (rows may override per pattern).
BY_PARAM = {
    "page_id": "this",
    "parent_page_id": "this",
    "page_pk": "this",
    "page_to_move_id": "this",
    "destination_id": "this",
    "form_id": "form",
    "institution_id": "institution",
    "upload_pk": "cv",
    "match_pk": "pair1",
    "meeting_pk": "meeting",
    "signup_pk": "signup",
    "event_pk": "event",
    "code": "verification_code",
    "old": "this",
    "new": "other",
    "revision_id": "page_revision",
    "image_id": "image",
    "document_id": "document",
    "doc_id": "document",
    "site_id": "site",
    "collection_id": "collection",
    "redirect_id": "redirect",
}
#: Fixed values where no object is needed (or none exists: the view then answers 404).
FIXED = {
    "action": "cancel",
    "kind": "issued",
    "name": "application",
    "mode": "list",
    "type": "notifications.emailtemplate",
    "type_name": "cohorts.CohortPage",
    "app_label": "review",
    "app_name": "review",
    "model_name": "rubric",
    "content_type_app_name": "review",
    "content_type_model_name": "rubric",
    "action_name": "delete",
    "uidb64": "MQ",
    "token": "not-a-token",
    "filter_spec": "original",
    "object_id": "1",
    "path": "nothing-here.txt",
    "revision_id_a": "earliest",
    "revision_id_b": "latest",
}


#: Patterns that cannot be reversed by keyword (unnamed, or unnamed regex groups).
FIXED_PATHS = {
    "admin/test404/": "/admin/test404/",
    "admin/^.*/$": "/admin/no-such-page/",
    "^media/(?P<path>.*)$": "/media/nothing-here.txt",
    "wagtaildocs_serve": "/documents/1/nothing.pdf",
    "events:ical_feed": "/en/feed.ics",
    "wagtail_serve": "/en/",
}


def path_for(pattern: Pattern, ids: Mapping, overrides: Mapping | None = None) -> str:
    """The path requested for ``pattern``: ``overrides`` (a row's ``kwargs``) first, then the
    namespace's own object for ``pk``, then :data:`BY_PARAM` and :data:`FIXED`."""
    overrides = dict(overrides or {})
    if "path" in overrides:
        return overrides["path"]
    if pattern.key in FIXED_PATHS:
        return FIXED_PATHS[pattern.key]
    namespace = pattern.name.split(":", 1)[0] if ":" in pattern.name else ""
    kwargs = {}
    for param in pattern.params:
        if param in overrides:
            kwargs[param] = overrides[param]
        elif param == "pk" and f"pk:{namespace}" in ids:
            kwargs[param] = ids[f"pk:{namespace}"]
        elif param in BY_PARAM and BY_PARAM[param] in ids:
            kwargs[param] = ids[BY_PARAM[param]]
        elif param in FIXED:
            kwargs[param] = FIXED[param]
        else:
            kwargs[param] = 1
    return reverse(pattern.name, kwargs=kwargs)
