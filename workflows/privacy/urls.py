"""Portal privacy URLs inside i18n_patterns (/<lang>/portal/privacy/…)."""

from django.urls import path

from workflows.privacy import views

app_name = "privacy"
urlpatterns = [
    path("portal/privacy/", views.overview, name="overview"),
    path("portal/privacy/export/", views.export_mine, name="export-mine"),
    path("portal/privacy/erasure/", views.request_erasure, name="request-erasure"),
]
