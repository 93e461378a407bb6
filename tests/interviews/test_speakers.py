import pytest
from hypothesis import given
from hypothesis import strategies as st

from interviews.importing import canonical_text
from interviews.speakers import Turn, detect_turns, propose_mapping


def spans(text):
    """(label part, speech, label, started_at) of each turn, read back through the offsets."""
    return [
        (text[t.start : t.body_start], text[t.body_start : t.end], t.label, t.started_at) for t in detect_turns(text)
    ]


def test_french_spacing_no_break_spaces_and_no_space_before_the_colon_all_make_labels():
    text = (
        "INTERVIEWEUSE : Bonjour, ça va ?\n"
        "Marie\u00a0: Oui, très bien.\n"
        "INTERVIEWEUSE\u202f: Parfait.\n"
        "Marie: On commence ?"
    )
    assert spans(text) == [
        ("INTERVIEWEUSE : ", "Bonjour, ça va ?", "INTERVIEWEUSE", None),
        ("Marie\u00a0: ", "Oui, très bien.", "Marie", None),
        ("INTERVIEWEUSE\u202f: ", "Parfait.", "INTERVIEWEUSE", None),
        ("Marie: ", "On commence ?", "Marie", None),
    ]


def test_turn_offsets_are_code_points_with_emoji_and_zwj_sequences():
    text = "I : Ça va 🙂 ?\nR : 👩🏽‍🔧 oui, « très » bien\nI : Œuvre ?\nR : Non."
    turns = detect_turns(text)
    # 👩🏽‍🔧 is four code points (woman, skin tone, zero-width joiner, wrench): 18 + 4 + 19 = 41.
    assert turns[1] == Turn(start=14, end=41, body_start=18, label="R")
    assert text[turns[1].body_start : turns[1].end] == "👩🏽‍🔧 oui, « très » bien"


def test_timestamp_prefixes_belong_to_the_turn_and_give_its_start_time():
    text = (
        "[00:12:03] Marie : Bonjour.\n"
        "(00:12:10) I : Bonjour Marie.\n"
        "00:12:20 Marie : On parle du comité.\n"
        "[01:02:03.5] I : Merci."
    )
    assert spans(text) == [
        ("[00:12:03] Marie : ", "Bonjour.", "Marie", 723.0),
        ("(00:12:10) I : ", "Bonjour Marie.", "I", 730.0),
        ("00:12:20 Marie : ", "On parle du comité.", "Marie", 740.0),
        ("[01:02:03.5] I : ", "Merci.", "I", 3723.5),
    ]


def test_short_role_labels_and_pseudonym_codes():
    text = "Int. : Première question.\nR-MTL1-07 : Réponse.\nQ: Deuxième ?\nP-QC2-03: Oui.\nInt. : Fin.\nQ: Merci."
    assert [(turn.label, text[turn.body_start : turn.end]) for turn in detect_turns(text)] == [
        ("Int.", "Première question."),
        ("R-MTL1-07", "Réponse."),
        ("Q", "Deuxième ?"),
        ("P-QC2-03", "Oui."),
        ("Int.", "Fin."),
        ("Q", "Merci."),
    ]


def test_a_group_interview_speaker_who_talks_once_still_makes_a_turn():
    text = (
        "Animatrice : On fait un tour de table.\n"
        "Intervenante 1 : Moi, c'est le milieu MTL1.\n"
        "Intervenante 2 : Moi, QC1.\n"
        "Animatrice : Et vous ?\n"
        "Intervenante 3 : Je suis nouvelle.\n"
        "Intervenante 1 : Bienvenue !\n"
        "Intervenante 2 : Bienvenue."
    )
    assert [turn.label for turn in detect_turns(text)] == [
        "Animatrice",
        "Intervenante 1",
        "Intervenante 2",
        "Animatrice",
        "Intervenante 3",
        "Intervenante 1",
        "Intervenante 2",
    ]


def test_observation_notes_with_colons_make_no_turns():
    text = (
        "Comité de quartier, 12 mars\n\n"
        "Note : la rencontre commence à 19 h.\n"
        "Arrivée à 19:30 de la représentante de l'OMH.\n"
        "Voir http://exemple.org/compte-rendu pour le détail.\n"
        "Lieu : salle communautaire\n"
        "Ambiance générale : détendue."
    )
    assert detect_turns(text) == []


def test_continuation_paragraphs_belong_to_the_current_turn_and_a_header_to_no_turn():
    text = (
        "Entrevue avec R-MTL1-07, 3 mai\n\n"
        "I : Parlez-moi du comité.\n\n"
        "R-MTL1-07 : C'était difficile au début.\n\n"
        "Et puis voilà : on a trouvé un local.\n"
        "Ensuite, ça allait mieux.\n\n"
        "I : Merci.\n\n"
        "R-MTL1-07 : De rien."
    )
    turns = detect_turns(text)
    assert [turn.label for turn in turns] == ["I", "R-MTL1-07", "I", "R-MTL1-07"]
    assert turns[0].start == text.index("I : Parlez")
    assert text[turns[1].body_start : turns[1].end] == (
        "C'était difficile au début.\n\nEt puis voilà : on a trouvé un local.\nEnsuite, ça allait mieux."
    )


def test_a_capitalised_word_with_a_colon_inside_a_speech_does_not_split_the_turn():
    text = "MARIE : Bon.\nBref : on y va.\nJEAN : D'accord.\nMARIE : Allons-y.\nJEAN : Oui."
    assert [turn.label for turn in detect_turns(text)] == ["MARIE", "JEAN", "MARIE", "JEAN"]


def test_a_label_alone_on_its_line_starts_the_speech_on_the_next_line():
    text = "MARIE :\nBonjour à tous.\n\nJEAN :\n\nSalut.\nMARIE :\nJEAN : Fin."
    turns = detect_turns(text)
    assert [(text[t.start : t.body_start], text[t.body_start : t.end]) for t in turns] == [
        ("MARIE :\n", "Bonjour à tous."),
        ("JEAN :\n\n", "Salut."),
        ("MARIE :", ""),
        ("JEAN : ", "Fin."),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Une personne qui parle beaucoup trop longtemps : ceci n'est pas un label",
        "Abcdefghijklmnopqrstuvwxyzabcdefghijklmnop : trop long",
        "19:30 : début",
        "Https://exemple.org : lien",
        "Score 3:2 pour eux",
    ],
)
def test_long_phrases_times_and_urls_are_never_labels(line):
    assert detect_turns(f"{line}\n{line}\n{line}") == []


def test_a_text_without_any_label_has_no_turns():
    assert detect_turns("Un document.\n\nSans dialogue.") == []
    assert detect_turns("") == []


LABELS = st.sampled_from(["I", "R", "MARIE", "Intervenante 3", "R-MTL1-07", "[00:01:02] Jean", "Note"])
SPEECH = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30)


@given(st.lists(st.one_of(st.tuples(LABELS, SPEECH).map(lambda pair: f"{pair[0]} : {pair[1]}"), SPEECH), max_size=12))
def test_turns_are_ordered_disjoint_spans_trimmed_of_whitespace(lines):
    text = canonical_text("\n".join(lines))
    turns = detect_turns(text)
    previous_end = 0
    for turn in turns:
        assert previous_end <= turn.start <= turn.body_start <= turn.end <= len(text)
        span = text[turn.start : turn.end]
        assert span == span.strip()
        assert turn.start == 0 or text[turn.start - 1] == "\n"
        previous_end = turn.end


PARTICIPANTS = [(7, "R-MTL1-07", "resident"), (9, "P-QC2-03", "partner")]


def test_propose_mapping_matches_codes_and_interviewer_labels_ignoring_case_and_accents():
    labels = ["r-mtl1-07", "P-QC2-03", "Int.", "INTERVIEWEUSE", "Chercheure", "Q", "Sophie Lévesque", "Marie"]
    assert propose_mapping(labels, PARTICIPANTS, ["Sophie Levesque"]) == {
        "r-mtl1-07": "participant:7",
        "P-QC2-03": "participant:9",
        "Int.": "interviewer",
        "INTERVIEWEUSE": "interviewer",
        "Chercheure": "interviewer",
        "Q": "interviewer",
        "Sophie Lévesque": "interviewer",
        "Marie": "",
    }


def test_propose_mapping_gives_r_to_the_only_participant_of_an_individual_interview():
    assert propose_mapping(["I", "R"], PARTICIPANTS[:1], []) == {"I": "interviewer", "R": "participant:7"}
    assert propose_mapping(["I", "R"], PARTICIPANTS, []) == {"I": "interviewer", "R": ""}
