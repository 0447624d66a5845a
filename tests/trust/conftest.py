"""Fixtures of the trust tests: the applications' forms, institutions and answers, reused."""

from tests.applications.conftest import (  # noqa: F401 - pytest fixtures
    cohort,
    disciplines,
    institutions,
    mentee_form,
    mentor_form,
    privacy_notice,
)
