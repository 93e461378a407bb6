"""positions.py (pure): producer units → indices of the shipped text → canonical code points."""

from hypothesis import given, settings
from hypothesis import strategies as st

from interviews.importing import canonical_text
from reports.refi.positions import (
    AS_WRITTEN,
    CRLF_AS_ONE,
    LF_AS_TWO,
    STANDARD,
    CanonicalMap,
    Convention,
    Counter,
    decide,
)

TEXT = "a😀b\r\nc"


def indices(text, convention, upto):
    counter = Counter(text, convention)
    return [counter.index(position) for position in range(upto)]


def test_code_points_never_split_a_crlf():
    assert indices(TEXT, STANDARD, 8) == [0, 1, 2, 3, None, 5, 6, None]


def test_utf16_units_count_an_emoji_twice_and_never_split_it():
    assert indices(TEXT, Convention(utf16=True), 9) == [0, 1, None, 2, 3, None, 5, 6, None]


def test_a_crlf_counted_as_one_character():
    assert indices(TEXT, Convention(line_breaks=CRLF_AS_ONE), 7) == [0, 1, 2, 3, 5, 6, None]


def test_every_line_break_counted_as_two():
    assert indices("x\ny", Convention(line_breaks=LF_AS_TWO), 5) == [0, 1, None, 2, 3]


def test_the_canonical_map_follows_each_normalisation_step():
    raw = "\ufeffCafe\u0301  \r\n\r\n\r\n\r\nfin  \n\n"
    mapped = CanonicalMap(raw)
    assert mapped.text == "Café\n\nfin" and mapped.reliable
    assert mapped.position(1) == 0  # the BOM is gone
    assert mapped.position(4) == 3 and mapped.position(5) is None  # between e and its accent: no place
    assert mapped.position(6) == 4 and mapped.position(7) == 4  # trailing spaces are gone
    assert mapped.position(9) is None  # inside a CRLF
    assert mapped.position(16) == 6  # the third blank line is gone: "fin" is at 6
    assert mapped.position(len(raw)) == len(mapped.text)


PIECES = ["a", "é", "e\u0301", " ", "\t", "\r\n", "\n", "\r", "😀", "👩‍👩‍👧", "\u2028", "\ufeff", "\x07"]
RAW = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(RAW)
def test_the_canonical_map_agrees_with_canonical_text_and_keeps_order(raw):
    mapped = CanonicalMap(raw)
    assert mapped.text == canonical_text(raw) and mapped.reliable
    placed = [mapped.position(index) for index in range(len(raw) + 1)]
    known = [position for position in placed if position is not None]
    assert known == sorted(known)
    assert all(0 <= position <= len(mapped.text) for position in known)
    assert placed[0] == 0 and placed[-1] == len(mapped.text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["mot", " ", "😀", "\r\n", "\n", "é"]), max_size=40).map("".join))
def test_positions_of_every_convention_come_back_to_the_same_indices(text):
    for convention in (Convention(u, b) for u in (False, True) for b in (AS_WRITTEN, CRLF_AS_ONE, LF_AS_TWO)):
        counter = Counter(text, convention)
        found = [counter.index(p) for p in range(counter.units + 2)]
        placed = [index for index in found if index is not None]
        assert placed == sorted(set(placed)) and placed[-1] == len(text)
        assert found[-1] is None  # past the end


def test_quote_like_names_decide_between_conventions():
    text = "😀 Le comité se réunit."
    start = len("😀 Le ".encode("utf-16-le")) // 2
    decision = decide([(text, [(start, start + 6, "comité")])])
    assert decision.convention == Convention(utf16=True) and not decision.tied


def test_with_nothing_to_tell_them_apart_the_standard_is_chosen_and_the_others_kept_as_ties():
    decision = decide([("😀 a b c d", [(5, 6, "")])])
    assert decision.convention == STANDARD and decision.tied == (Convention(utf16=True),)


def test_a_known_producer_settles_a_tie():
    decision = decide([("😀 a b c d", [(5, 6, "")])], origin="hlmstudy")
    assert decision.convention == STANDARD and decision.tied == ()


def test_texts_without_emoji_or_crlf_have_one_convention():
    assert decide([("Pas d'emoji.\nDeux lignes.", [(0, 3, "")])]).convention == Convention(line_breaks=AS_WRITTEN)
