"""Participants' match pages, inside i18n_patterns under the portal (/<lang>/portal/matches/…)."""

from django.urls import path

from workflows.matching import participant_views

app_name = "matching"
urlpatterns = [
    path("portal/matches/", participant_views.match_list, name="list"),
    path("portal/matches/<int:pk>/", participant_views.match_detail, name="detail"),
    path(
        "portal/applications/<int:pk>/mentor-wishes/",
        participant_views.mentee_wishes,
        name="wishes",
    ),
    path(
        "portal/applications/<int:pk>/mentoring-preferences/",
        participant_views.mentor_preferences,
        name="preferences",
    ),
]
