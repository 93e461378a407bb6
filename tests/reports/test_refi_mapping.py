"""How another tool's project maps onto a study: cases become pseudonymous participants, variables attributes,
notes memos on what they are attached to; what the study already has is merged; a re-import duplicates nothing."""

import pytest

from coding.models import Code, Coding, Excerpt, Memo
from interviews.models import Interview
from reports.refi import export, import_
from sites.models import AttributeDefinition, Participant, Site
from tests import factory
from tests.reports.refi_files import (
    CODE_GUID,
    SOURCE_GUID,
    USER_GUID,
    assert_valid_project,
    build_study,
    english,  # noqa: F401 (a fixture, used by name)
    make_qdpx,
    snapshot,
)

pytestmark = pytest.mark.usefixtures("fast_passwords", "english")

TEXT = "Marie : Le comité 😀 se réunit le mardi au local.\nI : Depuis quand ?"
V_SITE, V_KIND, V_EMAIL, V_AGE, V_KIND_I = (f"20000000-0000-4000-8000-00000000000{n}" for n in range(1, 6))
NOTE_CODE, NOTE_SEL, NOTE_PROJECT, NOTE_SITE, NOTE_NOWHERE = (
    f"30000000-0000-4000-8000-00000000000{n}" for n in range(1, 6)
)
CASE_NAME, CASE_OK = "40000000-0000-4000-8000-000000000001", "40000000-0000-4000-8000-000000000002"


def value(variable, element, text):
    return f'<VariableValue><VariableRef targetGUID="{variable}"/><{element}>{text}</{element}></VariableValue>'


def project(*, site_value="MTL1", case_name="Marie Tremblay"):
    start, end = TEXT.index("comité"), TEXT.index("comité") + len("comité")
    return (
        '<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="Autre" origin="NVivo 14">'
        f'<Users><User guid="{USER_GUID}" name="Researcher" id="researcher@example.test"/></Users>'
        f'<CodeBook><Codes><Code guid="{CODE_GUID}" name="Réseau" isCodable="true" color="#112233">'
        f'<Description>Liens.</Description><NoteRef targetGUID="{NOTE_CODE}"/></Code></Codes></CodeBook>'
        "<Variables>"
        f'<Variable guid="{V_SITE}" name="Site" typeOfVariable="Text"/>'
        f'<Variable guid="{V_KIND}" name="participant kind" typeOfVariable="Text"/>'
        f'<Variable guid="{V_EMAIL}" name="Courriel" typeOfVariable="Text"/>'
        f'<Variable guid="{V_AGE}" name="Âge" typeOfVariable="Integer"/>'
        f'<Variable guid="{V_KIND_I}" name="interview kind" typeOfVariable="Text"/>'
        "</Variables><Cases>"
        f'<Case guid="{CASE_NAME}" name="{case_name}"><Description>Habite au 3e.</Description>'
        f"{value(V_SITE, 'TextValue', site_value)}{value(V_KIND, 'TextValue', 'partner')}"
        f"{value(V_EMAIL, 'TextValue', 'marie@example.test')}{value(V_AGE, 'IntegerValue', '47')}"
        f'<SourceRef targetGUID="{SOURCE_GUID}"/></Case>'
        f'<Case guid="{CASE_OK}" name="R-07">{value(V_AGE, "IntegerValue", "31")}'
        f'{value(V_KIND, "TextValue", "not a kind")}<SourceRef targetGUID="{SOURCE_GUID}"/></Case></Cases>'
        f'<Sources><TextSource guid="{SOURCE_GUID}" name="Entretien.docx" plainTextPath="internal://{SOURCE_GUID}.txt">'
        f'<PlainTextSelection guid="50000000-0000-4000-8000-000000000001" startPosition="{start}" endPosition="{end}">'
        "<Description>À relire.</Description>"
        f'<Coding guid="60000000-0000-4000-8000-000000000001" creatingUser="{USER_GUID}">'
        f'<CodeRef targetGUID="{CODE_GUID}"/></Coding><NoteRef targetGUID="{NOTE_SEL}"/></PlainTextSelection>'
        f'<PlainTextSelection guid="50000000-0000-4000-8000-000000000002" startPosition="0" endPosition="5"/>'
        f"{value(V_KIND_I, 'TextValue', 'group')}</TextSource></Sources>"
        "<Notes>"
        f'<Note guid="{NOTE_CODE}" name="Sur le code"><PlainTextContent>Code.</PlainTextContent></Note>'
        f'<Note guid="{NOTE_SEL}" name="Sur l\'extrait"><PlainTextContent>Extrait.</PlainTextContent></Note>'
        f'<Note guid="{NOTE_PROJECT}" name="Journal"><PlainTextContent>Projet.</PlainTextContent></Note>'
        f'<Note guid="{NOTE_SITE}" name="Milieu">{value(V_SITE, "TextValue", "QC1")}</Note>'
        f'<Note guid="{NOTE_NOWHERE}" name=""><PlainTextContent>Sans titre\nsuite</PlainTextContent></Note>'
        "</Notes>"
        '<Sets><Set guid="70000000-0000-4000-8000-000000000001" name="Memos: theoretical">'
        f'<MemberNote targetGUID="{NOTE_PROJECT}"/></Set>'
        '<Set guid="70000000-0000-4000-8000-000000000002" name="Femmes">'
        f'<MemberSource targetGUID="{SOURCE_GUID}"/></Set>'
        "</Sets>"
        f'<NoteRef targetGUID="{NOTE_PROJECT}"/></Project>'
    )


def run(study, researcher, **files):
    data = make_qdpx({"project.qde": project(**files), f"sources/{SOURCE_GUID}.txt": TEXT})
    return import_.import_file(study, name="autre.qdpx", data=data, by=researcher)


def test_cases_become_pseudonymous_participants_and_identities_stay_out(study, site_a, site_b, researcher):
    report = run(study, researcher)
    withheld = Participant.objects.get(study=study, code="CASE-001")
    assert withheld.kind == "partner" and withheld.site == site_a
    assert withheld.attributes == {"age": 47}  # the e-mail variable was dropped
    assert not Participant.objects.filter(code__icontains="Tremblay").exists()
    other = Participant.objects.get(study=study, code="R-07")
    assert other.kind == "resident" and other.site == site_a  # no kind it knows; its source's site
    assert list(withheld.interviews.values_list("title", flat=True)) == ["Entretien"]
    lines = report.as_text()
    assert "Marie" not in lines and "marie@example.test" not in lines
    assert "Variable “Courriel”" in lines and "case descriptions were not imported" in lines
    assert AttributeDefinition.objects.get(study=study, key="age").kind == "number"


def test_sources_selections_and_notes_land_where_the_file_puts_them(study, site_a, site_b, researcher):
    report = run(study, researcher)
    interview = Interview.objects.get(study=study)
    assert (interview.title, interview.site, interview.kind) == ("Entretien", site_a, "group")
    excerpt = Excerpt.objects.get(interview=interview)
    assert excerpt.quote == "comité"
    assert Coding.objects.get(excerpt=excerpt).coder == researcher  # matched by the User's id (e-mail)
    memos = {memo.title: memo for memo in Memo.objects.filter(study=study)}
    assert memos["Sur le code"].code == Code.objects.get(study=study, name="Réseau")
    assert memos["Sur l'extrait"].excerpt == excerpt
    assert memos["Comment"].excerpt == excerpt and memos["Comment"].body == "À relire."
    assert memos["Journal"].anchor_type == "study" and memos["Journal"].kind == "theoretical"
    assert memos["Milieu"].site == site_b
    assert memos["Sans titre"].body == "Sans titre\nsuite"
    assert "Set “Femmes”" in report.as_text()
    assert "Selection “” in “Entretien.docx”: it has no code" in report.as_text()


def test_a_site_the_study_lacks_is_created_and_reported(study, site_a, researcher):
    report = run(study, researcher, site_value="Milieu Nord")
    site = Site.objects.get(study=study, name="Milieu Nord")
    assert site.code == "MILIEU-NORD"
    assert Participant.objects.get(code="CASE-001").site == site
    assert report.mapped["sites"] == 1


def test_what_the_study_has_is_merged(study, site_a, researcher):
    factory.make_code(study, "réseau", colour="#000000", by=researcher)
    existing = factory.make_participant(study, site_a, "R-07", attributes={"age": 30, "gender": "F"})
    report = run(study, researcher)
    assert Code.objects.filter(study=study).count() == 1
    assert Code.objects.get(study=study).colour == "#112233"  # the file's colour and definition are taken
    existing.refresh_from_db()
    assert existing.attributes == {"age": 30, "gender": "F"}  # what it had stays
    assert {line.subject for line in report.of("merged")} >= {"Code “Réseau”", "Participant R-07"}


def test_importing_a_study_into_itself_again_duplicates_nothing(study, site_a, site_b, researcher, coder):
    build_study(study, site_a, site_b, researcher, coder)
    before = snapshot(study)
    exported = export.export_project(study, user=researcher).content
    assert_valid_project(exported)
    report = import_.import_file(study, name="etude.qdpx", data=exported, by=researcher)
    assert snapshot(study) == before
    assert report.mapped["interviews"] == report.mapped["excerpts"] == report.mapped["memos"] == 0
    assert "5 selections came from this study" in report.as_text()


def test_an_archived_code_exported_with_its_codings_is_recognised_on_the_way_back(
    study, site_a, site_b, researcher, coder
):
    from coding.services import archive_code

    coded = build_study(study, site_a, site_b, researcher, coder)
    archive_code(coded["codes"][2], by=researcher)
    before = snapshot(study)
    exported = export.export_project(study, user=researcher).content
    assert_valid_project(exported)
    import_.import_file(study, name="etude.qdpx", data=exported, by=researcher)
    assert snapshot(study) == before
