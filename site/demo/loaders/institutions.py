"""Step 10: the partner institutions (translatable snippets), in English, Czech and German."""

from __future__ import annotations

from wagtail.models import Locale

from institutions.models import Institution

from ..content.institutions import INSTITUTIONS
from ..context import LoadContext
from ..snippets import sync_snippet

ORDER = 10


def load(context: LoadContext) -> None:
    for spec in INSTITUTIONS.values():
        sync_snippet(
            Institution,
            lookup={"website": spec["fields"]["website"]},
            texts=spec["texts"],
            fields=spec["fields"],
            context=context,
        )


def institution(key: str, language: str = "en") -> Institution:
    """A demo institution ("uwb" or "oth") in ``language``; for later loaders and tests."""
    english = Institution.objects.get(
        locale__language_code="en", website=INSTITUTIONS[key]["fields"]["website"]
    )
    if language == "en":
        return english
    return english.get_translation(Locale.objects.get(language_code=language))
