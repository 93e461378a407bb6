"""Codings as a table (pandas), the rows of the CSV and XLSX exports: one row per coding.

Speaker of an excerpt (the rule of reports/retrieval.py): the participant of the speaker turn of the excerpt's
own transcript version that contains the excerpt's start (turn.start <= excerpt.start < turn.end); an
interviewer's turn has the kind "Interviewer" and no participant. When no turn contains the start, or that
turn's label is mapped to no one, an interview with exactly one participant gives that participant. The speaker
label is the turn's (or, with no turn, the single participant's label); pseudonym, kind, housing estate and
attributes are the speaker's. The same rule as retrieval.speaker_expression, computed here by pandas from two
plain queries instead of per-row subqueries, since an export reads every row.

Quotes are masked where a span was marked identifying (interviews/redaction.py).

Cost: seven queries whatever the number of rows (the codings, the speaker turns of their versions, the codebook,
the attribute definitions, the study's participants, the interviews that have a single participant); no Python
loop over model instances: rows come as value tuples and are joined and formatted by pandas.
"""

import numpy as np
import pandas as pd
from django.conf import settings
from django.db.models import CharField, Count, F, Max
from django.db.models.functions import Cast
from django.utils.translation import gettext as _

from coding.models import Code
from interviews.models import Interview, InterviewParticipant, SpeakerTurn
from interviews.redaction import masked, masked_words, spans_by_version
from sites.models import AttributeDefinition, Participant

ATTRIBUTE_PREFIX = "attribute:"

# The columns of the export, in order; the attribute columns of the study come after "participant_kind".
CODING_COLUMNS = (
    "coding",
    "excerpt",
    "site",
    "housing_estate",
    "interview",
    "interview_title",
    "interview_kind",
    "interview_date",
    "speaker_label",
    "speaker",
    "participant_kind",
    # attributes
    "code_path",
    "coder",
    "coded_at",
    "start",
    "end",
    "quote",
)

# What the database gives, named as the frame names it (joins through the excerpt and its interview).
_SELECTED = {
    "coding": F("pk"),
    "excerpt": F("excerpt_id"),
    "site": F("excerpt__interview__site__code"),
    "interview": F("excerpt__interview_id"),
    "interview_title": F("excerpt__interview__title"),
    "interview_kind": F("excerpt__interview__kind"),
    # Dates as text: pandas parses a column of them at once, where the driver would make a Python object per row.
    "interview_date": Cast("excerpt__interview__date", CharField()),
    "version": F("excerpt__version_id"),
    "code_id": F("code_id"),
    "coder_id": F("coder_id"),
    "coder_email": F("coder__email"),
    "coder_first_name": F("coder__first_name"),
    "coder_last_name": F("coder__last_name"),
    "coded_at": Cast("created_at", CharField()),
    "start": F("excerpt__start"),
    "end": F("excerpt__end"),
    "quote": F("excerpt__quote"),
}
_TURN_FIELDS = ("version", "turn_start", "turn_end", "speaker_label", "speaker_id", "is_interviewer")


def column_headers(attribute_labels):
    """{column: header in the active language} for the export; attribute columns carry their study-defined label."""
    headers = {
        "coding": _("Coding"),
        "excerpt": _("Excerpt"),
        "site": _("Site"),
        "housing_estate": _("Housing estate"),
        "interview": _("Interview"),
        "interview_title": _("Interview title"),
        "interview_kind": _("Interview kind"),
        "interview_date": _("Interview date"),
        "speaker_label": _("Speaker label"),
        "speaker": _("Speaker (pseudonym)"),
        "participant_kind": _("Participant kind"),
        "code_path": _("Code"),
        "coder": _("Coder"),
        "coded_at": _("Coded on"),
        "start": _("Start"),
        "end": _("End"),
        "quote": _("Quote"),
    }
    headers.update(attribute_labels)
    return headers


def codings_frame(codings, *, study):
    """One row per coding of `codings` (a Coding queryset already limited to what the user may see). Seven queries."""
    # Sorted here rather than by the database, which would sort the quotes along (on disk, past its work_mem).
    rows = codings.order_by().values_list(*_SELECTED.values())
    frame = pd.DataFrame.from_records(list(rows), columns=list(_SELECTED), coerce_float=False)
    frame = _with_turns(frame)
    frame["quote"] = _masked_quotes(frame)
    definitions = list(AttributeDefinition.objects.filter(study=study).values("key", "label", "kind"))
    frame = _with_speakers(frame, study, definitions)
    frame["code_path"] = frame["code_id"].map(code_paths(study))
    frame["coder"] = _coder_names(frame)
    frame["interview_kind"] = frame["interview_kind"].map(_labels(Interview.Kind.choices))
    frame["interview_date"] = _iso(pd.to_datetime(frame["interview_date"], format="ISO8601"), "D")
    # Local time, as the pages show it; spreadsheets cannot hold a time zone.
    coded_at = pd.to_datetime(frame["coded_at"], utc=True, format="ISO8601").dt.tz_convert(settings.TIME_ZONE)
    frame["coded_at"] = _iso(coded_at.dt.tz_localize(None), "m")
    frame = frame.sort_values(["site", "interview_date", "interview", "start", "coding"], ignore_index=True)
    attribute_columns = [ATTRIBUTE_PREFIX + d["key"] for d in definitions]
    columns = list(CODING_COLUMNS)
    at = columns.index("participant_kind") + 1
    columns[at:at] = attribute_columns
    frame = frame[columns]
    frame.attrs["headers"] = column_headers({ATTRIBUTE_PREFIX + d["key"]: d["label"] for d in definitions})
    return frame


def _with_turns(frame):
    """Add the turn holding each excerpt's start: the last turn of its version starting at or before it, if it
    ends after it (turns never overlap). One query for the turns of the versions the codings are in; pandas'
    merge_asof pairs them in one sorted pass, where a join on the range would compare every pair."""
    # The versions from the rows at hand (a few hundred ids) rather than a subquery that joins the codings again,
    # and no ordering: SpeakerTurn's default one joins the interview and sorts every turn, merge_asof sorts anyway.
    versions = sorted(int(version) for version in frame["version"].unique())
    turns = SpeakerTurn.objects.filter(version_id__in=versions).order_by()
    rows = turns.values_list("version_id", "start", "end", "label", "speaker_id", "is_interviewer")
    turns = pd.DataFrame.from_records(list(rows), columns=list(_TURN_FIELDS)).astype(
        {"version": "int64", "turn_start": "int64", "turn_end": "int64"}
    )
    frame["position"] = range(len(frame))
    frame = frame.astype({"version": "int64", "start": "int64"}).sort_values("start", kind="stable")
    frame = pd.merge_asof(frame, turns.sort_values("turn_start"), left_on="start", right_on="turn_start", by="version")
    inside = frame["turn_end"] > frame["start"]
    frame["has_turn"] = inside
    for column in ("speaker_label", "speaker_id", "is_interviewer"):
        frame[column] = frame[column].where(inside)
    return frame.sort_values("position").reset_index(drop=True)


def _masked_quotes(frame):
    """The quote column with identifying spans masked: one query, and Python only on the rows of versions that
    have redactions."""
    spans, loose = spans_by_version(int(v) for v in frame["version"].unique())
    quotes = frame["quote"]
    if not spans and not loose:
        return quotes
    touched = frame["version"].isin(set(spans) | set(loose))
    masked_quotes = [
        masked_words(masked(quote, spans.get(version, ()), offset=start), loose.get(version, ()))
        for quote, version, start in zip(
            quotes[touched], frame.loc[touched, "version"], frame.loc[touched, "start"], strict=True
        )
    ]
    return quotes.where(~touched, pd.Series(masked_quotes, index=quotes[touched].index, dtype=object))


def code_paths(study):
    """{code id: "Parent > Child"} for every code of the study, archived and merged ones included. One query."""
    codes = {
        pk: (parent, name)
        for pk, parent, name in Code.objects.filter(study=study).values_list("pk", "parent_id", "name")
    }
    paths = {}

    def path(pk):
        if pk not in paths:
            parent, name = codes[pk]
            paths[pk] = f"{path(parent)} > {name}" if parent in codes else name
        return paths[pk]

    for pk in codes:
        path(pk)
    return paths


def _with_speakers(frame, study, definitions):
    """Add the speaker columns: the turn's participant, or the interview's single participant when there is no turn."""
    sole = _single_participants(study)
    interviewer = frame["is_interviewer"].astype("boolean").fillna(False).astype(bool)
    mapped = frame["has_turn"] & (frame["speaker_id"].notna() | interviewer)
    fallback = frame["interview"].map(sole["participant"])
    frame["speaker_id"] = frame["speaker_id"].where(mapped, fallback).astype("Int64")
    no_turn = ~frame["has_turn"]
    frame["speaker_label"] = frame["speaker_label"].where(~no_turn, frame["interview"].map(sole["label"]))
    people = _participants_frame(study, definitions)
    frame = frame.join(people, on="speaker_id")
    frame["participant_kind"] = frame["participant_kind"].map(_labels(Participant.KIND_CHOICES))
    frame.loc[interviewer, "participant_kind"] = _("Interviewer")
    return frame


def _single_participants(study):
    """Interviews with exactly one participant: their participant id and speaker label. One query."""
    rows = (
        InterviewParticipant.objects.filter(interview__study=study)
        .order_by()
        .values("interview_id")
        .annotate(participants=Count("pk"), only=Max("participant_id"), only_label=Max("speaker_label"))
        .filter(participants=1)
        .values_list("interview_id", "only", "only_label")
    )
    return pd.DataFrame.from_records(list(rows), columns=["interview", "participant", "label"], index="interview")


def _participants_frame(study, definitions):
    """The study's participants by id: pseudonym, kind, estate and one column per attribute definition. One query."""
    rows = Participant.objects.filter(study=study).values_list(
        "pk", "code", "kind", "housing_estate__name", "attributes"
    )
    people = pd.DataFrame.from_records(
        list(rows), columns=["pk", "speaker", "participant_kind", "housing_estate", "attributes"], index="pk"
    )
    values = pd.DataFrame.from_records(list(people.pop("attributes")), index=people.index)
    for definition in definitions:
        column = values[definition["key"]] if definition["key"] in values else pd.Series(None, index=people.index)
        people[ATTRIBUTE_PREFIX + definition["key"]] = _attribute_column(column, definition["kind"])
    return people


def _attribute_column(values, kind):
    """Numbers stay numbers (integers as integers), dates stay ISO strings, the rest is text."""
    if kind != "number":
        return values.astype("str")
    values = values.astype(object).where(values.notna(), None)
    numbers = pd.to_numeric(values, errors="coerce")
    if numbers.notna().sum() != values.notna().sum():
        return values  # a value that is not a number (the definition changed kind): keep what was entered
    if (numbers.dropna() % 1 == 0).all():
        return numbers.astype("Int64")
    return numbers.astype("Float64")


def _coder_names(frame):
    """Each coder's full name, or e-mail without one; worked out once per coder, not once per row."""
    coders = frame.drop_duplicates("coder_id")
    names = {
        pk: " ".join(part for part in (first, last) if part) or email
        for pk, first, last, email in zip(
            coders["coder_id"],
            coders["coder_first_name"],
            coders["coder_last_name"],
            coders["coder_email"],
            strict=True,
        )
    }
    return frame["coder_id"].map(names).astype("str")


def _iso(stamps, unit):
    """ISO 8601 text of naive timestamps to the day ("D") or the minute ("m"), a space before the time; NaT → NaN."""
    text = np.datetime_as_string(stamps.to_numpy(dtype="datetime64[us]"), unit=unit)
    if len(text):  # numpy's replace fails on an empty array
        text = np.strings.replace(text, "T", " ")
    return pd.Series(text, index=stamps.index, dtype="str").where(stamps.notna())


def _labels(choices):
    return {value: str(label) for value, label in choices}
