from django.urls import re_path

from events import views

app_name = "events"
urlpatterns = [
    # Same path syntax as Wagtail's own page pattern, plus the feed's file name.
    re_path(r"^((?:[\w\-]+/)*)feed\.ics$", views.ical_feed, name="ical_feed"),
]
