"""Minimal public content for the browser tests while ``manage.py demo`` does not exist yet.

Run inside Django: ``manage.py shell -c "exec(open('tests/browser/seed.py').read())"``.
It makes one page of every public type in English, then ``sync_locale_trees`` gives Czech and
German their (alias) trees, the same way ``manage.py demo`` is expected to.
"""

from datetime import date, timedelta

from django.core.management import call_command
from django.utils import timezone

from cohorts.models import CohortIndexPage, CohortPage
from events.models import EventIndexPage, EventPage
from home.models import HomePage
from news.models import NewsIndexPage, NewsPage
from programme.models import ProgrammePage

home = HomePage.objects.get(depth=2, locale__language_code="en")
now = timezone.now()
pages = [
    (home, ProgrammePage(title="The programme", slug="programme", introduction="What it is.")),
]
news = NewsIndexPage(title="News", slug="news")
events = EventIndexPage(title="Events", slug="events")
cohorts = CohortIndexPage(title="Cohorts", slug="cohorts")
for index in (news, events, cohorts):
    home.add_child(instance=index)
home.add_child(instance=pages[0][1])
news.add_child(instance=NewsPage(title="Applications open", slug="applications-open"))
events.add_child(
    instance=EventPage(
        title="Kick-off in Pilsen",
        slug="kick-off",
        event_type=EventPage.EventType.choices[0][0],
        starts_at=now + timedelta(days=30),
        ends_at=now + timedelta(days=30, hours=3),
    )
)
cohorts.add_child(
    instance=CohortPage(
        title="Cohort 2027/28",
        slug="2027-28",
        application_opens_at=now - timedelta(days=10),
        application_closes_at=now + timedelta(days=20),
        programme_starts_on=date(now.year + 1, 11, 1),
        programme_ends_on=date(now.year + 2, 7, 31),
    )
)
for page in CohortPage.objects.all():
    page.save_revision().publish()
call_command("sync_locale_trees")
