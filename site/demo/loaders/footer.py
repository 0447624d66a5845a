"""Step 20: the footer text (a draftable, translatable snippet), in three languages."""

from __future__ import annotations

from base.models import FooterText

from ..content.footer import CONTACT_EMAIL, FOOTER
from ..context import LoadContext
from ..snippets import sync_snippet

ORDER = 20


def load(context: LoadContext) -> None:
    # One footer per language: the English one is the source, whatever its text.
    sync_snippet(
        FooterText,
        lookup={},
        texts={"body": FOOTER},
        fields={"contact_email": CONTACT_EMAIL},
        context=context,
    )
