"""URLs: language-prefixed site pages (/cs/, /de/, /en/), the admin, and the headless API."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v3.urls import api as api_v3
from wagtail.documents import urls as wagtaildocs_urls

from base.sitemap import sitemap
from workflows.programme_life import views as programme_life_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v3/", api_v3.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    # Every public page in every language, with hreflang alternates (base/sitemap.py).
    path("sitemap.xml", sitemap, name="sitemap"),
    # /v/<code>/: the short verification URL printed on sealed agreements.
    path("", include("workflows.agreements.short_urls")),
    # A participant's personal iCal feed: the secret in the URL is the key.
    path("calendar/<str:token>.ics", programme_life_views.calendar_feed, name="calendar_feed"),
]

if settings.SERVE_MEDIA:
    # Public media only (CMS images and documents); private uploads never live here.
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

urlpatterns += i18n_patterns(
    # The applicant portal, sign-in links and drafts, in the applicant's language.
    path("", include("applications.urls")),
    path("", include("portal.urls")),
    # Mentees and mentors confirm or decline a proposed tandem (/<lang>/portal/matches/…).
    path("", include("workflows.matching.urls")),
    # Agreements in the portal (/<lang>/portal/agreements/…) and /<lang>/verify/.
    path("", include("workflows.agreements.urls")),
    # The tandem space, event registrations and calendar settings (/<lang>/portal/tandems/, …).
    path("", include("workflows.programme_life.urls")),
    # Surveys: /<lang>/survey/<secret>/ and /<lang>/portal/surveys/.
    path("", include("workflows.evaluation.urls")),
    # The person's own data export and erasure request: /<lang>/portal/privacy/.
    path("", include("workflows.privacy.urls")),
    # /<lang>/events/feed.ics (Wagtail's page pattern does not match a dotted file name).
    path("", include("events.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
