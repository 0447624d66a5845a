"""Every demo page and snippet is a wagtail-localize translation of its English source."""

import pytest
from django.test import Client
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from base.models import FooterText
from institutions.models import Institution

pytestmark = pytest.mark.django_db

TARGETS = ("cs", "de")


def english_pages():
    return Page.objects.filter(locale__language_code="en", depth__gte=2).specific()


def test_every_page_has_synced_cs_and_de_translations(demo):
    pages = list(english_pages())
    # site, news, events (+ info session), cohorts, their application forms
    assert len(pages) == 8 + 3 + 10 + 2 + 4
    for page in pages:
        source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
        for code in TARGETS:
            locale = Locale.objects.get(language_code=code)
            translated = Page.objects.get(translation_key=page.translation_key, locale=locale)
            assert translated.live, (page, code)
            assert translated.alias_of_id is None, (page, code)  # a translation, not an alias
            assert Translation.objects.filter(
                source=source, target_locale=locale, enabled=True
            ).exists(), (page, code)
            assert translated.title != page.title or page.title in {
                "careerSTEPS",
                "Mentoring Forum 2024",
            }, (page, code)


@pytest.mark.parametrize("model", [Institution, FooterText])
def test_snippets_are_translations(demo, model):
    for instance in model.objects.filter(locale__language_code="en"):
        source = TranslationSource.objects.get(
            object_id=instance.translation_key, locale=instance.locale
        )
        assert source.translations.filter(enabled=True).count() == 2
        for code in TARGETS:
            assert instance.get_translation(Locale.objects.get(language_code=code))


def test_czech_and_german_are_real_translations_not_copies(demo):
    segments = StringTranslation.objects.filter(locale__language_code="cs")
    assert segments.count() > 150
    assert segments.filter(translation_type="manual").count() == segments.count()
    assert not StringTranslation.objects.filter(has_error=True).exists()
    czech = " ".join(segments.values_list("data", flat=True))
    german = " ".join(
        StringTranslation.objects.filter(locale__language_code="de").values_list("data", flat=True)
    )
    for letter in "áčéěíňřšúůýž":
        assert letter in czech, letter
    for letter in "äöüß":
        assert letter in german, letter


def test_slugs_are_translated(demo):
    cs = Locale.objects.get(language_code="cs")
    about = Page.objects.get(locale__language_code="en", slug="about")
    assert about.get_translation(cs).slug == "o-programu"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/en/", ["Two countries, one tandem", "About careerSTEPS", "For mentors"]),
        ("/cs/", ["Dvě země, jeden tandem", "O programu careerSTEPS", "Pro mentory"]),
        ("/de/", ["Zwei Länder, ein Tandem", "Über careerSTEPS", "Für Mentorinnen und Mentoren"]),
        ("/cs/o-programu/", ["Proč careerSTEPS", "Tým careerSTEPS v Plzni"]),
        ("/de/ueber-das-programm/", ["Warum careerSTEPS", "Wer dahintersteht"]),
        ("/cs/pro-mentees/", ["Musím umět česky?", "Přihlásit se jako mentee"]),
        ("/de/fuer-mentees/", ["Muss ich Tschechisch sprechen?", "Als Mentee bewerben"]),
        ("/de/mentoring-jahr/", ["Gut zu wissen", "Wie viele Tandems hat ein Jahrgang?"]),
        ("/cs/aktuality/", ["careerSTEPS představen jako příklad dobré praxe"]),
        (
            "/de/aktuelles/mentoring-forum-2024/",
            ["als Best Practice vorgestellt", "Universität Pardubice"],
        ),
        ("/cs/akce/", ["Zahajovací setkání", "Návštěva OTH Amberg-Weiden"]),
        ("/de/veranstaltungen/", ["Auftakttreffen", "Besuch an der OTH Amberg-Weiden"]),
        ("/cs/rocniky/", ["Pilotní ročník 2023/24"]),
        ("/de/jahrgaenge/pilotjahrgang-2023-24/", ["Pilotjahrgang 2023/24", "zehn Mentees"]),
    ],
)
def test_pages_are_served_in_each_language(demo, url, expected):
    response = Client().get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    for text in expected:
        assert text in html, (url, text)


def test_footer_is_served_in_the_page_language(demo):
    html = Client().get("/de/").content.decode()
    assert "Fragen zum Programm?" in html
    assert "Questions about the programme?" not in html


def test_editors_get_the_translation_editor_for_czech_pages(demo):
    """Synced translations open in wagtail-localize's editor, not as unrelated copies."""
    from django.contrib.auth import get_user_model

    client = Client()
    client.force_login(get_user_model().objects.get(username="editor"))
    czech = Page.objects.get(locale__language_code="cs", slug="o-programu")
    response = client.get(f"/admin/pages/{czech.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "js-translation-editor" in html
    assert "O programu careerSTEPS" in html  # the Czech wording fills the segments
    english = Page.objects.get(locale__language_code="en", slug="about")
    response = client.get(f"/admin/pages/{english.pk}/edit/")
    assert "js-translation-editor" not in response.content.decode()
