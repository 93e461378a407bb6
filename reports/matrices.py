"""The transversal analysis as tables: codes × sites, participant kinds or housing-estate clienteles, and code × code.

`code_matrix` counts, for each active code in codebook order, the code itself AND its sub-codes (the usual
aggregate view: a theme carries what its sub-themes carry). Its measures:
- "excerpts": distinct excerpts (an excerpt coded twice with one code, by two coders, counts once);
- "interviews_share": the fraction (0–1) of the column's interviews in which the code appears;
- "participants": distinct speakers whose words carry the code;
- "per_10k_words": excerpts per 10,000 words of the current versions of the column's interviews.
Columns: a site's excerpts are its interviews'; a participant kind's or a clientele's are those whose speaker
(see reports/retrieval.py) is of that kind or lives in an estate of that clientele. A column's interviews, for
the shares and the words, are the interviews with a transcript that belong to the site, or that have a
participant of the kind, or of an estate of the clientele. Only excerpts that need no review count.

`cooccurrence` is per code, without sub-codes: on overlapping text, cell (A, B) is the number of excerpts coded
A that overlap text coded B (the same excerpt counts; the diagonal is A's excerpts), which is what the retrieval
page lists for "A and B on overlapping text"; within the interview, cell (A, B) is the number of interviews
where both were coded (symmetric). Each is one aggregate query; pandas only reshapes the result.
"""

import re

import pandas as pd
from django.core.cache import cache
from django.db.models import Count, F, Q
from django.utils.translation import gettext as _

from coding.models import blinded_interview_ids
from interviews.models import Interview, TranscriptVersion
from reports import tallies
from reports.codetree import CodeTree
from reports.retrieval import placed_codings, speaker_expression
from sites.models import HousingEstate, Participant, Site

MEASURES = ("excerpts", "interviews_share", "participants", "per_10k_words")
AXES = ("site", "participant_kind", "clientele")
SCOPES = ("overlap", "interview")
# A word is a run of letters or digits, possibly joined by apostrophes or hyphens ("c'est", "vis-à-vis").
WORD = re.compile(r"\w+(?:['’-]\w+)*")
WORDS_CACHE_SECONDS = 7 * 24 * 3600

# The excerpt's column, from a coding.
_COLUMN = {
    "site": lambda: F("excerpt__interview__site__code"),
    "participant_kind": lambda: speaker_expression("kind", "excerpt__"),
    "clientele": lambda: speaker_expression("housing_estate__clientele", "excerpt__"),
}
# An interview's columns, from an interview.
_INTERVIEW_COLUMN = {
    "site": "site__code",
    "participant_kind": "interview_participants__participant__kind",
    "clientele": "interview_participants__participant__housing_estate__clientele",
}


def code_matrix(study, *, user, axis, measure, form=None):
    """A DataFrame of codes (index: ids in codebook order) × axis values; 3 to 5 queries (see the module docstring).

    Excerpt counts per site, when nothing narrows the codings, come from the tallies PostgreSQL keeps
    (reports/tallies.py): a few thousand rows read instead of every coding.

    attrs: "code_paths" {id: "Parent > Child"}, "column_labels" {column: label}, "axis", "measure", and for the
    relative measures their denominators, "interviews" or "words" {column: n}.
    """
    if axis not in AXES or measure not in MEASURES:
        raise ValueError(f"unknown axis or measure: {axis}, {measure}")
    tree = form.tree if form is not None else CodeTree(study)
    codings = form.context_codings() if form is not None else placed_codings(study, user)
    labels = axis_labels(study, user, axis)
    columns = list(labels)
    if axis == "site" and measure in ("excerpts", "per_10k_words") and tallies.available(form, user=user):
        counts = tallies.site_excerpt_counts(study, user=user, tree=tree)  # the same numbers, from the tallies
    else:
        counts = _counts(codings, tree, axis, measure)
    counts = counts.reindex(columns=columns, fill_value=0).astype(int)
    attrs = {"code_paths": {row.pk: row.path for row in tree.rows}, "column_labels": labels, "axis": axis}
    if measure == "interviews_share":
        interviews = _interview_columns(study, user, axis, form)
        per_column = interviews.groupby("column")["version"].nunique().reindex(columns, fill_value=0)
        matrix = _ratio(counts, per_column)
        attrs["interviews"] = {column: int(n) for column, n in per_column.items()}
    elif measure == "per_10k_words":
        interviews = _interview_columns(study, user, axis, form)
        words = interviews["version"].map(word_counts(interviews.drop_duplicates("version")))
        per_column = interviews.assign(words=words).groupby("column")["words"].sum().reindex(columns, fill_value=0)
        matrix = _ratio(counts * 10_000, per_column)
        attrs["words"] = {column: int(n) for column, n in per_column.items()}
    else:
        matrix = counts
    matrix.attrs.update(attrs, measure=measure)
    return matrix


def _ratio(counts, denominators):
    """Each column divided by its denominator; 0 where the denominator is 0."""
    return counts.div(denominators.where(denominators > 0), axis="columns").fillna(0.0)


def _counts(codings, tree, axis, measure):
    """One GROUP BY column query: per code, a distinct count over the codings of its sub-tree."""
    target = {
        "excerpts": F("excerpt_id"),
        "per_10k_words": F("excerpt_id"),
        "interviews_share": F("excerpt__interview_id"),
        "participants": speaker_expression("id", "excerpt__"),
    }[measure]
    aggregates = {
        f"c{row.pk}": Count(target, distinct=True, filter=Q(code_id__in=sorted(row.subtree))) for row in tree.rows
    }
    index = [row.pk for row in tree.rows]
    if not aggregates:
        return pd.DataFrame(index=pd.Index(index, name="code"))
    rows = list(codings.annotate(column=_COLUMN[axis]()).values("column").annotate(**aggregates).order_by())
    frame = pd.DataFrame.from_records(rows, columns=["column", *aggregates]).set_index("column")
    frame = frame[frame.index.notna()].T
    frame.index = [int(key[1:]) for key in frame.index]
    return frame.reindex(index, fill_value=0).rename_axis("code").rename_axis(None, axis=1)


def axis_labels(study, user, axis):
    """{column: label} of the axis, in a stable order: sites by code, kinds and clienteles as the models list them."""
    if axis == "site":
        sites = Site.objects.visible_to(user).filter(study=study).order_by("code").values_list("code", "name")
        return {code: f"{code} — {name}" for code, name in sites}
    if axis == "participant_kind":
        present = set(Participant.objects.visible_to(user).filter(study=study).values_list("kind", flat=True))
        return {kind: str(label) for kind, label in Participant.KIND_CHOICES if kind in present}
    estates = HousingEstate.objects.visible_to(user).filter(site__study=study)
    present = set(estates.values_list("clientele", flat=True))
    return {clientele: str(label) for clientele, label in HousingEstate.CLIENTELE_CHOICES if clientele in present}


def _interview_columns(study, user, axis, form):
    """(version, created, column) of every visible interview with a transcript, per column it belongs to (one query)."""
    interviews = Interview.objects.visible_to(user).filter(study=study, current_version__isnull=False)
    if form is not None:
        interviews = interviews.filter(form.interview_q())
    rows = interviews.values_list("current_version_id", "current_version__created_at", _INTERVIEW_COLUMN[axis])
    frame = pd.DataFrame.from_records(list(rows.distinct().order_by()), columns=["version", "created", "column"])
    return frame[frame["column"].notna()]


def word_counts(versions):
    """{version id: words} of `versions` (a frame of version, created); one query for the uncounted ones.

    Versions never change (an edit makes a new one), so a count is cached for good; the key holds the creation
    time too, since ids can come back on a test database.
    """
    keys = {
        f"reports:words:{version}:{created.timestamp():.6f}": version
        for version, created in zip(versions["version"], versions["created"], strict=True)
    }
    found = {keys[key]: words for key, words in cache.get_many(list(keys)).items()}
    missing = [version for version in keys.values() if version not in found]
    if missing:
        counted = {
            pk: len(WORD.findall(text))
            for pk, text in TranscriptVersion.objects.filter(pk__in=missing).values_list("pk", "text").iterator()
        }
        cache.set_many(
            {key: counted[version] for key, version in keys.items() if version in counted}, WORDS_CACHE_SECONDS
        )
        found.update(counted)
    return found


def silent_sites(matrix):
    """[(code id, [silent columns], [columns where present])] for codes present in some columns, absent in others."""
    present = matrix > 0
    mixed = present.any(axis=1) & ~present.all(axis=1)
    return [
        (code, list(matrix.columns[~present.loc[code]]), list(matrix.columns[present.loc[code]]))
        for code in matrix.index[mixed]
    ]


def cooccurrence(study, *, user, scope, form=None):
    """A DataFrame code × code (ids in codebook order) for `scope` "overlap" or "interview" (see the docstring)."""
    if scope not in SCOPES:
        raise ValueError(f"unknown scope: {scope}")
    tree = form.tree if form is not None else CodeTree(study)
    codings = form.context_codings() if form is not None else placed_codings(study, user)
    ids = [row.pk for row in tree.rows]
    other = "excerpt__interview__excerpts__"
    pairing = {
        f"{other}needs_review": False,
        f"{other}codings__code_id__in": ids,
    }
    if form is not None and form.is_bound and form.is_valid() and form.cleaned_data.get("coder"):
        pairing[f"{other}codings__coder_id"] = form.cleaned_data["coder"]
    if scope == "overlap":
        pairing.update(
            {
                f"{other}version_id": F("excerpt__version_id"),
                f"{other}start__lt": F("excerpt__end"),
                f"{other}end__gt": F("excerpt__start"),
            }
        )
        counted = Count("excerpt_id", distinct=True)
    else:
        counted = Count("excerpt__interview_id", distinct=True)
    # One filter() call, so that the other excerpt and its coding are the same joined rows in every condition,
    # and values() below reuses those joins.
    # Blind coding: on an interview the user codes blind, the other excerpt's coding must be theirs too.
    blinded = blinded_interview_ids(user)
    blind = (~Q(excerpt__interview_id__in=blinded) | Q(**{f"{other}codings__coder_id": user.pk})) if blinded else Q()
    rows = (
        codings.filter(code_id__in=ids)
        .filter(blind, **pairing)
        .values("code_id", other_id=F(f"{other}codings__code_id"))
        .annotate(n=counted)
        .order_by()
    )
    frame = pd.DataFrame.from_records(list(rows), columns=["code_id", "other_id", "n"])
    matrix = frame.pivot_table(index="code_id", columns="other_id", values="n", aggfunc="sum", fill_value=0)
    matrix = matrix.reindex(index=ids, columns=ids, fill_value=0).astype(int)
    matrix.index.name, matrix.columns.name = None, None
    matrix.attrs.update(code_paths={row.pk: row.path for row in tree.rows}, scope=scope)
    return matrix


def measure_label(measure):
    return {
        "excerpts": _("Excerpts"),
        "interviews_share": _("Share of interviews"),
        "participants": _("Participants"),
        "per_10k_words": _("Excerpts per 10,000 words"),
    }[measure]


def site_profile(study, *, user, site, tree, consensus=False):
    """Per code (with its sub-codes) in one site: (themes, kinds), two queries.

    themes: excerpts, interviews and participants carrying the code, ranked by those three then codebook order,
    codes absent from the site left out; kinds: excerpts per speaker kind (codes × kinds, every code).
    """
    codings = placed_codings(study, user, consensus=consensus).filter(excerpt__interview__site=site)
    targets = {"excerpts": F("excerpt_id"), "interviews": F("excerpt__interview_id")}
    targets["participants"] = speaker_expression("id", "excerpt__")
    aggregates = {
        f"{measure}_{row.pk}": Count(target, distinct=True, filter=Q(code_id__in=sorted(row.subtree)))
        for row in tree.rows
        for measure, target in targets.items()
    }
    totals = codings.aggregate(**aggregates) if aggregates else {}
    themes = pd.DataFrame(
        {measure: [totals[f"{measure}_{row.pk}"] for row in tree.rows] for measure in targets},
        index=pd.Index([row.pk for row in tree.rows], dtype="int64"),
        dtype="int64",
    )
    themes["order"] = range(len(themes))
    themes = themes[themes["excerpts"] > 0].sort_values(
        ["excerpts", "interviews", "participants", "order"], ascending=[False, False, False, True]
    )
    kinds = _counts(codings, tree, "participant_kind", "excerpts")
    labels = axis_labels(study, user, "participant_kind")
    kinds = kinds.reindex(columns=list(labels), fill_value=0).astype(int)
    kinds.attrs["column_labels"] = labels
    return themes.drop(columns="order"), kinds
