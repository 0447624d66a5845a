"""Snippet viewsets for the form taxonomy: editors manage and translate them in the admin."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from applications.taxonomy import Discipline, PrivacyNotice


class DisciplineViewSet(SnippetViewSet):
    model = Discipline
    icon = "tag"
    menu_label = _("Disciplines")
    list_display = ["name", "key"]
    search_fields = ["name"]


class PrivacyNoticeViewSet(SnippetViewSet):
    model = PrivacyNotice
    icon = "doc-full"
    menu_label = _("Privacy notices")
    list_display = ["title", "version", "effective_from"]


register_snippet(DisciplineViewSet)
register_snippet(PrivacyNoticeViewSet)
