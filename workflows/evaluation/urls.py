"""Survey URLs inside i18n_patterns: /<lang>/survey/<secret>/ and /<lang>/portal/surveys/."""

from django.urls import path

from workflows.evaluation import views

app_name = "evaluation"
urlpatterns = [
    path("survey/<str:token>/", views.answer, name="answer"),
    path("portal/surveys/", views.my_surveys, name="mine"),
]
