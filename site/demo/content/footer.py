"""The footer shown on every page."""

from ..snippets import RichText
from ..text import T

CONTACT_EMAIL = "careersteps@example.org"

FOOTER = RichText(
    T(
        "<b>careerSTEPS</b> is the cross-border mentoring programme of the University of West "
        "Bohemia in Pilsen and OTH Amberg-Weiden, started within the career4PROF project.",
        "<b>careerSTEPS</b> je přeshraniční mentoringový program Západočeské univerzity "
        "v Plzni a OTH Amberg-Weiden, který vznikl v rámci projektu career4PROF.",
        "<b>careerSTEPS</b> ist das grenzüberschreitende Mentoring-Programm der "
        "Westböhmischen Universität Pilsen und der OTH Amberg-Weiden, entstanden im Projekt "
        "career4PROF.",
    ),
    T(
        "Questions about the programme? Write to the coordinators, we answer in Czech, German "
        "or English.",
        "Máte otázky k programu? Napište koordinátorkám a koordinátorům, odpovíme česky, "
        "německy i anglicky.",
        "Fragen zum Programm? Schreiben Sie dem Koordinationsteam, wir antworten auf Deutsch, "
        "Tschechisch oder Englisch.",
    ),
)
