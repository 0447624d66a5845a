"""Applicant-facing URLs (mounted inside the language prefix: /cs/, /de/, /en/)."""

from django.urls import path

from applications import views

app_name = "applications"
urlpatterns = [
    path("applications/drafts/<str:token>/", views.resume_draft, name="resume_draft"),
    path("applications/files/<int:pk>/", views.download_upload, name="download_upload"),
]
