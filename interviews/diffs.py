"""Line-level differences between two transcript versions, for the diff page. Pure: no models."""

import difflib
from dataclasses import dataclass


@dataclass(frozen=True)
class DiffRow:
    kind: str  # "equal", "delete", "insert" or "skip" (a run of unchanged lines left out)
    old_number: int | None
    new_number: int | None
    text: str
    skipped: int = 0


def line_diff(old: str, new: str, *, context: int = 3) -> list[DiffRow]:
    """The rows of a unified line diff, unchanged runs longer than 2 × `context` lines folded into one "skip" row."""
    old_lines, new_lines = old.split("\n"), new.split("\n")
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    rows = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows.extend(_equal_run(old_lines, i1, i2, j1, context, first=not rows, last=i2 == len(old_lines)))
            continue
        rows.extend(DiffRow("delete", i + 1, None, old_lines[i]) for i in range(i1, i2))
        rows.extend(DiffRow("insert", None, j + 1, new_lines[j]) for j in range(j1, j2))
    return rows


def _equal_run(lines, i1, i2, j1, context, *, first, last):
    keep_before = 0 if first else context
    keep_after = 0 if last else context
    length = i2 - i1
    if length <= keep_before + keep_after + 1:
        return [DiffRow("equal", i + 1, j1 + i - i1 + 1, lines[i]) for i in range(i1, i2)]
    rows = [DiffRow("equal", i + 1, j1 + i - i1 + 1, lines[i]) for i in range(i1, i1 + keep_before)]
    rows.append(DiffRow("skip", None, None, "", skipped=length - keep_before - keep_after))
    rows.extend(DiffRow("equal", i + 1, j1 + i - i1 + 1, lines[i]) for i in range(i2 - keep_after, i2))
    return rows


def has_changes(rows) -> bool:
    return any(row.kind in ("delete", "insert") for row in rows)
