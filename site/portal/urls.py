"""Portal URLs, inside i18n_patterns (/en/portal/…, /cs/portal/…, /de/portal/…)."""

from django.urls import path

from portal import views

app_name = "portal"
urlpatterns = [
    path("portal/", views.dashboard, name="dashboard"),
    path("portal/sign-in/", views.sign_in, name="sign_in"),
    path("portal/sign-in/sent/", views.sign_in_sent, name="sign_in_sent"),
    path("portal/sign-in/<str:token>/", views.sign_in_confirm, name="sign_in_confirm"),
    path("portal/sign-out/", views.sign_out, name="sign_out"),
    path("portal/consents/", views.consents, name="consents"),
    path("portal/applications/<int:pk>/", views.application_detail, name="application_detail"),
    path(
        "portal/applications/<int:pk>/withdraw/",
        views.application_withdraw,
        name="application_withdraw",
    ),
    path(
        "portal/applications/<int:pk>/amend/",
        views.application_amend,
        name="application_amend",
    ),
]
