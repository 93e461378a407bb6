"""Files as other producers write them: each quirk still lands every selection on the right characters, and
what cannot be placed with certainty goes to the needs-review list with a report line, never to a guess."""

import pytest

from coding.models import Code, Excerpt
from interviews.models import Interview
from reports.refi import import_
from tests.reports.refi_files import (
    SOURCE_GUID,
    english,  # noqa: F401 (a fixture, used by name)
    make_qdpx,
    project_xml,
)

pytestmark = pytest.mark.usefixtures("fast_passwords", "english")

EMOJI_TEXT = "Le café 😀 est ouvert le mardi. Les 👩‍👩‍👧 familles 🤝 viennent le soir, 𝒜 compris."
LINES = ["Première ligne du texte.", "Deuxième ligne, avec le comité.", "Troisième ligne 😀 et la fin."]


def utf16(text, index):
    return len(text[:index].encode("utf-16-le")) // 2


def selection(text, quote, count, name=None):
    """(start, end[, name]) of `quote` in `text`, counted by `count(text, index)`."""
    start = text.index(quote)
    positions = (count(text, start), count(text, start + len(quote)))
    return (*positions, name) if name else positions


def code_points(text, index):
    return index


def crlf_as_one(text, index):
    return index - text[:index].count("\r\n")


def lf_as_two(text, index):
    return index + text[:index].count("\n")


def run(study, by, site, files, name="autre.qdpx"):
    return import_.import_file(study, name=name, data=make_qdpx(files), by=by, site=site)


def quotes(study):
    return sorted(Excerpt.objects.filter(interview__study=study, needs_review=False).values_list("quote", flat=True))


def test_utf16_positions_with_emoji_land_on_the_same_characters(study, site_a, researcher):
    wanted = ["est ouvert", "familles", "viennent le soir", "compris"]
    selections = [selection(EMOJI_TEXT, quote, utf16) for quote in wanted]
    report = run(
        study, researcher, site_a, {"project.qde": project_xml(selections), f"sources/{SOURCE_GUID}.txt": EMOJI_TEXT}
    )
    assert quotes(study) == sorted(wanted)
    assert any("UTF-16" in line.reason for line in report.of("note")), report.as_text()


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("\r\n".join(LINES), code_points),  # the standard: a CRLF is two characters
        ("\r\n".join(LINES), crlf_as_one),
        ("\n".join(LINES), lf_as_two),  # counted on CRLF text, written with LF
    ],
    ids=["crlf-counted-as-two", "crlf-counted-as-one", "lf-counted-as-two"],
)
def test_line_break_conventions_land_on_the_same_characters(study, site_a, researcher, text, count):
    wanted = ["Deuxième ligne", "le comité", "Troisième", "et la fin"]
    selections = [selection(text, quote, count) for quote in wanted]
    run(study, researcher, site_a, {"project.qde": project_xml(selections), f"sources/{SOURCE_GUID}.txt": text})
    assert quotes(study) == sorted(wanted)
    assert Interview.objects.get(study=study).current_version.text == "\n".join(LINES)


def test_a_selection_spanning_a_crlf_keeps_both_lines(study, site_a, researcher):
    text = "\r\n".join(LINES)
    start, end = text.index("du texte."), text.index("Deuxième") + len("Deuxième")
    # Alone, [start, end) reads as well with a CRLF counted as one: its name, the quote, tells them apart.
    xml = project_xml([(start, end, "du texte. Deuxième")])
    run(study, researcher, site_a, {"project.qde": xml, f"sources/{SOURCE_GUID}.txt": text})
    assert quotes(study) == ["du texte.\nDeuxième"]


def test_byte_order_marks_in_the_project_and_the_text_are_read(study, site_a, researcher):
    selections = [selection(EMOJI_TEXT, "est ouvert", code_points), selection(EMOJI_TEXT, "compris", code_points)]
    files = {
        "project.qde": "\ufeff" + project_xml(selections),
        f"sources/{SOURCE_GUID}.txt": "\ufeff" + EMOJI_TEXT,
    }
    run(study, researcher, site_a, files)
    assert quotes(study) == ["compris", "est ouvert"]
    assert Interview.objects.get(study=study).current_version.text == EMOJI_TEXT


def test_a_project_file_named_after_the_project_in_a_sources_folder_with_capitals(study, site_a, researcher):
    selections = [selection(EMOJI_TEXT, "le mardi", code_points)]
    files = {"Mon projet.qde": project_xml(selections), f"Sources/{SOURCE_GUID.upper()}.TXT": EMOJI_TEXT}
    report = run(study, researcher, site_a, files)
    assert quotes(study) == ["le mardi"]
    assert any("Mon projet.qde" in line.reason for line in report.of("note"))


def test_a_project_inside_a_folder_of_the_archive_is_read(study, site_a, researcher):
    selections = [selection(EMOJI_TEXT, "le mardi", code_points)]
    files = {"Export/project.qde": project_xml(selections), f"Export/sources/{SOURCE_GUID}.txt": EMOJI_TEXT}
    run(study, researcher, site_a, files)
    assert quotes(study) == ["le mardi"]


def test_ids_that_are_not_guids_still_connect_codes_and_codings(study, site_a, researcher):
    selections = [selection(EMOJI_TEXT, "familles", code_points)]
    files = {"project.qde": project_xml(selections, code_guid="code-1"), f"sources/{SOURCE_GUID}.txt": EMOJI_TEXT}
    run(study, researcher, site_a, files)
    excerpt = Excerpt.objects.get(interview__study=study)
    assert [coding.code.name for coding in excerpt.codings.all()] == ["Importé"]
    assert excerpt.codings.get().code.colour == "#aabbcc"


def test_a_codebook_with_ids_that_are_not_guids_and_braced_guids(study, researcher):
    qdc = (
        '<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Other">'
        '<Codes><Code guid="c1" name="Topics" isCodable="false"><Code guid="c2" name="Economy" isCodable="true" '
        'color="#ffff00"><Description>Jobs, taxes.</Description></Code></Code>'
        '<Code guid="{5215CC69-B628-4E02-AFB9-9BEEAEE55808}" name="Health" isCodable="true"/></Codes>'
        "<Sets/></CodeBook>"
    )
    report = import_.import_file(study, name="codes.qdc", data=qdc.encode(), by=researcher)
    economy = Code.objects.get(study=study, name="Economy")
    assert economy.parent.name == "Topics" and economy.colour == "#ffff00" and economy.definition == "Jobs, taxes."
    assert Code.objects.filter(study=study).count() == 3
    assert report.mapped["codes"] == 3


def test_empty_elements_the_schema_forbids_are_tolerated(study, site_a, researcher):
    selections = [selection(EMOJI_TEXT, "familles", code_points)]
    extra = "<Notes/><Links/><Sets/><Graphs/><Description/>"
    xml = project_xml(selections, extra=extra).replace("<CodeBook>", "<Variables/><Cases/><CodeBook>")
    xml = xml.replace('color="#ABC"', 'color=""').replace("<Users>", "<Users></Users><Users>", 1)
    report = run(study, researcher, site_a, {"project.qde": xml, f"sources/{SOURCE_GUID}.txt": EMOJI_TEXT})
    assert quotes(study) == ["familles"]
    assert any("schema" in line.reason for line in report.of("note"))


def test_positions_inline_text_is_read_as_well(study, site_a, researcher):
    xml = project_xml([selection(EMOJI_TEXT, "familles", code_points)], text_path="")
    xml = xml.replace('plainTextPath=""', "").replace(
        "<PlainTextSelection", f"<PlainTextContent>{EMOJI_TEXT}</PlainTextContent><PlainTextSelection", 1
    )
    run(study, researcher, site_a, {"project.qde": xml})
    assert quotes(study) == ["familles"]


def test_a_selection_that_splits_a_surrogate_pair_goes_to_review(study, site_a, researcher):
    named = [selection(EMOJI_TEXT, quote, utf16, name=quote) for quote in ("est ouvert", "familles", "compris")]
    emoji = utf16(EMOJI_TEXT, EMOJI_TEXT.index("😀"))
    report = run(
        study,
        researcher,
        site_a,
        {"project.qde": project_xml([*named, (emoji + 1, emoji + 8)]), f"sources/{SOURCE_GUID}.txt": EMOJI_TEXT},
    )
    assert quotes(study) == ["compris", "est ouvert", "familles"]
    review = Excerpt.objects.get(interview__study=study, needs_review=True)
    assert review.review_reason == Excerpt.ReviewReason.MOVED
    assert [line.subject for line in report.of("review")] == [
        f"Selection {emoji + 1}–{emoji + 8} in “Entretien importé.txt”"
    ]
    assert "surrogate pair" in report.of("review")[0].reason


def test_a_selection_beyond_the_text_goes_to_review_with_the_others_placed(study, site_a, researcher):
    selections = [selection(EMOJI_TEXT, "le mardi", code_points), (10, len(EMOJI_TEXT) + 40)]
    report = run(
        study, researcher, site_a, {"project.qde": project_xml(selections), f"sources/{SOURCE_GUID}.txt": EMOJI_TEXT}
    )
    assert quotes(study) == ["le mardi"]
    assert Excerpt.objects.filter(interview__study=study, needs_review=True).count() == 1
    assert "outside the text" in report.of("review")[0].reason


def test_when_the_file_cannot_tell_utf16_from_code_points_the_differing_selection_waits_for_review(
    study, site_a, researcher
):
    text = "😀 a b c d"
    # UTF-16 [5, 6) is "b"; read as code points it is the space after "b": both at word edges, both valid.
    report = run(study, researcher, site_a, {"project.qde": project_xml([(5, 6)]), f"sources/{SOURCE_GUID}.txt": text})
    assert quotes(study) == []
    assert "does not make clear" in report.of("review")[0].reason


def test_a_producer_known_to_follow_the_standard_settles_what_the_text_cannot(study, site_a, researcher):
    text = "😀 a b c d"
    files = {"project.qde": project_xml([(5, 6)], origin="QualCoder 3.5"), f"sources/{SOURCE_GUID}.txt": text}
    run(study, researcher, site_a, files)
    assert quotes(study) == [" "]


def test_decomposed_accents_are_composed_and_selections_follow(study, site_a, researcher):
    text = "Le cafe\u0301 du comite\u0301 est ouvert."
    selections = [selection(text, "cafe\u0301 du", code_points), selection(text, "est ouvert", code_points)]
    run(study, researcher, site_a, {"project.qde": project_xml(selections), f"sources/{SOURCE_GUID}.txt": text})
    assert quotes(study) == ["café du", "est ouvert"]
