"""Excerpt anchors and how they survive a new transcript version (pure: strings in, offsets out).

Offsets are code points (Python str indices), end exclusive (DESIGN.md, "Text, offsets and anchoring").
An excerpt is carried through one diff of the old text against the new; it keeps a place only where both
of its ends fall in unchanged text and the new text there equals its quote exactly. Everything else is
left for a person to re-place: never moved to another occurrence of the quote, never dropped.
"""

from bisect import bisect_right
from dataclasses import dataclass

from diff_match_patch import diff_match_patch

CONTEXT = 32  # characters of prefix and suffix kept with a quote (W3C TextQuoteSelector style)
DIFF_TIMEOUT = 2.0  # seconds; a diff cut short only marks more text as changed, so more excerpts go to review


@dataclass(frozen=True)
class TextQuote:
    quote: str
    prefix: str
    suffix: str


def text_quote(text, start, end, *, context=CONTEXT):
    """The quote of [start, end) in `text` with up to `context` characters either side."""
    return TextQuote(
        quote=text[start:end], prefix=text[max(0, start - context) : start], suffix=text[end : end + context]
    )


def valid_extent(text, start, end):
    """Whether [start, end) is a non-empty range inside `text`."""
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)


class _ExactDiff(diff_match_patch):
    """diff-match-patch without its "half match" shortcut, which can pair a quote with another occurrence of the
    same words (seen on "ba|ba|b"); a deadline that runs out only makes the diff coarser, which is safe."""

    def diff_halfMatch(self, text1, text2):
        return None


class PositionMap:
    """Old offsets → new offsets through the unchanged stretches of one diff (computed once, looked up by bisection)."""

    def __init__(self, old_text, new_text):
        engine = _ExactDiff()
        engine.Diff_Timeout = DIFF_TIMEOUT
        self._old_starts, self._old_ends, self._new_starts = [], [], []
        old_at = new_at = 0
        for op, chunk in engine.diff_main(old_text, new_text):
            if op == engine.DIFF_EQUAL:
                self._old_starts.append(old_at)
                self._old_ends.append(old_at + len(chunk))
                self._new_starts.append(new_at)
            if op != engine.DIFF_INSERT:
                old_at += len(chunk)
            if op != engine.DIFF_DELETE:
                new_at += len(chunk)

    def start(self, position):
        """Where the character at `position` went, or None if it was changed (text inserted at the edge stays out)."""
        index = bisect_right(self._old_starts, position) - 1
        if index < 0 or position >= self._old_ends[index]:
            return None
        return self._new_starts[index] + position - self._old_starts[index]

    def end(self, position):
        """Where the end just after the character at `position - 1` went, or None if that character was changed."""
        if position <= 0:
            return None
        index = bisect_right(self._old_starts, position - 1) - 1
        if index < 0 or position > self._old_ends[index]:
            return None
        return self._new_starts[index] + position - self._old_starts[index]


def carry(old_text, new_text, excerpts):
    """For each (start, end, quote): its (start, end) in `new_text`, or None when it needs review.

    One diff for all the excerpts; each then costs two bisections and one string comparison.
    """
    if old_text == new_text:
        return [(start, end) if new_text[start:end] == quote else None for start, end, quote in excerpts]
    positions = PositionMap(old_text, new_text)
    carried = []
    for start, end, quote in excerpts:
        new_start, new_end = positions.start(start), positions.end(end)
        kept = new_start is not None and new_end is not None and new_start < new_end
        carried.append((new_start, new_end) if kept and new_text[new_start:new_end] == quote else None)
    return carried


def occurrences(text, quote, *, limit=20):
    """Offsets where `quote` occurs in `text` (overlapping ones too), for a person to choose from; at most `limit`."""
    found = []
    if not quote:
        return found
    at = text.find(quote)
    while at != -1 and len(found) < limit:
        found.append(at)
        at = text.find(quote, at + 1)
    return found
