"""Selections of an imported file → code points of the canonical text (pure: strings in, offsets out).

The standard counts Unicode code points in the plain text as shipped, end exclusive. Real producers do not
all do so: some count UTF-16 units (an emoji is two), some count a CRLF as one character, some count every
line break as two (their text had CRLF, the file they wrote has LF). A `Convention` names one such way of
counting; `decide` picks the one a whole file uses from what the file itself shows: a position must not fall
inside a surrogate pair or a CRLF, must stay inside its text, quote-like selection names must match the text,
and people select whole words. Positions are mapped on the exact text shipped, then through the normalisation
that makes it canonical (`CanonicalMap`), so a selection keeps its characters.
"""

import math
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

from django.utils.translation import gettext as _

from interviews.importing import canonical_text

AS_WRITTEN, CRLF_AS_ONE, LF_AS_TWO = "as_written", "crlf_as_one", "lf_as_two"
# What counts differently from one code point under some convention: a CRLF, a lone LF, a non-BMP character.
_SPECIAL = re.compile("\r\n|\n|[\U00010000-\U0010ffff]")
_NON_BMP = re.compile("[\U00010000-\U0010ffff]")
_LONE_LF = re.compile("(?<!\r)\n")
# Names that stand for their quote, as some producers write them ("I did try the gluten free bread, but…").
_ELLIPSIS = re.compile(r"(…|\.\.\.)\s*$")
_WHITESPACE = re.compile(r"\s+")
MIN_NAME_EVIDENCE = 4
# Deciding on a sample is as good as on everything: conventions differ on every selection after a special.
MAX_SAMPLE = 5000
# Producers known to follow the standard: the tie-breaker when the text cannot tell conventions apart.
ORIGIN_PRIORS = {"hlmstudy": (False, AS_WRITTEN), "qualcoder": (False, AS_WRITTEN)}


@dataclass(frozen=True)
class Convention:
    utf16: bool = False
    line_breaks: str = AS_WRITTEN

    def describe(self):
        unit = _("UTF-16 units (an emoji counts two)") if self.utf16 else _("Unicode code points")
        breaks = {
            AS_WRITTEN: "",
            CRLF_AS_ONE: _(", a CRLF line break counted as one"),
            LF_AS_TWO: _(", every line break counted as two"),
        }[self.line_breaks]
        return unit + breaks


STANDARD = Convention()


class Counter:
    """A text as one convention counts it: producer positions → indices of the text as shipped."""

    def __init__(self, text, convention):
        self.length = len(text)
        self._starts, self._ends, self._shift = [], [], [0]
        shift = 0
        for match in _SPECIAL.finditer(text):
            found = match.group()
            if found == "\r\n":
                weight = 1 if convention.line_breaks == CRLF_AS_ONE else 2
            elif found == "\n":
                if convention.line_breaks != LF_AS_TWO:
                    continue
                weight = 2
            elif convention.utf16:
                weight = 2
            else:
                continue
            start = match.start() + shift
            self._starts.append(start)
            self._ends.append(start + weight)
            shift += weight - len(found)
            self._shift.append(shift)
        self.units = self.length + shift  # the text's length as the convention counts it

    def index(self, position):
        """The index of the shipped text at `position`, or None inside a surrogate pair / CRLF or outside the text."""
        if position is None:
            return None
        before = bisect_right(self._ends, position)
        if before < len(self._starts) and self._starts[before] < position:
            return None
        index = position - self._shift[before]
        return index if 0 <= index <= self.length else None


@dataclass(frozen=True)
class _Step:
    starts: list  # old start of each edit
    ends: list  # old end of each edit
    new_starts: list  # where each edit starts in the new text
    new_lengths: list

    def map(self, position):
        at = bisect_right(self.starts, position) - 1
        if at < 0:
            return position
        start, end, new_start = self.starts[at], self.ends[at], self.new_starts[at]
        if position == start:
            return new_start
        if position >= end:
            return new_start + self.new_lengths[at] + position - end
        # Inside an edit: a deletion leaves one place to be; a replacement (CRLF → LF, NFC) has no inside.
        return new_start if self.new_lengths[at] == 0 else None


def _apply(text, edits):
    """(new text, _Step) for sorted, disjoint edits (start, end, replacement)."""
    pieces, starts, ends, new_starts, lengths = [], [], [], [], []
    at = written = 0
    for start, end, replacement in edits:
        pieces.append(text[at:start])
        written += start - at
        starts.append(start)
        ends.append(end)
        new_starts.append(written)
        lengths.append(len(replacement))
        pieces.append(replacement)
        written += len(replacement)
        at = end
    pieces.append(text[at:])
    return "".join(pieces), _Step(starts, ends, new_starts, lengths)


# The steps of interviews.importing.canonical_text, in its order; CanonicalMap checks that they still agree.
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_DROPPED = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff\ud800-\udfff]+")
_TRAILING = re.compile(r"[^\S\n]+(?=\n|\Z)")
_BLANK_RUNS = re.compile("\n{3,}")
_NON_ASCII = re.compile("[^\x00-\x7f]+")


def _line_break_edits(text):
    return [(m.start(), m.end(), "\n") for m in _LINE_BREAKS.finditer(text) if m.group() != "\n"]


def _dropped_edits(text):
    return [(m.start(), m.end(), "") for m in _DROPPED.finditer(text)]


def _nfc_edits(text):
    if unicodedata.is_normalized("NFC", text):
        return []
    edits = []
    # An ASCII character never composes with what precedes it: runs of non-ASCII with the character before
    # them normalise independently.
    for match in _NON_ASCII.finditer(text):
        start = max(match.start() - 1, 0)
        segment = text[start : match.end()]
        normal = unicodedata.normalize("NFC", segment)
        if normal != segment:
            edits.append((start, match.end(), normal))
    return edits


def _trailing_edits(text):
    return [(m.start(), m.end(), "") for m in _TRAILING.finditer(text)]


def _blank_run_edits(text):
    return [(m.start() + 2, m.end(), "") for m in _BLANK_RUNS.finditer(text)]


def _outer_newline_edits(text):
    head = len(text) - len(text.lstrip("\n"))
    tail = len(text.rstrip("\n"))
    edits = [(0, head, "")] if head else []
    if tail < len(text) and tail >= head:
        edits.append((tail, len(text), ""))
    return edits


_STEPS = (_line_break_edits, _dropped_edits, _nfc_edits, _trailing_edits, _blank_run_edits, _outer_newline_edits)


class CanonicalMap:
    """The canonical form of a shipped text and where each index of the shipped text went in it."""

    def __init__(self, raw):
        canonical, text, self._steps = canonical_text(raw), raw, []
        if canonical != raw:  # a text already canonical (an export of ours, most files) maps onto itself
            for edits_of in _STEPS:
                edits = edits_of(text)
                if edits:
                    text, step = _apply(text, edits)
                    self._steps.append(step)
        self.text = text
        # If canonical_text ever changes, the mapping above no longer describes it: place nothing then.
        self.reliable = text == canonical

    def position(self, index):
        """The canonical position of shipped index `index`, or None where it has no certain place."""
        if not self.reliable or index is None:
            return None
        for step in self._steps:
            index = step.map(index)
            if index is None:
                return None
        return index


@dataclass(frozen=True)
class Decision:
    convention: Convention
    tied: tuple  # conventions the file cannot tell apart from the chosen one (empty when it is certain)
    evidence: str


def candidates(texts):
    """The conventions that count these texts differently from one another, the standard's first."""
    utf16 = [False, True] if any(_NON_BMP.search(text) for text in texts) else [False]
    breaks = [AS_WRITTEN]
    if any("\r\n" in text for text in texts):
        breaks.append(CRLF_AS_ONE)
    if any(_LONE_LF.search(text) for text in texts):
        breaks.append(LF_AS_TWO)
    return [Convention(unit, line_breaks) for unit in utf16 for line_breaks in breaks]


def decide(samples, origin=""):
    """The convention of a file from its (text, [(start, end, name), …]) pairs and its `origin` attribute."""
    texts = [text for text, _selections in samples]
    options = candidates(texts)
    if len(options) == 1:
        return Decision(options[0], (), _("the texts count the same under every convention"))
    flat = [(text, selection) for text, selections in _sample(samples) for selection in selections]
    scores = {option: _score(option, flat) for option in options}
    best = max(scores.values())
    tied = [option for option in options if scores[option] == best]
    if len(tied) == 1:
        return Decision(tied[0], (), _("the selections fit this way of counting best"))
    prior = _prior(origin)
    if prior in tied:
        return Decision(prior, (), _("the producer named in the file follows the standard"))
    chosen = STANDARD if STANDARD in tied else tied[0]
    return Decision(chosen, tuple(option for option in tied if option != chosen), _("the file does not tell"))


def _sample(samples):
    """About MAX_SAMPLE selections from texts spread over the file (each sampled text is then counted once)."""
    total = sum(len(selections) for _text, selections in samples)
    if total <= MAX_SAMPLE:
        return samples
    every = math.ceil(total / MAX_SAMPLE)
    texts = samples[::every] if len(samples) >= every else samples
    inner = max(1, math.ceil(sum(len(selections) for _text, selections in texts) / MAX_SAMPLE))
    return [(text, selections[::inner]) for text, selections in texts]


def _prior(origin):
    lowered = (origin or "").lower()
    for name, (utf16, line_breaks) in ORIGIN_PRIORS.items():
        if name in lowered:
            return Convention(utf16, line_breaks)
    return None


def _score(convention, flat):
    """(quote-like names that match, ends at word edges, selections inside the text) under `convention`.

    Word edges weigh more than validity: one selection a producer got wrong must not outvote all the others.
    """
    counters, matches, valid, edges = {}, 0, 0, 0
    for text, (start, end, name) in flat:
        counter = counters.get(id(text))
        if counter is None:
            counter = counters[id(text)] = Counter(text, convention)
        first, last = counter.index(start), counter.index(end)
        if first is None or last is None or first >= last:
            continue
        valid += 1
        edges += _at_word_edge(text, first) + _at_word_edge(text, last)
        matches += _name_matches(name, text[first:last])
    return (matches, edges, valid)


def _at_word_edge(text, index):
    return index == 0 or index == len(text) or not (text[index - 1].isalnum() and text[index].isalnum())


def _name_matches(name, quote):
    name = " ".join((name or "").split())
    truncated = bool(_ELLIPSIS.search(name))
    name = _ELLIPSIS.sub("", name).strip()
    if len(name) < MIN_NAME_EVIDENCE:
        return False
    quote = _WHITESPACE.sub(" ", quote)  # not stripped: a quote that takes a space more is another quote
    return quote.startswith(name) if truncated else quote == name
