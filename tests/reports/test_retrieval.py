"""Filters and combinations of RetrievalForm on the hand-counted study (tests/reports/fixtures.py)."""

import pytest

from reports.retrieval import RetrievalForm, with_speaker

pytestmark = pytest.mark.django_db


def names(world, excerpts):
    by_pk = {getattr(world, f"e{n}").pk: f"e{n}" for n in range(1, 16)}
    return sorted((by_pk[excerpt.pk] for excerpt in excerpts), key=lambda name: int(name[1:]))


def found(world, user=None, **params):
    form = RetrievalForm(
        {key: str(value) for key, value in params.items()}, study=world.study, user=user or world.researcher
    )
    assert form.is_valid(), form.errors
    return names(world, form.excerpts())


def test_a_code_with_its_sub_codes_and_without(world):
    code = world.partenariat.pk
    assert found(world, code=code, include_subcodes="on") == ["e1", "e3", "e4", "e6", "e8", "e9", "e10", "e14", "e15"]
    assert found(world, code=code) == ["e3", "e8"]


def test_no_code_means_every_placed_excerpt(world):
    everything = [f"e{n}" for n in range(1, 16) if n != 12]  # e12 needs review
    assert found(world) == everything
    assert names(world, RetrievalForm(None, study=world.study, user=world.researcher).excerpts()) == everything


def test_an_excerpt_coded_by_two_coders_is_listed_once_but_both_codings_are_there(world):
    form = RetrievalForm({"code": world.concertation.pk}, study=world.study, user=world.researcher)
    assert form.is_valid()
    assert found(world, code=world.concertation.pk) == ["e1", "e6", "e9", "e14", "e15"]
    assert form.codings().filter(excerpt=world.e1).count() == 2


def test_filter_by_site_estate_and_clientele(world):
    assert found(world, code=world.mobilisation.pk, site=world.site_b.pk) == ["e11", "e13"]
    assert found(world, code=world.partenariat.pk, include_subcodes="on", estate=world.estate_a.pk) == ["e1", "e4"]
    assert found(world, clientele="families") == ["e1", "e2", "e4", "e5", "e7"]
    assert found(world, clientele="seniors") == ["e15"]


def test_filter_by_interview_kind_and_dates(world):
    assert found(world, interview_kind="group") == ["e6", "e7", "e8", "e14", "e15"]
    assert found(world, interview_kind="observation") == ["e13"]
    assert found(world, date_from="2020-01-01") == ["e9", "e10", "e11", "e13", "e14", "e15"]
    assert found(world, date_from="2020-01-01", date_to="2020-12-31") == ["e9", "e10", "e11", "e13"]


def test_filter_by_participant_kind_uses_the_speaker(world):
    assert found(world, participant_kind="partner") == ["e6", "e8", "e9", "e10", "e13"]  # e13: B3's only participant
    assert found(world, participant_kind="field_worker") == ["e14"]
    assert found(world, participant_kind="resident", site=world.site_a.pk) == ["e1", "e2", "e4", "e5", "e7"]


def test_filter_by_speaker_leaves_out_the_interviewer_or_keeps_one_participant(world):
    all_of_it = found(world, code=world.partenariat.pk, include_subcodes="on")
    without = found(world, code=world.partenariat.pk, include_subcodes="on", speaker="no_interviewer")
    assert set(all_of_it) - set(without) == {"e3"}
    assert found(world, speaker="R-MTL1-11") == ["e1", "e2", "e4", "e5"]
    assert found(world, speaker="P-QC1-11") == ["e9", "e10", "e13"]


def test_filter_by_coder(world):
    assert found(world, coder=world.coder.pk) == ["e1", "e4", "e8"]
    assert found(world, coder=world.admin.pk) == ["e14"]


def test_a_and_b_on_overlapping_text(world):
    assert found(world, code=world.roulement.pk, combine="and_overlap", other_code=world.mobilisation.pk) == ["e4"]
    assert found(world, code=world.mobilisation.pk, combine="and_overlap", other_code=world.roulement.pk) == ["e5"]
    # The same excerpt carrying both codes overlaps itself.
    assert found(world, code=world.mobilisation.pk, combine="and_overlap", other_code=world.securite.pk) == ["e7"]
    # With sub-codes: Partenariat's sub-code Roulement overlaps Mobilisation.
    assert found(
        world, code=world.partenariat.pk, include_subcodes="on", combine="and_overlap", other_code=world.mobilisation.pk
    ) == ["e4"]
    assert found(world, code=world.partenariat.pk, combine="and_overlap", other_code=world.mobilisation.pk) == []


def test_a_and_b_in_the_same_interview(world):
    both = found(
        world, code=world.securite.pk, include_subcodes="on", combine="and_interview", other_code=world.partenariat.pk
    )
    assert both == ["e2", "e7"]
    both = found(
        world,
        code=world.mobilisation.pk,
        include_subcodes="on",
        combine="and_interview",
        other_code=world.partenariat.pk,
    )
    assert both == ["e5", "e7"]  # B2 and B3 hold no Partenariat


def test_a_but_not_b_on_overlapping_text(world):
    assert found(world, code=world.mobilisation.pk, combine="not", other_code=world.roulement.pk) == [
        "e7",
        "e11",
        "e13",
    ]
    assert found(world, code=world.mobilisation.pk, combine="not", other_code=world.securite.pk) == ["e5", "e11", "e13"]


def test_a_needs_review_excerpt_is_never_the_b_of_a_combination(world):
    # e12 (Sécurité, needs review) is in B2 with e11 (Mobilisation): it must not make e11 "in the same interview".
    assert found(world, code=world.mobilisation.pk, combine="and_interview", other_code=world.securite.pk) == [
        "e5",
        "e7",
    ]


def test_a_combination_needs_both_codes(world):
    form = RetrievalForm({"combine": "and_overlap"}, study=world.study, user=world.researcher)
    assert not form.is_valid()
    assert set(form.errors) == {"code", "other_code"}
    assert not form.codings().exists()


def test_dates_in_the_wrong_order_are_refused(world):
    form = RetrievalForm({"date_from": "2021-01-01", "date_to": "2020-01-01"}, study=world.study, user=world.researcher)
    assert not form.is_valid() and "date_to" in form.errors


def test_a_site_the_user_may_not_see_is_not_a_choice(world, team_b):
    form = RetrievalForm({"site": world.site_a.pk}, study=world.study, user=team_b)
    assert not form.is_valid() and "site" in form.errors
    assert not form.excerpts().exists()


def test_a_team_member_retrieves_only_their_site(world, team_b):
    assert found(world, user=team_b) == ["e9", "e10", "e11", "e13"]


def test_the_speaker_of_an_excerpt_follows_the_rule_of_the_module(world):
    form = RetrievalForm(None, study=world.study, user=world.researcher)
    rows = {
        excerpt.pk: (excerpt.speaker_code, excerpt.speaker_kind, excerpt.is_interviewer_speech)
        for excerpt in with_speaker(form.excerpts())
    }
    assert rows[world.e1.pk] == ("R-MTL1-11", "resident", False)
    assert rows[world.e3.pk] == (None, None, True)  # the interviewer's turn
    assert rows[world.e13.pk] == ("P-QC1-11", "partner", False)  # no turn: the only participant
    assert rows[world.e14.pk] == ("I-QC2-11", "field_worker", False)


def test_the_query_string_of_a_form_round_trips(world):
    form = RetrievalForm(
        {"code": world.partenariat.pk, "include_subcodes": "on", "site": world.site_a.pk, "page": "2"},
        study=world.study,
        user=world.researcher,
    )
    query = form.query_for(participant_kind="partner", site=None)
    assert query == f"code={world.partenariat.pk}&include_subcodes=on&participant_kind=partner"


def test_a_speaker_must_be_a_participant_the_user_may_see(world):
    form = RetrievalForm({"speaker": "R-QC1-11"}, study=world.study, user=world.coder)
    assert not form.is_valid() and "speaker" in form.errors
    assert found(world, user=world.coder, speaker="R-MTL1-11") == ["e1", "e2", "e4", "e5"]
    assert found(world, speaker="") == found(world, speaker="all")
