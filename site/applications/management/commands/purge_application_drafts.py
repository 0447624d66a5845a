from django.core.management.base import BaseCommand

from applications.maintenance import purge_stale_drafts


class Command(BaseCommand):
    help = "Delete drafts nobody came back to and uploads that were never submitted."

    def handle(self, *args, **options):
        result = purge_stale_drafts()
        self.stdout.write(f"Deleted {result['drafts']} drafts and {result['uploads']} uploads.")
