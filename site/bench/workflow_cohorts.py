"""The workflow benchmark's intakes and applicants: several cohorts, mentees and mentors.

A real installation takes 10,000 applications over several intakes, each of a size a
coordinator can match; one cohort of 10,000 would be a 25-million-pair score matrix per
criterion. So the benchmark spreads ``--workflow-count`` applications over cohorts of at most
``CAREERSTEPS_BENCH_COHORT_SIZE`` (100 by default) applications, half mentees and half mentors.

Each cohort is made as the staff console makes the next cohort (:func:`clone_cohort` of the
demo's open intake, its forms and translations, published), then an editor sets its
application window to the open intake's and its capacity, and publishes that revision: cohort
``k`` is the open intake cloned ``k`` years on (``clone_cohort`` refuses two cohorts starting
on the same day), open for applications now.

The answers are the demo's own applicants' of the open intake (:mod:`demo.content.intake` and
the accepted ones of :mod:`demo.loaders.matches`), six mentees and five mentors from both
universities with their languages, disciplines, availability and, for mentors, capacity (1 or
2), through the demo's ``post_data``; each application gets its own address. One CV per demo
applicant is rendered once, before anything is timed; every submission's CV is parsed again by
the form, as a real one is.
"""

from __future__ import annotations

import io
import math
import os
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model

#: Applications per cohort (half mentees, half mentors), at most.
COHORT_SIZE = "CAREERSTEPS_BENCH_COHORT_SIZE"


def cohort_size() -> int:
    return max(2, int(os.environ.get(COHORT_SIZE, "100")))


def places(size: int) -> int:
    """A cohort's capacity (people accepted per role): 70 % of either half, so that a few
    applications that would be accepted are waitlisted (the capacity guard refuses them)."""
    return max(1, (size // 2) * 7 // 10)


@dataclass
class Applicant:
    """The answers of one demo applicant, as a browser would post them, and their CV."""

    role: str
    spec: dict[str, Any]
    institution: Any
    cv: bytes


@dataclass
class Intakes:
    cohorts: list[Any] = field(default_factory=list)  # English CohortPages
    #: (cohort index, role) → the English form page.
    forms: dict[tuple[int, str], Any] = field(default_factory=dict)
    mentees: list[Applicant] = field(default_factory=list)
    mentors: list[Applicant] = field(default_factory=list)
    size: int = 100

    def plan(self, count: int) -> list[tuple[int, int, str, int]]:
        """(application number, cohort index, role, applicant index) for each application:
        mentee and mentor alternate within each cohort, the demo applicants in turn."""
        planned = []
        for number in range(count):
            cohort, position = divmod(number, self.size)
            role = "mentee" if position % 2 == 0 else "mentor"
            people = self.mentees if role == "mentee" else self.mentors
            planned.append((number, cohort, role, (position // 2) % len(people)))
        return planned


def applicants() -> tuple[list[Applicant], list[Applicant]]:
    from demo.content.intake import APPLICANTS
    from demo.loaders._applicants import cv_pdf
    from demo.loaders.institutions import institution
    from demo.loaders.matches import OPEN_ACCEPTED

    mentees, mentors = [], []
    for spec in (*APPLICANTS, *OPEN_ACCEPTED):
        where = institution(spec["institution"])
        person = Applicant(spec["role"], spec, where, cv_pdf(spec, str(where)))
        (mentees if spec["role"] == "mentee" else mentors).append(person)
    return mentees, mentors


def make_intakes(count: int, size: int | None = None) -> Intakes:
    """Enough open cohorts for ``count`` applications, each with its mentee and mentor form."""
    from applications.models import ApplicationFormPage
    from demo.context import LoadContext
    from demo.loaders.cohorts import open_intake
    from workflows.next_cohort.cloning import clone_cohort

    size = size or cohort_size()
    users = get_user_model().objects
    admin = users.filter(is_superuser=True, is_active=True).order_by("pk").first()
    editor = users.get(username="editor")
    base = open_intake(LoadContext(stdout=io.StringIO(), verbosity=0))
    mentees, mentors = applicants()
    intakes = Intakes(mentees=mentees, mentors=mentors, size=size)
    for years in range(1, math.ceil(count / size) + 1):
        cohort = clone_cohort(base, user=admin, years=years, publish=True).cohort
        # The editor opens it now (the clone's window is a year on) and sets its places.
        cohort.application_opens_at = base.application_opens_at
        cohort.application_closes_at = base.application_closes_at
        cohort.capacity = places(size)
        cohort.save_revision(user=editor).publish(user=editor)
        cohort.refresh_from_db()
        index = len(intakes.cohorts)
        intakes.cohorts.append(cohort)
        for page in ApplicationFormPage.objects.child_of(cohort).live():
            intakes.forms[(index, page.role)] = page
        if {role for i, role in intakes.forms if i == index} != {"mentee", "mentor"}:
            raise RuntimeError(f"{cohort} has no live mentee and mentor forms after cloning")
    return intakes
