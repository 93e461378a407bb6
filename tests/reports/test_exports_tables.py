"""codings_frame: one row per coding, with the speaker, the participant's attributes and the code path."""

from types import SimpleNamespace

import pandas as pd
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from coding.models import Code, Coding
from interviews.models import SpeakerTurn
from reports.tables import CODING_COLUMNS, code_paths, codings_frame
from tests import factory
from tests.reports import export_fixtures

pytestmark = pytest.mark.usefixtures("fast_passwords")

ATTRIBUTE_COLUMNS = ["attribute:age_group", "attribute:years_in_estate", "attribute:arrived_on", "attribute:note"]


@pytest.fixture
def world(study, site_a, site_b, researcher, coder, participant_a, participant_b):
    return export_fixtures.build(
        study,
        site_a,
        site_b,
        researcher=researcher,
        coder=coder,
        participant_a=participant_a,
        participant_b=participant_b,
    )


def frame_of(world, codings=None):
    with translation.override("en"):
        return codings_frame(codings if codings is not None else Coding.objects.all(), study=world.study)


def row(frame, excerpt, coder):
    rows = frame[(frame["excerpt"] == excerpt.pk) & (frame["coder"] == coder.email)]
    assert len(rows) == 1
    return rows.iloc[0]


def test_one_row_per_coding_with_the_columns_in_order(world):
    frame = frame_of(world)

    assert len(frame) == Coding.objects.count() == 5
    assert sorted(frame["coding"]) == sorted(Coding.objects.values_list("pk", flat=True))
    at = CODING_COLUMNS.index("participant_kind") + 1
    assert list(frame.columns) == [*CODING_COLUMNS[:at], *ATTRIBUTE_COLUMNS, *CODING_COLUMNS[at:]]
    assert list(frame["site"]) == ["MTL1", "MTL1", "MTL1", "MTL1", "QC1"]


def test_an_excerpt_coded_by_two_coders_gives_two_rows(world):
    frame = frame_of(world)

    rows = frame[frame["excerpt"] == world.e1.pk]
    assert sorted(rows["coder"]) == [world.coder.email, world.researcher.email]
    assert set(rows["code_path"]) == {"Réseau > Comité"}


def test_a_row_carries_the_interview_the_speaker_and_the_attributes(world):
    marie = row(frame_of(world), world.e1, world.coder)

    assert marie["site"] == "MTL1"
    assert marie["housing_estate"] == "Ensemble Rivière"
    assert marie["interview"] == world.A1.pk
    assert marie["interview_title"] == "Entretien Marie"
    assert marie["interview_kind"] == "Individual interview"
    assert marie["interview_date"] == "2019-05-02"
    assert (marie["speaker_label"], marie["speaker"], marie["participant_kind"]) == ("Marie", "R-MTL1-01", "Resident")
    assert marie["attribute:age_group"] == "30-44"
    assert marie["attribute:years_in_estate"] == 7
    assert marie["attribute:arrived_on"] == "2012-09-01"
    assert marie["attribute:note"] == "Très"
    assert marie["code_path"] == "Réseau > Comité"
    assert (marie["start"], marie["end"]) == (world.e1.start, world.e1.end)
    assert marie["quote"] == "comité café réunit les résidents"
    assert len(marie["coded_at"]) == len("2019-05-02 10:00")


def test_numbers_stay_numbers_and_dates_stay_iso_strings(world):
    frame = frame_of(world)

    assert pd.api.types.is_numeric_dtype(frame["attribute:years_in_estate"])
    assert sorted(frame["attribute:years_in_estate"].dropna().unique()) == [2.5, 7, 12]
    for column in ("interview", "start", "end", "coding", "excerpt"):
        assert pd.api.types.is_integer_dtype(frame[column]), column
    assert set(frame["interview_date"]) == {"2019-05-02", "2019-06-10", "2020-01-15"}


def test_integers_only_give_an_integer_column(world):
    world.partner.attributes = {"years_in_estate": 3}
    world.partner.save()

    column = frame_of(world)["attribute:years_in_estate"]

    assert str(column.dtype) == "Int64"
    assert set(column.dropna()) == {3, 7, 12}


def test_the_interviewer_turn_has_no_participant(world):
    interviewer = row(frame_of(world), world.e2, world.researcher)

    assert interviewer["speaker_label"] == "I"
    assert interviewer["participant_kind"] == "Interviewer"
    assert pd.isna(interviewer["speaker"])
    assert pd.isna(interviewer["attribute:age_group"])


def test_without_a_turn_the_single_participant_is_the_speaker(world):
    partner = row(frame_of(world), world.e3, world.coder)

    assert partner["speaker"] == "P-MTL1-02"
    assert partner["participant_kind"] == "Partner"
    assert partner["attribute:years_in_estate"] == 2.5
    assert pd.isna(partner["attribute:age_group"])


def test_a_turn_mapped_to_no_one_falls_back_to_the_single_participant(world):
    SpeakerTurn.objects.filter(version=world.B1.current_version).update(speaker=None, label="Inconnu")

    luc = row(frame_of(world), world.e4, world.researcher)

    assert (luc["speaker_label"], luc["speaker"]) == ("Inconnu", "R-QC1-01")


def test_in_a_group_interview_without_a_turn_the_speaker_is_unknown(world, study, site_b, researcher):
    other = factory.make_participant(study, site_b, "R-QC1-02")
    group = factory.make_interview(
        study, site_b, "Notes", text="Notes sans locuteur.", participants=[(world.luc, ""), (other, "")]
    )
    excerpt = factory.make_excerpt(group, 0, 5, codes=[world.lieux], coder=researcher)

    unknown = row(frame_of(world), excerpt, researcher)

    assert pd.isna(unknown["speaker"]) and pd.isna(unknown["participant_kind"])


def test_the_frame_holds_only_the_codings_it_is_given(world):
    frame = frame_of(world, Coding.objects.filter(excerpt__interview__site=world.site_b))

    assert list(frame["quote"]) == ["Le local communautaire"]


def test_code_paths_cover_archived_codes(world, researcher):
    Code.objects.filter(pk=world.comite.pk).update(is_archived=True)

    assert code_paths(world.study)[world.comite.pk] == "Réseau > Comité"
    assert set(frame_of(world)["code_path"]) == {"Réseau > Comité", "Lieux"}


def test_headers_name_every_column_and_the_attributes_by_their_label(world):
    frame = frame_of(world)

    headers = frame.attrs["headers"]
    assert set(headers) == set(frame.columns)
    assert headers["housing_estate"] == "Housing estate"
    assert headers["attribute:years_in_estate"] == "Années dans l'ensemble"


def test_an_empty_selection_gives_an_empty_frame_with_every_column(world):
    frame = frame_of(world, Coding.objects.none())

    assert len(frame) == 0
    assert "attribute:note" in frame.columns and "quote" in frame.columns


def test_the_number_of_queries_does_not_grow_with_the_rows(world, researcher):
    with CaptureQueriesContext(connection) as few:
        frame_of(world)
    for start in range(0, 30, 3):
        factory.make_excerpt(world.A1, start, start + 2, codes=[world.lieux, world.comite], coder=researcher)
    with CaptureQueriesContext(connection) as many:
        frame = frame_of(world)

    assert len(frame) == 25
    assert len(many) == len(few) == 7  # with the redactions of the versions, for masking quotes


def test_text_that_looks_like_a_missing_value_stays_text(study, site_a, researcher):
    text = 'NA null \\N "" , ;\n1.5 0042 =1+1'
    interview = factory.make_interview(study, site_a, "NA", text=text, author=researcher)
    code = factory.make_code(study, "null", by=researcher)
    for quote in ("NA", "null", "\\N", '""', "0042", "=1+1"):
        start = text.index(quote)
        factory.make_excerpt(interview, start, start + len(quote), codes=[code], coder=researcher)

    frame = frame_of(SimpleNamespace(study=study))

    assert sorted(frame["quote"]) == sorted(['""', "0042", "=1+1", "NA", "\\N", "null"])
    assert set(frame["interview_title"]) == {"NA"} and set(frame["code_path"]) == {"null"}
    assert frame["interview_date"].isna().all()  # no date: missing, not the text "\N"
    assert frame["start"].dtype == "int64" and frame["coding"].dtype == "int64"
