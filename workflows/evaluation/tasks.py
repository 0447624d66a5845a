"""Scheduled: send every survey round whose day has come (idempotent)."""

from __future__ import annotations

from django.utils import timezone

from workflows.evaluation.models import SurveyRound
from workflows.evaluation.services import send_round


def send_due_surveys(today=None) -> int:
    today = today or timezone.localdate()
    sent = 0
    for survey_round in SurveyRound.objects.filter(send_on__lte=today, sent_at__isnull=True):
        send_round(survey_round)
        sent += 1
    return sent
