"""Codebook import and export as CSV: round trip, formulas neutralised, a bad file changes nothing."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from coding import services
from coding.codebook_csv import CodebookFileError, CodebookRow, read_codebook_csv
from coding.models import Code
from tests import factory

pytestmark = pytest.mark.usefixtures("fast_passwords")


@pytest.fixture(autouse=True)
def english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


def url(name, slug="etude"):
    return reverse(f"coding:{name}", args=[slug])


def upload(content, name="codebook.csv"):
    data = content.encode("utf-8") if isinstance(content, str) else content
    return SimpleUploadedFile(name, data, content_type="text/csv")


def snapshot(study):
    rows = Code.objects.active().filter(study=study)
    fields = ("parent__name", "name", "colour", "definition", "inclusion", "exclusion", "example", "order")
    return sorted(rows.values_list(*fields), key=lambda row: (row[0] or "", row[1]))


@pytest.fixture
def codebook(study):
    network = factory.make_code(
        study, "Réseau", colour="#4e79a7", definition="Liens, « formels » ou non;\nsur deux lignes", example="=1+1"
    )
    factory.make_code(
        study, "Partenaires", parent=network, colour="#f28e2b", inclusion="+ CIUSSS", exclusion="@mention"
    )
    factory.make_code(study, "Lieux", colour="#59a14f", definition="-tiret")
    return network


def test_the_export_is_utf8_with_a_bom_and_neutralises_formulas(login, researcher, codebook):
    response = login(researcher).get(url("codebook_export"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    data = response.content
    assert data.startswith("\ufeff".encode())
    text = data.decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == "path,colour,definition,inclusion,exclusion,example"
    assert lines[1].startswith("Réseau,#4e79a7,")
    assert "Réseau > Partenaires,#f28e2b,,'+ CIUSSS,'@mention," in text
    assert ",'=1+1" in text and ",'-tiret," in text


def test_a_coder_may_export_but_an_outsider_may_not(login, coder, outsider, codebook):
    assert login(coder).get(url("codebook_export")).status_code == 200
    assert login(outsider).get(url("codebook_export")).status_code == 404


def test_an_export_imports_back_into_another_study_unchanged(
    login, researcher, study, codebook, other_study, other_admin
):
    exported = login(researcher).get(url("codebook_export")).content
    response = login(other_admin).post(url("codebook_import", "autre"), {"file": upload(exported)}, follow=True)
    assert response.redirect_chain == [(url("codebook_detail", "autre"), 302)]
    assert "3 codes created (Réseau, Lieux, Réseau &gt; Partenaires)" in response.content.decode()
    assert snapshot(other_study) == snapshot(study)
    assert Code.objects.get(study=other_study, name="Réseau").example == "=1+1"


def test_import_creates_missing_codes_along_a_path_and_fills_in_existing_ones(login, researcher, study, codebook):
    content = (
        "path;colour;definition\n"
        "Réseau > Institutions > CIUSSS;#AABBCC;Le réseau de la santé\n"
        "Lieux;;Espaces communs\n"
        "Réseau > Partenaires;;\n"
    )
    response = login(researcher).post(url("codebook_import"), {"file": upload(content)}, follow=True)
    page = response.content.decode()
    assert "2 codes created (Réseau &gt; Institutions, Réseau &gt; Institutions &gt; CIUSSS)" in page
    assert "1 code updated (Lieux)" in page and "1 code already as in the file" in page
    ciusss = Code.objects.get(name="CIUSSS")
    assert (ciusss.parent.name, ciusss.parent.parent, ciusss.colour) == ("Institutions", codebook, "#aabbcc")
    assert Code.objects.get(name="Lieux").definition == "Espaces communs"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name,colour\nRéseau,#000000\n", "path"),
        ("path,colour\nNouveau,#000000\nAutre,rouge\n", "line 3"),
        ("path\nA >  > B\n", "line 2"),
        ("path\nNouveau\nNouveau\n", "twice"),
        ("path\n" + "x" * 201 + "\n", "200"),
        (b"path\nR\xe9seau\n", "UTF-8"),
    ],
)
def test_a_bad_file_is_refused_with_a_reason_and_changes_nothing(login, researcher, study, codebook, content, message):
    before = snapshot(study)
    response = login(researcher).post(url("codebook_import"), {"file": upload(content)})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert snapshot(study) == before


def test_a_failure_midway_undoes_the_whole_import(researcher, study, codebook):
    rows = read_codebook_csv("path\nNouveau\nRéseau > Autre\n".encode())
    # A row the reader would not let through fails after the others were created.
    with pytest.raises(ValidationError):
        services.import_codebook(study, rows=[*rows, CodebookRow(line=9, path=("Lieux",), colour="bad")], by=researcher)
    assert not Code.objects.filter(name__in=["Nouveau", "Autre"]).exists()


def test_the_reader_refuses_a_huge_file():
    with pytest.raises(CodebookFileError):
        read_codebook_csv(b"path\n" + b"a\n" * 2_000_000)


def test_readers_cannot_import(login, coder, codebook):
    response = login(coder).post(url("codebook_import"), {"file": upload("path\nNouveau\n")})
    assert response.status_code == 403
    assert not Code.objects.filter(name="Nouveau").exists()
