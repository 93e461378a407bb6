"""How a transcript is cut into blocks: its speaker turns, and one block per line of the text between them.

Pure: no models, no database. The reading view shows one block per entry (anchored `#t-<start>`) and the
search index stores one passage per entry, so a search result always opens at a block that exists.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Block:
    start: int
    end: int
    body_start: int
    turn: int | None  # index into the turns given, None for text outside any turn


def split_blocks(text: str, turns) -> list[Block]:
    """Every turn as a block, and every non-empty line outside the turns as a block of its own, in text order."""
    blocks = []
    position = 0
    for index, turn in enumerate(turns):
        blocks.extend(_lines(text, position, turn.start))
        blocks.append(Block(turn.start, turn.end, turn.body_start, index))
        position = turn.end
    blocks.extend(_lines(text, position, len(text)))
    return blocks


def _lines(text: str, start: int, end: int) -> list[Block]:
    blocks = []
    position = start
    while position < end:
        newline = text.find("\n", position, end)
        line_end = end if newline == -1 else newline
        first = position
        while first < line_end and text[first] in " \t":
            first += 1
        last = line_end
        while last > first and text[last - 1] in " \t":
            last -= 1
        if first < last:
            blocks.append(Block(first, last, first, None))
        position = line_end + 1
    return blocks
