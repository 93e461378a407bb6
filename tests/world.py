"""The coded study every page check reads (with its synthesis sheets), and the main pages of each role over it.

tests/browser/test_accessibility.py runs axe-core over these pages and tests/hlmstudy/test_both_languages.py
reads them in French and in English; a page added here is checked by both.
"""

import datetime

from django.urls import reverse

from coding.models import Memo
from reports import services as sheet_services
from sites.models import Job
from sites.permissions import Role
from tests import factory
from tests.reports.fixtures import build_world
from tests.reports.sheet_fixtures import TEXT as SHEET_TEXT
from tests.reports.sheet_fixtures import build_sheet


def build_shared_world():
    """The hand-counted study of tests/reports/fixtures.py, one account per role, a memo and a finished job."""
    study = factory.make_study()
    site_a = factory.make_site(study, "MTL1", name="Milieu Rivière", city="Montréal")
    site_b = factory.make_site(study, "QC1", name="Milieu Colline", city="Québec")
    people = {}
    for role, sites in [
        (Role.ADMIN, ()),
        (Role.RESEARCHER, ()),
        (Role.CODER, [site_a]),
        (Role.TEAM, [site_b]),
        (Role.PARTNER, [site_a]),
    ]:
        people[role] = factory.make_user(f"{role}@example.test")
        factory.make_membership(people[role], study, role, sites)
    world = build_world(
        study,
        site_a,
        site_b,
        admin=people[Role.ADMIN],
        researcher=people[Role.RESEARCHER],
        coder=people[Role.CODER],
    )
    world.team = people[Role.TEAM]
    world.partner = people[Role.PARTNER]
    world.memo = Memo.objects.create(
        study=study, author=world.researcher, title="Roulement et confiance", body="Les départs coupent les liens."
    )
    world.job = Job.objects.create(
        kind="export_codings",
        owner=world.researcher,
        study=study,
        status=Job.Status.SUCCEEDED,
        progress=100,
        message="Terminé.",
        finished_at=datetime.datetime(2026, 1, 5, 14, 30, tzinfo=datetime.UTC),
    )
    # A sheet of MTL1 in review for the editor, a published transversal one for the partner's portal.
    draft = build_sheet(study, site_a, world.marie, researcher=world.researcher, transversal=False)
    published = build_sheet(study, site_a, world.rose, researcher=world.researcher, transversal=True)
    sheet_services.publish_sheet(published.sheet, by=world.researcher)
    world.sheet, world.published = draft.sheet, published.sheet
    world.section = world.sheet.sections.order_by("order").first()
    # What the study's own data puts on the pages: it reads the same whatever the interface language.
    world.data_texts = [study.title, study.description, world.memo.title, world.memo.body, world.job.message]
    world.data_texts += [SHEET_TEXT, world.sheet.title, world.sheet.kind_label, published.sheet.kind_label]
    world.data_texts += [f"{section.heading} {section.body}" for section in world.sheet.sections.all()]
    world.data_texts += [f"{item.attribution} {item.caption}" for item in world.sheet.evidence.all()]
    return world


def _interview(w):
    return [w.study.slug, w.A1.pk]


def _sheet(w):
    return [w.study.slug, w.sheet.pk]


# id: (role signed in, None for nobody; url from the world; a selector present once the page has drawn)
MAIN_PAGES = {
    "login": (None, lambda w: reverse("account_login"), "form"),
    "dashboard": ("researcher", lambda w: reverse("sites:study_dashboard", args=[w.study.slug]), "main h1"),
    "participant list": ("researcher", lambda w: reverse("sites:participant_list", args=[w.study.slug]), "main table"),
    "participant": (
        "researcher",
        lambda w: reverse("sites:participant_detail", args=[w.study.slug, "R-MTL1-11"]),
        "main h1",
    ),
    "site list": ("researcher", lambda w: reverse("sites:site_list", args=[w.study.slug]), "main h1"),
    "interview list": ("researcher", lambda w: reverse("interviews:interview_list", args=[w.study.slug]), "main table"),
    "transcript": ("researcher", lambda w: reverse("interviews:interview_detail", args=_interview(w)), "main h1"),
    "search": (
        "researcher",
        lambda w: reverse("interviews:transcript_search", args=[w.study.slug]) + "?q=comité",
        "main h1",
    ),
    "workspace": ("researcher", lambda w: reverse("coding:workspace", args=_interview(w)), ".ws-block"),
    "codebook": ("researcher", lambda w: reverse("coding:codebook_detail", args=[w.study.slug]), "main h1"),
    "memos": ("researcher", lambda w: reverse("coding:memo_list", args=[w.study.slug]), "main h1"),
    "memo": ("researcher", lambda w: reverse("coding:memo_detail", args=[w.study.slug, w.memo.pk]), "main h1"),
    "retrieval": ("researcher", lambda w: reverse("reports:retrieval", args=[w.study.slug]), "main h1"),
    "site report": ("researcher", lambda w: reverse("reports:site_report", args=[w.study.slug, "MTL1"]), ".main-svg"),
    "transversal": ("researcher", lambda w: reverse("reports:transversal", args=[w.study.slug]), ".main-svg"),
    "cooccurrence": ("researcher", lambda w: reverse("reports:cooccurrence", args=[w.study.slug]), ".main-svg"),
    "exports": ("researcher", lambda w: reverse("reports:export_index", args=[w.study.slug]), "main h1"),
    "job": ("researcher", lambda w: reverse("sites:job_detail", args=[w.job.pk]), "main h1"),
    "password change": ("researcher", lambda w: reverse("account_change_password"), "main form"),
    "two-factor": ("researcher", lambda w: reverse("mfa_index"), "main h1"),
    "reauthenticate": ("researcher", lambda w: reverse("account_reauthenticate"), "main form"),
    "password reset": (None, lambda w: reverse("account_reset_password"), "main form"),
    "members": ("admin", lambda w: reverse("sites:member_list", args=[w.study.slug]), "main table"),
    "coder dashboard": ("coder", lambda w: reverse("sites:study_dashboard", args=[w.study.slug]), "main h1"),
    "coder workspace": ("coder", lambda w: reverse("coding:workspace", args=_interview(w)), ".ws-block"),
    "team site report": ("team", lambda w: reverse("reports:site_report", args=[w.study.slug, "QC1"]), ".main-svg"),
    "team interview list": ("team", lambda w: reverse("interviews:interview_list", args=[w.study.slug]), "main table"),
    "team retrieval": ("team", lambda w: reverse("reports:retrieval", args=[w.study.slug]), "main h1"),
    "partner portal": ("partner", lambda w: reverse("reports:portal"), "main h1"),
    "partner sheet": ("partner", lambda w: reverse("reports:portal_sheet", args=[w.published.pk]), "main h1"),
    "sheet list": ("researcher", lambda w: reverse("reports:sheet_list", args=[w.study.slug]), "main h1"),
    "sheet editor": ("researcher", lambda w: reverse("reports:sheet_detail", args=_sheet(w)), "main h1"),
    "sheet title block": ("researcher", lambda w: reverse("reports:sheet_edit", args=_sheet(w)), "main h1"),
    "section edit": (
        "researcher",
        lambda w: reverse("reports:section_edit", args=[*_sheet(w), w.section.pk]),
        "main h1",
    ),
    "evidence picker": ("researcher", lambda w: reverse("reports:evidence_picker", args=_sheet(w)), "main h1"),
    "glossary": ("researcher", lambda w: reverse("reports:glossary_list", args=[w.study.slug]), "main h1"),
}


def _url(name, *args):
    """A page of the study; each of `args` takes the world and gives one more argument of the URL."""
    return lambda w: reverse(name, args=[w.study.slug, *[argument(w) for argument in args]])


def _a1(w):
    return w.A1.pk


# The forms and the less visited pages, checked in French by axe and in both languages by the comparison.
OTHER_PAGES = {
    "site detail": ("researcher", _url("sites:site_detail", lambda w: "MTL1"), "main h1"),
    "site form": ("researcher", _url("sites:site_edit", lambda w: "MTL1"), "main form"),
    "estate form": ("researcher", _url("sites:estate_create"), "main form"),
    "organisations": ("researcher", _url("sites:organization_list"), "main h1"),
    "organisation form": ("researcher", _url("sites:organization_create"), "main form"),
    "attributes": ("researcher", _url("sites:attribute_list"), "main h1"),
    "attribute form": ("researcher", _url("sites:attribute_create"), "main form"),
    "participant form": ("researcher", _url("sites:participant_edit", lambda w: "R-MTL1-11"), "main form"),
    "participant identity": ("admin", _url("sites:participant_identity", lambda w: "R-MTL1-11"), "main h1"),
    "member form": (
        "admin",
        _url("sites:member_edit", lambda w: w.study.memberships.get(user=w.coder).pk),
        "main form",
    ),
    "member invite": ("admin", _url("sites:member_invite"), "main form"),
    "interview form": ("researcher", _url("interviews:interview_edit", _a1), "main form"),
    "interview import": ("researcher", _url("interviews:interview_import"), "main form"),
    "speaker mapping": ("researcher", _url("interviews:speaker_mapping", _a1), "main form"),
    "versions": ("researcher", _url("interviews:version_list", _a1), "main h1"),
    "transcript edit": ("researcher", _url("coding:transcript_edit", _a1), "main form"),
    "transcript upload": ("researcher", _url("coding:transcript_upload", _a1), "main form"),
    "code detail": ("researcher", _url("coding:code_detail", lambda w: w.concertation.pk), "main h1"),
    "code form": ("researcher", _url("coding:code_edit", lambda w: w.concertation.pk), "main form"),
    "code merge": ("researcher", _url("coding:code_merge", lambda w: w.roulement.pk), "main form"),
    "code move": ("researcher", _url("coding:code_move", lambda w: w.roulement.pk), "main form"),
    "codebook import": ("researcher", _url("coding:codebook_import"), "main form"),
    "memo form": ("researcher", _url("coding:memo_edit", lambda w: w.memo.pk), "main form"),
    "excerpts to review": ("researcher", _url("coding:excerpt_review_list"), "main h1"),
    "excerpt review": ("researcher", _url("coding:excerpt_review", lambda w: w.e12.pk), "main h1"),
    "export codings": ("researcher", _url("reports:export_codings"), "main h1"),
    "exchange": ("researcher", _url("reports:refi_exchange"), "main h1"),
}
