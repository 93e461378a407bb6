from django.core.management.base import BaseCommand

from sites.jobs import sweep


class Command(BaseCommand):
    help = "Send again the jobs that the broker lost or whose worker stopped; fail those out of attempts."

    def handle(self, *args, **options):
        counts = sweep()
        self.stdout.write(f"{counts['sent']} job(s) sent again, {counts['failed']} given up.")
