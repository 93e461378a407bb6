"""The code × site tallies PostgreSQL keeps give the matrix's numbers, and stay exact through every kind of change."""

import pytest
from django.db import connection

from coding import services
from coding.models import Coding, Excerpt
from interviews.models import Interview
from reports import matrices, tallies
from reports.codetree import CodeTree
from reports.retrieval import RetrievalForm, placed_codings
from tests import factory
from tests.reports.test_matrices import CODES, EXCERPTS

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the tallies are kept by PostgreSQL triggers"),
]


def as_lists(counts, world):
    """{column: counts in CODES order}; a code merged away counts 0."""
    counts = counts.reindex([getattr(world, name).pk for name in CODES], fill_value=0)
    return {column: [int(n) for n in counts[column]] for column in counts.columns}


def from_tallies(world, user=None):
    user = user or world.researcher
    return as_lists(tallies.site_excerpt_counts(world.study, user=user, tree=CodeTree(world.study)), world)


def from_codings(world, user=None):
    """The same counts, made from the codings themselves (what SQLite and filtered matrices use)."""
    user = user or world.researcher
    tree = CodeTree(world.study)
    return as_lists(matrices._counts(placed_codings(world.study, user), tree, "site", "excerpts"), world)


def assert_same(world, user=None):
    expected = from_codings(world, user)
    got = from_tallies(world, user)
    assert {column: counts for column, counts in got.items() if any(counts)} == {
        column: counts for column, counts in expected.items() if any(counts)
    }


def test_the_tallies_give_the_hand_counts(world):
    assert from_tallies(world) == EXCERPTS["site"]


def test_a_team_member_of_one_site_gets_only_that_sites_tallies(world, team_b):
    assert from_tallies(world, team_b) == {"QC1": EXCERPTS["site"]["QC1"]}


def test_the_matrix_uses_the_tallies_only_when_nothing_narrows_the_codings(world):
    assert tallies.available()
    assert tallies.available(RetrievalForm({"code": str(world.mobilisation.pk)}, study=world.study, user=world.coder))
    narrowed = RetrievalForm({"interview_kind": "group"}, study=world.study, user=world.researcher)
    assert not tallies.available(narrowed)
    assert not tallies.available(RetrievalForm({"speaker": "no_interviewer"}, study=world.study, user=world.coder))
    matrix = matrices.code_matrix(world.study, user=world.researcher, axis="site", measure="excerpts", form=narrowed)
    assert matrix.at[world.mobilisation.pk, "MTL1"] == 1  # e7 only: e5 is in A1, an individual interview


def test_adding_and_removing_codes_keeps_the_tallies_exact(world):
    services.add_codings(world.e2, code_ids=[world.roulement.pk, world.concertation.pk], coder=world.coder)
    assert_same(world)
    assert from_tallies(world)["MTL1"] == [6, 3, 2, 2, 2]  # e2 joins Roulement and Concertation: Partenariat once
    coding = Coding.objects.get(excerpt=world.e7, code=world.securite)
    services.remove_coding(coding, by=world.researcher)
    assert_same(world)
    assert from_tallies(world)["MTL1"][4] == 1
    last = Coding.objects.get(excerpt=world.e10)
    services.remove_coding(last, by=world.researcher)  # the excerpt goes with its last coding
    assert_same(world)
    assert from_tallies(world)["QC1"] == [1, 1, 0, 2, 0]


def test_review_moving_an_interview_and_merging_codes_keep_the_tallies_exact(world):
    Excerpt.objects.filter(pk=world.e11.pk).update(needs_review=True)
    assert_same(world)
    assert from_tallies(world)["QC1"][3] == 1
    services.change_extent(world.e12, start=world.e12.start, end=world.e12.end, by=world.researcher)  # re-placed
    assert_same(world)
    assert from_tallies(world)["QC1"][4] == 1
    Interview.objects.filter(pk=world.C1.pk).update(site=world.site_b)
    assert_same(world)
    assert "QC2" not in {column for column, counts in from_tallies(world).items() if any(counts)}
    services.merge_codes(world.securite, into=world.mobilisation, by=world.researcher)
    assert_same(world)
    assert from_tallies(world)["MTL1"][3] == 3  # e5 e7 and e2 (Sécurité's)


def test_bulk_writes_and_deletions_keep_the_tallies_exact(world):
    services.create_excerpts(
        world.A2,
        ranges=[(0, 10, [world.roulement.pk], "k1"), (5, 20, [world.roulement.pk, world.securite.pk], "k2")],
        coder=world.researcher,
    )
    assert_same(world)
    assert from_tallies(world)["MTL1"] == [7, 2, 3, 2, 3]
    Excerpt.objects.filter(interview=world.A1).delete()
    assert_same(world)
    interview = factory.make_interview(world.study, world.site_c, text="Un texte assez long pour un extrait.")
    factory.make_excerpt(interview, 0, 8, codes=[world.mobilisation], coder=world.researcher)
    assert_same(world)


@pytest.mark.parametrize(
    "params",
    [{}, {"code": "partenariat"}, {"code": "partenariat", "include_subcodes": "on"}, {"code": "securite"}],
)
def test_the_retrieval_count_from_the_tallies_is_the_number_of_excerpts_listed(world, team_b, params):
    for user in (world.researcher, team_b):
        data = {key: str(getattr(world, value).pk) if key == "code" else value for key, value in params.items()}
        form = RetrievalForm(data or None, study=world.study, user=user)
        assert tallies.retrieval_count(form) == form.excerpts().count()


def test_a_combination_or_a_filter_is_counted_from_the_excerpts(world):
    for data in (
        {"code": str(world.partenariat.pk), "combine": "not", "other_code": str(world.securite.pk)},
        {"code": str(world.partenariat.pk), "site": str(world.site_a.pk)},
    ):
        assert tallies.retrieval_count(RetrievalForm(data, study=world.study, user=world.researcher)) is None
