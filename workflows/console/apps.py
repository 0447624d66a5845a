from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsoleConfig(AppConfig):
    """The staff console: the admin menus and the screens over every workflow (top layer)."""

    name = "workflows.console"
    label = "console"
    verbose_name = _("Staff console")
