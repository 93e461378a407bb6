"""Hostile files are refused with a message and leave nothing behind; source paths that leave the archive are
never followed."""

import stat
import zipfile
from io import BytesIO

import pytest

from coding.models import Code, Excerpt, Memo
from interviews.importing import ImportRefused
from interviews.models import Interview
from reports.refi import import_
from sites.models import AttributeDefinition, Participant, Site
from tests.reports.refi_files import (
    SOURCE_GUID,
    english,  # noqa: F401 (a fixture, used by name)
    make_qdpx,
    project_xml,
)

pytestmark = pytest.mark.usefixtures("fast_passwords", "english")

TEXT = "Le comité se réunit le mardi 😀."
GOOD = project_xml([(3, 9)])


def stored(study):
    """Everything an import could have written, counted."""
    return [
        model.objects.filter(**{path: study}).count()
        for model, path in (
            (Code, "study"),
            (Interview, "study"),
            (Excerpt, "interview__study"),
            (Memo, "study"),
            (Participant, "study"),
            (Site, "study"),
            (AttributeDefinition, "study"),
        )
    ]


def refused(study, by, data, name="hostile.qdpx", **options):
    before = stored(study)
    with pytest.raises(ImportRefused) as refusal:
        import_.import_file(study, name=name, data=data, by=by, **options)
    assert stored(study) == before, "a refused file left rows behind"
    return refusal.value.message


def test_a_zip_bomb_is_refused(study, site_a, researcher):
    bomb = make_qdpx({"project.qde": GOOD, f"sources/{SOURCE_GUID}.txt": b"\0" * (20 * 1024 * 1024)})
    assert len(bomb) < 100_000
    assert "zip bomb" in refused(study, researcher, bomb, site=site_a)


@pytest.mark.parametrize("name", ["../project.qde", "/etc/project.qde", "sources/../../evil.txt", "C:/evil.txt"])
def test_names_that_escape_the_archive_are_refused(study, site_a, researcher, name):
    archive = make_qdpx({"project.qde": GOOD, f"sources/{SOURCE_GUID}.txt": TEXT, name: "x"})
    assert "unsafe file name" in refused(study, researcher, archive, site=site_a)


def test_a_symbolic_link_in_the_archive_is_refused(study, site_a, researcher):
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("project.qde", GOOD)
        link = zipfile.ZipInfo(f"sources/{SOURCE_GUID}.txt")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    assert "symbolic link" in refused(study, researcher, buffer.getvalue(), site=site_a)


@pytest.mark.parametrize(
    "prologue",
    [
        '<!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
        '<!DOCTYPE Project [<!ENTITY secret SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE Project SYSTEM "http://example.invalid/project.dtd">',
    ],
    ids=["entity-expansion", "external-entity", "external-dtd"],
)
def test_doctype_and_entity_declarations_are_refused(study, site_a, researcher, prologue):
    xml = GOOD.replace('<?xml version="1.0" encoding="utf-8"?>', '<?xml version="1.0" encoding="utf-8"?>' + prologue)
    archive = make_qdpx({"project.qde": xml, f"sources/{SOURCE_GUID}.txt": TEXT})
    assert "DOCTYPE" in refused(study, researcher, archive, site=site_a)
    codebook = xml.replace("Project", "CodeBook")
    assert "DOCTYPE" in refused(study, researcher, codebook.encode(), name="hostile.qdc")


@pytest.mark.parametrize(
    "path",
    [
        "file:///etc/passwd",
        "http://example.invalid/transcript.txt",
        "absolute:///C:/PROJECT/transcript.txt",
        "relative:///transcript.txt",
        "internal://../../etc/passwd",
        "/etc/passwd",
    ],
)
def test_a_source_path_outside_the_archive_is_never_followed(study, site_a, researcher, path):
    archive = make_qdpx({"project.qde": project_xml([(3, 9)], text_path=path)})
    report = import_.import_file(study, name="outside.qdpx", data=archive, by=researcher, site=site_a)
    assert not Interview.objects.filter(study=study).exists()
    [line] = report.of("dropped")
    assert "outside the file" in line.reason and "never read" in line.reason


def test_a_file_without_a_project_is_refused(study, researcher):
    assert "no project file" in refused(study, researcher, make_qdpx({"notes.txt": "bonjour"}))
    assert "zip archive" in refused(study, researcher, b"<Project/>", name="faux.qdpx")
    assert "well-formed" in refused(study, researcher, b"<Project><Unclosed></Project>", name="broken.qde")


def test_a_refusal_found_late_takes_back_everything_written_before_it(study, researcher):
    # The codes are written before the source is found to have no site to go to: they must go too.
    archive = make_qdpx({"project.qde": GOOD, f"sources/{SOURCE_GUID}.txt": TEXT})
    assert "Choose a site" in refused(study, researcher, archive)


def test_a_member_limited_to_a_site_cannot_import_into_another(study, site_a, site_b, researcher):
    from sites.models import Membership

    Membership.objects.get(user=researcher, study=study).sites.set([site_a])
    xml = project_xml([(3, 9)])
    archive = make_qdpx({"project.qde": xml, f"sources/{SOURCE_GUID}.txt": TEXT})
    assert "may not edit" in refused(study, researcher, archive, site=site_b)
