"""python manage.py import_transcripts PATH… --study SLUG --site CODE [--kind …] [--as EMAIL]

Each file (or each member of a .zip) becomes one interview, in its own transaction, as the batch page
does. One line per file; the exit status is 1 when any file was refused.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from interviews.batch import expand, import_one
from interviews.importing import ImportRefused
from interviews.models import Interview
from sites.models import Site, Study


class Command(BaseCommand):
    help = "Import transcript files, each as a new interview of one site."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
        parser.add_argument("--study", required=True, help="the study's short name (slug)")
        parser.add_argument("--site", required=True, help="the site's code")
        parser.add_argument("--kind", default=Interview.Kind.INDIVIDUAL, choices=Interview.Kind.values)
        parser.add_argument("--as", dest="email", help="the e-mail of the account recorded as the importer")

    def handle(self, *args, paths, study, site, kind, email, **options):
        study = Study.objects.filter(slug=study).first() or _fail(f"No study “{study}”.")
        site = Site.objects.filter(study=study, code=site).first() or _fail(f"No site “{site}” in {study.slug}.")
        author = None
        if email:
            author = get_user_model().objects.filter(email__iexact=email).first() or _fail(f"No account {email}.")
        refused = 0
        for path in paths:
            for entry in self._entries(path, study=study, site=site, kind=kind, author=author):
                refused += not entry["ok"]
                status = "imported" if entry["ok"] else "refused "
                line = f"{status}  {entry['name']}: {entry['message']}"
                self.stdout.write(self.style.SUCCESS(line) if entry["ok"] else self.style.ERROR(line))
        if refused:
            raise CommandError(f"{refused} file(s) refused.", returncode=1)

    def _entries(self, path, **common):
        try:
            data = path.read_bytes()
        except OSError as error:
            return [{"name": str(path), "ok": False, "message": error.strerror or str(error)}]
        try:
            members = expand(path.name, data)
        except ImportRefused as refusal:
            return [{"name": str(path), "ok": False, "message": refusal.message}]
        entries = []
        for name, content in members:
            label = str(path) if name == path.name else f"{path} › {name}"
            entries.append(import_one(name=name, label=label, data=content, **common))
        return entries


def _fail(message):
    raise CommandError(message)
