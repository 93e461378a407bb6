"""python manage.py import_qdpx IN.qdpx|IN.qdc --study SLUG [--site CODE] [--as EMAIL] [--dry-run]

Imports a REFI-QDA project or codebook into the study, creating the study when no study has that slug (then
--as is needed: that account becomes its administrator). Prints the report; exits with status 1 when the
file is refused, and nothing is stored then.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from interviews.importing import ImportRefused
from reports.refi import import_
from sites import permissions
from sites.models import Membership, Site, Study
from sites.permissions import Role


class Command(BaseCommand):
    help = "Import a REFI-QDA project (.qdpx) or codebook (.qdc) into a study, and print what was done."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, metavar="IN.qdpx")
        parser.add_argument("--study", required=True, help="the study's short name (slug); created when missing")
        parser.add_argument("--site", help="the site's code, for sources and cases the file puts in no site")
        parser.add_argument("--as", dest="email", help="the account recorded as the importer")
        parser.add_argument("--dry-run", action="store_true", help="report what would be imported, store nothing")

    def handle(self, *args, path, study, site, email, dry_run, **options):
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror or error}")
        user = None
        if email:
            user = get_user_model().objects.filter(email__iexact=email).first()
            if user is None:
                raise CommandError(f"No account {email}.")
        try:
            with transaction.atomic():
                target, created = self._study(study, user)
                user = user or _first_admin(target)
                if not permissions.has_role(user, target, permissions.EDIT):
                    raise CommandError(f"{user.email} is not a researcher or administrator of {target.slug}.")
                chosen = None
                if site:
                    chosen = Site.objects.filter(study=target, code__iexact=site).first()
                    if chosen is None:
                        raise CommandError(f"No site “{site}” in {target.slug}.")
                report = import_.import_file(target, name=path.name, data=data, by=user, site=chosen, dry_run=dry_run)
                if created and report.project_name:
                    target.title = report.project_name[:200]
                    target.save(update_fields=["title"])
                if dry_run:
                    transaction.set_rollback(True)
        except ImportRefused as refusal:
            raise CommandError(f"Refused: {refusal.message}", returncode=1)
        self.stdout.write(report.as_text())

    def _study(self, slug, user):
        study = Study.objects.filter(slug=slug).first()
        if study is not None:
            return study, False
        if user is None:
            raise CommandError(
                f"No study “{slug}”: give --as EMAIL to create it with that account as its administrator."
            )
        study = Study.objects.create(slug=slug, title=slug)
        Membership.objects.create(user=user, study=study, role=Role.ADMIN)
        self.stdout.write(f"Created the study “{slug}”, administered by {user.email}.")
        return study, True


def _first_admin(study):
    membership = Membership.objects.filter(study=study, role=Role.ADMIN).select_related("user").order_by("pk").first()
    if membership is None:
        raise CommandError(f"The study {study.slug} has no administrator: give --as EMAIL.")
    return membership.user
