"""``manage.py erase_person <person id> --reason ...``: erase one person (see README, Privacy)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from applications.models import Person
from workflows.engine.actors import Actor
from workflows.privacy.erasure import erase_person, preview


class Command(BaseCommand):
    help = "Erase a person by id everywhere (keeps signed agreements; see README, Privacy)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("person_id", type=int)
        parser.add_argument("--reason", default="erasure on request (command line)")
        parser.add_argument("--dry-run", action="store_true", help="Only say what would happen.")

    def handle(self, *args, **options) -> None:
        person = Person.objects.filter(pk=options["person_id"]).first()
        if person is None:
            raise CommandError(f"No person with id {options['person_id']}.")
        for row in preview(person):
            self.stdout.write(f"{row.model}: {row.action} {row.count}")
        if options["dry_run"]:
            return
        record = erase_person(person, Actor.system(), options["reason"])
        self.stdout.write(f"Person {person.pk} erased (erasure record {record.pk}).")
