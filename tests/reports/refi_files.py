"""REFI-QDA material for the tests: a coded study to export, hand-made files that imitate other producers,
and a normalised view of a study to compare two studies by (not by pks, not by bytes).

The study (`build_study`): attributes age group (choice), years (number) and arrival (date); participants
R-MTL1-01 (resident, site A) and P-QC1-01 (partner, site B); codes "Réseau" > "Partenaires 🤝", and "Lieux";
interview A (site A, individual) and B (site B, group) whose texts hold emoji, accents and a non-BMP letter;
excerpts over and beside the emoji, coded by the researcher and the coder (one excerpt coded by both); memos on
a code, an excerpt, an interview, site B and the study.
"""

import datetime
import functools
import io
import zipfile

import pytest
import xmlschema
from django.conf import settings
from django.utils import translation

from coding import services as coding_services
from coding.models import Code, Coding, Excerpt, Memo
from interviews.models import Interview
from reports.refi import schema
from sites.models import AttributeDefinition, Participant
from tests import factory

TEXT_A = (
    "INTERVIEWEUSE : Comment le comité a-t-il commencé ?\n"
    "Marie : On s'est réunis au café 😀 du coin, avec l'OMH et le CIUSSS.\n"
    "Marie : Les partenaires 🤝 sont venus 👩‍👩‍👧 en famille, même l'été.\n"
    "\n"
    "INTERVIEWEUSE : Et ensuite ?\n"
    "Marie : Ensuite, la table de concertation 𝒜 a pris le relais."
)
TEXT_B = "Paul : Le local 🏠 est ouvert le mardi.\nPaul : Les résidents 😀😀 viennent surtout le soir."


def span(text, quote, occurrence=1):
    """(start, end) code points of the n-th occurrence of `quote` in `text`."""
    at = -1
    for _ in range(occurrence):
        at = text.index(quote, at + 1)
    return at, at + len(quote)


def build_study(study, site_a, site_b, researcher, coder):
    AttributeDefinition.objects.create(
        study=study, key="age_group", label="Groupe d'âge", kind="choice", choices="18-29\n30-44\n45-64", order=0
    )
    AttributeDefinition.objects.create(study=study, key="years", label="Années", kind="number", order=1)
    AttributeDefinition.objects.create(study=study, key="arrival", label="Arrivée", kind="date", order=2)
    marie = factory.make_participant(
        study, site_a, "R-MTL1-01", attributes={"age_group": "30-44", "years": 12, "arrival": "2009-05-01"}
    )
    paul = factory.make_participant(study, site_b, "P-QC1-01", kind="partner", attributes={"years": 2.5})
    reseau = factory.make_code(
        study,
        "Réseau",
        colour="#e15759",
        by=researcher,
        definition="Les liens entre partenaires.",
        inclusion="Toute collaboration nommée.",
        exclusion="Les liens familiaux.",
        example="« On s'est réunis au café »",
    )
    partenaires = factory.make_code(study, "Partenaires 🤝", parent=reseau, colour="#4e79a7", by=researcher)
    lieux = factory.make_code(study, "Lieux", colour="#59a14f", by=researcher, definition="Où les choses se passent.")
    a = factory.make_interview(
        study,
        site_a,
        "Entretien Marie",
        text=TEXT_A,
        author=researcher,
        participants=[(marie, "Marie")],
        date=datetime.date(2019, 5, 1),
    )
    b = factory.make_interview(
        study, site_b, "Groupe Paul", text=TEXT_B, author=researcher, participants=[(paul, "Paul")], kind="group"
    )
    cafe = factory.make_excerpt(a, *span(TEXT_A, "café 😀 du coin"), codes=[lieux], coder=researcher)
    coding_services.add_codings(cafe, code_ids=[lieux.pk], coder=coder)
    family = factory.make_excerpt(a, *span(TEXT_A, "👩‍👩‍👧 en famille"), codes=[partenaires, reseau], coder=coder)
    factory.make_excerpt(a, *span(TEXT_A, "la table de concertation 𝒜"), codes=[reseau], coder=researcher)
    local = factory.make_excerpt(b, *span(TEXT_B, "🏠"), codes=[lieux], coder=researcher)
    factory.make_excerpt(b, *span(TEXT_B, "😀😀 viennent"), codes=[partenaires], coder=researcher)
    coding_services.create_memo(
        study, author=researcher, kind="theoretical", title="Sur le réseau", body="Théorie 🌱.", anchor=reseau
    )
    coding_services.create_memo(
        study, author=coder, kind="analytic", title="Famille", body="Ligne 1\nLigne 2", anchor=family
    )
    coding_services.create_memo(
        study, author=researcher, kind="methodological", title="Entretien", body="Bruit.", anchor=a
    )
    coding_services.create_memo(
        study, author=researcher, kind="analytic", title="Milieu B", body="Calme.", anchor=site_b
    )
    coding_services.create_memo(study, author=researcher, kind="analytic", title="Étude", body="Vue d'ensemble.")
    return {"interviews": (a, b), "codes": (reseau, partenaires, lieux), "excerpts": (cafe, family, local)}


@pytest.fixture
def english(client):
    """Messages in English, in the tests' own calls and on pages (the default language is French)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


def code_paths(study):
    codes = {code.pk: code for code in Code.objects.filter(study=study)}

    def path(code):
        return (*path(codes[code.parent_id]), code.name) if code.parent_id else (code.name,)

    return {pk: " > ".join(path(code)) for pk, code in codes.items()}


def snapshot(study):
    """The study as plain, sorted data: what a round trip must keep (no pks, no dates)."""
    paths = code_paths(study)
    codes = sorted(
        (paths[c.pk], c.colour, c.definition, c.inclusion, c.exclusion, c.example)
        for c in Code.objects.filter(study=study)
    )
    interviews = sorted(
        (i.title, i.site.code, i.kind, i.date, i.current_version.text)
        for i in Interview.objects.filter(study=study).select_related("site", "current_version")
    )
    excerpts = sorted(
        (e.interview.title, e.start, e.end, e.quote, e.needs_review)
        for e in Excerpt.objects.filter(interview__study=study).select_related("interview")
    )
    codings = sorted(
        (c.excerpt.interview.title, c.excerpt.quote, paths[c.code_id], c.coder.email)
        for c in Coding.objects.filter(excerpt__interview__study=study).select_related("excerpt__interview", "coder")
    )
    memos = sorted(
        (m.kind, m.title, m.body, _anchor(m, paths), m.author.email) for m in Memo.objects.filter(study=study)
    )
    labels = {d.key: d.label for d in AttributeDefinition.objects.filter(study=study)}
    participants = sorted(
        (
            p.code,
            p.kind,
            p.site.code,
            tuple(sorted((labels[key], value) for key, value in p.attributes.items())),
            tuple(sorted(i.title for i in p.interviews.all())),
        )
        for p in Participant.objects.filter(study=study).select_related("site")
    )
    attributes = sorted((d.label, d.kind, d.choices) for d in AttributeDefinition.objects.filter(study=study))
    return {
        "codes": codes,
        "interviews": interviews,
        "excerpts": excerpts,
        "codings": codings,
        "memos": memos,
        "participants": participants,
        "attributes": attributes,
    }


def _anchor(memo, paths):
    if memo.code_id:
        return ("code", paths[memo.code_id])
    if memo.excerpt_id:
        return ("excerpt", memo.excerpt.quote)
    if memo.interview_id:
        return ("interview", memo.interview.title)
    if memo.site_id:
        return ("site", memo.site.code)
    return ("study",)


def members(qdpx):
    """{name: bytes} of a .qdpx."""
    with zipfile.ZipFile(io.BytesIO(qdpx)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@functools.cache
def _xmlschema(kind):
    return xmlschema.XMLSchema(str(schema.SCHEMAS / schema.FILES[kind]))


def assert_valid(kind, document):
    """An export checked against the official schema twice: as the app does (libxml2), and with xmlschema."""
    assert schema.first_error(kind, document) == ""
    _xmlschema(kind).validate(document)  # raises, saying why, when it does not validate


def assert_valid_project(qdpx):
    """Every export a test makes is checked against the official schema, again, here."""
    assert_valid("project", members(qdpx)["project.qde"])


def make_qdpx(files, *, compression=zipfile.ZIP_DEFLATED):
    """A zip of {name: bytes or str} exactly as given (names included)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in files.items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=compression)
    return buffer.getvalue()


CODE_GUID = "6f1c0a52-3b7e-4d59-9a54-0d8c2f1e7a01"
SOURCE_GUID = "a3c9e1d2-5f6b-4c7d-8e9f-0a1b2c3d4e5f"
USER_GUID = "0b9d3c51-8a2e-4f6d-b7c8-9e0f1a2b3c4d"


def project_xml(
    selections, *, origin="Other QDA 1.0", text_path=f"internal://{SOURCE_GUID}.txt", extra="", code_guid=CODE_GUID
):
    """A small project as another producer might write it: one code, one text source with `selections`.

    `selections` are (start, end) or (start, end, name) in the producer's units; each is coded with the code.
    """
    items = []
    for number, selection in enumerate(selections, start=1):
        start, end, *name = selection
        name_attribute = f' name="{name[0]}"' if name else ""
        items.append(
            f'<PlainTextSelection guid="00000000-0000-4000-8000-{number:012d}"{name_attribute} '
            f'startPosition="{start}" endPosition="{end}" creatingUser="{USER_GUID}">'
            f'<Coding guid="10000000-0000-4000-8000-{number:012d}" creatingUser="{USER_GUID}">'
            f'<CodeRef targetGUID="{code_guid}"/></Coding></PlainTextSelection>'
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<Project xmlns="urn:QDA-XML:project:1.0" name="Projet importé" origin="{origin}">'
        f'<Users><User guid="{USER_GUID}" name="Quelqu\'un d\'ailleurs"/></Users>'
        f'<CodeBook><Codes><Code guid="{code_guid}" name="Importé" isCodable="true" color="#ABC"/></Codes></CodeBook>'
        f'<Sources><TextSource guid="{SOURCE_GUID}" name="Entretien importé.txt" plainTextPath="{text_path}">'
        f"{''.join(items)}</TextSource></Sources>{extra}</Project>"
    )
