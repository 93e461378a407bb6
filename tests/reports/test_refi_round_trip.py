"""Export a study, import it into an empty study, export again: the same codes, sources, excerpts (same quotes),
codings, memos, cases and variables; and exporting unchanged data twice gives the same bytes."""

import pytest

from coding.models import Excerpt
from reports.refi import export, import_
from sites.permissions import Role
from tests import factory
from tests.reports.refi_files import (
    assert_valid,
    assert_valid_project,
    build_study,
    english,  # noqa: F401 (a fixture, used by name)
    members,
    snapshot,
)

pytestmark = pytest.mark.usefixtures("fast_passwords", "english")


@pytest.fixture
def coded(study, site_a, site_b, researcher, coder):
    return build_study(study, site_a, site_b, researcher, coder)


@pytest.fixture
def empty_study(researcher, coder):
    target = factory.make_study(slug="copie", title="Copie")
    factory.make_membership(researcher, target, Role.RESEARCHER)
    factory.make_membership(coder, target, Role.CODER)
    return target


def test_a_study_comes_back_the_same_after_export_and_import(study, coded, researcher, empty_study):
    first = export.export_project(study, user=researcher).content
    assert_valid_project(first)

    report = import_.import_file(empty_study, name="etude.qdpx", data=first, by=researcher)

    assert not report.of("review"), report.as_text()
    assert not report.of("dropped"), report.as_text()
    original, copy = snapshot(study), snapshot(empty_study)
    assert copy == original
    assert len(copy["excerpts"]) == 5 and len(copy["codings"]) == 7 and len(copy["memos"]) == 5
    second = export.export_project(empty_study, user=researcher).content
    assert_valid_project(second)
    # Different study, so different GUIDs: the files agree once GUIDs are set aside.
    assert members(first).keys() != members(second).keys()
    assert len(members(second)) == len(members(first))


def test_exporting_unchanged_data_twice_gives_the_same_bytes(study, coded, researcher):
    first = export.export_project(study, user=researcher).content
    second = export.export_project(study, user=researcher).content
    assert first == second
    assert_valid_project(first)
    codebook = export.export_codebook(study, user=researcher).content
    assert codebook == export.export_codebook(study, user=researcher).content
    assert_valid("codebook", codebook)


def test_excerpts_keep_their_emoji_through_the_round_trip(study, coded, researcher, empty_study):
    exported = export.export_project(study, user=researcher).content
    assert_valid_project(exported)
    import_.import_file(empty_study, name="etude.qdpx", data=exported, by=researcher)
    quotes = set(Excerpt.objects.filter(interview__study=empty_study).values_list("quote", flat=True))
    assert {"café 😀 du coin", "👩‍👩‍👧 en famille", "la table de concertation 𝒜", "🏠", "😀😀 viennent"} == quotes


def test_characters_xml_cannot_carry_are_left_out_and_the_export_still_validates(study, site_a, researcher):
    from coding.services import create_memo

    # Control characters XML 1.0 cannot carry (NUL is refused by PostgreSQL and by Django's forms already).
    create_memo(study, author=researcher, kind="analytic", title="Saut\x0cde page", body="Avant\x0b après\x1f.")
    content = export.export_project(study, user=researcher).content
    assert_valid_project(content)
    assert "Avant après." in members(content)["project.qde"].decode()


def test_guids_are_version_5_uuids_of_the_study_the_type_and_the_pk(study):
    import uuid

    from reports.refi import guids

    namespace = guids.study_namespace(study)
    assert guids.make(namespace, "excerpt", 42) == str(uuid.uuid5(namespace, "excerpt:42"))
    assert guids.key("{5215CC69-B628-4E02-AFB9-9BEEAEE55808}") == "5215cc69-b628-4e02-afb9-9beeaee55808"
    assert guids.key(" code-1 ") == "code-1"
