"""The short verification URL printed on every page of a sealed agreement (no language prefix)."""

from django.urls import path

from workflows.agreements import views

urlpatterns = [path("v/<str:code>/", views.short_verify, name="agreements_short_verify")]
