from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BaseConfig(AppConfig):
    """Shared building blocks of the CMS: the StreamBlock, footer, navigation, language switch."""

    name = "base"
    verbose_name = _("Site basics")
