import re
import unicodedata
from io import BytesIO

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter

from interviews.importing import ImportedText, ImportRefused, Turn, canonical_text, read_transcript
from tests.interviews.files import make_docx, make_image_pdf, make_odt, make_pdf, rewrite_zip

# NFD on purpose: "très" spelled e + combining grave accent, as macOS file names and some editors write it.
NFD_TRES = "tre\u0300s"
EMOJI = "🙂 👩🏽‍🔧"  # one non-BMP character, then a ZWJ sequence of four code points


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def refusal(name, data, **options):
    with pytest.raises(ImportRefused) as caught:
        read_transcript(name, data, **options)
    assert str(caught.value) == caught.value.message
    return caught.value.message


def pieces(imported):
    """Each turn read back through its offsets: (label part, speech)."""
    return [(imported.text[t.start : t.body_start], imported.text[t.body_start : t.end]) for t in imported.turns]


# --- plain text -----------------------------------------------------------------------------------------------

DIALOGUE = (
    "Entrevue R-MTL1-07  \r\n\r\n\r\n\r\n"
    f"INTERVIEWEUSE : Bonjour, ça va ? {EMOJI}\r\n"
    f"R-MTL1-07\u00a0: Oui, {NFD_TRES} bien. L’œuvre « à part ».\t\r\n"
    "\r\n"
    "Une deuxième ligne.\r\n"
    "INTERVIEWEUSE : Merci.\r\n"
    "R-MTL1-07 : De rien.\r\n\r\n"
)
DIALOGUE_TEXT = (
    "Entrevue R-MTL1-07\n\n"
    f"INTERVIEWEUSE : Bonjour, ça va ? {EMOJI}\n"
    "R-MTL1-07\u00a0: Oui, très bien. L’œuvre « à part ».\n"
    "\n"
    "Une deuxième ligne.\n"
    "INTERVIEWEUSE : Merci.\n"
    "R-MTL1-07 : De rien."
)
DIALOGUE_PIECES = [
    ("INTERVIEWEUSE : ", f"Bonjour, ça va ? {EMOJI}"),
    ("R-MTL1-07\u00a0: ", "Oui, très bien. L’œuvre « à part ».\n\nUne deuxième ligne."),
    ("INTERVIEWEUSE : ", "Merci."),
    ("R-MTL1-07 : ", "De rien."),
]


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("utf-8"),
        lambda text: text.encode("utf-8-sig"),
        lambda text: text.encode("utf-16"),  # with its BOM
        lambda text: b"\xfe\xff" + text.encode("utf-16-be"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom"],
)
def test_text_files_in_unicode_encodings_give_the_canonical_text_and_turns(encode):
    imported = read_transcript("entrevue.txt", encode(DIALOGUE))
    assert imported.text == DIALOGUE_TEXT
    assert imported.format == "txt"
    assert pieces(imported) == DIALOGUE_PIECES
    assert imported.turns[0] == Turn(start=20, end=59, body_start=36, label="INTERVIEWEUSE")


def test_an_old_windows_text_file_is_read_as_cp1252():
    raw = "MARIE : L’été « à part », ça va ? Œuvre.\r\nJEAN : Oui.\r\nMARIE : Bon.\r\nJEAN : Fin.\r\n"
    imported = read_transcript("vieux.TXT", raw.encode("cp1252"))
    assert imported.text == "MARIE : L’été « à part », ça va ? Œuvre.\nJEAN : Oui.\nMARIE : Bon.\nJEAN : Fin."
    assert [turn.label for turn in imported.turns] == ["MARIE", "JEAN", "MARIE", "JEAN"]


def test_markdown_is_kept_as_written():
    imported = read_transcript("notes.md", b"# Rencontre\n\n- point *un*\n")
    assert imported == ImportedText(text="# Rencontre\n\n- point *un*", turns=(), format="md")


# --- canonical text --------------------------------------------------------------------------------------------


def test_canonical_text_normalises_unicode_line_ends_spaces_and_blank_runs():
    raw = "\ufeff\n\n  Caf" + "e\u0301 \t\r\nligne\rdeux\u2028trois\u2029\n\n\n\nfin\x00\x07 \u00a0\n\n"
    assert canonical_text(raw) == "  Café\nligne\ndeux\ntrois\n\nfin"


def test_canonical_text_composes_across_a_dropped_control_character():
    assert canonical_text("e\x00\u0301") == "é"


def test_canonical_text_keeps_tabs_inside_lines_and_emoji_sequences():
    assert canonical_text(f"a\tb {EMOJI}") == f"a\tb {EMOJI}"


ANY_TEXT = st.text(
    st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(["\r", "\ud800", "\n", "\u2028", "\u2029", "\x85", "\ufeff", "\u0301", "\u00a0", " ", "\t"]),
    )
)


@given(ANY_TEXT)
def test_canonical_text_is_idempotent_and_follows_the_canonical_rules(raw):
    text = canonical_text(raw)
    assert canonical_text(text) == text
    assert unicodedata.is_normalized("NFC", text)
    assert "\r" not in text and "\ufeff" not in text and "\n\n\n" not in text
    assert not text.startswith("\n") and not text.endswith("\n")
    assert all(line == line.rstrip() for line in text.split("\n"))
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]", text)


# --- office documents and PDF ----------------------------------------------------------------------------------

PARAGRAPHS = [
    f"INTERVIEWEUSE : Bonjour, ça va ? {EMOJI}",
    f"R-MTL1-07 : Oui, {NFD_TRES} bien.\tL’œuvre « à part ».",
    "Une deuxième ligne.",
    "INTERVIEWEUSE : Merci.",
    "R-MTL1-07 : De rien.",
]
PARAGRAPHS_TEXT = (
    f"INTERVIEWEUSE : Bonjour, ça va ? {EMOJI}\n"
    "R-MTL1-07 : Oui, très bien.\tL’œuvre « à part ».\n"
    "Une deuxième ligne.\n"
    "INTERVIEWEUSE : Merci.\n"
    "R-MTL1-07 : De rien."
)


def test_a_docx_gives_its_paragraphs_then_its_table_cells_in_order_without_headers():
    data = make_docx(PARAGRAPHS, table=[["Site", "MTL1"], ["Date", "3 mai"]], header="EN-TÊTE CONFIDENTIEL")
    imported = read_transcript("entrevue.docx", data)
    assert imported.text == PARAGRAPHS_TEXT + "\nSite\nMTL1\nDate\n3 mai"
    assert imported.format == "docx"
    assert pieces(imported) == [
        ("INTERVIEWEUSE : ", f"Bonjour, ça va ? {EMOJI}"),
        ("R-MTL1-07 : ", "Oui, très bien.\tL’œuvre « à part ».\nUne deuxième ligne."),
        ("INTERVIEWEUSE : ", "Merci."),
        ("R-MTL1-07 : ", "De rien.\nSite\nMTL1\nDate\n3 mai"),
    ]


def test_a_docx_keeps_tracked_insertions_and_line_breaks_and_drops_tracked_deletions():
    tracked = (
        b'<w:ins w:id="1" w:author="A" w:date="2024-05-03T00:00:00Z"><w:r><w:t xml:space="preserve"> et bonsoir'
        b'</w:t></w:r></w:ins><w:del w:id="2" w:author="A" w:date="2024-05-03T00:00:00Z"><w:r><w:delText>'
        b"SUPPRIM\xc3\x89</w:delText></w:r></w:del><w:r><w:br/><w:t>suite</w:t></w:r></w:p>"
    )
    data = rewrite_zip(
        make_docx(["MARIE : Bonjour"]), {"word/document.xml": lambda xml: xml.replace(b"</w:p>", tracked, 1)}
    )
    assert read_transcript("suivi.docx", data).text == "MARIE : Bonjour et bonsoir\nsuite"


def test_an_odt_gives_headings_and_paragraphs_with_spaces_tabs_and_line_breaks():
    paragraphs = [*PARAGRAPHS[:2], "Une   deuxième\nligne.", *PARAGRAPHS[3:]]
    imported = read_transcript("entrevue.odt", make_odt(paragraphs, heading="Entrevue R-MTL1-07"))
    assert imported.text == "Entrevue R-MTL1-07\n" + PARAGRAPHS_TEXT.replace(
        "Une deuxième ligne.", "Une   deuxième\nligne."
    )
    assert imported.format == "odt"
    assert [turn.label for turn in imported.turns] == ["INTERVIEWEUSE", "R-MTL1-07", "INTERVIEWEUSE", "R-MTL1-07"]
    assert imported.turns[0].start == len("Entrevue R-MTL1-07\n")
    assert pieces(imported)[1] == ("R-MTL1-07 : ", "Oui, très bien.\tL’œuvre « à part ».\nUne   deuxième\nligne.")


def test_a_text_pdf_gives_the_text_of_every_page():
    html = (
        "<meta charset=utf-8><style>@page { size: A4 } p { margin: 0 0 1em }</style>"
        "<p>INTERVIEWEUSE : Bonjour, ça va ? 🙂</p>"
        f"<p>R-MTL1-07 : Oui, {NFD_TRES} bien, l’œuvre « à part ».</p>"
        "<p style='break-before: page'>INTERVIEWEUSE : Page deux, Québec.</p>"
        "<p>R-MTL1-07 : Fin.</p>"
    )
    data = make_pdf(html)
    assert len(PdfReader(BytesIO(data)).pages) == 2
    imported = read_transcript("entrevue.pdf", data)
    assert imported.text == (
        "INTERVIEWEUSE : Bonjour, ça va ? 🙂\n"
        "R-MTL1-07 : Oui, très bien, l’œuvre « à part ».\n"
        "INTERVIEWEUSE : Page deux, Québec.\n"
        "R-MTL1-07 : Fin."
    )
    assert imported.format == "pdf"
    assert pieces(imported)[2] == ("INTERVIEWEUSE : ", "Page deux, Québec.")


def test_a_pdf_without_a_text_layer_is_refused_with_advice_to_run_ocr():
    data = make_image_pdf()
    pages = PdfReader(BytesIO(data)).pages
    assert len(pages) == 1
    assert b"0.2 0.2 0.4 rg" in pages[0].get_contents().get_data()  # the page does show a (drawn) picture
    message = refusal("scan.pdf", data)
    assert message == (
        "This PDF has no text layer (it is probably a scanned document). "
        "Run it through OCR (text recognition) first, then import the result."
    )


def test_a_password_protected_pdf_is_refused():
    writer = PdfWriter(clone_from=PdfReader(BytesIO(make_pdf("<p>secret</p>"))))
    writer.encrypt(user_password="motdepasse", algorithm="RC4-128")
    buffer = BytesIO()
    writer.write(buffer)
    assert refusal("secret.pdf", buffer.getvalue()) == (
        "This PDF is protected by a password; remove the protection and import it again."
    )


# --- subtitles -------------------------------------------------------------------------------------------------

VTT = """WEBVTT - entrevue

NOTE exported by a recorder

STYLE
::cue { color: yellow }

1
00:00:01.000 --> 00:00:03.500 align:start
<v Intervieweuse>Bonjour, <i>ça</i> va ?</v>

2
00:00:03.500 --> 00:00:05.000
<v Intervieweuse>On commence.

00:00:05.000 --> 00:01:02.250
<v.loud R-MTL1-07>Oui, tre\u0300s bien &amp; <c.x>vous</c> ? 🙂
sur deux lignes

01:02.250 --> 01:04.000
Applaudissements
"""


def test_a_vtt_file_makes_one_line_per_speaker_run_with_times():
    imported = read_transcript("entrevue.vtt", VTT.replace("\n", "\r\n").encode())
    assert imported.text == (
        "Intervieweuse : Bonjour, ça va ? On commence.\n"
        "R-MTL1-07 : Oui, très bien & vous ? 🙂 sur deux lignes\n"
        "Applaudissements"
    )
    assert imported.turns == (
        Turn(start=0, end=45, body_start=16, label="Intervieweuse", started_at=1.0, ended_at=5.0),
        Turn(start=46, end=99, body_start=58, label="R-MTL1-07", started_at=5.0, ended_at=62.25),
        Turn(start=100, end=116, body_start=100, label="", started_at=62.25, ended_at=64.0),
    )
    assert imported.format == "vtt"


def test_a_vtt_file_without_its_header_is_refused():
    assert refusal("faux.vtt", b"00:00:01.000 --> 00:00:02.000\nBonjour") == (
        "This file is named .vtt but does not start with “WEBVTT”: it is not a WebVTT file."
    )


SRT = """1
00:00:01,000 --> 00:00:02,000
{\\an8}MARIE: Bonjour à <i>tous</i>.

2
00:00:02,000 --> 00:00:04,000
MARIE: Ça va ?

3
00:00:04,500 --> 00:00:06,000
JEAN: Oui 👩🏽‍🔧
<font color="red">très bien</font>
"""


def test_an_srt_file_takes_speakers_from_names_at_the_start_of_cues():
    imported = read_transcript("entrevue.srt", SRT.encode("utf-8-sig"))
    assert imported.text == "MARIE : Bonjour à tous. Ça va ?\nJEAN : Oui 👩🏽‍🔧 très bien"
    assert pieces(imported) == [("MARIE : ", "Bonjour à tous. Ça va ?"), ("JEAN : ", "Oui 👩🏽‍🔧 très bien")]
    assert [(turn.started_at, turn.ended_at) for turn in imported.turns] == [(1.0, 4.0), (4.5, 6.0)]


def test_an_srt_file_without_cues_is_refused():
    assert refusal("vide.srt", b"pas de sous-titres ici") == "No subtitles were found in this .srt file."
