"""Programme-life URLs inside i18n_patterns (/<lang>/portal/tandems/, …/events/, …/calendar/)."""

from django.urls import path

from workflows.programme_life import views

app_name = "programme_life"
urlpatterns = [
    path("portal/tandems/", views.tandem_list, name="tandems"),
    path("portal/tandems/<int:pk>/", views.tandem_detail, name="tandem"),
    path(
        "portal/tandems/<int:pk>/meetings/<int:meeting_pk>/<str:action>/",
        views.meeting_action,
        name="meeting_action",
    ),
    path("portal/events/", views.event_list, name="events"),
    path("portal/events/<int:signup_pk>/register/", views.event_register, name="event_register"),
    path("portal/events/<int:signup_pk>/cancel/", views.event_cancel, name="event_cancel"),
    path("portal/calendar/", views.calendar_settings, name="calendar"),
]
