"""Inter-coder agreement over character units (pure computation, no queries).

The units are a transcript's characters (code points of its current version). For one code, each coder
codes a character or not; this is the method NVivo documents:
- percent agreement = (characters both coded + characters neither coded) / characters of the source;
- Cohen's κ for two coders = (pₒ − pₑ) / (1 − pₑ), with pₑ = pA·pB + (1 − pA)(1 − pB) from each coder's share
  of coded characters; undefined when pₑ = 1 (neither coder varies), unstable when a coder codes (or leaves)
  almost no character (less than UNSTABLE_SHARE of the units);
- Krippendorff's α, nominal, for two or more coders over the same units (every coder rates every character):
  α = 1 − (n − 1)·o₀₁ / (n₀·n₁), from the coincidence matrix (n pairable values, n₀ and n₁ the "not coded" and
  "coded" values, o₀₁ the disagreeing coincidences). It is the `krippendorff` package's α exactly (the tests
  compare them on many random codings); computed here from runs of characters with the same coverage, so a
  study of 50 interviews costs tens of milliseconds instead of arrays of millions of characters.

Aggregates (per code, site, coder pair, overall) pool the units: their counts are summed over the cells
(code × interview × pair), and the measures are computed from the sums. A code that nobody coded in an
interview adds that interview's characters as units both coders left uncoded (NVivo does the same).
"""

import itertools
from dataclasses import dataclass, field
from itertools import combinations

UNSTABLE_SHARE = 0.01


def segments(length, ranges_by_coder):
    """(weights, covered) for a text of `length`: the runs of characters with the same coverage, their lengths,
    and per coder a list of booleans telling whether the coder coded each run. Ranges are [start, end).

    Plain Python: a cell holds a handful of ranges, for which numpy's per-call cost is larger than the work.
    """
    clip = lambda value: min(max(value, 0), length)  # noqa: E731
    bounds = sorted({0, length, *(clip(v) for ranges in ranges_by_coder for span in ranges for v in span)})
    index = {bound: n for n, bound in enumerate(bounds)}
    weights = [high - low for low, high in itertools.pairwise(bounds)]
    covered = []
    for ranges in ranges_by_coder:
        delta = [0] * len(bounds)
        for start, end in ranges:
            delta[index[clip(start)]] += 1
            delta[index[clip(end)]] -= 1
        row, depth = [], 0
        for step in delta[:-1]:
            depth += step
            row.append(depth > 0)
        covered.append(row)
    return weights, covered


@dataclass
class Counts:
    """Pooled character units of one comparison: pair counts for κ, coincidence terms for α."""

    units: int = 0  # characters (× codes when pooled)
    both: int = 0
    first_only: int = 0
    second_only: int = 0
    neither: int = 0
    # Krippendorff's terms over every coder of the cells: n₀, n₁ and o₀₁ (a float: divided by m − 1).
    values_0: int = 0
    values_1: int = 0
    disagreement: float = 0.0
    pairs: bool = field(default=True, repr=False)  # False for an α-only summary (more than one pair pooled)

    def add(self, other, *, with_alpha=True):
        """Pool `other` into these counts; without α's terms when they were counted already (another pair)."""
        self.units += other.units
        self.both += other.both
        self.first_only += other.first_only
        self.second_only += other.second_only
        self.neither += other.neither
        if with_alpha:
            self.values_0 += other.values_0
            self.values_1 += other.values_1
            self.disagreement += other.disagreement
        return self

    @property
    def percent(self):
        """Percent agreement, 0–100; None without units."""
        return 100 * (self.both + self.neither) / self.units if self.units else None

    @property
    def kappa(self):
        return kappa(self.both, self.first_only, self.second_only, self.neither)

    @property
    def alpha(self):
        return alpha(self.values_0, self.values_1, self.disagreement)

    @property
    def pair_alpha(self):
        """α of the pair alone, from their 2 × 2 table (equal to `alpha` when they are the only two coders)."""
        disagreeing = self.first_only + self.second_only
        return alpha(2 * self.neither + disagreeing, 2 * self.both + disagreeing, disagreeing)

    @property
    def warning(self):
        """ "undefined", "unstable" or "" for κ (see the module docstring)."""
        return kappa_warning(self.both, self.first_only, self.second_only, self.neither)

    def as_dict(self):
        return {
            "units": self.units,
            "both": self.both,
            "first_only": self.first_only,
            "second_only": self.second_only,
            "neither": self.neither,
            "percent": _rounded(self.percent),
            "kappa": _rounded(self.kappa),
            "alpha": _rounded(self.alpha),
            "warning": self.warning,
        }


def _rounded(value, digits=4):
    return None if value is None else round(float(value), digits)


def kappa(both, first_only, second_only, neither):
    """Cohen's κ from a 2 × 2 table of units; None when undefined (pₑ = 1 or no units)."""
    n = both + first_only + second_only + neither
    if not n:
        return None
    first, second = (both + first_only) / n, (both + second_only) / n
    expected = first * second + (1 - first) * (1 - second)
    if expected >= 1 - 1e-12:
        return None
    return ((both + neither) / n - expected) / (1 - expected)


def kappa_warning(both, first_only, second_only, neither):
    n = both + first_only + second_only + neither
    if kappa(both, first_only, second_only, neither) is None:
        return "undefined"
    shares = ((both + first_only) / n, (both + second_only) / n)
    if any(min(share, 1 - share) < UNSTABLE_SHARE for share in shares):
        return "unstable"
    return ""


def alpha(values_0, values_1, disagreement):
    """Krippendorff's α (nominal, binary values) from n₀, n₁ and o₀₁; None when there is no variation."""
    n = values_0 + values_1
    if n < 2 or not values_0 or not values_1:
        return None
    return 1 - (n - 1) * disagreement / (values_0 * values_1)


def cell_counts(weights, covered, first=0, second=1):
    """Counts of one code in one interview: the pair (first, second)'s table and α's terms over every coder."""
    coders = len(covered)
    counts = Counts()
    values_1 = disagreeing = 0
    for run, weight in enumerate(weights):
        a, b = covered[first][run], covered[second][run]
        if a and b:
            counts.both += weight
        elif a:
            counts.first_only += weight
        elif b:
            counts.second_only += weight
        else:
            counts.neither += weight
        coding = sum(row[run] for row in covered)
        values_1 += weight * coding
        disagreeing += weight * coding * (coders - coding)
    counts.units = sum(weights)
    counts.values_1 = values_1
    counts.values_0 = counts.units * coders - values_1
    counts.disagreement = disagreeing / (coders - 1)
    return counts


def uncoded_counts(length, coders):
    """Counts of a code nobody coded in an interview of `length` characters."""
    return Counts(units=length, neither=length, values_0=length * coders)


@dataclass(frozen=True)
class Cell:
    """One interview double-coded by `coders` (user ids, two or more) in one assignment."""

    interview: int
    site: str
    length: int
    coders: tuple


def compare(cells, codings):
    """Per (code, interview, first coder, second coder) the Counts of the pair, with α's terms over the cell's
    coders; codes are every code any coder used in any cell. codings: (interview, code, coder, start, end) rows.

    Returns {(code, interview, first, second): Counts} in a plain dict; aggregate() pools them.
    """
    by_cell = {}
    codes = set()
    for interview, code, coder, start, end in codings:
        by_cell.setdefault((interview, code), {}).setdefault(coder, []).append((start, end))
        codes.add(code)
    results = {}
    for cell in cells:
        for code in codes:
            ranges = by_cell.get((cell.interview, code), {})
            used = [ranges.get(coder, []) for coder in cell.coders]
            if not any(used):
                blank = uncoded_counts(cell.length, len(cell.coders))
                for first, second in combinations(cell.coders, 2):
                    results[(code, cell.interview, first, second)] = blank
                continue
            weights, covered = segments(cell.length, used)
            for (i, first), (j, second) in combinations(enumerate(cell.coders), 2):
                results[(code, cell.interview, first, second)] = cell_counts(weights, covered, i, j)
    return results


def aggregate(results, key):
    """{key(code, interview, first, second): pooled Counts}; α's terms count once per (code, interview)."""
    pooled, alpha_seen = {}, set()
    for (code, interview, first, second), counts in results.items():
        name = key(code, interview, first, second)
        target = pooled.get(name)
        if target is None:
            target = pooled[name] = Counts()
        # Another pair of the same cell: its table adds, its α terms (which cover every coder) do not.
        group = (id(target), code, interview)
        target.add(counts, with_alpha=group not in alpha_seen)
        alpha_seen.add(group)
    return pooled


def regions(length, first_ranges, second_ranges):
    """The places where two coders coded one code, for the disagreement view and adjudication.

    Each region is a maximal run of characters that either coder coded: (start, end, first's ranges in it,
    second's ranges in it, both's ranges in it, agreed) with agreed True when both cover it exactly alike.
    """
    weights, covered = segments(length, [first_ranges, second_ranges])
    found, current, end = [], None, 0
    for weight, a, b in zip(weights, covered[0], covered[1], strict=True):
        start, end = end, end + weight
        if not (a or b):
            current = None
            continue
        if current is None:
            current = {"start": start, "end": end, "first": [], "second": [], "both": [], "agreed": True}
            found.append(current)
        current["end"] = end
        for name, flag in (("first", a), ("second", b), ("both", a and b)):
            if flag:
                _extend(current[name], start, end)
        current["agreed"] = current["agreed"] and bool(a) == bool(b)
    return found


def _extend(ranges, start, end):
    if ranges and ranges[-1][1] == start:
        ranges[-1] = (ranges[-1][0], end)
    else:
        ranges.append((start, end))
