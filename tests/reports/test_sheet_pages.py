"""The synthesis-sheet pages: creating from the template, the editor, sections, evidence pickers, comments,
the lexicon and the portal."""

import pytest
from django.urls import reverse

from reports import services
from reports.models import GlossaryTerm, SectionComment, SheetEvidence, SheetSection, SynthesisSheet
from sites.models import Consent, Job
from sites.permissions import Role
from tests import factory
from tests.reports.sheet_fixtures import QUOTE, build_sheet

pytestmark = pytest.mark.usefixtures("fast_passwords")
TEMPLATE_HEADINGS = [
    "Résumé du projet", "Objectifs", "Méthodologie", "Résultats généraux", "Pistes d'action", "Lexique",
]  # fmt: skip


@pytest.fixture
def written(study, site_a, participant_a, researcher, media_root):
    return build_sheet(study, site_a, participant_a, researcher=researcher)


def _url(name, sheet, **kwargs):
    return reverse(f"reports:{name}", kwargs={"study": sheet.study.slug, "pk": sheet.pk, **kwargs})


def test_a_new_sheet_starts_with_the_template_sections_in_french(login, researcher, site_a):
    response = login(researcher).post(
        reverse("reports:sheet_create", kwargs={"study": "etude"}),
        {"site": site_a.pk, "title": "Fiche MTL1", "kind_label": "Fiche synthèse par milieu", "date": "2022-03-01"},
    )

    sheet = SynthesisSheet.objects.get()
    assert response.status_code == 302 and sheet.site == site_a and sheet.status == "draft"
    assert list(sheet.sections.values_list("heading", flat=True)) == TEMPLATE_HEADINGS
    assert sheet.sections.get(heading="Lexique").kind == SheetSection.Kind.GLOSSARY


def test_a_sheet_without_title_or_date_is_refused_and_nothing_is_stored(login, researcher):
    response = login(researcher).post(reverse("reports:sheet_create", kwargs={"study": "etude"}), {"title": ""})

    assert response.status_code == 200 and 'role="alert"' in response.content.decode()
    assert not SynthesisSheet.objects.exists()


def test_the_editor_shows_sections_evidence_and_problems_in_few_queries(
    written, login, researcher, participant_a, django_assert_max_num_queries
):
    Consent.objects.filter(participant=participant_a).update(may_be_quoted=False)
    for _ in range(5):  # the page's cost must not grow with the evidence
        services.add_count(written.sheet, measure="sites", by=researcher, user=researcher)
    client = login(researcher)
    with django_assert_max_num_queries(16):
        response = client.get(_url("sheet_detail", written.sheet))

    page = response.content.decode()
    assert QUOTE in page and "Résident·e, milieu 1" in page
    assert "ne peut pas être citée" in page and "disabled" in page


def test_editing_a_section_sanitises_its_markdown_on_the_page(written, login, researcher):
    section = written.sheet.sections.get(order=0)
    client = login(researcher)
    client.post(
        _url("section_edit", written.sheet, section_pk=section.pk),
        {"heading": "Résumé", "kind": "text", "body": "**Fort** <script>alert(1)</script> [x](javascript:alert(2))"},
    )

    page = client.get(_url("sheet_detail", written.sheet)).content.decode()
    assert "<strong>Fort</strong>" in page and "alert(1)" not in page and "javascript:alert" not in page


def test_sections_move_up_and_down(written, login, researcher):
    methodology = written.sheet.sections.get(heading="Méthodologie")
    login(researcher).post(_url("section_move", written.sheet, section_pk=methodology.pk), {"direction": "up"})

    headings = list(written.sheet.sections.values_list("heading", flat=True))
    assert headings[1:3] == ["Méthodologie", "Objectifs"]


def test_a_coder_may_read_and_comment_but_not_edit(study, site_a, participant_a, researcher, login, coder):
    written = build_sheet(study, site_a, participant_a, researcher=researcher, transversal=False)  # the coder's site
    section = written.sheet.sections.get(order=0)
    client = login(coder)

    assert client.get(_url("sheet_detail", written.sheet)).status_code == 200
    assert client.get(_url("section_edit", written.sheet, section_pk=section.pk)).status_code == 403
    client.post(_url("section_comment", written.sheet, section_pk=section.pk), {"body": "Préciser le milieu."})
    assert SectionComment.objects.get().body == "Préciser le milieu."
    client.post(_url("section_comment", written.sheet, section_pk=section.pk), {"body": "   "})
    assert SectionComment.objects.count() == 1


def test_a_site_sheet_is_hidden_from_members_of_other_sites(study, site_a, participant_a, researcher, team_b, login):
    written = build_sheet(study, site_a, participant_a, researcher=researcher, transversal=False)

    assert login(team_b).get(_url("sheet_detail", written.sheet)).status_code == 404


def test_the_picker_lists_quotable_excerpts_and_inserts_one_with_its_attribution(written, login, researcher):
    client = login(researcher)
    page = client.get(_url("evidence_picker", written.sheet), {"code": written.code.pk}).content.decode()
    assert QUOTE in page

    client.post(_url("evidence_add", written.sheet), {"kind": "quote", "excerpt": written.excerpt.pk})

    added = SheetEvidence.objects.get(sheet=written.sheet, number=3)
    assert added.kind == "quote" and added.attribution == "Résident·e, milieu 1" and added.quote == QUOTE


def test_an_excerpt_of_a_participant_who_may_not_be_quoted_is_refused(written, login, researcher, participant_a):
    Consent.objects.filter(participant=participant_a).update(may_be_quoted=False)
    client = login(researcher)

    response = client.post(_url("evidence_add", written.sheet), {"kind": "quote", "excerpt": written.excerpt.pk})

    assert response.status_code == 302 and SheetEvidence.objects.filter(sheet=written.sheet).count() == 2
    page = client.get(response.url).content.decode()
    assert "ne peut pas être citée" in page


def test_charts_and_matrices_are_snapshotted_as_svg_and_tables(written, login, researcher):
    client = login(researcher)
    client.post(_url("evidence_add", written.sheet), {"kind": "chart", "code": written.code.pk, "caption": "Apports"})
    client.post(_url("evidence_add", written.sheet), {"kind": "matrix", "code": written.code.pk})

    chart, matrix = SheetEvidence.objects.filter(sheet=written.sheet, number__gte=3).order_by("number")
    assert chart.svg.startswith("<svg") and "Référencement" in chart.svg and chart.data["values"] == [1]
    assert matrix.data == {"columns": ["MTL1", "QC1"], "rows": [["Référencement", 1, 0]]}


def test_a_chart_needs_a_code_and_nothing_is_stored_without_one(written, login, researcher):
    login(researcher).post(_url("evidence_add", written.sheet), {"kind": "chart"})

    assert SheetEvidence.objects.filter(sheet=written.sheet).count() == 2


def test_title_block_authors_and_lexicon_are_saved_together(written, login, researcher):
    term = GlossaryTerm.objects.create(study=written.sheet.study, term="OMH", definition="Office municipal")
    login(researcher).post(
        _url("sheet_edit", written.sheet),
        {
            "title": "Fiche revue", "kind_label": "Fiche", "date": "2022-03-01", "glossary": [term.pk],
            "authors-TOTAL_FORMS": "1", "authors-INITIAL_FORMS": "0",
            "authors-0-name": "Autrice Fictive", "authors-0-affiliation": "Université fictive", "authors-0-order": "0",
        },
    )  # fmt: skip

    written.sheet.refresh_from_db()
    assert written.sheet.title == "Fiche revue" and list(written.sheet.glossary.all()) == [term]
    assert written.sheet.authors.get().affiliation == "Université fictive"


def test_a_lexicon_term_cannot_be_added_twice(login, researcher, study):
    client = login(researcher)
    url = reverse("reports:glossary_list", kwargs={"study": "etude"})
    client.post(url, {"term": "HLM", "definition": "Habitations à loyer modique"})
    response = client.post(url, {"term": "hlm", "definition": "Autre"})

    assert response.status_code == 200 and GlossaryTerm.objects.count() == 1


def test_a_pdf_proof_is_a_job_whose_file_the_writer_downloads(
    written, login, researcher, django_capture_on_commit_callbacks
):
    client = login(researcher)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url("sheet_proof", written.sheet))

    job = Job.objects.get(kind="sheet_proof")
    assert job.status == Job.Status.SUCCEEDED, job.error
    download = client.get(reverse("sites:job_download", kwargs={"pk": job.pk}))
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_the_portal_lists_a_partners_sheets_in_few_queries(
    study, site_a, site_b, participant_a, participant_b, researcher, partner, login, media_root,
    django_assert_max_num_queries,
):  # fmt: skip
    for site, participant, transversal in ((site_a, participant_a, False), (site_b, participant_b, False),
                                           (site_a, participant_a, True)):  # fmt: skip
        written = build_sheet(study, site, participant, researcher=researcher, transversal=transversal)
        SynthesisSheet.objects.filter(pk=written.sheet.pk).update(title=f"Fiche {site.code} {transversal}")
        written.sheet.refresh_from_db()
        services.publish_sheet(written.sheet, by=researcher)
    client = login(partner)
    with django_assert_max_num_queries(6):
        page = client.get(reverse("reports:portal")).content.decode()

    assert "Fiche MTL1 False" in page and "Fiche MTL1 True" in page and "Fiche QC1" not in page


def test_the_list_flags_a_published_sheet_whose_speaker_withdrew_in_few_queries(
    written, login, researcher, participant_a, django_assert_max_num_queries
):
    services.publish_sheet(written.sheet, by=researcher)
    Consent.objects.filter(participant=participant_a).update(withdrawn_on="2023-01-01")
    client = login(researcher)
    with django_assert_max_num_queries(6):
        page = client.get(reverse("reports:sheet_list", kwargs={"study": "etude"})).content.decode()

    assert "Fiche d'essai" in page.replace("&#x27;", "'") and "données probantes à vérifier" in page


def test_a_member_limited_to_some_sites_reads_a_transversal_sheet_only_once_published(
    login, researcher, coder, site_a, media_root
):
    """A transversal draft quotes every site's transcripts: a coder limited to MTL1 may not read it, nor write one."""
    limited = factory.make_user("limited.researcher@example.test")
    factory.make_membership(limited, site_a.study, Role.RESEARCHER, [site_a])
    sheet = services.create_sheet(
        site_a.study, by=researcher, site=None, title="Transversale", kind_label="", date="2022-03-01"
    )

    assert login(coder).get(_url("sheet_detail", sheet)).status_code == 404
    client = login(limited)
    assert client.get(_url("sheet_detail", sheet)).status_code == 404
    refused = client.post(
        reverse("reports:sheet_create", kwargs={"study": "etude"}),
        {"title": "Ma transversale", "kind_label": "", "date": "2022-03-01"},
    )
    assert refused.status_code == 200 and SynthesisSheet.objects.count() == 1

    SynthesisSheet.objects.filter(pk=sheet.pk).update(status=SynthesisSheet.Status.PUBLISHED)
    assert client.get(_url("sheet_detail", sheet)).status_code == 200
    assert not SynthesisSheet.objects.editable_by(limited).filter(pk=sheet.pk).exists()
    assert SynthesisSheet.objects.editable_by(researcher).filter(pk=sheet.pk).exists()
