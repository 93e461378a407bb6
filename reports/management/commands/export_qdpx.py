"""python manage.py export_qdpx --study SLUG [OUT.qdpx] [--codebook OUT.qdc] [--as EMAIL]

Writes the study as a REFI-QDA project and/or its codebook alone, both validated against the official
schemas. Without --as, everything in the study goes out (an operator's export); with it, what that member
may see, as on the exchange page.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from reports.refi import export
from sites.models import Study


class Command(BaseCommand):
    help = "Export a study as a REFI-QDA project (.qdpx) and/or its codebook (.qdc)."

    def add_arguments(self, parser):
        parser.add_argument("out", nargs="?", type=Path, metavar="OUT.qdpx", help="where to write the project")
        parser.add_argument("--study", required=True, help="the study's short name (slug)")
        parser.add_argument("--codebook", type=Path, metavar="OUT.qdc", help="where to write the codebook alone")
        parser.add_argument("--as", dest="email", help="export what this member may see")

    def handle(self, *args, out, study, codebook, email, **options):
        if out is None and codebook is None:
            raise CommandError("Give OUT.qdpx, --codebook OUT.qdc, or both.")
        slug, study = study, Study.objects.filter(slug=study).first()
        if study is None:
            raise CommandError(f"No study “{slug}”.")
        user = None
        if email:
            user = get_user_model().objects.filter(email__iexact=email).first()
            if user is None:
                raise CommandError(f"No account {email}.")
        if out is not None:
            exported = export.export_project(study, user=user)
            self._write(out, exported.content)
            self.stdout.write(export.summary(exported))
        if codebook is not None:
            exported = export.export_codebook(study, user=user)
            self._write(codebook, exported.content)
            self.stdout.write(f"Codebook: {exported.counts['codes']} codes.")

    def _write(self, path, content):
        try:
            path.write_bytes(content)
        except OSError as error:
            raise CommandError(f"Cannot write {path}: {error.strerror or error}")
        self.stdout.write(f"Wrote {path} ({len(content)} bytes).")
