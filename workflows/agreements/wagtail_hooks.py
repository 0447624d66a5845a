"""Admin: agreement templates as translatable snippets (the coordinator screens are in
:mod:`workflows.agreements.admin_views`)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from workflows.agreements.models import AgreementTemplate


class AgreementTemplateViewSet(SnippetViewSet):
    model = AgreementTemplate
    icon = "doc-full"
    menu_label = _("Agreement templates")
    list_display = ["title", "locale"]


register_snippet(AgreementTemplateViewSet)
