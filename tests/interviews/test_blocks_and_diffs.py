"""The pure modules behind the reading view and the diff page."""

from interviews.blocks import Block, split_blocks
from interviews.diffs import DiffRow, has_changes, line_diff
from interviews.speakers import detect_turns


def test_turns_become_blocks_and_the_lines_between_them_blocks_of_their_own():
    text = "Titre\n\nI : Bonjour.\nR : Oui.\nsuite\n\nI : Merci."
    turns = detect_turns(text)
    blocks = split_blocks(text, turns)
    assert blocks[0] == Block(0, 5, 0, None)
    assert [(b.start, b.turn) for b in blocks[1:]] == [(t.start, i) for i, t in enumerate(turns)]
    assert text[blocks[2].start : blocks[2].end] == "R : Oui.\nsuite"


def test_a_text_without_turns_is_one_block_per_non_empty_line_trimmed():
    text = "Présents : six.\n\n  Décision : on continue.\t\n🙂 fin"
    assert [text[b.start : b.end] for b in split_blocks(text, [])] == [
        "Présents : six.",
        "Décision : on continue.",
        "🙂 fin",
    ]


def test_an_empty_text_has_no_block():
    assert split_blocks("", []) == []


def test_a_line_diff_folds_long_unchanged_runs():
    old = "\n".join(f"ligne {n}" for n in range(20))
    new = old.replace("ligne 10", "ligne dix")
    rows = line_diff(old, new, context=2)
    assert [row.kind for row in rows] == ["skip", "equal", "equal", "delete", "insert", "equal", "equal", "skip"]
    assert rows[0] == DiffRow("skip", None, None, "", skipped=8)
    assert rows[3] == DiffRow("delete", 11, None, "ligne 10")
    assert rows[4] == DiffRow("insert", None, 11, "ligne dix")
    assert has_changes(rows)


def test_identical_texts_have_no_changes():
    assert not has_changes(line_diff("a\nb", "a\nb"))
    assert line_diff("a", "a") == [DiffRow("equal", 1, 1, "a")]
