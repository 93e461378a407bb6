"""The demo transcripts: deterministic, long enough, parseable into speaker turns, and carrying the themes of the
published synthesis sheet with the per-site emphases the analysis views must later show."""

import datetime
import itertools
import re
import time
from functools import cache

import pytest

from interviews import demo_bank, demo_speech, demo_texts, demo_themes
from interviews.demo_texts import ParticipantInfo, demo_corpus, group_interview, individual_interview, observation_notes
from interviews.importing import canonical_text
from interviews.speakers import detect_turns

SITES = [
    ("MTL1", "Milieu des Érables (fictif)", "Montréal"),
    ("MTL2", "Milieu du Canal (fictif)", "Montréal"),
    ("QC1", "Milieu de la Falaise (fictif)", "Québec"),
    ("QC2", "Milieu des Pommiers (fictif)", "Québec"),
]
# Partners by (organisation kind, role title), cycled as in the demo's structure.
PARTNER_ROLES = [
    ("ciusss", "organisateur·trice communautaire"),
    ("housing_office", "organisateur·trice communautaire"),
    ("ciusss", "gestionnaire"),
    ("housing_office", "agent·e de développement"),
    ("community", "coordonnateur·trice"),
    ("community", "intervenant·e"),
    ("tenants", "président·e de l'association de locataires"),
    ("community", "directeur·trice"),
]
SIZES = {"MTL1": (10, 12), "MTL2": (9, 11), "QC1": (9, 11), "QC2": (7, 9)}
GROUP_ROLES = [
    "intervenant·e jeunesse",
    "intervenant·e en sécurité alimentaire",
    "travailleur·se social·e",
    "intervenant·e communautaire de l'office",
    "travailleur·se de rue",
    "intervenant·e famille",
]


def participants():
    """35 partners, 43 residents, 4 field workers and the 6 of the group: some with details, some bare tuples."""
    rows = []
    for site, (partners, residents) in SIZES.items():
        for number in range(1, partners + 1):
            kind, title = PARTNER_ROLES[(number - 1) % len(PARTNER_ROLES)]
            rows.append(ParticipantInfo(f"P-{site}-{number:02d}", "partner", site, kind, "", title))
        for number in range(1, residents + 1):
            clientele = "families" if number % 2 or site == "MTL2" else "persons_alone"
            clientele = "persons_alone" if site == "QC2" else clientele
            attributes = {"gender": "Non binaire"} if number == 5 else {"gender": "Femme" if number % 3 else "Homme"}
            rows.append(
                ParticipantInfo(f"R-{site}-{number:02d}", "resident", site, clientele=clientele, attributes=attributes)
            )
        rows.append(ParticipantInfo(f"I-{site}-01", "field_worker", site, role_title="intervenant·e de milieu"))
    rows += [
        (f"I-MTL2-{number:02d}", "field_worker", "MTL2", "", "", GROUP_ROLES[number - 2]) for number in range(2, 8)
    ]
    rows.append(("X-MTL1-01", "researcher", "MTL1"))  # researchers are not interviewed
    return rows


@cache
def corpus():
    return tuple(demo_corpus(SITES, participants(), "MTL2"))


def texts_of(kind):
    return [text for text in corpus() if text.kind == kind]


def words(text):
    return len(text.text.split())


def label_lines(text):
    """The labels that open a line as "Label : " (plain or no-break space before the colon)."""
    labels = "|".join(re.escape(speaker.label) for speaker in text.speakers)
    return re.findall(rf"^({labels})[ \u00a0]: ", text.text, flags=re.MULTILINE)


def normalised(text):
    return text.replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ")


def test_corpus_has_the_seed_sheets_interviews_and_two_years_of_notes_for_three_sites():
    texts = corpus()
    kinds = [text.kind for text in texts]
    # The seed: individual interviews with 35 partners, 43 residents and 4 field workers; the six field workers of
    # the group interview speak there only.
    assert kinds.count("individual_interview") == 35 + 43 + 4
    group = next(text for text in texts if text.kind == "group_interview")
    individual = {speaker.code for text in texts if text.kind == "individual_interview" for speaker in text.speakers}
    assert len({speaker.code for speaker in group.speakers if speaker.code} & individual) == 0
    assert kinds.count("group_interview") == 1
    notes = texts_of("observation_notes")
    assert {site: sum(note.site_code == site for note in notes) for site in ("MTL1", "MTL2", "QC1", "QC2")} == {
        "MTL1": 12,
        "MTL2": 12,
        "QC1": 12,
        "QC2": 0,
    }
    assert len({(note.site_code, note.date.year, note.date.month) for note in notes}) == 36
    months = sorted((note.date.year, note.date.month) for note in notes)
    assert (months[0], months[-1]) == ((2018, 9), (2020, 8))  # 24 months
    assert all(note.meeting and note.committee for note in notes)


def test_the_same_seed_gives_the_same_text_and_another_seed_another_text():
    arguments = {"participant_code": "R-QC1-03", "participant_kind": "resident", "site_code": "QC1"}
    arguments |= {"site_name": "Milieu de la Falaise (fictif)", "city": "Québec"}
    assert individual_interview(**arguments, seed=7) == individual_interview(**arguments, seed=7)
    assert individual_interview(**arguments, seed=7).text != individual_interview(**arguments, seed=8).text
    group = {"field_worker_codes": ["I-QC1-02", "I-QC1-03"], "site_code": "QC1", "site_name": "Falaise"}
    assert group_interview(**group, seed=3) == group_interview(**group, seed=3)
    notes = {"site_code": "MTL1", "site_name": "Milieu des Érables (fictif)", "month": datetime.date(2019, 3, 1)}
    assert observation_notes(**notes, seed=11) == observation_notes(**notes, seed=11)
    assert observation_notes(**notes, seed=11).text != observation_notes(**notes, seed=12).text
    assert demo_corpus(SITES, participants(), "MTL2") == list(corpus())


def test_individual_interviews_have_two_to_three_and_a_half_thousand_words():
    counts = [words(text) for text in texts_of("individual_interview")]
    assert min(counts) >= 2000 and max(counts) <= 3500


def test_group_interview_gives_the_floor_to_six_field_workers_over_a_few_thousand_words():
    (group,) = texts_of("group_interview")
    assert [speaker.label for speaker in group.speakers] == ["Intervieweuse"] + [f"I-MTL2-{n:02d}" for n in range(2, 8)]
    assert set(label_lines(group)) == {speaker.label for speaker in group.speakers}
    assert 2500 <= words(group) <= 6000


def test_every_speaker_label_opens_a_line_of_its_text():
    for text in texts_of("individual_interview") + texts_of("group_interview"):
        assert {speaker.label for speaker in text.speakers} == set(label_lines(text)), text.title
        assert text.speakers[0] == demo_texts.Speaker("Intervieweuse", "", "interviewer")


def test_detect_turns_finds_one_turn_per_label_line_with_its_label():
    for text in texts_of("individual_interview") + texts_of("group_interview"):
        turns = detect_turns(text.text)
        assert [turn.label for turn in turns] == label_lines(text), text.title
        assert all(text.text[turn.body_start : turn.end].strip() for turn in turns)


def test_observation_notes_are_narrative_and_yield_no_speaker_turn():
    for note in texts_of("observation_notes"):
        assert note.speakers == ()
        assert detect_turns(note.text) == [], note.title
        assert ":" not in note.text  # "Word :" at a line start would read as a speaker
        assert re.search(r"^\d{1,2}\u00a0h\u00a0\d{2} — ", note.text, flags=re.MULTILINE)  # dated paragraphs
        assert "Décisions — " in note.text or "Réflexion de l'observatrice" in normalised(note.text)
        assert 300 <= words(note) <= 1500


def test_texts_are_canonical_and_every_slot_is_filled():
    for text in corpus():
        assert canonical_text(text.text) == text.text, text.title
        assert "{" not in text.text and "}" not in text.text, text.title


def long_paragraphs(text):
    """The participant's long paragraphs, labels and typography aside."""
    body = normalised(text.text.split("\n\n", 1)[1])
    return {re.sub(r"^\S+ : ", "", paragraph) for paragraph in body.split("\n\n") if len(paragraph.split()) > 40}


def test_no_two_individual_interviews_read_the_same():
    paragraphs = [long_paragraphs(text) for text in texts_of("individual_interview")]
    for first, second in itertools.combinations(paragraphs, 2):
        assert first != second
        assert len(first & second) < min(len(first), len(second)) / 2


def test_transcripts_carry_french_typography_and_a_few_resident_emoji():
    text = "\n".join(text.text for text in corpus())
    for mark in ("«\u00a0", "\u00a0»", "’", "œ", "\u202f?", "\u00a0: ", "…"):
        assert mark in text, repr(mark)
    emoji_turns = [
        (interview.title, line)
        for interview in texts_of("individual_interview")
        for line in interview.text.split("\n")
        if "🙂" in line or "👍🏽" in line
    ]
    assert 3 <= len(emoji_turns) <= 15
    assert all(line.startswith("R-") for _title, line in emoji_turns)


# Key words of each result and "piste d'action" of the synthesis sheet, as the demo's coding will look for them.
THEMES = {
    "partners involved from the start": [r"dès le (?:départ|début)"],
    "partnerships with several committees": [r"plusieurs comités", r"comité terrain"],
    "the CIUSSS community organiser coordinates": [r"OC du CIUSSS", r"coordonne"],
    "the housing office organiser: logistics and link": [r"logistique", r"fai[st] le pont|fait le lien"],
    "field worker: direct support and collaboration": [r"soutien direct", r"collabor"],
    "several kinds of expertise, no silo work": [r"expertises", r"silo"],
    "easier referral": [r"référencement"],
    "a better answer to needs": [r"réponse aux besoins"],
    "mobilisation and participation": [r"mobilis", r"participation"],
    "community projects": [r"projets? collectifs?|projets communautaires"],
    "pooling of resources": [r"mutualis"],
    "better living conditions": [r"conditions de vie"],
    "accompaniment to services": [r"accompagn"],
    "prevention and safety": [r"prévention", r"sécurité"],
    "breaking isolation": [r"isolement"],
    "neighbourhood resources": [r"ressources du quartier"],
    "activities for youth and adults": [r"activités pour les jeunes", r"adultes"],
    "residents' power to act": [r"pouvoir d.a(?:ction|gir)"],
    "tenants' associations": [r"association (?:de|des) locataires"],
    "long-term engagement is hard": [r"long terme"],
    "renewed consultation": [r"consultation"],
    "diverse needs": [r"socialiser", r"démarches", r"tâches parentales"],
    "internal organisation": [r"organisation interne"],
    "clarifying roles": [r"clarifi"],
    "defining the kind of intervention": [r"type d.intervention"],
    "staff turnover": [r"roulement"],
    "shared understanding, problematisation": [r"compréhension commune", r"problématisation"],
    "mechanisms in symbiosis": [r"symbiose"],
    "trust built over time, regular meetings, stability": [r"confiance", r"rencontres régulières", r"stabilité"],
    "animation and mediation": [r"animation", r"médiation"],
}
# Themes every site speaks of (the others may be carried by some sites only).
EVERYWHERE = [
    "easier referral",
    "mobilisation and participation",
    "staff turnover",
    "breaking isolation",
    "prevention and safety",
    "trust built over time, regular meetings, stability",
    "renewed consultation",
    "tenants' associations",
    "clarifying roles",
]
# Emphases that make the sites differ, and the sites that must stay silent on them.
SITE_SPECIFIC = {
    r"\bcrise\b": {"MTL2", "QC1"},
    r"vision collective": {"MTL1", "QC2"},
    r"travailleuse sociale du CIUSSS": {"MTL1"},
    r"image (?:positive )?du réseau": {"MTL1"},
    r"dizaine d.années": {"MTL1"},
    r"proximité physique|même bâtisse": {"MTL1"},
    r"entente de gestion": {"MTL2"},
    r"guide d.intervention": {"QC1"},
    r"comité vivre ensemble": {"QC1"},
    r"réseaux? d.entraide": {"QC2"},
    r"espaces collectifs": {"MTL1", "MTL2", "QC1"},
}


def site_texts():
    by_site = {}
    for text in corpus():
        by_site[text.site_code] = by_site.get(text.site_code, "") + "\n" + normalised(text.text)
    return by_site


def test_corpus_covers_every_theme_of_the_synthesis_sheet():
    by_site = site_texts()
    for theme, patterns in THEMES.items():
        for pattern in patterns:
            sites = {site for site, text in by_site.items() if re.search(pattern, text, flags=re.IGNORECASE)}
            assert sites, f"{theme}: {pattern}"
            if theme in EVERYWHERE:
                assert sites == set(by_site), f"{theme}: {pattern} only in {sorted(sites)}"


@pytest.mark.parametrize(("pattern", "expected"), SITE_SPECIFIC.items())
def test_site_specific_emphases_are_spoken_in_their_sites_and_nowhere_else(pattern, expected):
    by_site = site_texts()
    sites = {site for site, text in by_site.items() if re.search(pattern, text, flags=re.IGNORECASE)}
    assert sites == expected


def test_what_the_demo_knows_of_a_participant_shapes_their_interview():
    common = {"site_code": "MTL2", "site_name": "Milieu du Canal (fictif)", "city": "Montréal", "seed": 5}
    manager = individual_interview(
        participant_code="P-MTL2-03",
        participant_kind="partner",
        organization_kind="ciusss",
        role_title="gestionnaire",
        **common,
    )
    assert "suis gestionnaire au CIUSSS du Centre-Fictif" in normalised(manager.text)
    street_worker = individual_interview(
        participant_code="I-MTL2-06",
        participant_kind="field_worker",
        role_title="travailleur·se de rue",
        organization="Centre d'entraide Bonvoisin (fictif)",
        attributes={"gender": "Homme"},
        **common,
    )
    assert "suis travailleur de rue au Centre d'entraide Bonvoisin" in normalised(street_worker.text)
    assert "(fictif)" not in street_worker.text.split("\n\n", 1)[1]


def test_a_site_the_demo_does_not_know_still_gets_a_coherent_interview_and_researchers_none():
    text = individual_interview(
        participant_code="R-RIV-01",
        participant_kind="resident",
        site_code="RIV",
        site_name="Milieu Rivière",
        city="Montréal",
        seed=1,
    )
    assert text.text.startswith("Entrevue individuelle avec R-RIV-01 (résident·e), Milieu Rivière, Montréal")
    assert 2000 <= words(text) <= 3500 and label_lines(text)[:2] == ["Intervieweuse", "R-RIV-01"]
    with pytest.raises(ValueError):
        individual_interview(
            participant_code="X-1", participant_kind="researcher", site_code="MTL1", site_name="M", city="Q", seed=1
        )


def test_the_whole_demo_corpus_is_generated_in_well_under_two_seconds_of_cpu():
    started = time.process_time()
    demo_corpus(SITES, participants(), "MTL2")
    assert time.process_time() - started < 2.0


# --- theme spans (what load_demo codes) ----------------------------------------------------------------------

BANKS = {
    "partner": demo_bank.PARTNER,
    "resident": demo_bank.RESIDENT,
    "field_worker": demo_bank.FIELD_WORKER,
    "group": demo_bank.GROUP,
    "observation": demo_bank.OBSERVATION,
}
PLAIN = demo_speech.Style(curly=False, fine=False)


def comparable(text):
    return re.sub(r" (?=[?!;:»])|(?<=«) ", "", normalised(text))


@cache
def fingerprints(*names):
    """(a sentence's inside, theme) of every themed paragraph of these banks: its words but the first and the last,
    which spoken drift may change ("Fait que je…", ", tsé."), cut at the slots the generator fills."""
    prints = []
    for name in names:
        for topic in demo_bank.parse(BANKS[name]):
            for item in (item for marker in "-+*" for item in topic.items.get(marker, ())):
                theme = demo_themes.theme_of(name, topic.name, item)
                for sentence in re.split(r"(?<=[.!?…])\s+", item.text):
                    for chunk in re.split(r"\{\w+\}", " ".join(sentence.split()[1:-1])):
                        if len(chunk.strip()) >= 16:
                            prints.append((comparable(PLAIN.apply(chunk.strip())), theme))
    return prints


def test_every_theme_span_is_a_trimmed_paragraph_of_speech_inside_its_text():
    for text in corpus():
        turns = detect_turns(text.text)
        assert text.themes == tuple(sorted(text.themes)), text.title
        for (start, end, theme), following in itertools.zip_longest(text.themes, text.themes[1:]):
            quote = text.text[start:end]
            assert 0 <= start < end <= len(text.text) and quote == quote.strip() and "\n" not in quote, text.title
            assert following is None or following[0] > end, text.title
            assert theme in demo_themes.THEME_KEYS
            if text.kind == "observation_notes":
                continue
            (turn,) = [turn for turn in turns if turn.body_start <= start and end <= turn.end]
            assert turn.label != demo_texts.INTERVIEWER, text.title


def test_each_theme_span_quotes_the_bank_paragraph_its_theme_belongs_to():
    banks = {"observation_notes": ("observation",), "group_interview": ("field_worker", "group")}
    spans = [
        (text.text[start:end], theme, banks.get(text.kind) or (text.speakers[1].kind,))
        for text in corpus()
        for start, end, theme in text.themes
    ]
    assert len(spans) > 3000
    for quote, theme, names in spans:
        inside = comparable(quote)
        weights = {}  # a short common phrase may belong to another paragraph too: the paragraph's own text outweighs it
        for fingerprint, print_theme in fingerprints(*names):
            if fingerprint in inside:
                weights[print_theme] = weights.get(print_theme, 0) + len(fingerprint)
        assert weights and max(weights, key=weights.get) == theme, (theme, weights, quote[:200])


def test_every_theme_of_the_rules_is_spoken_somewhere_in_the_corpus():
    spoken = {theme for text in corpus() for _start, _end, theme in text.themes}
    assert spoken == demo_themes.THEME_KEYS
    individual = [text for text in corpus() if text.kind == "individual_interview"]
    assert all(len(text.themes) >= 15 for text in individual)
