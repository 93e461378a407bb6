"""export_qdpx and import_qdpx: the command-line round trip, the printed report, and refusals that exit non-zero."""

import pytest
from django.core.management import CommandError, call_command

from coding.models import Code
from interviews.models import Interview
from sites.models import Membership, Study
from sites.permissions import Role
from tests.reports.refi_files import (
    SOURCE_GUID,
    assert_valid,
    assert_valid_project,
    build_study,
    english,  # noqa: F401 (a fixture, used by name)
    make_qdpx,
    project_xml,
    snapshot,
)

pytestmark = pytest.mark.usefixtures("fast_passwords", "english")


def test_export_then_import_into_a_new_study_from_the_command_line(
    study, site_a, site_b, researcher, coder, tmp_path, capsys
):
    build_study(study, site_a, site_b, researcher, coder)
    out, codebook = tmp_path / "etude.qdpx", tmp_path / "etude.qdc"
    call_command("export_qdpx", str(out), "--study", "etude", "--codebook", str(codebook))
    assert_valid_project(out.read_bytes())
    assert_valid("codebook", codebook.read_bytes())
    assert "Exported: 2 interviews, 5 excerpts, 7 codings, 3 codes, 5 memos, 2 participants." in capsys.readouterr().out

    call_command("import_qdpx", str(out), "--study", "copie", "--as", researcher.email)
    printed = capsys.readouterr().out
    copy = Study.objects.get(slug="copie")
    assert copy.title == study.title
    assert Membership.objects.get(study=copy, user=researcher).role == Role.ADMIN
    original, copied = snapshot(study), snapshot(copy)
    for part in ("codes", "interviews", "excerpts", "participants", "attributes"):
        assert copied[part] == original[part], part
    assert [memo[:4] for memo in copied["memos"]] == [memo[:4] for memo in original["memos"]]
    # The coder is no member of the new study: their work is the importer's, and their coding of an excerpt
    # the importer coded with the same code merges into one.
    assert f"User “{coder.email}”: not a member of this study" in printed
    assert {coding[3] for coding in copied["codings"]} == {researcher.email}
    assert len(copied["codings"]) == len(original["codings"]) - 1
    assert "2 interviews" in printed and "5 excerpts placed" in printed


def test_import_of_a_codebook_into_an_existing_study(study, researcher, admin, tmp_path, capsys):
    path = tmp_path / "codes.qdc"
    path.write_text(
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="c1" name="Réseau" isCodable="true"/></Codes>'
        "</CodeBook>"
    )
    call_command("import_qdpx", str(path), "--study", "etude")
    assert Code.objects.get(study=study).name == "Réseau"
    assert Code.objects.get(study=study).created_by == admin  # the study's first administrator, without --as
    assert "Imported from codes.qdc: 1 code." in capsys.readouterr().out


def test_a_refused_file_exits_non_zero_and_stores_nothing(study, site_a, researcher, tmp_path):
    path = tmp_path / "hostile.qdpx"
    xml = project_xml([(0, 5)]).replace("<Project", '<!DOCTYPE Project [<!ENTITY x "y">]><Project', 1)
    path.write_bytes(make_qdpx({"project.qde": xml, f"sources/{SOURCE_GUID}.txt": "Bonjour à tous."}))
    with pytest.raises(CommandError) as error:
        call_command("import_qdpx", str(path), "--study", "neuve", "--as", researcher.email)
    assert error.value.returncode == 1 and "DOCTYPE" in str(error.value)
    assert not Study.objects.filter(slug="neuve").exists()


def test_a_dry_run_prints_the_report_and_stores_nothing(study, site_a, researcher, tmp_path, capsys):
    path = tmp_path / "projet.qdpx"
    path.write_bytes(make_qdpx({"project.qde": project_xml([(0, 7)]), f"sources/{SOURCE_GUID}.txt": "Bonjour à tous."}))
    call_command("import_qdpx", str(path), "--study", "etude", "--site", "mtl1", "--as", researcher.email, "--dry-run")
    assert capsys.readouterr().out.startswith("Dry run")
    assert not Interview.objects.exists() and not Code.objects.exists()


def test_the_importer_must_be_allowed_to_edit_the_study(study, coder, tmp_path):
    path = tmp_path / "codes.qdc"
    path.write_text('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>')
    with pytest.raises(CommandError, match="not a researcher or administrator"):
        call_command("import_qdpx", str(path), "--study", "etude", "--as", coder.email)
