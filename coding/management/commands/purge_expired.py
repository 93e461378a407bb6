"""`manage.py purge_expired [--yes]`: erase the research data of studies whose retention date has passed.

Without --yes it only says what it would erase (a dry run); exit status 0 either way.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from coding.services.retention import expired_studies, purge_preview, purge_study


class Command(BaseCommand):
    help = "Erase transcripts, originals, excerpts, memos and identities of studies past their retention date."

    def add_arguments(self, parser):
        parser.add_argument("--yes", action="store_true", help="Erase for real (otherwise a dry run).")

    def handle(self, *args, yes=False, **options):
        studies = list(expired_studies(timezone.localdate()))
        if not studies:
            self.stdout.write("No study is past its retention date.")
            return
        for study in studies:
            counts = purge_preview(study)
            figures = ", ".join(f"{count} {name}" for name, count in counts.items())
            if not yes:
                self.stdout.write(f"{study.slug} (kept until {study.retention_until}): would erase {figures}")
                continue
            record = purge_study(study)
            self.stdout.write(
                f"{study.slug}: erased {record.interviews} interviews, {record.excerpts} excerpts, "
                f"{record.memos} memos, {record.files} original files, {counts['identities']} identities"
            )
        if not yes:
            self.stdout.write("Dry run: nothing was erased. Run again with --yes to erase.")
