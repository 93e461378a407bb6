"""`python manage.py load_demo`: create or refresh the fictional demo study and one account per role.

Each app contributes its own part of the demo, in layer order, on the study the previous part returned;
the whole load is one transaction, so a failure leaves the previous demo as it was. Only the study with
the slug "demo" and the @demo.test accounts are touched.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext as _

from coding import demo as coding_demo
from coding.models import Code, Coding, Excerpt, Memo
from interviews import demo as interviews_demo
from interviews.models import Interview, TranscriptVersion
from reports import demo as reports_demo
from sites import demo as sites_demo
from sites.models import HousingEstate, Membership, Organization, Participant, Site

RESEARCHER = "chercheure@demo.test"  # interviews, observes, transcribes and codes everything
CODER = "codeur@demo.test"  # codes the interviews of their site a second time, for inter-coder agreement


class Command(BaseCommand):
    help = "Create or refresh the fictional demo study and its demo accounts (known passwords, printed)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-known-passwords",
            action="store_true",
            help="Load even when DEBUG is off. The demo accounts' passwords are public: never on a real server.",
        )

    def handle(self, *args, allow_known_passwords=False, **options):
        if not settings.DEBUG and not allow_known_passwords:
            raise CommandError(
                _("DEBUG is off: the demo accounts have public passwords. Pass --allow-known-passwords to load anyway.")
            )
        with transaction.atomic():
            study = sites_demo.load_structure()
            accounts = sites_demo.load_accounts(study)  # before the sources, which name their interviewer
            users = {user.email: user for user in get_user_model().objects.filter(email__in=[RESEARCHER, CODER])}
            researcher, coder = users[RESEARCHER], users[CODER]
            sources = interviews_demo.load_interviews(study, author=researcher)
            coding_demo.load_codebook(study, by=researcher)
            coding_demo.load_codings(study, coders=[researcher, coder], sources=sources)
            coding_demo.load_memos(study, researcher=researcher, coder=coder)
            sheets = reports_demo.load_sheets(study, researcher=researcher)
        self.write_summary(study)
        self.write_evidence(study)
        self.stdout.write(
            _("Published synthesis sheets: %(titles)s.") % {"titles": "; ".join(sheet.title for sheet in sheets)}
        )
        self.write_accounts(accounts)

    def write_summary(self, study):
        kinds = dict(Participant.KIND_CHOICES)
        by_kind = Participant.objects.filter(study=study).values_list("kind").annotate(n=Count("id")).order_by("kind")
        self.stdout.write(
            _(
                "Demo study “%(title)s” (/studies/%(slug)s/): "
                "%(sites)d sites, %(estates)d housing estates, %(orgs)d organisations."
            )
            % {
                "title": study.title,
                "slug": study.slug,
                "sites": Site.objects.filter(study=study).count(),
                "estates": HousingEstate.objects.filter(site__study=study).count(),
                "orgs": Organization.objects.filter(study=study).count(),
            }
        )
        self.stdout.write(
            _("Participants: %(counts)s.") % {"counts": ", ".join(f"{n} × {kinds[kind]}" for kind, n in by_kind)}
        )

    def write_evidence(self, study):
        self.stdout.write(
            _(
                "Sources: %(interviews)d interviews (%(versions)d transcript versions); codebook: %(codes)d codes; "
                "%(excerpts)d excerpts, %(codings)d codings; %(memos)d memos."
            )
            % {
                "interviews": Interview.objects.filter(study=study).count(),
                "versions": TranscriptVersion.objects.filter(interview__study=study).count(),
                "codes": Code.objects.filter(study=study).count(),
                "excerpts": Excerpt.objects.filter(interview__study=study).count(),
                "codings": Coding.objects.filter(excerpt__interview__study=study).count(),
                "memos": Memo.objects.filter(study=study).count(),
            }
        )

    def write_accounts(self, accounts):
        roles = dict(Membership.ROLE_CHOICES)
        header = (_("E-mail"), _("Role"), _("Sites"), _("Password"))
        rows = [(a.email, str(roles[a.role]), ", ".join(a.site_codes) or _("all"), a.password) for a in accounts]
        widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
        self.stdout.write("")
        self.stdout.write(_("Demo accounts (fictional, for local use only):"))
        for row in [header, tuple("-" * w for w in widths), *rows]:
            self.stdout.write("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
