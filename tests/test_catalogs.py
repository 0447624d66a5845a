"""The gettext catalogs in locales/: complete, well-formed, and compiled with their overrides.

A catalog with an untranslated or fuzzy entry shows English (or a guess) to Czech and German
readers; a placeholder the English does not have crashes the page that uses it.
"""

import gettext
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

from base.management.commands.compile_translations import catalog_sources, merged_catalog

LOCALES = Path(settings.LOCALE_PATHS[0])
OWN = sorted(LOCALES.glob("*/LC_MESSAGES/*.po"))
OVERRIDES = sorted(LOCALES.glob("*/overrides/*.po"))
ALL = OWN + OVERRIDES
#: Django's Czech plural rule (1; 2–4; fractions; 0 and 5+), which Wagtail's catalogs share:
#: catalogs with another rule are not merged with Django's, so plurals would go wrong.
CZECH_PLURALS = (
    "nplurals=4; plural=(n == 1 && n % 1 == 0) ? 0 : (n >= 2 && n <= 4 && n % 1 == 0) ? 1: "
    "(n % 1 != 0 ) ? 2 : 3;"
)
GERMAN_PLURALS = "nplurals=2; plural=(n != 1);"
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[-+ #0-9.]*[sdfi]|\{\{ ?[a-z_]+ ?\}\}|\{[a-z_0-9]*\}|%[sd]")


def relative(path: Path) -> str:
    return str(path.relative_to(LOCALES))


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def translations(entry: polib.POEntry) -> list[str]:
    return list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]


def test_there_are_catalogs_for_czech_and_german():
    assert {relative(path) for path in OWN} >= {
        "cs/LC_MESSAGES/django.po",
        "de/LC_MESSAGES/django.po",
    }
    assert {relative(path) for path in OVERRIDES} >= {"cs/overrides/django.po"}


@pytest.mark.parametrize("path", ALL, ids=relative)
def test_every_entry_is_translated_and_none_is_fuzzy(path):
    catalog = polib.pofile(str(path))
    untranslated = [entry.msgid for entry in catalog.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalog.fuzzy_entries()]
    assert not untranslated, f"{len(untranslated)} untranslated, e.g. {untranslated[:5]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy, e.g. {fuzzy[:5]}"


@pytest.mark.parametrize("path", ALL, ids=relative)
def test_plural_forms_are_the_languages_own(path):
    language = relative(path).split("/")[0]
    catalog = polib.pofile(str(path))
    expected = {"cs": CZECH_PLURALS, "de": GERMAN_PLURALS}[language]
    assert catalog.metadata["Plural-Forms"].strip() == expected
    count = 4 if language == "cs" else 2
    for entry in catalog:
        if entry.msgid_plural:
            assert sorted(entry.msgstr_plural) == list(range(count)), entry.msgid
            assert all(form.strip() for form in entry.msgstr_plural.values()), entry.msgid


@pytest.mark.parametrize("path", OWN, ids=relative)
def test_our_translations_use_exactly_the_placeholders_of_the_english(path):
    """In our own catalogs a translation keeps every placeholder (a Czech singular may say
    "jedna" instead of the number) and adds none."""
    problems = []
    for entry in polib.pofile(str(path)):
        english = placeholders(entry.msgid) | placeholders(entry.msgid_plural or "")
        forms = translations(entry)
        used = set().union(*(placeholders(form) for form in forms))
        if used - english or (placeholders(entry.msgid_plural or entry.msgid) - used):
            problems.append((entry.msgid, forms))
    assert not problems


@pytest.mark.parametrize("path", OVERRIDES, ids=relative)
def test_overrides_add_no_placeholder(path):
    """Overrides may leave out a placeholder Wagtail fills badly ("1–3 z 3" without Wagtail's
    "None" model name on search pages), never add one it does not fill."""
    for entry in polib.pofile(str(path)):
        english = placeholders(entry.msgid) | placeholders(entry.msgid_plural or "")
        for form in translations(entry):
            assert placeholders(form) <= english, entry.msgid


def test_withdrawing_is_never_downloading_in_czech():
    """ "Stáhnout" means "download" (issue 13): withdrawing an application is "vzít zpět"."""
    catalog = polib.pofile(str(LOCALES / "cs/LC_MESSAGES/django.po"))
    for entry in catalog:
        if re.search(r"\bwithdr", entry.msgid, re.IGNORECASE):
            for form in translations(entry):
                assert not re.search(r"st[aá]hn|stažen|stahuj", form, re.IGNORECASE), entry.msgid


def test_german_salutation_is_always_guten_tag():
    catalog = polib.pofile(str(LOCALES / "de/LC_MESSAGES/django.po"))
    salutations = [entry for entry in catalog if re.match(r"(Dear|Hello)\b", entry.msgid)]
    assert salutations
    for entry in salutations:
        assert entry.msgstr.startswith("Guten Tag"), entry.msgid
    assert not [entry.msgid for entry in catalog if "Liebe" in entry.msgstr]


def test_a_name_never_comes_right_before_a_full_stop():
    """Names carry degrees ("Ing. Radek Šimánek, Ph.D."): "Signed in as %(name)s." reads
    "Ph.D.." (issue 13)."""
    for path in OWN:
        for entry in polib.pofile(str(path)):
            for form in translations(entry):
                assert not re.search(r"%\((name|full_name|partner|applicant)\)s\.(\s|$)", form), (
                    path,
                    entry.msgid,
                )


def test_compile_merges_the_overrides_and_an_override_wins(tmp_path):
    own = polib.POFile()
    own.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Plural-Forms": GERMAN_PLURALS}
    own.append(polib.POEntry(msgid="Ours", msgstr="Unseres"))
    own.append(polib.POEntry(msgid="Both", msgstr="Unseres auch"))
    (tmp_path / "de" / "LC_MESSAGES").mkdir(parents=True)
    (tmp_path / "de" / "overrides").mkdir()
    own.save(str(tmp_path / "de" / "LC_MESSAGES" / "django.po"))
    override = polib.POFile()
    override.metadata = dict(own.metadata)
    override.append(polib.POEntry(msgid="Both", msgstr="Überschrieben"))
    override.append(polib.POEntry(msgid="Wagtail's", msgstr="Von Wagtail, korrigiert"))
    override.save(str(tmp_path / "de" / "overrides" / "django.po"))
    override.save(str(tmp_path / "de" / "overrides" / "djangojs.po"))

    targets = catalog_sources(tmp_path)
    assert set(targets) == {
        tmp_path / "de" / "LC_MESSAGES" / "django.mo",
        tmp_path / "de" / "LC_MESSAGES" / "djangojs.mo",
    }
    for mo_path, sources in targets.items():
        merged_catalog(sources).save_as_mofile(str(mo_path))
    with open(tmp_path / "de" / "LC_MESSAGES" / "django.mo", "rb") as compiled:
        catalog = gettext.GNUTranslations(compiled)
    assert catalog.gettext("Ours") == "Unseres"
    assert catalog.gettext("Both") == "Überschrieben"
    assert catalog.gettext("Wagtail's") == "Von Wagtail, korrigiert"


def test_the_compiled_catalog_holds_the_overrides():
    call_command("compile_translations", verbosity=0)
    with open(LOCALES / "cs" / "LC_MESSAGES" / "django.mo", "rb") as compiled:
        catalog = gettext.GNUTranslations(compiled)
    assert catalog.gettext("Translations") == "Překlady"
    assert catalog.gettext("%(time_period)s ago") == "před %(time_period)s"
    assert catalog.gettext("Withdraw") == "Vzít přihlášku zpět"


def test_a_cohort_title_is_not_preceded_by_its_own_word():
    """Cohort titles say "Ročník 2026/27" / "Jahrgang 2026/27": "do ročníku Ročník 2026/27" was
    seen in Czech subjects."""
    for language, word in (("cs", r"ročník\w*"), ("de", r"Jahrgang\w*")):
        for entry in polib.pofile(str(LOCALES / language / "LC_MESSAGES" / "django.po")):
            for form in translations(entry):
                assert not re.search(rf"\b{word} %\((cohort|cohort_title)\)s", form), entry.msgid
