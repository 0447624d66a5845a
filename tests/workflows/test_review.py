"""Review services: assignment by hand and balanced, conflicts of interest, rubric scores,
decisions one by one and in batch."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.factories import ApplicationFactory, UserFactory
from workflows.access.models import CohortRole
from workflows.engine.actors import Actor
from workflows.review import services
from workflows.review.models import ReviewAssignment, ReviewerProfile
from workflows.roles import REVIEWERS


def test_assigning_the_first_reviewer_starts_the_review(application, coordinator, reviewer):
    assignment = services.assign_reviewer(application, reviewer, Actor(user=coordinator))
    application.refresh_from_db()
    assert application.state == "in_review"
    assert assignment.due_on is not None and assignment.assigned_by == coordinator


def test_only_coordinators_assign_and_never_twice(application, coordinator, reviewer):
    with pytest.raises(services.ReviewError):
        services.assign_reviewer(application, reviewer, Actor(user=reviewer))
    services.assign_reviewer(application, reviewer, Actor(user=coordinator))
    with pytest.raises(services.ReviewError):
        services.assign_reviewer(application, reviewer, Actor(user=coordinator))


def test_nobody_reviews_their_own_application(application, coordinator):
    applicant_reviewer = UserFactory(email=application.person.email, groups=[REVIEWERS])
    with pytest.raises(services.ReviewError):
        services.assign_reviewer(application, applicant_reviewer, Actor(user=coordinator))


def test_auto_assign_balances_by_load(cohort, coordinator):
    busy, idle_one, idle_two = (UserFactory(groups=[REVIEWERS]) for _ in range(3))
    for _ in range(2):
        services.assign_reviewer(ApplicationFactory(cohort=cohort), busy, Actor(user=coordinator))
    application = ApplicationFactory(cohort=cohort)
    created = services.auto_assign(application, Actor(user=coordinator), reviewers=2)
    assert {a.reviewer for a in created} == {idle_one, idle_two}
    # Topping up to two again adds nobody.
    assert services.auto_assign(application, Actor(user=coordinator), reviewers=2) == []


def test_auto_assign_prefers_a_shared_discipline(cohort, coordinator):
    from wagtail.models import Locale

    from applications.models import Discipline

    english = Locale.get_default()
    materials = Discipline.objects.create(key="materials", name="Materials", locale=english)
    chemistry = Discipline.objects.create(key="chemistry", name="Chemistry", locale=english)
    mechanics = Discipline.objects.create(key="mechanics", name="Mechanics", locale=english)
    generalist = UserFactory(groups=[REVIEWERS])
    engineer = UserFactory(groups=[REVIEWERS])
    ReviewerProfile.objects.create(user=engineer).disciplines.set([mechanics, materials])
    services.assign_reviewer(ApplicationFactory(cohort=cohort), engineer, Actor(user=coordinator))
    application = ApplicationFactory(cohort=cohort)
    assert services.application_disciplines(application) == set()  # no profile: load only
    assert services.rank_reviewers(application)[0] == generalist
    application.disciplines = [materials, chemistry]
    [assignment] = services.auto_assign(application, Actor(user=coordinator), reviewers=1)
    assert assignment.reviewer == engineer  # despite the higher load


def test_auto_assign_respects_limits_and_cohort_reviewers(cohort, coordinator):
    full = UserFactory(groups=[REVIEWERS])
    ReviewerProfile.objects.create(user=full, max_open_reviews=0)
    outsider = UserFactory(groups=[REVIEWERS])
    insider = UserFactory(groups=[REVIEWERS])
    application = ApplicationFactory(cohort=cohort)
    assert set(services.rank_reviewers(application)) == {outsider, insider}
    CohortRole.objects.create(user=insider, role="reviewer", cohort=cohort)
    assert services.rank_reviewers(application) == [insider]


def test_conflict_of_interest_replaces_the_reviewer(
    application, coordinator, reviewer, other_reviewer
):
    assignment = services.assign_reviewer(application, reviewer, Actor(user=coordinator))
    with pytest.raises(services.ReviewError):
        services.declare_conflict(assignment, reviewer, "  ")
    with pytest.raises(services.ReviewError):
        services.declare_conflict(assignment, other_reviewer, "not mine")
    replacement = services.declare_conflict(assignment, reviewer, "I supervise her thesis.")
    assignment.refresh_from_db()
    assert assignment.status == ReviewAssignment.Status.RECUSED
    assert replacement.reviewer == other_reviewer
    assert replacement.due_on == assignment.due_on
    # The recused reviewer is never picked again for this application.
    assert reviewer not in services.rank_reviewers(application)


def test_review_scores_combine_into_a_weighted_average(
    application, coordinator, reviewer, other_reviewer, rubric
):
    first = services.assign_reviewer(application, reviewer, Actor(user=coordinator))
    second = services.assign_reviewer(application, other_reviewer, Actor(user=coordinator))
    motivation, fit = rubric.criteria.all()
    review = services.submit_review(
        first,
        reviewer,
        rubric=rubric,
        scores={motivation.pk: 5, fit.pk: 2},
        recommendation="accept",
    )
    assert review.weighted_score == Decimal("4.00")  # (2·5 + 1·2) / 3
    services.submit_review(
        second,
        other_reviewer,
        rubric=rubric,
        scores={motivation.pk: 3, fit.pk: 3},
        recommendation="waitlist",
    )
    summary = services.with_review_summary(
        type(application).objects.filter(pk=application.pk)
    ).get()
    assert summary.average_score == Decimal("3.50")
    assert summary.reviews_done == 2 and summary.reviews_open == 0
    # Editing the rubric later does not change submitted reviews.
    motivation.weight = Decimal("10")
    motivation.save()
    review.refresh_from_db()
    assert review.weighted_score == Decimal("4.00")
    assert [s.weight for s in review.scores.all()] == [Decimal("2.00"), Decimal("1.00")]


def test_review_form_refuses_bad_input_and_second_submission(
    application, coordinator, reviewer, rubric
):
    assignment = services.assign_reviewer(application, reviewer, Actor(user=coordinator))
    motivation, fit = rubric.criteria.all()
    with pytest.raises(services.ReviewError):
        services.submit_review(
            assignment, reviewer, rubric=rubric, scores={motivation.pk: 5}, recommendation="accept"
        )
    with pytest.raises(services.ReviewError):
        services.submit_review(
            assignment,
            reviewer,
            rubric=rubric,
            scores={motivation.pk: 6, fit.pk: 1},
            recommendation="accept",
        )
    services.submit_review(
        assignment,
        reviewer,
        rubric=rubric,
        scores={motivation.pk: 4, fit.pk: 4},
        recommendation="accept",
    )
    with pytest.raises(services.ReviewError):
        services.submit_review(
            assignment,
            reviewer,
            rubric=rubric,
            scores={motivation.pk: 1, fit.pk: 1},
            recommendation="reject",
        )


def test_batch_decision_decides_what_it_may_and_reports_the_rest(cohort, other_cohort):
    from tests.factories import UserFactory
    from workflows.roles import COORDINATORS

    coordinator = UserFactory(groups=[COORDINATORS])
    CohortRole.objects.create(user=coordinator, role="coordinator", cohort=cohort)
    ok = [ApplicationFactory(cohort=cohort, state="in_review") for _ in range(2)]
    wrong_state = ApplicationFactory(cohort=cohort, state="submitted")
    other = ApplicationFactory(cohort=other_cohort, state="in_review")
    result = services.decide_batch(
        [*ok, wrong_state, other], "waitlist", Actor(user=coordinator), message="Soon!"
    )
    assert result.decided == ok
    assert [a for a, _reason in result.refused] == [wrong_state, other]
    assert all(reason for _a, reason in result.refused)
    other.refresh_from_db()
    assert other.state == "in_review"


def test_rubric_is_translatable_and_reviewers_get_their_language(application, rubric):
    from wagtail.models import Locale

    german, _ = Locale.objects.get_or_create(language_code="de")
    translated = rubric.copy_for_translation(german)
    translated.name = "Bewertungsbogen"
    translated.save()
    assert services.rubric_for(application, "de").name == "Bewertungsbogen"
    assert services.rubric_for(application, "en") == rubric
    assert services.rubric_for(application, "cs") is not None  # falls back


def test_rubric_translates_with_wagtail_localize_including_criteria(rubric, application):
    """The admin's "Translate" action: criteria (child relations) become segments too."""
    from wagtail.models import Locale
    from wagtail_localize.models import StringTranslation, Translation, TranslationSource
    from wagtail_localize.operations import TranslationCreator

    from tests.factories import UserFactory
    from workflows.review.models import Rubric

    czech, _ = Locale.objects.get_or_create(language_code="cs")
    TranslationCreator(UserFactory(is_superuser=True), [czech]).create_translations(rubric)
    source, _created = TranslationSource.get_or_create_from_instance(rubric)
    translation = Translation.objects.get(source=source, target_locale=czech)
    czech_words = {"Mentee rubric": "Hodnocení mentee", "Motivation": "Motivace", "Fit": "Vhodnost"}
    for segment in source.stringsegment_set.select_related("string"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=czech,
            context=segment.context,
            defaults={"data": czech_words.get(segment.string.data, segment.string.data)},
        )
    translation.save_target()
    translated = Rubric.objects.get(translation_key=rubric.translation_key, locale=czech)
    assert translated.name == "Hodnocení mentee"
    assert [c.label for c in translated.criteria.all()] == ["Motivace", "Vhodnost"]
    assert [c.weight for c in translated.criteria.all()] == [
        c.weight for c in rubric.criteria.all()
    ]
    assert services.rubric_for(application, "cs") == translated
