"""Where each selection of one imported text goes in its canonical text, or why it has no certain place (pure)."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from interviews.importing import canonical_text
from reports.refi.positions import CanonicalMap, Counter

QUOTE_LIMIT = 2000


@dataclass(frozen=True)
class Place:
    start: int | None  # canonical code points, end exclusive; None when the selection needs review
    end: int | None
    reason: str = ""  # why it needs review
    quote: str = ""  # for review: the quote as the file's text reads it, to search for

    @property
    def placed(self):
        return self.start is not None


class TextPlacer:
    """One shipped text, read with the file's convention (and the ones it cannot be told apart from)."""

    def __init__(self, raw, decision):
        self.raw = raw
        self.canonical = CanonicalMap(raw)
        self.counter = Counter(raw, decision.convention)
        self.alternatives = [Counter(raw, convention) for convention in decision.tied]

    @property
    def text(self):
        return self.canonical.text

    def place(self, start, end, name=""):
        """The Place of a selection [start, end) given in the file's units."""
        if start is None or end is None:
            return Place(None, None, _("its positions are missing or not whole numbers"), name)
        first, last = self.counter.index(start), self.counter.index(end)
        if first is None or last is None:
            return Place(None, None, self._outside_reason(start, end), name)
        if first >= last:
            return Place(None, None, _("it selects nothing"), name)
        for other in self.alternatives:
            if (other.index(start), other.index(end)) != (first, last):
                return self._review(first, last, name, _("the file does not make clear how it counts positions here"))
        begin, finish = self.canonical.position(first), self.canonical.position(last)
        if begin is None or finish is None:
            reason = _("it begins or ends inside a character the text's normalisation joins")
            return self._review(first, last, name, reason)
        if begin >= finish:
            return self._review(first, last, name, _("it selects only characters the text's normalisation removes"))
        return Place(begin, finish)

    def _review(self, first, last, name, reason):
        """A Place for review, quoting what the file's text holds there, for the reviewer to search."""
        return Place(None, None, reason, canonical_text(self.raw[first:last])[:QUOTE_LIMIT] or name)

    def _outside_reason(self, start, end):
        if min(start, end) < 0 or max(start, end) > self.counter.units:
            return _("its positions are outside the text")
        return _("it begins or ends inside a character (a surrogate pair) or inside a CRLF line break")
