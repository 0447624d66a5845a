from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsentsConfig(AppConfig):
    """Consent records per purpose (GDPR art. 7(1): the controller must be able to show consent)."""

    name = "consents"
    verbose_name = _("Consents")
    default_auto_field = "django.db.models.BigAutoField"
