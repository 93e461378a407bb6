"""Every number of every matrix, for each axis and measure, against the hand counts of tests/reports/fixtures.py."""

import pytest
from django.utils import translation

from reports.matrices import code_matrix, cooccurrence, silent_sites

pytestmark = pytest.mark.django_db

CODES = ["partenariat", "concertation", "roulement", "mobilisation", "securite"]

# Rows in codebook order (Partenariat counts itself and its two sub-codes), columns in the axis's order.
EXCERPTS = {
    "site": {
        "MTL1": [5, 2, 1, 2, 2],  # e1 e3 e4 e6 e8 | e1 e6 | e4 | e5 e7 | e2 e7
        "QC1": [2, 1, 1, 2, 0],  # e9 e10 | e9 | e10 | e11 e13 | (e12 needs review)
        "QC2": [2, 2, 0, 0, 0],  # e14 e15
    },
    "participant_kind": {  # by speaker; e3 is the interviewer's, in no column
        "partner": [4, 2, 1, 1, 0],  # e6 e8 e9 e10 | e6 e9 | e10 | e13 (sole participant of B3)
        "resident": [3, 2, 1, 3, 2],  # e1 e4 e15 | e1 e15 | e4 | e5 e7 e11 | e2 e7
        "field_worker": [1, 1, 0, 0, 0],  # e14
    },
    "clientele": {
        "families": [2, 1, 1, 2, 2],  # Marie e1 e4 | e1 | e4 | e5, Rose e7 | e2 e7
        "persons_alone": [0, 0, 0, 1, 0],  # Nadia e11
        "seniors": [1, 1, 0, 0, 0],  # Odette e15
    },
}
PARTICIPANTS = {
    "site": {"MTL1": [2, 2, 1, 2, 2], "QC1": [1, 1, 1, 2, 0], "QC2": [2, 2, 0, 0, 0]},
    "participant_kind": {
        "partner": [2, 2, 1, 1, 0],
        "resident": [2, 2, 1, 3, 2],
        "field_worker": [1, 1, 0, 0, 0],
    },
    "clientele": {"families": [1, 1, 1, 2, 2], "persons_alone": [0, 0, 0, 1, 0], "seniors": [1, 1, 0, 0, 0]},
}
# Interviews carrying the code / interviews of the column (with a transcript).
INTERVIEWS = {
    "site": {"MTL1": 2, "QC1": 3, "QC2": 1},  # A1 A2 | B1 B2 B3 | C1
    "participant_kind": {"partner": 3, "resident": 4, "field_worker": 1},  # A2 B1 B3 | A1 A2 B2 C1 | C1
    "clientele": {"families": 2, "persons_alone": 1, "seniors": 1},  # A1 A2 | B2 | C1
}
CARRYING = {
    "site": {"MTL1": [2, 2, 1, 2, 2], "QC1": [1, 1, 1, 2, 0], "QC2": [1, 1, 0, 0, 0]},
    "participant_kind": {
        "partner": [2, 2, 1, 1, 0],  # A2 B1 | A2 B1 | B1 | B3
        "resident": [2, 2, 1, 3, 2],  # A1 C1 | A1 C1 | A1 | A1 A2 B2 | A1 A2
        "field_worker": [1, 1, 0, 0, 0],
    },
    "clientele": {"families": [1, 1, 1, 2, 2], "persons_alone": [0, 0, 0, 1, 0], "seniors": [1, 1, 0, 0, 0]},
}
# Words of the column's interviews (fixtures.WORDS: A1 31, A2 46, B1 27, B2 24, B3 16, C1 27).
WORDS = {
    "site": {"MTL1": 77, "QC1": 67, "QC2": 27},
    "participant_kind": {"partner": 89, "resident": 128, "field_worker": 27},  # A2+B1+B3 | A1+A2+B2+C1 | C1
    "clientele": {"families": 77, "persons_alone": 24, "seniors": 27},
}


def assert_close(got, expected):
    assert list(got) == list(expected)
    for column, values in expected.items():
        assert got[column] == pytest.approx(values), column


def as_lists(matrix, world):
    assert list(matrix.index) == [getattr(world, name).pk for name in CODES], "rows in codebook order"
    return {column: [matrix.at[getattr(world, name).pk, column] for name in CODES] for column in matrix.columns}


@pytest.mark.parametrize("axis", ["site", "participant_kind", "clientele"])
def test_excerpts_count_each_excerpt_once_with_its_sub_codes(world, axis):
    matrix = code_matrix(world.study, user=world.researcher, axis=axis, measure="excerpts")
    assert list(matrix.columns) == list(EXCERPTS[axis])
    assert as_lists(matrix, world) == EXCERPTS[axis]


@pytest.mark.parametrize("axis", ["site", "participant_kind", "clientele"])
def test_participants_are_distinct_speakers(world, axis):
    matrix = code_matrix(world.study, user=world.researcher, axis=axis, measure="participants")
    assert as_lists(matrix, world) == PARTICIPANTS[axis]


@pytest.mark.parametrize("axis", ["site", "participant_kind", "clientele"])
def test_share_of_interviews_divides_by_the_columns_interviews(world, axis):
    matrix = code_matrix(world.study, user=world.researcher, axis=axis, measure="interviews_share")
    assert matrix.attrs["interviews"] == INTERVIEWS[axis]
    expected = {column: [n / INTERVIEWS[axis][column] for n in counts] for column, counts in CARRYING[axis].items()}
    assert_close(as_lists(matrix, world), expected)


@pytest.mark.parametrize("axis", ["site", "participant_kind", "clientele"])
def test_per_10k_words_divides_by_the_words_of_the_columns_interviews(world, axis):
    matrix = code_matrix(world.study, user=world.researcher, axis=axis, measure="per_10k_words")
    assert matrix.attrs["words"] == WORDS[axis]
    expected = {column: [n * 10_000 / WORDS[axis][column] for n in counts] for column, counts in EXCERPTS[axis].items()}
    assert_close(as_lists(matrix, world), expected)


def test_a_share_reads_as_a_fraction(world):
    matrix = code_matrix(world.study, user=world.researcher, axis="site", measure="interviews_share")
    assert matrix.at[world.mobilisation.pk, "QC1"] == pytest.approx(2 / 3)  # B2 and B3 of B1 B2 B3


@translation.override("en")
def test_matrix_names_its_rows_and_columns(world):
    matrix = code_matrix(world.study, user=world.researcher, axis="site", measure="excerpts")
    assert matrix.attrs["code_paths"][world.roulement.pk] == "Partenariat > Roulement"
    assert matrix.attrs["column_labels"] == {
        "MTL1": "MTL1 — Milieu Rivière",
        "QC1": "QC1 — Milieu Colline",
        "QC2": "QC2 — Milieu Soleil",
    }
    kinds = code_matrix(world.study, user=world.researcher, axis="participant_kind", measure="excerpts")
    assert kinds.attrs["column_labels"] == {
        "partner": "Partner",
        "resident": "Resident",
        "field_worker": "Field worker",
    }


def test_a_team_member_of_one_site_counts_only_that_site(world, team_b):
    by_site = code_matrix(world.study, user=team_b, axis="site", measure="excerpts")
    assert as_lists(by_site, world) == {"QC1": EXCERPTS["site"]["QC1"]}
    by_kind = code_matrix(world.study, user=team_b, axis="participant_kind", measure="excerpts")
    assert as_lists(by_kind, world) == {"partner": [2, 1, 1, 1, 0], "resident": [0, 0, 0, 1, 0]}
    words = code_matrix(world.study, user=team_b, axis="site", measure="per_10k_words")
    assert words.attrs["words"] == {"QC1": 67}


def test_a_coder_of_site_a_counts_only_site_a(world):
    matrix = code_matrix(world.study, user=world.coder, axis="clientele", measure="excerpts")
    assert as_lists(matrix, world) == {"families": EXCERPTS["clientele"]["families"]}


def test_silent_sites_are_those_without_a_code_present_elsewhere(world):
    matrix = code_matrix(world.study, user=world.researcher, axis="site", measure="excerpts")
    silent = {code: (absent, present) for code, absent, present in silent_sites(matrix)}
    assert silent == {
        world.roulement.pk: (["QC2"], ["MTL1", "QC1"]),
        world.mobilisation.pk: (["QC2"], ["MTL1", "QC1"]),
        world.securite.pk: (["QC1", "QC2"], ["MTL1"]),
    }


def test_cooccurrence_on_overlapping_text(world):
    matrix = cooccurrence(world.study, user=world.researcher, scope="overlap")
    pk = {name: getattr(world, name).pk for name in CODES}
    expected = {(a, a): n for a, n in zip(CODES, [2, 5, 2, 4, 2], strict=True)}  # each code's own excerpts
    expected |= {("roulement", "mobilisation"): 1, ("mobilisation", "roulement"): 1}  # e4 and e5 overlap
    expected |= {("mobilisation", "securite"): 1, ("securite", "mobilisation"): 1}  # e7 carries both
    for a in CODES:
        for b in CODES:
            assert matrix.at[pk[a], pk[b]] == expected.get((a, b), 0), (a, b)


def test_cooccurrence_within_the_interview(world):
    matrix = cooccurrence(world.study, user=world.researcher, scope="interview")
    pk = {name: getattr(world, name).pk for name in CODES}
    # Codes per interview: A1 all five; A2 partenariat concertation mobilisation securite; B1 concertation
    # roulement; B2 mobilisation (securite needs review); B3 mobilisation; C1 concertation.
    expected = [
        [2, 2, 1, 2, 2],
        [2, 4, 2, 2, 2],
        [1, 2, 2, 1, 1],
        [2, 2, 1, 4, 2],
        [2, 2, 1, 2, 2],
    ]
    assert [[matrix.at[pk[a], pk[b]] for b in CODES] for a in CODES] == expected


def test_a_needs_review_excerpt_counts_nowhere(world):
    from coding.models import Excerpt

    Excerpt.objects.filter(pk=world.e12.pk).update(needs_review=False)
    matrix = code_matrix(world.study, user=world.researcher, axis="site", measure="excerpts")
    assert matrix.at[world.securite.pk, "QC1"] == 1  # e12 counts once placed again
