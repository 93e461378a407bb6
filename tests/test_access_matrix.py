"""The role × URL matrix: every URL pattern, visited as every persona, answers what the table says.

A new URL without a row fails `test_every_url_pattern_has_a_row`: add its rows here (one per object it
can reach, GET for a page, POST with a valid body for a write). The rules the table pins:
- partner, outsider and other_admin (admin of another study) get 404 on every study object; the partner
  reaches only `reports:portal`;
- a reader (coder, team) gets 403 on a write to an object they can see;
- a member limited to some sites gets 404 on the objects of the other sites;
- anyone who is not signed in is sent to the login page.
The objects a row names (study "etude" or "autre", site_a, participant_b, job, …) are built by the `world`
fixture below; a new kind of object gets one there, for each site and for the other study.
"""

import re
from dataclasses import dataclass, field
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import override_settings
from django.urls import URLResolver, get_resolver, reverse
from django.utils.http import urlencode

from sites import jobs
from sites.models import AccessEvent, AttributeDefinition, Job, Membership, ParticipantIdentity
from sites.permissions import Role
from tests import factory

pytestmark = pytest.mark.usefixtures("fast_passwords")  # for the users a test creates (invitations)

GET, POST = "GET", "POST"
PERSONAS = ("admin", "researcher", "coder", "team_b", "partner", "outsider", "other_admin")

# Outside the matrix, by namespace or by included URLconf module, and why.
EXCLUDED = {
    "admin": "the Django admin, for staff; issue 9 puts it behind the allauth login",
    "allauth.urls": "allauth's account, password and MFA pages (tests/sites/test_accounts.py)",
    "django.conf.urls.i18n": "the language switcher, which holds no study data",
}
# Namespaces the walk must find, so that an empty walk cannot pass.
NAMESPACES = {"sites", "reports", "interviews", "coding"}


class Pk:
    """In a POST body: the pk of a world object."""

    def __init__(self, ref):
        self.ref = ref


class Upload:
    """In a POST body: a file, built afresh for each request (an uploaded file is read once)."""

    def __init__(self, name, content):
        self.name = name
        self.content = content


@dataclass
class Row:
    name: str
    method: str
    kwargs: dict  # URL kwarg -> name of a world object; `study` takes its slug, `code` its code, `pk` its pk
    expect: tuple  # one status per persona, in PERSONAS order
    body: dict = field(default_factory=dict)
    note: str = ""
    json_write: bool = False  # a JSON endpoint: its accepted write answers 200/201 instead of redirecting
    query: dict = field(default_factory=dict)  # query string, values as in `body` (Pk for a world object's pk)

    @property
    def id(self):
        objects = f"[{','.join(self.kwargs.values())}]" if self.kwargs else ""
        note = f"-{self.note}" if self.note else ""
        return f"{self.name}-{self.method}{objects}{note}"


def on(**refs):
    return refs


ETUDE = on(study="etude")
THEMATIC_BODY = {"title": "Rapport", "quotes": "all", "strongest_per_code": 3}
INTERVIEW_A = on(study="etude", pk="interview_a")
INTERVIEW_B = on(study="etude", pk="interview_b")
CODE_ETUDE = on(study="etude", pk="code_etude")
SHEET_A = on(study="etude", pk="sheet_a")
SHEET_B = on(study="etude", pk="sheet_b")
SHEET_T = on(study="etude", pk="sheet_t")
DRAFT_T = on(study="etude", pk="draft_t")
DRAFT_SECTION = on(study="etude", pk="draft_t", section_pk="section_t")
REFI_CODEBOOK = b'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="c1" name="R" isCodable="true"/></Codes>'
REFI_CODEBOOK += b"</CodeBook>"
# A word of each interview's own, to find in what a search, a report or an export shows (and must not leak).
MARKERS = {"interview_a": "xylophone", "interview_b": "quetzal", "other_interview": "wombat"}
TRANSCRIPT = "I : Bonjour.\nR : Bonjour, j'habite ici.\nI : Et le comité ?\nR : Il est actif.".encode()
INTERVIEW_BODY = {
    "site": Pk("site_a"),
    "kind": "individual",
    "title": "Entretien neuf",
    "participants-TOTAL_FORMS": "0",
    "participants-INITIAL_FORMS": "0",
}
SITE_BODY = {"code": "NEW1", "name": "Milieu neuf", "city": "Laval"}
PARTICIPANT_BODY = {"code": "R-MTL1-99", "kind": "resident", "site": Pk("site_a")}

# fmt: off
MATRIX = [
    # URL name, method, kwargs, (admin, researcher, coder, team_b, partner, outsider, other_admin), body
    Row("sites:home", GET, {}, (302, 302, 302, 302, 302, 200, 302)),
    # the admin's own login form would skip MFA and the rate limits: it sends everyone to allauth's
    Row("admin_login", GET, {}, (302, 302, 302, 302, 302, 302, 302)),
    Row("sites:job_detail", GET, on(pk="job"), (404, 200, 404, 404, 404, 404, 404)),
    Row("sites:job_download", GET, on(pk="job"), (404, 200, 404, 404, 404, 404, 404)),
    Row("sites:study_dashboard", GET, ETUDE, (200, 200, 200, 200, 404, 404, 404)),
    Row("sites:study_dashboard", GET, on(study="autre"), (404, 404, 404, 404, 404, 404, 200)),
    # sites
    Row("sites:site_list", GET, ETUDE, (200, 200, 200, 200, 404, 404, 404)),
    Row("sites:site_create", GET, ETUDE, (200, 200, 403, 403, 404, 404, 404)),
    Row("sites:site_create", POST, ETUDE, (302, 302, 403, 403, 404, 404, 404), SITE_BODY),
    Row("sites:site_detail", GET, on(study="etude", code="site_a"), (200, 200, 200, 404, 404, 404, 404)),
    Row("sites:site_detail", GET, on(study="etude", code="site_b"), (200, 200, 404, 200, 404, 404, 404)),
    Row("sites:site_detail", GET, on(study="etude", code="other_site"), (404, 404, 404, 404, 404, 404, 404)),
    Row("sites:site_detail", GET, on(study="autre", code="other_site"), (404, 404, 404, 404, 404, 404, 200)),
    Row("sites:site_edit", GET, on(study="etude", code="site_a"), (200, 200, 403, 404, 404, 404, 404)),
    Row("sites:site_edit", GET, on(study="etude", code="site_b"), (200, 200, 404, 403, 404, 404, 404)),
    Row("sites:site_edit", POST, on(study="etude", code="site_a"), (302, 302, 403, 404, 404, 404, 404),
        {"code": "MTL1", "name": "Milieu renommé", "city": "Montréal"}),
    # housing estates
    Row("sites:estate_create", GET, ETUDE, (200, 200, 403, 403, 404, 404, 404)),
    Row("sites:estate_create", POST, ETUDE, (302, 302, 403, 403, 404, 404, 404),
        {"site": Pk("site_a"), "name": "Ensemble neuf", "clientele": "families", "units": "40"}),
    Row("sites:estate_edit", GET, on(study="etude", pk="estate_a"), (200, 200, 403, 404, 404, 404, 404)),
    Row("sites:estate_edit", GET, on(study="etude", pk="estate_b"), (200, 200, 404, 403, 404, 404, 404)),
    Row("sites:estate_edit", GET, on(study="etude", pk="other_estate"), (404, 404, 404, 404, 404, 404, 404)),
    Row("sites:estate_edit", POST, on(study="etude", pk="estate_a"), (302, 302, 403, 404, 404, 404, 404),
        {"site": Pk("site_a"), "name": "Ensemble renommé", "clientele": "seniors"}),
    # organisations
    Row("sites:organization_list", GET, ETUDE, (200, 200, 200, 200, 404, 404, 404)),
    Row("sites:organization_create", GET, ETUDE, (200, 200, 403, 403, 404, 404, 404)),
    Row("sites:organization_create", POST, ETUDE, (302, 302, 403, 403, 404, 404, 404),
        {"name": "Organisme neuf", "kind": "community"}),
    Row("sites:organization_edit", GET, on(study="etude", pk="organization"), (200, 200, 403, 403, 404, 404, 404)),
    Row("sites:organization_edit", GET, on(study="etude", pk="other_organization"),
        (404, 404, 404, 404, 404, 404, 404)),
    Row("sites:organization_edit", POST, on(study="etude", pk="organization"), (302, 302, 403, 403, 404, 404, 404),
        {"name": "Organisme renommé", "kind": "other"}),
    # attribute definitions (the view checks the role before looking the attribute up: 403 for any pk)
    Row("sites:attribute_list", GET, ETUDE, (200, 200, 200, 200, 404, 404, 404)),
    Row("sites:attribute_create", GET, ETUDE, (200, 200, 403, 403, 404, 404, 404)),
    Row("sites:attribute_create", POST, ETUDE, (302, 302, 403, 403, 404, 404, 404),
        {"key": "years", "label": "Years in the estate", "kind": "number", "order": "1"}),
    Row("sites:attribute_edit", GET, on(study="etude", pk="attribute"), (200, 200, 403, 403, 404, 404, 404)),
    Row("sites:attribute_edit", GET, on(study="etude", pk="other_attribute"), (404, 404, 403, 403, 404, 404, 404)),
    Row("sites:attribute_edit", POST, on(study="etude", pk="attribute"), (302, 302, 403, 403, 404, 404, 404),
        {"key": "age_group", "label": "Tranche d'âge", "kind": "text", "order": "0"}),
    # participants
    Row("sites:participant_list", GET, ETUDE, (200, 200, 200, 200, 404, 404, 404)),
    Row("sites:participant_create", GET, ETUDE, (200, 200, 403, 403, 404, 404, 404)),
    Row("sites:participant_create", POST, ETUDE, (302, 302, 403, 403, 404, 404, 404), PARTICIPANT_BODY),
    Row("sites:participant_export", GET, ETUDE, (405, 405, 405, 405, 405, 405, 405)),
    Row("sites:participant_export", POST, ETUDE, (302, 302, 302, 302, 404, 404, 404)),
    Row("sites:participant_export", POST, ETUDE, (302, 302, 404, 302, 404, 404, 404), {"site": Pk("site_b")},
        note="site_b"),
    Row("sites:participant_export", POST, ETUDE, (404, 404, 404, 404, 404, 404, 404), {"site": Pk("other_site")},
        note="other_site"),
    Row("sites:participant_detail", GET, on(study="etude", code="participant_a"), (200, 200, 200, 404, 404, 404, 404)),
    Row("sites:participant_detail", GET, on(study="etude", code="participant_b"), (200, 200, 404, 200, 404, 404, 404)),
    Row("sites:participant_detail", GET, on(study="etude", code="other_participant"),
        (404, 404, 404, 404, 404, 404, 404)),
    Row("sites:participant_detail", GET, on(study="autre", code="other_participant"),
        (404, 404, 404, 404, 404, 404, 200)),
    Row("sites:participant_edit", GET, on(study="etude", code="participant_a"), (200, 200, 403, 404, 404, 404, 404)),
    Row("sites:participant_edit", GET, on(study="etude", code="participant_b"), (200, 200, 404, 403, 404, 404, 404)),
    Row("sites:participant_edit", POST, on(study="etude", code="participant_a"), (302, 302, 403, 404, 404, 404, 404),
        {"code": "R-MTL1-01", "kind": "partner", "site": Pk("site_a")}),
    # identities: admins only, and everyone else is told the page does not exist
    Row("sites:participant_identity", GET, on(study="etude", code="participant_a"),
        (200, 404, 404, 404, 404, 404, 404)),
    Row("sites:participant_identity", GET, on(study="etude", code="other_participant"),
        (404, 404, 404, 404, 404, 404, 404)),
    Row("sites:participant_identity", POST, on(study="etude", code="participant_a"),
        (302, 404, 404, 404, 404, 404, 404), {"full_name": "Nom Fictif", "email": "nom.fictif@example.test"}),
    # members: admins only; other members of the study get 403 (they know the study exists)
    Row("sites:member_list", GET, ETUDE, (200, 403, 403, 403, 404, 404, 404)),
    # the audit trail: admins of the study only
    Row("sites:audit_log", GET, ETUDE, (200, 403, 403, 403, 404, 404, 404)),
    Row("sites:audit_log", GET, on(study="autre"), (404, 404, 404, 404, 404, 404, 200)),
    Row("sites:member_invite", GET, ETUDE, (200, 403, 403, 403, 404, 404, 404)),
    Row("sites:member_invite", POST, ETUDE, (302, 403, 403, 403, 404, 404, 404),
        {"email": "new.member@example.test", "role": Role.TEAM}),
    Row("sites:member_edit", GET, on(study="etude", pk="member"), (200, 403, 403, 403, 404, 404, 404)),
    Row("sites:member_edit", GET, on(study="etude", pk="other_member"), (404, 403, 403, 403, 404, 404, 404)),
    Row("sites:member_edit", POST, on(study="etude", pk="member"), (302, 403, 403, 403, 404, 404, 404),
        {"role": Role.CODER, "sites": [Pk("site_a")]}),
    Row("sites:member_remove", GET, on(study="etude", pk="member"), (405, 405, 405, 405, 405, 405, 405)),
    Row("sites:member_remove", POST, on(study="etude", pk="member"), (302, 403, 403, 403, 404, 404, 404)),
    Row("sites:member_remove", POST, on(study="etude", pk="other_member"), (404, 403, 403, 403, 404, 404, 404)),
    # the partner portal
    Row("reports:portal", GET, {}, (200, 200, 200, 200, 200, 404, 200)),
    # analysis pages (issue 5): readers of the study; what they count is limited to their sites
    Row("reports:retrieval", GET, ETUDE, (200, 200, 200, 200, 404, 404, 404)),
    Row("reports:retrieval", GET, on(study="autre"), (404, 404, 404, 404, 404, 404, 200)),
    Row("reports:transversal", GET, ETUDE, (200, 200, 200, 200, 404, 404, 404)),
    Row("reports:cooccurrence", GET, ETUDE, (200, 200, 200, 200, 404, 404, 404)),
    Row("reports:site_report", GET, on(study="etude", code="site_a"), (200, 200, 200, 404, 404, 404, 404)),
    Row("reports:site_report", GET, on(study="etude", code="site_b"), (200, 200, 404, 200, 404, 404, 404)),
    Row("reports:site_report", GET, on(study="etude", code="other_site"), (404, 404, 404, 404, 404, 404, 404)),
    Row("reports:site_report", GET, on(study="autre", code="other_site"), (404, 404, 404, 404, 404, 404, 200)),
    # exports (issue 5): every member who may read the study; what they get is limited to their sites
    Row("reports:export_index", GET, ETUDE, (200, 200, 200, 200, 404, 404, 404)),
    Row("reports:export_codings", GET, ETUDE, (200, 200, 200, 200, 404, 404, 404)),
    Row("reports:export_codings", GET, on(study="autre"), (404, 404, 404, 404, 404, 404, 200)),
    Row("reports:export_codings", POST, ETUDE, (200, 200, 200, 200, 404, 404, 404), {"format": "csv"}),
    Row("reports:export_matrix", GET, ETUDE, (200, 200, 200, 200, 404, 404, 404)),
    Row("reports:agreement_export", GET, ETUDE, (200, 200, 200, 200, 404, 404, 404)),
    # thematic reports (issue 11): every reader generates; a definition or a file is reached by members whose
    # sites cover all of its sites; a site outside the member's limits is an invalid choice (400, nothing saved)
    Row("reports:thematic_list", GET, ETUDE, (200, 200, 200, 200, 404, 404, 404)),
    Row("reports:thematic_list", GET, on(study="autre"), (404, 404, 404, 404, 404, 404, 200)),
    Row("reports:thematic_create", GET, ETUDE, (200, 200, 200, 200, 404, 404, 404)),
    Row("reports:thematic_create", POST, ETUDE, (302, 302, 302, 400, 404, 404, 404),
        THEMATIC_BODY | {"sites": Pk("site_a")}, note="site_a"),
    Row("reports:thematic_create", POST, ETUDE, (302, 302, 400, 302, 404, 404, 404),
        THEMATIC_BODY | {"sites": Pk("site_b")}, note="site_b"),
    Row("reports:thematic_create", POST, ETUDE, (302, 302, 400, 400, 404, 404, 404),
        THEMATIC_BODY | {"is_all_sites": "on"}, note="all_sites"),
    Row("reports:thematic_detail", GET, on(study="etude", pk="definition_a"), (200, 200, 200, 404, 404, 404, 404)),
    Row("reports:thematic_detail", GET, on(study="etude", pk="definition_b"), (200, 200, 404, 200, 404, 404, 404)),
    Row("reports:thematic_detail", GET, on(study="etude", pk="definition_all"), (200, 200, 404, 404, 404, 404, 404)),
    Row("reports:thematic_detail", GET, on(study="autre", pk="definition_autre"), (404, 404, 404, 404, 404, 404, 200)),
    Row("reports:thematic_edit", GET, on(study="etude", pk="definition_a"), (200, 200, 403, 404, 404, 404, 404)),
    Row("reports:thematic_edit", POST, on(study="etude", pk="definition_b"), (302, 302, 404, 403, 404, 404, 404),
        THEMATIC_BODY | {"sites": Pk("site_b")}),
    Row("reports:thematic_page", GET, on(study="etude", pk="definition_a"), (200, 200, 200, 404, 404, 404, 404)),
    Row("reports:thematic_page", GET, on(study="etude", pk="definition_b"), (200, 200, 404, 200, 404, 404, 404)),
    Row("reports:thematic_generate", GET, on(study="etude", pk="definition_a"), (405, 405, 405, 405, 405, 405, 405)),
    Row("reports:thematic_generate", POST, on(study="etude", pk="definition_a"), (302, 302, 302, 404, 404, 404, 404),
        {"format": "docx"}),
    Row("reports:thematic_generate", POST, on(study="etude", pk="definition_b"), (302, 302, 404, 302, 404, 404, 404),
        {"format": "docx"}),
    Row("reports:thematic_download", GET, on(study="etude", pk="report_a"), (200, 200, 200, 404, 404, 404, 404)),
    Row("reports:thematic_download", GET, on(study="etude", pk="report_b"), (200, 200, 404, 200, 404, 404, 404)),
    Row("reports:thematic_download", GET, on(study="etude", pk="report_all"), (200, 200, 404, 404, 404, 404, 404)),
    # interviews (site-scoped: coder reads site A, team_b reads site B)
    Row("interviews:interview_list", GET, ETUDE, (200, 200, 200, 200, 404, 404, 404)),
    Row("interviews:interview_create", GET, ETUDE, (200, 200, 403, 403, 404, 404, 404)),
    Row("interviews:interview_create", POST, ETUDE, (302, 302, 403, 403, 404, 404, 404), INTERVIEW_BODY),
    Row("interviews:interview_import", GET, ETUDE, (200, 200, 403, 403, 404, 404, 404)),
    Row("interviews:interview_import", POST, ETUDE, (302, 302, 403, 403, 404, 404, 404),
        {"site": Pk("site_a"), "kind": "individual", "files": Upload("entretien.txt", TRANSCRIPT)}),
    Row("interviews:transcript_search", GET, ETUDE, (200, 200, 200, 200, 404, 404, 404)),
    Row("interviews:interview_detail", GET, INTERVIEW_A, (200, 200, 200, 404, 404, 404, 404)),
    Row("interviews:interview_detail", GET, INTERVIEW_B, (200, 200, 404, 200, 404, 404, 404)),
    Row("interviews:interview_detail", GET, on(study="etude", pk="other_interview"),
        (404, 404, 404, 404, 404, 404, 404)),
    Row("interviews:interview_detail", GET, on(study="autre", pk="other_interview"),
        (404, 404, 404, 404, 404, 404, 200)),
    Row("interviews:interview_edit", GET, INTERVIEW_A, (200, 200, 403, 404, 404, 404, 404)),
    Row("interviews:interview_edit", GET, INTERVIEW_B, (200, 200, 404, 403, 404, 404, 404)),
    Row("interviews:interview_edit", POST, INTERVIEW_A, (302, 302, 403, 404, 404, 404, 404), INTERVIEW_BODY),
    Row("interviews:interview_status", GET, INTERVIEW_A, (405, 405, 405, 405, 405, 405, 405)),
    Row("interviews:interview_status", POST, INTERVIEW_A, (302, 302, 403, 404, 404, 404, 404), {"status": "ready"}),
    Row("interviews:interview_status", POST, INTERVIEW_B, (302, 302, 404, 403, 404, 404, 404), {"status": "ready"}),
    # interviews makes only the first version (blank_a has none); a later one is coding:transcript_upload's
    Row("interviews:transcript_upload", GET, on(study="etude", pk="blank_a"), (200, 200, 403, 404, 404, 404, 404)),
    Row("interviews:transcript_upload", POST, on(study="etude", pk="blank_a"), (302, 302, 403, 404, 404, 404, 404),
        {"file": Upload("v1.txt", TRANSCRIPT)}),
    Row("interviews:transcript_upload", GET, INTERVIEW_A, (302, 302, 403, 404, 404, 404, 404), note="to-coding"),
    Row("interviews:speaker_mapping", GET, INTERVIEW_A, (200, 200, 403, 404, 404, 404, 404)),
    Row("interviews:speaker_mapping", POST, INTERVIEW_A, (302, 302, 403, 404, 404, 404, 404),
        {"label_0": "interviewer", "label_1": ""}),
    Row("interviews:version_list", GET, INTERVIEW_A, (200, 200, 200, 404, 404, 404, 404)),
    Row("interviews:version_list", GET, INTERVIEW_B, (200, 200, 404, 200, 404, 404, 404)),
    Row("interviews:version_diff", GET, INTERVIEW_A, (200, 200, 200, 404, 404, 404, 404)),
    Row("interviews:version_detail", GET, on(study="etude", pk="interview_a", number="version_a"),
        (200, 200, 200, 404, 404, 404, 404)),
    Row("interviews:version_detail", GET, on(study="etude", pk="interview_a", number="missing_version"),
        (404, 404, 404, 404, 404, 404, 404)),
    Row("interviews:source_download", GET, on(study="etude", pk="interview_a", file_pk="source_a"),
        (200, 200, 200, 404, 404, 404, 404)),
    Row("interviews:source_download", GET, on(study="etude", pk="interview_b", file_pk="source_b"),
        (200, 200, 404, 200, 404, 404, 404)),
    Row("interviews:source_download", GET, on(study="etude", pk="interview_a", file_pk="source_b"),
        (404, 404, 404, 404, 404, 404, 404), note="another interview's file"),
    # coding: the codebook (study-wide: every reader reads it, researchers restructure it)
    Row("coding:codebook_detail", GET, ETUDE, (200, 200, 200, 200, 404, 404, 404)),
    Row("coding:codebook_detail", GET, on(study="autre"), (404, 404, 404, 404, 404, 404, 200)),
    Row("coding:codebook_export", GET, ETUDE, (200, 200, 200, 200, 404, 404, 404)),
    Row("coding:codebook_import", GET, ETUDE, (200, 200, 403, 403, 404, 404, 404)),
    Row("coding:codebook_import", POST, ETUDE, (302, 302, 403, 403, 404, 404, 404),
        {"file": Upload("codebook.csv", "path,colour\nImporté > Sous-code,#123456\n".encode())}),
    Row("coding:code_create", GET, ETUDE, (200, 200, 403, 403, 404, 404, 404)),
    Row("coding:code_create", POST, ETUDE, (302, 302, 403, 403, 404, 404, 404),
        {"name": "Nouveau", "colour": "#123456"}),
    Row("coding:code_detail", GET, CODE_ETUDE, (200, 200, 200, 200, 404, 404, 404)),
    Row("coding:code_detail", GET, on(study="etude", pk="code_autre"), (404, 404, 404, 404, 404, 404, 404)),
    Row("coding:code_detail", GET, on(study="autre", pk="code_autre"), (404, 404, 404, 404, 404, 404, 200)),
    Row("coding:code_edit", GET, CODE_ETUDE, (200, 200, 403, 403, 404, 404, 404)),
    Row("coding:code_edit", POST, CODE_ETUDE, (302, 302, 403, 403, 404, 404, 404),
        {"name": "Renommé", "colour": "#123456", "version": 1}),
    Row("coding:code_move", GET, CODE_ETUDE, (200, 200, 403, 403, 404, 404, 404)),
    Row("coding:code_move", POST, CODE_ETUDE, (302, 302, 403, 403, 404, 404, 404),
        {"parent": Pk("code_etude_2"), "version": 1}),
    Row("coding:code_shift", GET, CODE_ETUDE, (405, 405, 405, 405, 405, 405, 405)),
    Row("coding:code_shift", POST, CODE_ETUDE, (302, 302, 403, 403, 404, 404, 404), {"direction": "down"}),
    Row("coding:code_merge", GET, CODE_ETUDE, (200, 200, 403, 403, 404, 404, 404)),
    Row("coding:code_merge", POST, CODE_ETUDE, (302, 302, 403, 403, 404, 404, 404),
        {"into": Pk("code_etude_2"), "version": 1}),
    Row("coding:code_archive", GET, CODE_ETUDE, (405, 405, 405, 405, 405, 405, 405)),
    Row("coding:code_archive", POST, CODE_ETUDE, (302, 302, 403, 403, 404, 404, 404)),
    Row("coding:code_archive", POST, on(study="etude", pk="code_autre"), (404, 404, 404, 404, 404, 404, 404)),
    Row("coding:code_unarchive", GET, on(study="etude", pk="code_archived"), (405, 405, 405, 405, 405, 405, 405)),
    Row("coding:code_unarchive", POST, on(study="etude", pk="code_archived"), (302, 302, 403, 403, 404, 404, 404)),
    # coding: memos (memo_b is about interview B: site-limited members of site A do not see it)
    Row("coding:memo_list", GET, ETUDE, (200, 200, 200, 200, 404, 404, 404)),
    Row("coding:memo_create", GET, ETUDE, (200, 200, 200, 403, 404, 404, 404)),
    Row("coding:memo_create", POST, ETUDE, (302, 302, 302, 403, 404, 404, 404), {"kind": "analytic", "title": "Note"}),
    Row("coding:memo_detail", GET, on(study="etude", pk="memo_etude"), (200, 200, 200, 200, 404, 404, 404)),
    Row("coding:memo_detail", GET, on(study="etude", pk="memo_b"), (200, 200, 404, 200, 404, 404, 404)),
    Row("coding:memo_detail", GET, on(study="etude", pk="memo_autre"), (404, 404, 404, 404, 404, 404, 404)),
    Row("coding:memo_edit", GET, on(study="etude", pk="memo_etude"), (200, 200, 403, 403, 404, 404, 404)),
    Row("coding:memo_edit", GET, on(study="etude", pk="memo_b"), (200, 200, 404, 403, 404, 404, 404)),
    Row("coding:memo_edit", POST, on(study="etude", pk="memo_etude"), (302, 302, 403, 403, 404, 404, 404),
        {"kind": "theoretical", "title": "Note revue", "body": "", "version": 1}),
    # coding: transcript edits carry excerpts; the excerpts left to review are re-placed by researchers
    Row("coding:transcript_edit", GET, INTERVIEW_A, (200, 200, 403, 404, 404, 404, 404)),
    Row("coding:transcript_edit", GET, INTERVIEW_B, (200, 200, 404, 403, 404, 404, 404)),
    Row("coding:transcript_edit", POST, INTERVIEW_A, (302, 302, 403, 404, 404, 404, 404),
        {"text": "I : Bonjour.\nR : Texte corrigé.", "note": ""}),
    Row("coding:transcript_upload", GET, INTERVIEW_A, (200, 200, 403, 404, 404, 404, 404)),
    Row("coding:transcript_upload", GET, INTERVIEW_B, (200, 200, 404, 403, 404, 404, 404)),
    Row("coding:transcript_upload", POST, INTERVIEW_A, (302, 302, 403, 404, 404, 404, 404),
        {"file": Upload("v2.txt", TRANSCRIPT + b"\nI : Merci.")}),
    Row("coding:excerpt_review_list", GET, ETUDE, (200, 200, 200, 200, 404, 404, 404)),
    Row("coding:excerpt_review", GET, on(study="etude", pk="review_a"), (200, 200, 403, 404, 404, 404, 404)),
    Row("coding:excerpt_review", GET, on(study="etude", pk="review_b"), (200, 200, 404, 403, 404, 404, 404)),
    Row("coding:excerpt_review", POST, on(study="etude", pk="review_a"), (302, 302, 403, 404, 404, 404, 404),
        {"start": 0, "end": 3}),
    Row("coding:excerpt_review_discard", GET, on(study="etude", pk="review_a"), (405, 405, 405, 405, 405, 405, 405)),
    Row("coding:excerpt_review_discard", POST, on(study="etude", pk="review_a"), (302, 302, 403, 404, 404, 404, 404)),
    Row("coding:excerpt_review_discard", POST, on(study="etude", pk="review_b"), (302, 302, 404, 403, 404, 404, 404)),
    # coding: the workspace and its JSON (site-scoped like its interview: team members read, coders code,
    # researchers and admins also create codes in vivo; a coder removes or moves only their own codings)
    Row("coding:workspace", GET, INTERVIEW_A, (200, 200, 200, 404, 404, 404, 404)),
    Row("coding:workspace", GET, INTERVIEW_B, (200, 200, 404, 200, 404, 404, 404)),
    Row("coding:workspace", GET, on(study="etude", pk="other_interview"), (404, 404, 404, 404, 404, 404, 404)),
    Row("coding:workspace_codings", GET, INTERVIEW_A, (200, 200, 200, 404, 404, 404, 404)),
    Row("coding:workspace_codings", GET, INTERVIEW_B, (200, 200, 404, 200, 404, 404, 404)),
    Row("coding:workspace_excerpt_create", GET, INTERVIEW_A, (405, 405, 405, 405, 405, 405, 405)),
    Row("coding:workspace_excerpt_create", POST, INTERVIEW_A, (201, 201, 201, 404, 404, 404, 404),
        {"start": 2, "end": 9, "code_ids": [Pk("code_etude")]}, json_write=True),
    Row("coding:workspace_excerpt_create", POST, INTERVIEW_B, (201, 201, 404, 403, 404, 404, 404),
        {"start": 2, "end": 9, "code_ids": [Pk("code_etude")]}, json_write=True),
    Row("coding:workspace_coding_remove", POST, on(study="etude", pk="interview_a", coding_pk="ws_coding_a"),
        (200, 200, 200, 404, 404, 404, 404), json_write=True),
    Row("coding:workspace_coding_remove", POST, on(study="etude", pk="interview_b", coding_pk="ws_coding_b"),
        (200, 200, 404, 403, 404, 404, 404), json_write=True),
    Row("coding:workspace_coding_remove", POST, on(study="etude", pk="interview_a", coding_pk="ws_coding_b"),
        (404, 404, 404, 404, 404, 404, 404), note="another interview's coding"),
    Row("coding:workspace_excerpt_extent", POST, on(study="etude", pk="interview_a", excerpt_pk="ws_excerpt_a"),
        (200, 200, 200, 404, 404, 404, 404), {"start": 1, "end": 6}, json_write=True),
    Row("coding:workspace_excerpt_extent", POST, on(study="etude", pk="interview_b", excerpt_pk="ws_excerpt_b"),
        (200, 200, 404, 403, 404, 404, 404), {"start": 1, "end": 6}, json_write=True),
    Row("coding:workspace_code_create", POST, INTERVIEW_A, (201, 201, 403, 404, 404, 404, 404), {"name": "En vivo"},
        json_write=True),
    Row("coding:workspace_code_create", POST, INTERVIEW_B, (201, 201, 404, 403, 404, 404, 404), {"name": "En vivo"},
        json_write=True),
    # double coding (issue 8): double_a is coded blind by the coder and coder_2 (an open assignment), closed_a was
    # double-coded by them and closed. Blind means: the coder reaches nothing of coder_2's work on double_a (404),
    # as if it did not exist; see also test_blind_coder_sees_nothing_of_the_other_coders_work below.
    Row("coding:assignment_list", GET, ETUDE, (200, 200, 200, 200, 404, 404, 404)),
    Row("coding:assignment_create", GET, ETUDE, (200, 200, 403, 403, 404, 404, 404)),
    Row("coding:assignment_create", POST, ETUDE, (302, 302, 403, 403, 404, 404, 404),
        {"title": "Vague 2", "coders": [Pk("coder"), Pk("coder_2")], "interviews": [Pk("interview_a")]}),
    Row("coding:assignment_done", GET, on(study="etude", pk="open_assignment"), (405, 405, 405, 405, 405, 405, 405)),
    Row("coding:assignment_done", POST, on(study="etude", pk="open_assignment"), (403, 403, 302, 403, 404, 404, 404)),
    Row("coding:assignment_close", GET, on(study="etude", pk="open_assignment"), (405, 405, 405, 405, 405, 405, 405)),
    Row("coding:assignment_close", POST, on(study="etude", pk="open_assignment"),
        (302, 302, 403, 403, 404, 404, 404)),
    Row("coding:agreement_matrix", GET, ETUDE, (200, 200, 200, 200, 404, 404, 404)),
    Row("coding:agreement_interview", GET, on(study="etude", pk="closed_a"), (200, 200, 200, 404, 404, 404, 404)),
    Row("coding:agreement_interview", GET, on(study="etude", pk="double_a"), (200, 200, 404, 404, 404, 404, 404),
        note="blind"),
    Row("coding:agreement_adjudicate", POST, on(study="etude", pk="closed_a"), (302, 302, 403, 404, 404, 404, 404),
        {"code": Pk("code_etude"), "start": 0, "end": 8, "decision": "union"}),
    Row("coding:agreement_adjudicate", POST, on(study="etude", pk="double_a"), (302, 302, 404, 404, 404, 404, 404),
        {"code": Pk("code_etude"), "start": 0, "end": 8, "decision": "union"}, note="blind"),
    Row("coding:agreement_accept", POST, on(study="etude", pk="closed_a"), (302, 302, 403, 404, 404, 404, 404)),
    Row("coding:workspace", GET, on(study="etude", pk="double_a"), (200, 200, 200, 404, 404, 404, 404), note="blind"),
    Row("coding:workspace_codings", GET, on(study="etude", pk="double_a"), (200, 200, 200, 404, 404, 404, 404),
        note="blind"),
    Row("coding:workspace_coding_remove", POST, on(study="etude", pk="double_a", coding_pk="blind_coding"),
        (200, 200, 404, 404, 404, 404, 404), json_write=True, note="blind"),
    Row("coding:workspace_excerpt_extent", POST, on(study="etude", pk="double_a", excerpt_pk="blind_excerpt"),
        (200, 200, 404, 404, 404, 404, 404), {"start": 1, "end": 6}, json_write=True, note="blind"),
    # REFI-QDA exchange: exports for admins, researchers and team (not coders); imports for admins and researchers
    Row("reports:refi_exchange", GET, ETUDE, (200, 200, 403, 200, 404, 404, 404)),
    Row("reports:refi_exchange", GET, on(study="autre"), (404, 404, 404, 404, 404, 404, 200)),
    Row("reports:refi_codebook_export", GET, ETUDE, (200, 200, 403, 200, 404, 404, 404)),
    Row("reports:refi_project_export", GET, ETUDE, (405, 405, 405, 405, 405, 405, 405)),
    Row("reports:refi_project_export", POST, ETUDE, (302, 302, 403, 302, 404, 404, 404)),
    Row("reports:refi_import", GET, ETUDE, (405, 405, 405, 405, 405, 405, 405)),
    Row("reports:refi_import", POST, ETUDE, (302, 302, 403, 403, 404, 404, 404),
        {"file": Upload("codes.qdc", REFI_CODEBOOK), "site": Pk("site_a")}),
    # privacy (issue 9): masking identifying spans (researchers of the site), withdrawal of consent (admins)
    Row("interviews:redaction_list", GET, on(study="etude", pk="redacted_a"), (200, 200, 403, 404, 404, 404, 404)),
    Row("interviews:redaction_list", GET, on(study="etude", pk="redacted_b"), (200, 200, 404, 403, 404, 404, 404)),
    Row("interviews:redaction_list", GET, on(study="etude", pk="other_interview"),
        (404, 404, 404, 404, 404, 404, 404)),
    Row("interviews:redaction_list", POST, on(study="etude", pk="redacted_a"), (302, 302, 403, 404, 404, 404, 404),
        {"phrase": "Bonjour"}),
    Row("interviews:redaction_remove", GET, on(study="etude", pk="redacted_a", redaction_pk="redaction_a"),
        (405, 405, 405, 405, 405, 405, 405)),
    Row("interviews:redaction_remove", POST, on(study="etude", pk="redacted_a", redaction_pk="redaction_a"),
        (302, 302, 403, 404, 404, 404, 404)),
    Row("interviews:redaction_remove", POST, on(study="etude", pk="redacted_a", redaction_pk="redaction_b"),
        (404, 404, 403, 404, 404, 404, 404), note="another interview's redaction"),
    Row("interviews:source_download", GET, on(study="etude", pk="redacted_a", file_pk="redacted_source_a"),
        (200, 403, 403, 404, 404, 404, 404), note="masked"),
    Row("coding:participant_withdraw", GET, on(study="etude", code="participant_a"),
        (200, 403, 403, 404, 404, 404, 404)),
    Row("coding:participant_withdraw", GET, on(study="etude", code="participant_b"),
        (200, 403, 404, 403, 404, 404, 404)),
    Row("coding:participant_withdraw", GET, on(study="etude", code="other_participant"),
        (404, 404, 404, 404, 404, 404, 404)),
    Row("coding:participant_withdraw", POST, on(study="etude", code="participant_a"),
        (302, 403, 403, 404, 404, 404, 404), {"confirm": "R-MTL1-01"}),
    # ids of other studies' (or other sites') objects given in a body or a query: never reached, nothing stored
    Row("coding:workspace_excerpt_create", POST, INTERVIEW_A, (400, 400, 400, 404, 404, 404, 404),
        {"start": 2, "end": 9, "code_ids": [Pk("code_autre")]}, note="foreign code", json_write=True),
    Row("coding:code_move", POST, CODE_ETUDE, (400, 400, 403, 403, 404, 404, 404),
        {"parent": Pk("code_autre"), "version": 1}, note="foreign parent"),
    Row("coding:code_merge", POST, CODE_ETUDE, (400, 400, 403, 403, 404, 404, 404),
        {"into": Pk("code_autre"), "version": 1}, note="foreign code"),
    Row("coding:memo_create", POST, ETUDE, (404, 404, 404, 403, 404, 404, 404), {"kind": "analytic", "title": "Note"},
        query={"excerpt": Pk("ws_excerpt_other")}, note="foreign excerpt"),
    Row("coding:memo_create", POST, ETUDE, (302, 302, 404, 403, 404, 404, 404), {"kind": "analytic", "title": "Note"},
        query={"excerpt": Pk("ws_excerpt_b")}, note="site_b excerpt"),
    Row("coding:memo_create", GET, ETUDE, (404, 404, 404, 403, 404, 404, 404),
        query={"interview": Pk("other_interview")}, note="foreign interview"),
    Row("interviews:interview_create", POST, ETUDE, (400, 400, 403, 403, 404, 404, 404),
        {**INTERVIEW_BODY, "site": Pk("other_site")}, note="foreign site"),
    Row("interviews:interview_edit", POST, INTERVIEW_A, (400, 400, 403, 404, 404, 404, 404),
        {**INTERVIEW_BODY, "participants-TOTAL_FORMS": "1", "participants-0-participant": Pk("other_participant"),
         "participants-0-speaker_label": "R"}, note="foreign participant"),
    Row("interviews:speaker_mapping", POST, INTERVIEW_A, (400, 400, 403, 404, 404, 404, 404),
        {"label_0": "interviewer", "label_1": [Pk("other_participant")]}, note="foreign participant"),
    Row("sites:participant_create", POST, ETUDE, (400, 400, 403, 403, 404, 404, 404),
        {**PARTICIPANT_BODY, "site": Pk("other_site")}, note="foreign site"),
    Row("sites:estate_create", POST, ETUDE, (400, 400, 403, 403, 404, 404, 404),
        {"site": Pk("other_site"), "name": "Ensemble neuf", "clientele": "families"}, note="foreign site"),
    Row("sites:member_edit", POST, on(study="etude", pk="member"), (400, 403, 403, 403, 404, 404, 404),
        {"role": Role.CODER, "sites": [Pk("other_site")]}, note="foreign site"),
    Row("reports:refi_import", POST, ETUDE, (400, 400, 403, 403, 404, 404, 404),
        {"file": Upload("codes.qdc", REFI_CODEBOOK), "site": Pk("other_site")}, note="foreign site"),
    Row("reports:export_codings", POST, ETUDE, (400, 400, 400, 400, 404, 404, 404), {"format": "csv"},
        query={"site": Pk("other_site")}, note="foreign site"),
    Row("reports:export_codings", POST, ETUDE, (200, 200, 400, 200, 404, 404, 404), {"format": "csv"},
        query={"site": Pk("site_b")}, note="site_b"),
    Row("reports:export_codings", POST, ETUDE, (400, 400, 400, 400, 404, 404, 404), {"format": "csv"},
        query={"code": Pk("code_autre")}, note="foreign code"),
    Row("reports:retrieval", GET, ETUDE, (400, 400, 400, 400, 404, 404, 404), query={"site": Pk("other_site")},
        note="foreign site"),
    Row("reports:retrieval", GET, ETUDE, (400, 400, 400, 400, 404, 404, 404), query={"code": Pk("code_autre")},
        note="foreign code"),
    # synthesis sheets (issue 6): the team writes and reviews them; partners read published ones on the portal
    Row("reports:sheet_list", GET, ETUDE, (200, 200, 200, 200, 404, 404, 404)),
    Row("reports:sheet_list", GET, on(study="autre"), (404, 404, 404, 404, 404, 404, 200)),
    Row("reports:sheet_create", GET, ETUDE, (200, 200, 403, 403, 404, 404, 404)),
    Row("reports:sheet_create", POST, ETUDE, (302, 302, 403, 403, 404, 404, 404),
        {"site": "", "title": "Nouvelle fiche", "kind_label": "Fiche", "date": "2022-03-01"}),
    Row("reports:sheet_detail", GET, SHEET_A, (200, 200, 200, 404, 404, 404, 404)),
    Row("reports:sheet_detail", GET, SHEET_B, (200, 200, 404, 200, 404, 404, 404)),
    # a transversal draft quotes every site: members limited to some sites reach it once published only
    Row("reports:sheet_detail", GET, DRAFT_T, (200, 200, 404, 404, 404, 404, 404)),
    Row("reports:sheet_detail", GET, SHEET_T, (200, 200, 200, 200, 404, 404, 404)),
    Row("reports:sheet_detail", GET, on(study="etude", pk="other_sheet"), (404, 404, 404, 404, 404, 404, 404)),
    Row("reports:sheet_detail", GET, on(study="autre", pk="other_sheet"), (404, 404, 404, 404, 404, 404, 200)),
    Row("reports:sheet_edit", GET, SHEET_A, (200, 200, 403, 403, 404, 404, 404)),
    Row("reports:sheet_edit", GET, SHEET_B, (200, 200, 403, 403, 404, 404, 404)),
    Row("reports:sheet_edit", POST, DRAFT_T, (302, 302, 403, 403, 404, 404, 404),
        {"title": "Titre revu", "kind_label": "Fiche", "date": "2022-04-01", "authors-TOTAL_FORMS": "0",
         "authors-INITIAL_FORMS": "0"}),
    Row("reports:sheet_status", POST, DRAFT_T, (302, 302, 403, 403, 404, 404, 404), {"status": "draft"}),
    Row("reports:sheet_proof", POST, DRAFT_T, (302, 302, 403, 403, 404, 404, 404)),
    Row("reports:sheet_proof", GET, DRAFT_T, (405, 405, 405, 405, 405, 405, 405)),
    Row("reports:sheet_publish", POST, DRAFT_T, (302, 302, 403, 403, 404, 404, 404)),
    Row("reports:sheet_withdraw", POST, SHEET_T, (302, 302, 403, 403, 404, 404, 404)),
    Row("reports:version_pdf", GET, on(study="etude", pk="sheet_a", number="version_a1"),
        (200, 200, 200, 404, 404, 404, 404)),
    Row("reports:version_pdf", GET, on(study="etude", pk="sheet_b", number="version_b1"),
        (200, 200, 404, 200, 404, 404, 404)),
    Row("reports:section_create", POST, DRAFT_T, (302, 302, 403, 403, 404, 404, 404)),
    Row("reports:section_edit", GET, DRAFT_SECTION, (200, 200, 403, 403, 404, 404, 404)),
    Row("reports:section_edit", POST, DRAFT_SECTION, (302, 302, 403, 403, 404, 404, 404),
        {"heading": "Objectifs", "kind": "text", "body": "Texte revu."}),
    Row("reports:section_move", POST, DRAFT_SECTION, (302, 302, 403, 403, 404, 404, 404), {"direction": "down"}),
    Row("reports:section_delete", POST, DRAFT_SECTION, (302, 302, 403, 403, 404, 404, 404)),
    Row("reports:section_comment", POST, DRAFT_SECTION, (302, 302, 404, 404, 404, 404, 404), {"body": "À revoir."}),
    Row("reports:section_comment", POST, on(study="etude", pk="sheet_b", section_pk="section_b"),
        (302, 302, 404, 302, 404, 404, 404), {"body": "Fermé ?"}, note="published"),
    Row("reports:evidence_picker", GET, DRAFT_T, (200, 200, 403, 403, 404, 404, 404)),
    Row("reports:evidence_add", POST, DRAFT_T, (302, 302, 403, 403, 404, 404, 404),
        {"kind": "count", "measure": "sites"}),
    Row("reports:evidence_resolve", POST, on(study="etude", pk="draft_t", number="evidence_t1"),
        (302, 302, 403, 403, 404, 404, 404), {"action": "remove"}),
    Row("reports:glossary_list", GET, ETUDE, (200, 200, 200, 200, 404, 404, 404)),
    Row("reports:glossary_list", POST, ETUDE, (302, 302, 403, 403, 404, 404, 404),
        {"term": "OMHQ", "definition": "Office municipal d'habitation de Québec"}),
    Row("reports:glossary_term_edit", GET, on(study="etude", pk="term"), (200, 200, 403, 403, 404, 404, 404)),
    Row("reports:glossary_term_edit", GET, on(study="etude", pk="other_term"), (404, 404, 403, 403, 404, 404, 404)),
    Row("reports:glossary_term_edit", POST, on(study="etude", pk="term"), (302, 302, 403, 403, 404, 404, 404),
        {"term": "HLM", "definition": "Habitations à loyer modique."}),
    Row("reports:glossary_term_delete", POST, on(study="etude", pk="term"), (302, 302, 403, 403, 404, 404, 404)),
    Row("reports:portal_sheet", GET, on(pk="sheet_a"), (200, 200, 200, 404, 200, 404, 404)),
    Row("reports:portal_sheet", GET, on(pk="sheet_b"), (200, 200, 404, 200, 404, 404, 404)),
    Row("reports:portal_sheet", GET, on(pk="sheet_t"), (200, 200, 200, 200, 200, 404, 404)),
    Row("reports:portal_sheet", GET, on(pk="draft_t"), (404, 404, 404, 404, 404, 404, 404)),
    Row("reports:portal_sheet", GET, on(pk="withdrawn_a"), (404, 404, 404, 404, 404, 404, 404)),
    Row("reports:portal_sheet", GET, on(pk="other_sheet"), (404, 404, 404, 404, 404, 404, 200)),
    Row("reports:portal_sheet_pdf", GET, on(pk="sheet_a"), (200, 200, 200, 404, 200, 404, 404)),
    Row("reports:portal_sheet_pdf", GET, on(pk="sheet_b"), (200, 200, 404, 200, 404, 404, 404)),
    Row("reports:portal_sheet_pdf", GET, on(pk="sheet_t"), (200, 200, 200, 200, 200, 404, 404)),
    Row("reports:portal_sheet_pdf", GET, on(pk="draft_t"), (404, 404, 404, 404, 404, 404, 404)),
    Row("reports:portal_sheet_pdf", GET, on(pk="withdrawn_a"), (404, 404, 404, 404, 404, 404, 404)),
]
# fmt: on

URL_FIELDS = {
    "study": "slug",
    "code": "code",
    "pk": "pk",
    "number": "number",
    "file_pk": "pk",
    "coding_pk": "pk",
    "excerpt_pk": "pk",
    "redaction_pk": "pk",
    "section_pk": "pk",
}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """The personas and one object of each kind per site and per study, named as the table names them.

    Built once for the module inside a transaction of its own, rolled back at the end; each test runs in a
    savepoint within it (pytest-django's `db`), so what a test writes is gone before the next one.
    """
    cheap = override_settings(
        MEDIA_ROOT=tmp_path_factory.mktemp("matrix-media"),
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    )
    with django_db_blocker.unblock(), cheap:
        outer = transaction.atomic()
        outer._from_testcase = True  # the services' durable transactions nest in it, as in a TestCase
        outer.__enter__()
        try:
            yield _build_world()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def _in_a_savepoint(world, db):
    """Every test of the module: the shared world, and a savepoint rolled back after the test."""


def _build_world():
    study = factory.make_study()
    site_a = factory.make_site(study, "MTL1", name="Milieu Rivière", city="Montréal")
    site_b = factory.make_site(study, "QC1", name="Milieu Colline", city="Québec")
    other_study = factory.make_study(slug="autre", title="Autre étude")
    other_site = factory.make_site(other_study, "MTL9", name="Milieu ailleurs")

    def persona(email, in_study, role, sites=()):
        user = factory.make_user(email)
        factory.make_membership(user, in_study, role, sites)
        return user

    admin = persona("admin@example.test", study, Role.ADMIN)
    researcher = persona("researcher@example.test", study, Role.RESEARCHER)
    coder = persona("coder@example.test", study, Role.CODER, [site_a])
    team_b = persona("team.b@example.test", study, Role.TEAM, [site_b])
    partner = persona("partner@example.test", study, Role.PARTNER, [site_a])
    outsider = factory.make_user("outsider@example.test")
    other_admin = persona("other.admin@example.test", other_study, Role.ADMIN)
    participant_a = factory.make_participant(study, site_a, "R-MTL1-01")
    participant_b = factory.make_participant(study, site_b, "R-QC1-01")
    other_participant = factory.make_participant(other_study, other_site, "R-MTL9-01")
    member = factory.make_membership(factory.make_user("member@example.test"), study, Role.TEAM, [site_a])
    ParticipantIdentity.objects.create(participant=participant_a, full_name="Nom Fictif")
    job = Job.objects.create(kind="export_participants", owner=researcher, study=study, status=Job.Status.SUCCEEDED)
    jobs.attach_file(job, "participants.csv", ContentFile(b"code\r\nR-MTL1-01\r\n"))
    interviews = _interview_objects(study, site_a, site_b, other_study, other_site, participant_a, participant_b)
    made = SimpleNamespace(
        etude=study,
        autre=other_study,
        site_a=site_a,
        site_b=site_b,
        other_site=other_site,
        estate_a=factory.make_estate(site_a),
        estate_b=factory.make_estate(site_b),
        other_estate=factory.make_estate(other_site),
        organization=factory.make_organization(study),
        other_organization=factory.make_organization(other_study),
        attribute=AttributeDefinition.objects.create(study=study, key="age_group", label="Age group"),
        other_attribute=AttributeDefinition.objects.create(study=other_study, key="age_group", label="Age group"),
        participant_a=participant_a,
        participant_b=participant_b,
        other_participant=other_participant,
        member=member,
        other_member=Membership.objects.get(user=other_admin),
        job=job,
        **interviews,
        **_codebook_objects(study, other_study, researcher, interviews),
        **_workspace_objects(interviews, coder, researcher),
        **_privacy_objects(interviews, researcher),
        **_sheet_objects(study, other_study, site_a, site_b, researcher),
        **_thematic_objects(study, other_study, site_a, site_b, other_site, researcher, other_admin),
        admin=admin,
        researcher=researcher,
        coder=coder,
        team_b=team_b,
        partner=partner,
        outsider=outsider,
        other_admin=other_admin,
    )
    made.__dict__.update(_double_coding_objects(made))
    return made


def _double_coding_objects(world):
    """A second coder of site A; double_a coded blind by both (open assignment), closed_a double-coded and closed.

    On both, the coder codes code_etude on 0–5 and coder_2 on 2–8 (one disagreement, 0–8); on closed_a both code
    code_etude_2 on 10–15 (an agreement).
    """
    from coding import services as coding

    coder_2 = factory.make_user("coder.2@example.test", first_name="Zéphirine", last_name="Aveugle")
    factory.make_membership(coder_2, world.etude, Role.CODER, [world.site_a])
    made = {"coder_2": coder_2}
    for name in ("double_a", "closed_a"):
        interview = factory.make_interview(world.etude, world.site_a, name, text=TRANSCRIPT.decode())
        assignment = coding.create_assignment(
            world.etude, title=name, interviews=[interview], coders=[world.coder, coder_2], by=world.researcher
        )
        factory.make_excerpt(interview, 0, 5, codes=[world.code_etude], coder=world.coder)
        theirs = factory.make_excerpt(interview, 2, 8, codes=[world.code_etude], coder=coder_2)
        made[name] = interview
        if name == "double_a":
            made.update(open_assignment=assignment, blind_excerpt=theirs, blind_coding=theirs.codings.get())
        else:
            for user in (world.coder, coder_2):
                factory.make_excerpt(interview, 10, 15, codes=[world.code_etude_2], coder=user)
            coding.close_assignment(assignment, by=world.researcher)
    return made


def _codebook_objects(study, other_study, researcher, interviews):
    """Codes of each study, memos, and an excerpt per site waiting for review (as a new version leaves them)."""
    from coding import services as coding
    from coding.models import Excerpt

    code = factory.make_code(study, "Réseau")
    made = {
        "code_etude": code,
        "code_etude_2": factory.make_code(study, "Lieux"),
        "code_archived": coding.archive_code(factory.make_code(study, "Ancien"), by=None),
        "code_autre": factory.make_code(other_study, "Ailleurs"),
        "memo_etude": coding.create_memo(study, author=researcher, kind="analytic", title="Plan"),
        "memo_b": coding.create_memo(
            study, author=researcher, kind="analytic", title="Sur B", anchor=interviews["interview_b"]
        ),
        "memo_autre": coding.create_memo(other_study, author=None, kind="analytic", title="Autre"),
    }
    for name in ("a", "b"):
        excerpt = factory.make_excerpt(interviews[f"interview_{name}"], 0, 5, codes=[code], coder=researcher)
        waiting = {"needs_review": True, "original_quote": excerpt.quote, "review_reason": "changed"}
        Excerpt.objects.filter(pk=excerpt.pk).update(**waiting)
        made[f"review_{name}"] = excerpt
    return made


def _thematic_objects(study, other_study, site_a, site_b, other_site, researcher, other_admin):
    """A report definition per site, one for all sites and one in the other study; a generated file of each."""
    from reports.models import ReportDefinition, ThematicReport

    made = {}
    for name, definition_study, sites, author in (
        ("a", study, [site_a], researcher),
        ("b", study, [site_b], researcher),
        ("all", study, [], researcher),
        ("autre", other_study, [other_site], other_admin),
    ):
        definition = ReportDefinition.objects.create(
            study=definition_study, title=f"Rapport {name}", is_all_sites=not sites, created_by=author
        )
        definition.sites.set(sites)
        report = ThematicReport(definition=definition, study=definition_study, format="pdf", created_by=author)
        report.file.save(f"rapport-{name}.pdf", ContentFile(b"%PDF-1.7 fictif"), save=False)
        report.save()
        report.sites.set(sites or [site_a, site_b])
        made[f"definition_{name}"], made[f"report_{name}"] = definition, report
    return made


def _sheet_objects(study, other_study, site_a, site_b, researcher):
    """Published sheets of site A, site B, transversal and of the other study; one withdrawn; one in review.

    Their versions carry a stand-in PDF: printing real ones for every row would only make the table slow."""
    import datetime

    from django.utils import timezone

    from reports import services as sheets
    from reports.models import GlossaryTerm, SheetVersion, SynthesisSheet

    def sheet(owner, site, name, status):
        made = sheets.create_sheet(owner, site=site, title=name, kind_label="Fiche", date=datetime.date(2022, 3, 1),
                                   by=researcher)  # fmt: skip
        if status == SynthesisSheet.Status.REVIEW:
            sheets.set_status(made, status)
        elif status != SynthesisSheet.Status.DRAFT:
            version = SheetVersion(sheet=made, number=1, title=name, html="<p>fiche</p>", sha256="0" * 64,
                                   published_at=timezone.now())  # fmt: skip
            version.pdf.save(f"{name}.pdf", ContentFile(b"%PDF-1.7 stand-in"), save=False)
            version.withdrawn_at = version.published_at if status == SynthesisSheet.Status.WITHDRAWN else None
            version.save()
            SynthesisSheet.objects.filter(pk=made.pk).update(status=status)
        return made

    published, withdrawn, review = "published", "withdrawn", "review"
    made = {
        "sheet_a": sheet(study, site_a, "fiche-a", published),
        "sheet_b": sheet(study, site_b, "fiche-b", published),
        "sheet_t": sheet(study, None, "fiche-t", published),
        "withdrawn_a": sheet(study, site_a, "fiche-retiree", withdrawn),
        "draft_t": sheet(study, None, "brouillon", review),  # a sheet in review, ready to publish
        "other_sheet": sheet(other_study, None, "ailleurs", published),
        "term": GlossaryTerm.objects.create(study=study, term="HLM", definition="Habitations à loyer modique"),
        "other_term": GlossaryTerm.objects.create(study=other_study, term="OMH", definition="Office"),
    }
    made["version_a1"] = made["sheet_a"].versions.get()
    made["version_b1"] = made["sheet_b"].versions.get()
    made["section_t"] = made["draft_t"].sections.order_by("order").first()
    made["section_b"] = made["sheet_b"].sections.order_by("order").first()
    made["evidence_t1"] = sheets.add_count(made["draft_t"], measure="sites", by=researcher, user=researcher)
    return made


def _workspace_objects(interviews, coder, researcher):
    """A coding per site, placed in the current version: site A's by the coder, site B's by the researcher."""
    code = factory.make_code(interviews["interview_a"].study, "Espace de travail")
    a = factory.make_excerpt(interviews["interview_a"], 4, 11, codes=[code], coder=coder)
    b = factory.make_excerpt(interviews["interview_b"], 4, 11, codes=[code], coder=researcher)
    other_code = factory.make_code(interviews["other_interview"].study)
    other = factory.make_excerpt(interviews["other_interview"], 4, 11, codes=[other_code], coder=coder)
    return {
        "ws_excerpt_a": a,
        "ws_coding_a": a.codings.get(),
        "ws_excerpt_b": b,
        "ws_coding_b": b.codings.get(),
        "ws_excerpt_other": other,
    }


def _interview_objects(study, site_a, site_b, other_study, other_site, participant_a, participant_b):
    """An interview per site and one in the other study, each with a transcript uploaded as a file; one without."""
    from interviews import services
    from interviews.models import SourceFile

    made = {}
    for name, site_study, site, participant in (
        ("interview_a", study, site_a, participant_a),
        ("interview_b", study, site_b, participant_b),
        ("other_interview", other_study, other_site, None),
    ):
        interview = factory.make_interview(
            site_study, site, name, participants=[(participant, "R")] if participant else [], interviewer_label="I"
        )
        data = TRANSCRIPT + f"\nR : {MARKERS[name]}.".encode()
        services.import_transcript(interview, name=f"{name}.txt", data=data, author=None)
        made[name] = interview
    made["blank_a"] = factory.make_interview(study, site_a, "blank_a")  # no transcript yet
    made["version_a"] = made["interview_a"].current_version
    made["missing_version"] = SimpleNamespace(number=99)
    made["source_a"] = SourceFile.objects.get(interview=made["interview_a"])
    made["source_b"] = SourceFile.objects.get(interview=made["interview_b"])
    return made


def _privacy_objects(interviews, researcher):
    """An interview per site with a span masked (so its original is for admins only) and the redaction."""
    from interviews import services
    from interviews.models import SourceFile

    made = {}
    for name in ("a", "b"):
        source = interviews[f"interview_{name}"]
        interview = factory.make_interview(
            source.study, source.site, f"redacted_{name}", participants=[(source.participants.get(), "R")]
        )
        services.import_transcript(interview, name=f"redacted_{name}.txt", data=TRANSCRIPT, author=None)
        interview.refresh_from_db()
        made[f"redacted_{name}"] = interview
        made[f"redacted_source_{name}"] = SourceFile.objects.get(interview=interview)
        made[f"redaction_{name}"] = services.mark_redaction(interview.current_version, start=4, end=11, by=researcher)
    return made


def _url(row, world):
    kwargs = {name: getattr(getattr(world, ref), URL_FIELDS[name]) for name, ref in row.kwargs.items()}
    url = reverse(row.name, kwargs=kwargs)
    if row.query:
        url += "?" + urlencode({key: _value(item, world) for key, item in row.query.items()}, doseq=True)
    return url


def _value(item, world):
    if isinstance(item, Pk):
        return getattr(world, item.ref).pk
    if isinstance(item, Upload):
        return SimpleUploadedFile(item.name, item.content)
    if isinstance(item, list):
        return [_value(i, world) for i in item]
    return item


def _body(row, world):
    return {key: _value(item, world) for key, item in row.body.items()}


def _send(client, row, world):
    url = _url(row, world)
    response = client.post(url, _body(row, world)) if row.method == POST else client.get(url)
    if response.streaming:
        # reading to the end closes the file; response.close() would also close the test's database connection
        b"".join(response.streaming_content)
    return response


def _snapshot():
    """Every row of every model of our apps and of users: a refused write must leave it all as it was."""
    models = [get_user_model()]
    for label in sorted(NAMESPACES):
        models += apps.get_app_config(label).get_models(include_auto_created=True)
    # The access log records reads, which a re-rendered refused form is too; the change history stays in.
    models.remove(AccessEvent)
    return {model._meta.label: list(model.objects.order_by("pk").values()) for model in models}


def _routed_names(patterns, namespace="", prefix=""):
    """(namespaced name, full route) of every URL pattern outside the excluded namespaces and modules."""
    for entry in patterns:
        if isinstance(entry, URLResolver):
            module = getattr(entry.urlconf_module, "__name__", None)
            if entry.namespace in EXCLUDED or module in EXCLUDED:
                continue
            inner = ":".join(part for part in (namespace, entry.namespace) if part)
            yield from _routed_names(entry.url_patterns, inner, prefix + str(entry.pattern))
        else:
            yield (f"{namespace}:{entry.name}" if namespace else str(entry.name)), prefix + str(entry.pattern)


def test_every_url_pattern_has_a_row():
    routed = dict(_routed_names(get_resolver().url_patterns))
    missing = sorted(f"{name} ({route})" for name, route in routed.items() if name not in {r.name for r in MATRIX})
    assert not missing, "add rows to MATRIX in tests/test_access_matrix.py for: " + ", ".join(missing)


def test_no_url_pattern_hides_another():
    """Two patterns with the same route: only the first is ever reached, so the other's view is dead."""
    seen = {}
    for name, route in _routed_names(get_resolver().url_patterns):
        shape = re.sub(r"<(\w+):\w+>", r"<\1>", route)
        seen.setdefault(shape, []).append(name)
    hidden = {shape: names for shape, names in seen.items() if len(names) > 1}
    assert not hidden, f"routes served by several patterns (the first wins): {hidden}"


def test_the_walk_reaches_every_namespace_of_ours():
    resolver = get_resolver()
    assert NAMESPACES <= set(resolver.namespace_dict), "a namespace of ours is no longer mounted"
    routed = {name for name, _ in _routed_names(resolver.url_patterns)}
    assert {"sites:participant_detail", "reports:portal"} <= routed
    assert not {"account_login", "mfa_index", "set_language", "admin:index"} & routed, "excluded URLs were walked"


def test_every_row_names_a_routed_url_and_every_persona():
    routed = {name for name, _ in _routed_names(get_resolver().url_patterns)}
    for row in MATRIX:
        assert row.name in routed, f"{row.id}: no such URL pattern (left over from a removed URL?)"
        assert len(row.expect) == len(PERSONAS), f"{row.id}: one status per persona"
        assert row.method in (GET, POST), row.id


@pytest.mark.parametrize(
    ("row", "persona"), [pytest.param(row, persona, id=f"{row.id}-{persona}") for row in MATRIX for persona in PERSONAS]
)
def test_persona_gets_the_status_the_matrix_says(row, persona, world, client):
    client.force_login(getattr(world, persona))
    before = _snapshot()
    response = _send(client, row, world)
    expected = row.expect[PERSONAS.index(persona)]
    assert response.status_code == expected, f"{persona} {row.method} {_url(row, world)}"
    if row.method == POST:
        if expected == 302 or (row.json_write and expected in (200, 201)):
            assert _snapshot() != before, "the write was accepted but changed nothing: is the body valid?"
        else:
            assert _snapshot() == before, "a refused write changed the database"


def _normalised(response):
    """A page's bytes without what changes on every request (CSRF tokens, CSP nonces; a spreadsheet's
    timestamps, so an XLSX is compared by its cells)."""
    body = response.content if not response.streaming else b""
    if body.startswith(b"PK"):
        import io

        import openpyxl

        workbook = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
        return repr([list(sheet.iter_rows(values_only=True)) for sheet in workbook.worksheets]).encode()
    body = re.sub(rb'(name="csrfmiddlewaretoken" value=")[^"]+', rb"\1", body)
    body = re.sub(rb'("X-CSRFToken": ")[^"]+', rb"\1", body)
    body = re.sub(rb'(name="csrf-token" content=")[^"]+', rb"\1", body)
    body = re.sub(rb"\d{2}\xc2\xa0h\xc2\xa0\d{2}", b"", body)  # a generation time ("06 h 57") may pass a minute
    return re.sub(rb'nonce="[^"]+"', b"", body)


@pytest.mark.parametrize(
    "row",
    [
        pytest.param(row, id=row.id)
        for row in MATRIX
        if row.method == GET and row.expect[PERSONAS.index("coder")] == 200 and not row.name.startswith("sites:job")
    ],
)
def test_blind_coder_sees_nothing_of_the_other_coders_work(row, world, client):
    """Every page the coder reads is the same whether coder_2 coded double_a (blind) or not: not a count, a
    name, a quote or a token gives their work away."""
    from coding.models import Excerpt

    client.force_login(world.coder)
    seen = _normalised(_send(client, row, world))
    Excerpt.objects.filter(interview=world.double_a, created_by=world.coder_2).delete()
    assert _normalised(_send(client, row, world)) == seen


@pytest.mark.parametrize("row", [pytest.param(row, id=row.id) for row in MATRIX])
def test_anonymous_is_sent_to_the_login_page(row, world, client):
    before = _snapshot()
    response = _send(client, row, world)
    if set(row.expect) == {405}:  # require_POST answers before login_required
        assert response.status_code == 405
    else:
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login") + "?next=")
    assert _snapshot() == before


SHOWN = range(200, 400)  # a status that shows or does something


def _refs(row):
    values = [*row.kwargs.values()]
    for item in [*row.body.values(), *row.query.values()]:
        values += [i.ref for i in (item if isinstance(item, list) else [item]) if isinstance(i, Pk)]
    return values


def test_the_table_lets_no_outsider_reach_a_study_object():
    """The rules of the module's docstring, checked on the table itself so that a new row cannot open a leak."""
    for row in MATRIX:
        status = dict(zip(PERSONAS, row.expect, strict=True))
        if row.name in ("sites:home", "reports:portal", "admin_login"):  # admin_login: a redirect to allauth's login
            continue
        assert status["outsider"] not in SHOWN, row.id
        # partners reach only the published sheets of their sites and transversal ones, on the portal
        assert status["partner"] not in SHOWN or row.name.startswith("reports:portal_sheet"), row.id
        study = row.kwargs.get("study")
        if study == "etude" or row.name.startswith("sites:job"):
            assert status["other_admin"] not in SHOWN, row.id
        if study == "autre":
            assert all(status[p] not in SHOWN for p in ("admin", "researcher", "coder", "team_b")), row.id
        if any(ref.startswith(("other_", "code_autre", "memo_autre")) for ref in _refs(row)) and study == "etude":
            assert all(code not in SHOWN for code in row.expect), f"{row.id}: another study's object was reached"
        if any(ref.endswith("_b") for ref in _refs(row)):
            assert status["coder"] not in SHOWN or row.name == "coding:workspace_excerpt_create", row.id
        if any(ref.endswith("_a") for ref in _refs(row)) and not row.name.startswith("sites:participant_export"):
            assert status["team_b"] not in SHOWN or row.method == POST and "site" in row.body, row.id


def _page(client, name, query=None, **kwargs):
    response = client.get(reverse(name, kwargs=kwargs) + ("?" + urlencode(query) if query else ""))
    assert response.status_code == 200, name
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode("utf-8-sig")


@pytest.mark.parametrize(
    ("persona", "study", "seen", "unseen"),
    [
        ("coder", "etude", "xylophone", ("quetzal", "wombat")),
        ("team_b", "etude", "quetzal", ("xylophone", "wombat")),
        ("other_admin", "autre", "wombat", ("xylophone", "quetzal")),
    ],
)
def test_search_finds_only_what_the_member_may_read(world, client, persona, study, seen, unseen):
    client.force_login(getattr(world, persona))

    def results(word):
        return _page(client, "interviews:transcript_search", {"q": word}, study=study).split('id="results"', 1)[1]

    assert '<li class="result">' in results(seen) and f"<mark>{seen}</mark>" in results(seen)
    for word in unseen:
        assert '<li class="result">' not in results(word) and f"<mark>{word}</mark>" not in results(word)


@pytest.mark.parametrize(
    ("persona", "seen", "unseen"),
    [("coder", "interview_a", ("interview_b", "other_interview")), ("team_b", "interview_b", ("interview_a",))],
)
def test_lists_reports_and_exports_show_only_the_members_sites(world, client, persona, seen, unseen):
    client.force_login(getattr(world, persona))
    pages = [
        _page(client, "interviews:interview_list", study="etude"),
        _page(client, "reports:retrieval", study="etude"),
        _page(client, "reports:export_codings", {"format": "csv"}, study="etude"),
        _page(client, "coding:excerpt_review_list", study="etude"),
    ]
    for text in pages:
        assert seen in text
        assert not any(word in text for word in unseen)
    other_code = "R-QC1-01" if persona == "coder" else "R-MTL1-01"
    assert other_code not in _page(client, "sites:participant_list", study="etude")
    memos = _page(client, "coding:memo_list", study="etude")
    assert ("Sur B" in memos) == (persona == "team_b") and "Autre" not in memos


def test_counts_count_only_the_members_sites(world, client):
    """The workspace code has one coding in each site: each site's member counts one, the admin two."""
    code = world.ws_coding_a.code
    url = reverse("coding:code_detail", args=["etude", code.pk])
    for persona, count in (("coder", 1), ("team_b", 1), ("admin", 2)):
        client.force_login(getattr(world, persona))
        assert client.get(url).context["coding_count"] == count, persona


def test_the_workspace_json_carries_nothing_of_another_study(world, client):
    client.force_login(world.coder)
    data = _page(client, "coding:workspace_codings", study="etude", pk=world.interview_a.pk)
    assert "Espace de travail" in data and "Ailleurs" not in data
    client.force_login(world.other_admin)
    codebook = _page(client, "reports:refi_codebook_export", study="autre")
    assert "Réseau" not in codebook and "Ailleurs" in codebook
