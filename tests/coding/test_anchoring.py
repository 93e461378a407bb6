"""Carrying excerpts across transcript versions: kept only where the quote is exactly at its new place, else review."""

import unicodedata

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coding import anchoring, services
from coding.models import Excerpt
from interviews.importing import canonical_text
from tests import factory

# Letters, accents (precomposed and combining), emoji outside the BMP, punctuation, spaces and line ends.
ALPHABET = list("abcdeéèàçôÉ ,.'’\n") + ["\u0301", "\u0327", "😀", "👩🏽", "🇨🇦", "—"]
texts = st.lists(st.sampled_from(ALPHABET), min_size=1, max_size=120).map("".join)


@st.composite
def edited(draw):
    """An old text, excerpts in it, and a new text made from it by a few random edits."""
    old = draw(texts)
    spans = draw(st.lists(st.tuples(st.integers(0, len(old) - 1), st.integers(1, 12)), min_size=1, max_size=8))
    excerpts = [(start, min(len(old), start + length)) for start, length in spans]
    new = old
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(new)))
        cut = draw(st.integers(0, min(10, len(new) - at)))
        inserted = "".join(draw(st.lists(st.sampled_from(ALPHABET), max_size=8)))
        new = new[:at] + inserted + new[at + cut :]
    return old, new, [(start, end, old[start:end]) for start, end in excerpts]


@given(edited())
@settings(max_examples=400, deadline=None)
def test_every_excerpt_is_either_exactly_at_its_quote_or_left_for_review(case):
    old, new, excerpts = case
    places = anchoring.carry(old, new, excerpts)
    assert len(places) == len(excerpts)
    for (_start, _end, quote), place in zip(excerpts, places, strict=True):
        if place is not None:
            assert new[place[0] : place[1]] == quote


@given(texts, st.data())
@settings(max_examples=200, deadline=None)
def test_an_unchanged_text_keeps_every_excerpt_in_place(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    assert anchoring.carry(text, text, [(start, end, text[start:end])]) == [(start, end)]


@given(texts, texts, texts)
@settings(max_examples=200, deadline=None)
def test_edits_away_from_an_excerpt_never_lose_it(before, quote, after):
    # The quote is set apart by markers that no edit touches, so the diff cannot blur its edges.
    old = before + "|" + quote + "|" + after
    new = before[::-1] + "X" + "|" + quote + "|" + after + "ajout"
    start = len(before) + 1
    (place,) = anchoring.carry(old, new, [(start, start + len(quote), quote)])
    assert place == (len(before) + 2, len(before) + 2 + len(quote))


# hand cases

OLD = "Marie : Le comité café se réunit au local. Le comité café décide."


def carry_one(old, new, quote, occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = old.index(quote, start + 1)
    return anchoring.carry(old, new, [(start, start + len(quote), quote)])[0]


def test_an_insertion_before_shifts_the_excerpt():
    new = "[00:01] 😀 " + OLD
    assert carry_one(OLD, new, "se réunit au local") == (new.index("se réunit"), new.index("se réunit") + 18)


def test_insertions_touching_the_edges_stay_outside():
    new = OLD.replace("se réunit au local", "— se réunit au local —")
    start, end = carry_one(OLD, new, "se réunit au local")
    assert new[start:end] == "se réunit au local"


def test_a_deletion_inside_sends_it_to_review():
    assert carry_one(OLD, OLD.replace("au local", "local"), "se réunit au local") is None


def test_a_duplicate_quote_elsewhere_does_not_catch_it():
    new = OLD.replace("Le comité café se", "Le comité du café se", 1)
    assert carry_one(OLD, new, "Le comité café") is None
    assert carry_one(OLD, new, "Le comité café", occurrence=1) == (
        new.rindex("Le comité café"),
        new.rindex("Le comité café") + 14,
    )


def test_a_deleted_excerpt_goes_to_review():
    assert carry_one(OLD, OLD.replace(" Le comité café décide.", ""), "Le comité café décide.") is None
    assert carry_one(OLD, "Tout autre chose.", "se réunit") is None


def test_a_quote_made_equal_in_nfd_is_not_the_same_quote():
    nfd = unicodedata.normalize("NFD", OLD)
    assert carry_one(OLD, nfd, "comité café") is None


# through the services and the database


@pytest.fixture
def interview(study, site_a, researcher):
    return factory.make_interview(study, site_a, text=OLD, author=researcher)


def test_edit_transcript_carries_excerpts_and_keeps_original_quotes_for_review(study, interview, researcher):
    code = factory.make_code(study, "Réunions")
    kept = factory.make_excerpt(
        interview, OLD.index("se réunit"), OLD.index("se réunit") + 18, codes=[code], coder=researcher
    )
    changed = factory.make_excerpt(
        interview, OLD.index("café décide"), OLD.index("café décide") + 11, codes=[code], coder=researcher
    )
    new = "I : Bonjour 👋.\n" + OLD.replace("café décide", "café tranche")
    version = services.edit_transcript(interview, text=new, author=researcher, note="corrections")
    kept.refresh_from_db()
    changed.refresh_from_db()
    assert (kept.version, kept.needs_review, version.text[kept.start : kept.end]) == (
        version,
        False,
        "se réunit au local",
    )
    assert kept.prefix == version.text[max(0, kept.start - 32) : kept.start]
    assert (changed.needs_review, changed.original_quote, changed.quote) == (True, "café décide", "café décide")
    assert changed.version.number == 1 and changed.codings.count() == 1


@given(edited())
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_through_the_database_every_excerpt_is_placed_exactly_or_in_review(study, site_a, researcher, case):
    old, new, excerpts = case
    old, new = canonical_text(old), canonical_text(new)
    if not old.strip() or not new.strip():
        return
    code = factory.make_code(study, "Propriété") if not study.codes.exists() else study.codes.get()
    with transaction.atomic():
        interview = factory.make_interview(study, site_a, text=old, author=researcher)
        made = []
        for start, end, _quote in excerpts:
            if end <= len(old):
                made.append(factory.make_excerpt(interview, start, end, codes=[code], coder=researcher))
        quotes = {excerpt.pk: excerpt.quote for excerpt in made}
        services.edit_transcript(interview, text=new, author=researcher)
        interview.refresh_from_db()
        current = interview.current_version
        for excerpt in Excerpt.objects.filter(interview=interview):
            if excerpt.needs_review:
                assert excerpt.original_quote == quotes[excerpt.pk]
            else:
                assert excerpt.version_id == current.pk
                assert current.text[excerpt.start : excerpt.end] == excerpt.quote == quotes[excerpt.pk]
        assert Excerpt.objects.filter(interview=interview).count() == len(made)
        transaction.set_rollback(True)
