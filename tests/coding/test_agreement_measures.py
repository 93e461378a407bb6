"""The agreement measures over character units, checked against scikit-learn, the krippendorff package and
cases worked by hand."""

import warnings

import krippendorff
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score

from coding import agreement


def _characters(length, ranges_by_coder):
    """The coders × characters 0/1 matrix the ranges describe, built the slow, obvious way."""
    units = np.zeros((len(ranges_by_coder), length), dtype=int)
    for row, ranges in enumerate(ranges_by_coder):
        for start, end in ranges:
            units[row, start:end] = 1
    return units


def _sklearn_kappa(units):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # sklearn warns when κ is undefined and answers nan
        value = cohen_kappa_score(units[0], units[1])
    return None if np.isnan(value) else value


def _package_alpha(units):
    try:
        value = krippendorff.alpha(reliability_data=units, level_of_measurement="nominal")
    except ValueError:  # "There has to be more than one value in the domain."
        return None
    return None if np.isnan(value) else value


@st.composite
def codings(draw, max_coders=4):
    length = draw(st.integers(min_value=1, max_value=400))
    coders = draw(st.integers(min_value=2, max_value=max_coders))
    span = st.tuples(st.integers(0, length - 1), st.integers(1, length)).filter(lambda pair: pair[0] < pair[1])
    return length, [draw(st.lists(span, max_size=6)) for _ in range(coders)]


def _close(ours, theirs):
    return (ours is None and theirs is None) or (
        ours is not None and theirs is not None and ours == pytest.approx(theirs, abs=1e-9)
    )


@settings(max_examples=300, deadline=None)
@given(codings(max_coders=2))
def test_kappa_is_scikit_learns_on_random_character_codings(case):
    length, ranges = case
    weights, covered = agreement.segments(length, ranges)
    counts = agreement.cell_counts(weights, covered)
    assert _close(counts.kappa, _sklearn_kappa(_characters(length, ranges)))


@settings(max_examples=300, deadline=None)
@given(codings(max_coders=5))
def test_alpha_is_the_krippendorff_packages_for_two_coders_or_more(case):
    length, ranges = case
    weights, covered = agreement.segments(length, ranges)
    counts = agreement.cell_counts(weights, covered)
    units = _characters(length, ranges)
    assert _close(counts.alpha, _package_alpha(units))
    assert _close(counts.pair_alpha, _package_alpha(units[:2]))


@pytest.mark.parametrize("seed", range(40))
def test_pooled_figures_equal_the_measures_over_concatenated_units(seed):
    """Aggregating cells (code × interview) gives κ and α of all their characters put end to end."""
    rng = np.random.default_rng(seed)
    cells, codings, joined = [], [], []
    for interview in range(int(rng.integers(1, 5))):
        length = int(rng.integers(20, 300))
        cells.append(agreement.Cell(interview, "S", length, (1, 2)))
        for code in (10, 20):
            ranges = []
            for coder in (1, 2):
                spans = []
                for _ in range(int(rng.integers(0, 4))):
                    start = int(rng.integers(0, length - 1))
                    spans.append((start, int(rng.integers(start + 1, length + 1))))
                codings += [(interview, code, coder, start, end) for start, end in spans]
                ranges.append(spans)
            joined.append((code, _characters(length, ranges)))
    results = agreement.compare(cells, codings)
    # A code nobody coded anywhere is left out; one coded somewhere counts in every interview.
    used = {code for _interview, code, *_rest in codings}
    units = np.concatenate([np.zeros((2, 0), dtype=int)] + [array for code, array in joined if code in used], axis=1)
    overall = agreement.aggregate(results, lambda *_: "all").get("all", agreement.Counts())
    assert overall.units == units.shape[1]
    assert _close(overall.kappa, _sklearn_kappa(units) if units.size else None)
    assert _close(overall.alpha, _package_alpha(units) if units.size else None)


def test_identical_coding_gives_kappa_one_and_full_agreement():
    counts = agreement.cell_counts(*agreement.segments(100, [[(10, 30), (50, 60)], [(10, 30), (50, 60)]]))
    assert counts.kappa == 1
    assert counts.alpha == 1
    assert counts.percent == 100
    assert (counts.both, counts.neither, counts.units) == (30, 70, 100)
    assert counts.warning == ""


def test_one_coder_coding_nothing_gives_kappa_zero_and_a_warning():
    counts = agreement.cell_counts(*agreement.segments(100, [[(0, 40)], []]))
    # pₒ = 0.6, pₑ = 0.4 × 0 + 0.6 × 1 = 0.6: κ = 0.
    assert counts.kappa == 0
    assert counts.percent == 60
    assert counts.warning == "unstable"


def test_kappa_is_undefined_when_neither_coder_codes():
    counts = agreement.uncoded_counts(100, 2)
    assert counts.kappa is None
    assert counts.alpha is None
    assert counts.percent == 100
    assert counts.warning == "undefined"


def test_a_code_nearly_absent_is_flagged_unstable():
    counts = agreement.cell_counts(*agreement.segments(1000, [[(0, 5)], [(0, 5)]]))
    assert counts.kappa == 1
    assert counts.warning == "unstable"


def test_hand_computed_kappa_of_overlapping_codings():
    # 100 characters; A codes 0–40, B codes 20–60: both 20, A only 20, B only 20, neither 40.
    counts = agreement.cell_counts(*agreement.segments(100, [[(0, 40)], [(20, 60)]]))
    assert (counts.both, counts.first_only, counts.second_only, counts.neither) == (20, 20, 20, 40)
    # pₒ = 0.6; pₑ = 0.4 × 0.4 + 0.6 × 0.6 = 0.52; κ = 0.08 / 0.48.
    assert counts.kappa == pytest.approx(1 / 6)
    assert counts.percent == 60


def test_overlapping_codings_of_several_codes_are_compared_code_by_code():
    cells = [agreement.Cell(7, "MTL1", 100, (1, 2))]
    codings = [
        (7, "a", 1, 0, 50),
        (7, "a", 1, 40, 60),  # overlaps the coder's own excerpt: the union 0–60 counts once
        (7, "a", 2, 0, 60),
        (7, "b", 1, 30, 70),
        (7, "b", 2, 80, 100),
    ]
    results = agreement.compare(cells, codings)
    a, b = results[("a", 7, 1, 2)], results[("b", 7, 1, 2)]
    assert (a.both, a.first_only, a.second_only, a.neither) == (60, 0, 0, 40)
    assert a.kappa == 1
    assert (b.both, b.first_only, b.second_only, b.neither) == (0, 40, 20, 40)
    # pₒ = 0.4; pₑ = 0.4 × 0.2 + 0.6 × 0.8 = 0.56; κ = −0.16 / 0.44.
    assert b.kappa == pytest.approx(-0.16 / 0.44)
    overall = agreement.aggregate(results, lambda *_: "all")["all"]
    assert overall.units == 200
    assert overall.percent == pytest.approx(70)


def test_regions_mark_where_two_coders_differ():
    found = agreement.regions(100, [(0, 10), (20, 30)], [(0, 10), (25, 40)])
    assert [(r["start"], r["end"], r["agreed"]) for r in found] == [(0, 10, True), (20, 40, False)]
    assert found[1]["first"] == [(20, 30)]
    assert found[1]["second"] == [(25, 40)]
    assert found[1]["both"] == [(25, 30)]


def test_ranges_past_the_text_are_cut_at_its_end():
    weights, covered = agreement.segments(10, [[(5, 50)], [(-3, 4)]])
    assert sum(weights) == 10
    counts = agreement.cell_counts(weights, covered)
    assert (counts.first_only, counts.second_only) == (5, 4)
