"""Realistic, fictional French (Québec) transcripts for the demo study (pure: no models, no database).

load_demo needs interviews, a group interview and observation notes whose coding later reproduces the
published synthesis sheet, so the texts carry its themes, with different emphases per site (see
demo_bank.SITE_PROFILES) so that per-site and transversal analyses differ and some sites stay silent on a
theme. Texts are composed from the paragraph banks of demo_bank, in spoken style, with French typography;
the same arguments and seed always give the same text. Each text also says where its themed paragraphs are
(DemoText.themes, themes chosen by demo_themes), so that load_demo can code them.
"""

import datetime
import random
import re
import zlib
from dataclasses import dataclass
from typing import NamedTuple

from interviews import demo_bank as bank
from interviews import demo_speech as speech
from interviews import demo_themes

INTERVIEWER = "Intervieweuse"
MIN_WORDS, MAX_WORDS = 2000, 3500
OBSERVATION_START = datetime.date(2018, 9, 1)
# Partner meetings about every two months: twelve notes per observed site, from September 2018 to August 2020.
OBSERVATION_NOTES, OBSERVATION_MONTHS = 12, 24
OBSERVATION_OFFSETS = [round(n * (OBSERVATION_MONTHS - 1) / (OBSERVATION_NOTES - 1)) for n in range(OBSERVATION_NOTES)]
BANKS = {"partner": bank.PARTNER, "resident": bank.RESIDENT, "field_worker": bank.FIELD_WORKER}
RATES = {"partner": 0.12, "resident": 0.22, "field_worker": 0.16}  # how often speech drifts from the bank
TARGETS = {"partner": (2300, 3200), "resident": (2150, 2900), "field_worker": (2200, 3100)}
# Questions a lead such as "Et " or "D'accord. " may precede.
ASKING = {"Comment", "Quel", "Quelle", "Quels", "Quelles", "Qu'est-ce", "Est-ce", "Pouvez-vous", "Selon", "Avez-vous"}
GENDERS = {"femme": "f", "homme": "m", "non binaire": "x", "f": "f", "m": "m", "x": "x"}


@dataclass(frozen=True)
class Speaker:
    label: str
    code: str
    kind: str


@dataclass(frozen=True)
class DemoText:
    title: str
    kind: str
    text: str
    speakers: tuple[Speaker, ...]
    date: datetime.date
    meeting: str = ""
    committee: str = ""
    site_code: str = ""
    # (start, end, theme key) in code points of `text`: the speech of each paragraph that carries a theme of the
    # synthesis sheet (demo_themes), never a speaker label, so the demo can code its transcripts.
    themes: tuple[tuple[int, int, str], ...] = ()


class ParticipantInfo(NamedTuple):
    """What demo_corpus may know of a participant; only the first three fields are required."""

    code: str
    kind: str
    site_code: str
    organization_kind: str = ""  # as sites.Organization.kind: ciusss, housing_office, community, tenants, other
    organization: str = ""
    role_title: str = ""
    estate: str = ""
    clientele: str = ""  # as sites.HousingEstate.clientele
    attributes: dict | None = None  # the participant's case attributes (gender, age_group, years_in_…)


# --- slots: the words that change per site and per person ----------------------------------------------------


def _profile(site_code: str) -> dict:
    """The site's profile; a site the demo does not know borrows one, always the same for its code."""
    if site_code in bank.SITE_PROFILES:
        return bank.SITE_PROFILES[site_code]
    profiles = list(bank.SITE_PROFILES.values())
    return profiles[_seed(site_code) % len(profiles)]


def _site_slots(profile: dict, site_name: str, city: str) -> dict:
    slots = {"site": site_name, "ville": city, "omh": bank.HOUSING_OFFICES.get(city, "OMH")}
    slots["ciusss"] = bank.CIUSSS_NAMES.get(city, "CIUSSS fictif")
    slots |= {"nb_logements": str(profile["units"]), "annee_origine": str(profile["origin_year"])}
    slots["ensembles"] = "les deux ensembles" if len(profile["estates"]) == 2 else "l'ensemble"
    slots |= {"comites": profile["comites"]} | speech.noun_forms("coord", *profile["coordination"])
    slots |= speech.place_forms(site_name) | speech.field_worker_slots(profile["fw_gender"])
    for key, (name, gender) in zip(("org", "org2"), profile["organizations"], strict=True):
        slots |= speech.noun_forms(key, name, gender)
    for key, profile_key in (("jeunes", "youth"), ("cuisine", "food"), ("employeur", "fw_employer")):
        slots |= speech.noun_forms(key, *profile[profile_key])
    return slots


def _person_slots(rng: random.Random, year: int, profile: dict, attributes: dict) -> dict:
    """Numbers and small facts of one participant's life, drawn once per text."""
    years_in_role = attributes.get("years_in_role") or rng.randint(2, 12)
    numbers = bank.NUMBERS
    return {
        "n_ans_poste": str(years_in_role),
        "annee_poste": str(year - years_in_role),
        "n_ans_hlm": str(attributes.get("years_in_estate") or rng.randint(2, 22)),
        "n_enfants": numbers[rng.randint(2, 5)],
        "age_vieux": str(rng.randint(9, 17)),
        "age": str(rng.randint(66, 86)),
        "niveau": rng.choice(("maternelle", "première année", "deuxième année", "quatrième année")),
        "n_attente": numbers[rng.randint(2, 6)],
        "annee_arrivee": str(rng.randint(2004, year - 2)),
        "etage": rng.choice(("premier", "deuxième", "troisième", "quatrième")),
        "bloc": rng.choice("ABCD"),
        "age_ado": str(rng.randint(13, 16)),
        "n": numbers[rng.randint(2, 6)],
        "rang": rng.choice(bank.ORDINALS),
        "annee_consult": str(rng.randint(min(profile["origin_year"] + 2, year - 1), year - 1)),
    }


def _words(turns) -> int:
    """Words of these turns as len(text.split()) counts them in the finished text: label and colon included."""
    return sum(len(turn.text.split()) + 2 for turn in turns)


def _format_date(day: datetime.date, *, year: bool = True) -> str:
    return f"{day.day} {bank.MONTHS[day.month - 1]}" + (f" {day.year}" if year else "")


class _Turn(NamedTuple):
    """A speaker's turn: label, speech, and the (start, end, theme) spans of its paragraphs within the speech."""

    label: str
    text: str
    themes: tuple = ()


def _spans(text: str, pieces: list, themes: list) -> tuple:
    """Where each piece (a paragraph as typed) lies in text, in order, for the pieces with a theme."""
    spans, cursor = [], 0
    for piece, theme in zip(pieces, themes, strict=True):
        at = text.find(piece, cursor)
        if at < 0:  # typography joined it to its neighbour: leave it uncoded rather than guess
            continue
        cursor = at + len(piece)
        if theme:
            spans.append((at, cursor, theme))
    return tuple(spans)


@dataclass(frozen=True)
class _Voice:
    """One speaker of a text: label, what they may say (tags), their slot values, how much their speech drifts."""

    label: str
    tags: frozenset
    slots: dict
    rate: float
    style: speech.Style

    def say(self, rng: random.Random, units, where: tuple[str, str], lead: str = "") -> _Turn:
        """A turn saying these units of the bank and topic `where`, each paragraph marked with its theme."""
        pieces = [speech.spoken(rng, unit.text, self.rate) for unit in units]
        text = " ".join(pieces)
        if lead:
            text = speech.after(lead, text)
            start = len(lead.rstrip()) + 1  # after() may lowercase the first letter: take the piece as said
            pieces[0] = text[start : start + len(pieces[0])]
        themes = [demo_themes.theme_of(*where, unit) for unit in units]
        typed = [self.render(piece) for piece in pieces]
        body = self.render(text)
        return _Turn(self.label, body, _spans(body, typed, themes))

    def render(self, text: str) -> str:
        return self.style.apply(text.format_map(self.slots))

    def ask(self, rng: random.Random, items, *, first: bool = False) -> str:
        text = rng.choice(items).text
        if not first and text.split(" ", 1)[0] in ASKING and rng.random() < 0.3:
            text = speech.after(rng.choice(bank.QUESTION_LEADS), text)
        return self.style.apply(text.format_map(self.slots))


def _assemble(header: str, turns: list, style: speech.Style) -> tuple[str, tuple]:
    """The text of these turns under the header, and their theme spans moved to offsets in that text."""
    parts, themes, at = [header], [], len(header)
    for turn in turns:
        at += 2 + len(turn.label) + len(style.separator)  # the blank line and "Label : "
        parts.append(f"{turn.label}{style.separator}{turn.text}")
        themes += [(at + start, at + end, theme) for start, end, theme in turn.themes]
        at += len(turn.text)
    return "\n\n".join(parts), tuple(themes)


# --- individual interviews -----------------------------------------------------------------------------------


@dataclass
class _Section:
    """One topic of the guide in an interview: its turns so far, and what could still be asked and said."""

    turns: list
    optional: bool
    spare: list  # paragraphs of the topic not said yet
    followups: list  # (follow-up question, its possible answers) not asked yet
    relances: int = 0
    where: tuple = ()  # (bank, topic) of its paragraphs, for their themes

    def can_grow(self) -> bool:
        return bool(self.spare or self.followups)


class _Persona(NamedTuple):
    tags: frozenset
    gender: str
    slots: dict
    description: str


def individual_interview(
    *,
    participant_code: str,
    participant_kind: str,
    site_code: str,
    site_name: str,
    city: str,
    seed: int,
    **details,
) -> DemoText:
    """A one-to-one interview of a partner, resident or field worker, 2,000 to 3,500 words.

    details: the optional fields of ParticipantInfo (organization_kind, organization, role_title, estate,
    clientele, attributes), so the text agrees with what the demo knows of the participant.
    """
    info = ParticipantInfo(participant_code, participant_kind, site_code, **details)
    return _interview(info, site_name, city, seed)


def _interview(info: ParticipantInfo, site_name: str, city: str, seed: int) -> DemoText:
    if info.kind not in BANKS:
        raise ValueError(f"No demo interview for participants of kind {info.kind!r}.")
    rng, profile = random.Random(seed), _profile(info.site_code)
    day = _weekday(datetime.date(2018, 10, 1) + datetime.timedelta(days=rng.randrange(430)))
    person = _persona(rng, info, profile, city)
    slots = _site_slots(profile, site_name, city) | _person_slots(rng, day.year, profile, info.attributes or {})
    slots |= person.slots | speech.noun_forms("ensemble", info.estate or rng.choice(profile["estates"]))
    slots = speech.capitalised(slots | speech.gender_slots(person.gender))
    style, site_tags = speech.random_style(rng), frozenset(profile["tags"])
    participant = _Voice(info.code, site_tags | person.tags, slots, RATES[info.kind], style)
    interviewer = _Voice(INTERVIEWER, participant.tags, slots, 0.0, style)
    sections, said = [], set()  # said: the groups of mutually exclusive paragraphs already used
    for topic in bank.parse(BANKS[info.kind]):
        if topic.probability >= 1 or rng.random() < topic.probability:
            where = (info.kind, topic.name)
            sections += _section(rng, topic, interviewer, participant, said, where, first=not sections)
    _fit_length(rng, sections, participant, said, rng.randint(*TARGETS[info.kind]))
    turns = [turn for section in sections for turn in section.turns]
    turns.append(_Turn(INTERVIEWER, style.apply(bank.THANKS_INDIVIDUAL)))
    if info.kind == "resident" and rng.random() < 0.2:
        _add_emoji(rng, turns, info.code)
    header = bank.HEADER_INDIVIDUAL.format(
        code=info.code, description=person.description, site=site_name, city=city, date=_format_date(day)
    )
    speakers = (Speaker(INTERVIEWER, "", "interviewer"), Speaker(info.code, info.code, info.kind))
    title = f"Entrevue individuelle — {info.code}"
    text, themes = _assemble(header, turns, style)
    return DemoText(title, "individual_interview", text, speakers, day, site_code=info.site_code, themes=themes)


def _weekday(day: datetime.date) -> datetime.date:
    return day + datetime.timedelta(days=7 - day.weekday()) if day.weekday() >= 5 else day


def _persona(rng: random.Random, info: ParticipantInfo, profile: dict, city: str) -> _Persona:
    attributes = info.attributes or {}
    gender = GENDERS.get(str(attributes.get("gender", "")).casefold()) or ("f" if rng.random() < 0.6 else "m")
    if info.kind == "resident":  # a few residents keep to themselves ("retrait"): they say so
        tags = _resident_tags(rng, profile, info.clientele, attributes) | ({"retrait"} if rng.random() < 0.3 else set())
        return _Persona(tags, gender, {}, "résident·e")
    if info.kind == "partner":
        role = _partner_role(rng, info.organization_kind, info.role_title)
        tags = frozenset({role, bank.PARTNER_FAMILIES[role]})
        description = "partenaire" + (f", {info.role_title}" if info.role_title else "")
        return _Persona(tags, gender, _own_organization(rng, role, info.organization, profile, city), description)
    title = info.role_title or "intervenant·e de milieu"
    role = next((tag for word, tag in bank.FIELD_WORKER_ROLES if word in title.casefold()), "r_autre")
    gender = profile["fw_gender"] if role == "r_milieu" else gender  # as residents and partners speak of them
    slots = {"mon_role": speech.gendered_title(title, gender)} | _own_organization(
        rng, role, info.organization, profile, city
    )
    return _Persona(frozenset({role}), gender, slots, title)


def _partner_role(rng: random.Random, organization_kind: str, title: str) -> str:
    for word, role in bank.PARTNER_ROLES.get(organization_kind, ()):
        if word in title.casefold():
            return role
    if organization_kind == "community":
        return rng.choice(("dir_comm", "coord_comm"))
    return rng.choice(("oc_ciusss", "gest_ciusss", "oc_omh", "agent_omh", "dir_comm", "coord_comm", "locataires"))


def _own_organization(rng: random.Random, role: str, organization: str, profile: dict, city: str) -> dict:
    if organization:
        return speech.noun_forms("mon_org", organization)
    family = bank.PARTNER_FAMILIES.get(role, "communautaire")
    if family == "ciusss" or role == "r_ts":
        return speech.noun_forms("mon_org", bank.CIUSSS_NAMES.get(city, "CIUSSS fictif"), "m")
    if family == "omh" or role == "r_omh":
        return speech.noun_forms("mon_org", bank.HOUSING_OFFICES.get(city, "OMH"))
    if family == "locataires":
        return speech.noun_forms("mon_org", "association des locataires", "f")
    if role == "r_milieu":
        return speech.noun_forms("mon_org", *profile["fw_employer"])
    return speech.noun_forms("mon_org", *rng.choice(profile["organizations"]))


def _resident_tags(rng: random.Random, profile: dict, clientele: str, attributes: dict) -> frozenset:
    senior = str(attributes.get("age_group", "")).startswith("65") or clientele == "seniors"
    if clientele not in ("families", "persons_alone", "seniors"):
        choices = [
            kind for kind, tag in (("families", "familles"), ("persons_alone", "seuls")) if tag in profile["tags"]
        ]
        clientele = rng.choice(choices or ["families"])
        senior = senior or (clientele == "persons_alone" and rng.random() < 0.4)
    if clientele == "families":
        return frozenset({"famille"})
    return frozenset({"seul", "aine"} if senior else {"seul"})


def _section(
    rng, topic: bank.Topic, interviewer: _Voice, participant: _Voice, said: set, where, *, first: bool
) -> list:
    """The question and answer of one topic ([] when this participant has nothing to say on it)."""
    questions = topic.pick("?", participant.tags)
    units = [unit for unit in topic.pick("-", participant.tags) if unit.group not in said]
    if not questions or not units:
        return []
    chosen, spare = _choose_units(rng, units, participant.tags, 1 if first else rng.choice((1, 2, 2)))
    said |= {unit.group for unit in chosen if unit.group}
    turns = [_Turn(INTERVIEWER, interviewer.ask(rng, questions, first=first))]
    if len(chosen) > 1 and rng.random() < 0.3:
        turns += [participant.say(rng, chosen[:1], where), _Turn(INTERVIEWER, rng.choice(bank.BACKCHANNELS))]
        chosen = chosen[1:]
    turns.append(participant.say(rng, chosen, where))
    answers = topic.pick("+", participant.tags)
    followups = [
        (question, [answer for answer in answers if answer.follows == index])
        for index, question in enumerate(topic.items.get("~", ()))
        if question.fits(participant.tags) and any(answer.follows == index for answer in answers)
    ]
    rng.shuffle(followups)
    return [_Section(turns, topic.probability < 1, spare, followups, where=where)]


def _choose_units(rng: random.Random, units: list, tags, count: int) -> tuple[list, list]:
    """count units, one of them specific to the site or the person when the bank has one (so sites differ), never
    two of a group; and the rest."""
    specific = [unit for unit in units if unit.names_any(tags)]
    chosen = [rng.choice(specific)] if specific and rng.random() < 0.85 else []
    rest = [unit for unit in units if unit not in chosen]
    rng.shuffle(rest)
    spare = []
    for unit in rest:
        fits = len(chosen) < count and not (unit.group and unit.group in {other.group for other in chosen})
        (chosen if fits else spare).append(unit)
    return chosen, spare


def _relance(rng: random.Random, section: _Section, participant: _Voice, said: set) -> list:
    """One more exchange on a topic: one of its follow-up questions, or a generic one and a paragraph not yet said."""
    if section.followups:
        question, answers = section.followups.pop()
        question = question.text.format_map(participant.slots)
    else:
        question, answers = rng.choice(bank.RELANCES), [section.spare.pop()]
    answers = [answer for answer in answers if answer.group not in said]
    if not answers:
        return []
    answer = rng.choice(answers)
    said |= {answer.group} - {""}
    return [_Turn(INTERVIEWER, participant.style.apply(question)), participant.say(rng, [answer], section.where)]


def _fit_length(rng: random.Random, sections: list, participant: _Voice, said: set, target: int) -> None:
    """Add follow-ups, spread over the topics, up to the target length; above the maximum, drop follow-ups, then
    optional topics, then others."""
    words = sum(_words(section.turns) for section in sections)
    while words < target and (growing := [section for section in sections[1:-1] if section.can_grow()]):
        fewest = min(section.relances for section in growing)
        section = rng.choice([section for section in growing if section.relances == fewest])
        if added := _relance(rng, section, participant, said):
            section.turns += added
            section.relances += 1
            words += _words(added)
    while words > MAX_WORDS - 60 and len(sections) > 2:
        if followed := [section for section in sections if section.relances]:  # a follow-up goes first
            section = max(followed, key=lambda section: section.relances)
            removed, section.turns, section.relances = section.turns[-2:], section.turns[:-2], section.relances - 1
        else:  # then an optional topic, or any but the first and the last
            section = rng.choice([section for section in sections if section.optional] or sections[1:-1])
            sections.remove(section)
            removed = section.turns
        words -= _words(removed)


def _add_emoji(rng: random.Random, turns: list, label: str) -> None:
    """Some residents' answers keep an emoji (they reread their transcript in a messaging app)."""
    index = rng.choice([index for index, turn in enumerate(turns) if turn.label == label][1:])
    turns[index] = turns[index]._replace(text=f"{turns[index].text} {rng.choice(bank.RESIDENT_EMOJI)}")


# --- group interview -----------------------------------------------------------------------------------------


def group_interview(
    *,
    field_worker_codes: list[str],
    site_code: str,
    site_name: str,
    seed: int,
    city: str = "",
    details: list[ParticipantInfo] | tuple = (),
) -> DemoText:
    """The group interview of a site's field workers (six in the demo), each labelled by their code.

    details: optional ParticipantInfo of each field worker (role title, organisation, attributes), in code order.
    """
    if not field_worker_codes:
        raise ValueError("A group interview needs at least one field worker.")
    rng, profile = random.Random(seed), _profile(site_code)
    city = city or profile["city"]
    day = _weekday(datetime.date(2019, 5, 6) + datetime.timedelta(days=rng.randrange(40)))
    style, site_tags = speech.random_style(rng), frozenset(profile["tags"])
    known = {info.code: info for info in details}
    voices = []
    for index, code in enumerate(field_worker_codes):
        info = known.get(code) or ParticipantInfo(code, "field_worker", site_code)
        info = info._replace(role_title=info.role_title or bank.GROUP_ROLES[index % len(bank.GROUP_ROLES)])
        person = _persona(rng, info, profile, city)
        slots = _site_slots(profile, site_name, city) | _person_slots(rng, day.year, profile, info.attributes or {})
        slots = speech.capitalised(slots | person.slots | speech.gender_slots(person.gender))
        voices.append(_Voice(code, site_tags | person.tags, slots, RATES["field_worker"], style))
    interviewer_slots = speech.capitalised(_site_slots(profile, site_name, city) | speech.gender_slots("x"))
    turns = _group_turns(rng, voices, _Voice(INTERVIEWER, site_tags, interviewer_slots, 0.0, style))
    count = bank.NUMBERS[len(voices)] if len(voices) < len(bank.NUMBERS) else str(len(voices))
    codes = ", ".join(field_worker_codes)
    header = bank.HEADER_GROUP.format(count=count, codes=codes, site=site_name, city=city, date=_format_date(day))
    speakers = (Speaker(INTERVIEWER, "", "interviewer"),)
    speakers += tuple(Speaker(code, code, "field_worker") for code in field_worker_codes)
    title = f"Entrevue de groupe — intervenant·e·s de milieu, {site_code}"
    text, themes = _assemble(header, turns, style)
    return DemoText(title, "group_interview", text, speakers, day, site_code=site_code, themes=themes)


def _group_turns(rng: random.Random, voices: list, interviewer: _Voice) -> list:
    """A round of introductions, then the field worker guide's topics, each answered by several people."""
    topics, extras = bank.parse(bank.FIELD_WORKER), {topic.name: topic for topic in bank.parse(bank.GROUP)}
    turns = [_Turn(INTERVIEWER, interviewer.ask(rng, extras["ouverture"].items["?"], first=True))]
    shared = [unit for unit in topics[0].items["-"] if not unit.names_any(bank.ROLE_TAGS)]
    rng.shuffle(shared)
    for voice in voices:
        own = [unit for unit in topics[0].pick("-", voice.tags) if unit.names_any(bank.ROLE_TAGS)]
        extra = [unit for unit in shared[:1] if unit.fits(voice.tags) and rng.random() < 0.6]
        shared = shared[len(extra) :]
        turns.append(voice.say(rng, own[:1] + extra, ("field_worker", topics[0].name)))
    used = set()
    for topic in (*topics[1:-1], extras["comite_terrain"], extras["evolution"], topics[-1]):
        turns.append(_Turn(INTERVIEWER, interviewer.ask(rng, topic.items["?"])))
        turns += _group_answers(rng, topic, voices, used, extras)
    return turns + [_Turn(INTERVIEWER, interviewer.style.apply(bank.THANKS_GROUP))]


def _group_answers(rng: random.Random, topic: bank.Topic, voices: list, used: set, extras: dict) -> list:
    """Three to five field workers answer in turn, the later ones reacting or building on what was said; then,
    often, a follow-up question that one or two of them take up."""
    turns, where = [], ("group" if topic.name in extras else "field_worker", topic.name)
    for position, voice in enumerate(rng.sample(voices, min(len(voices), rng.randint(3, 5)))):
        units = [unit for unit in topic.pick("-", voice.tags) if unit not in used]
        if position and (not units or rng.random() < 0.2):
            turns.append(_Turn(voice.label, voice.style.apply(rng.choice(extras["reactions"].items["-"]).text)))
        elif units:
            used.add(unit := rng.choice(units))
            lead = rng.choice(extras["relais"].items["-"]).text if position and topic.name != "fin" else ""
            turns.append(voice.say(rng, [unit], where, lead=lead))
    followups = [(index, item) for index, item in enumerate(topic.items.get("~", ())) if item not in used]
    if followups and rng.random() < 0.7:
        index, followup = rng.choice(followups)
        used.add(followup)
        turns.append(_Turn(INTERVIEWER, voices[0].style.apply(followup.text.format_map(voices[0].slots))))
        for voice in rng.sample(voices, min(len(voices), rng.randint(1, 2))):
            if answers := [unit for unit in topic.pick("+", voice.tags) if unit.follows == index and unit not in used]:
                used.add(answer := rng.choice(answers))
                turns.append(voice.say(rng, [answer], where))
    return turns


# --- observation notes ---------------------------------------------------------------------------------------


def observation_notes(*, site_code: str, site_name: str, month: datetime.date, seed: int) -> DemoText:
    """The observer's narrative notes of one partner meeting of the month: no speaker labels, no colons."""
    rng, profile = random.Random(seed), _profile(site_code)
    committee = profile["committees"][(month.year * 12 + month.month) % len(profile["committees"])]
    key = "ve" if "vivre" in committee.casefold() else "terrain" if "terrain" in committee.casefold() else "coord"
    day = _meeting_day(rng, month, key)
    tags = frozenset(profile["tags"]) | {key, f"m{month.month}"}
    slots = _site_slots(profile, site_name, profile["city"])
    slots |= _meeting_roles(rng, site_code, slots, day)
    slots = speech.capitalised(slots | speech.gender_slots(profile["fw_gender"]))
    (start, room, present), style = bank.MEETINGS[key], speech.random_style(rng)

    def pick(topic: bank.Topic, marker: str) -> list:  # what may be noted at this meeting, with the people present
        return [item for item in topic.pick(marker, tags) if _mentioned(item) <= present]

    topics = {topic.name: topic for topic in bank.parse(bank.OBSERVATION) if topic.fits(tags)}
    paragraphs, decisions, end = _agenda(rng, topics, pick, start)
    # Each line is a list of segments (bank text, theme), so the themed ones can be found in the finished text.
    lines = [[(rng.choice(pick(topics["_presences"], "-")).text, None)], *paragraphs]
    lines += [[("Décisions — ", None), *_joined(decisions)]] if decisions else []
    lines.append(_segments("_reflexion", [rng.choice(pick(topics["_reflexion"], "-"))]))
    lines += [[(rng.choice(pick(topics["_suivi"], "-")).text, None)]] if rng.random() < 0.6 else []
    heading = (
        f"Notes d'observation — {committee}, {site_name}\n{bank.WEEKDAYS[day.weekday()].capitalize()} "
        f"{_format_date(day)}, de {_clock(start)} à {_clock(end)}, {room}. Notes rédigées par l'observatrice de "
        "l'équipe de recherche."
    )
    body = "\n\n".join("".join(segment for segment, _theme in line).format_map(slots) for line in lines)
    text = style.apply(heading + "\n\n" + body)
    segments = [segment for line in lines for segment in line]
    typed = [style.apply(segment.format_map(slots)) for segment, _theme in segments]
    themes = _spans(text, typed, [theme for _segment, theme in segments])
    title = f"Notes d'observation — {committee}, {site_code}, {bank.MONTHS[month.month - 1]} {month.year}"
    meeting = f"Rencontre du {_format_date(day)}"
    return DemoText(title, "observation_notes", text, (), day, meeting, committee, site_code, themes)


def _segments(topic: str, items) -> list:
    """(text, theme) of observation items noted under this topic."""
    return [(item.text, demo_themes.theme_of("observation", topic, item)) for item in items]


def _joined(segments: list) -> list:
    """Segments separated by spaces, as " ".join would write them."""
    return [part for index, segment in enumerate(segments) for part in ([(" ", None)] if index else []) + [segment]]


def _mentioned(item: bank.Item) -> set:
    """The meeting roles a sentence of the notes speaks of ({Oc_ciusss}, {pres_asso}, …)."""
    return {slot.casefold() for slot in re.findall(r"\{(\w+)\}", item.text)} & set(bank.MEETING_ROLES)


def _agenda(rng: random.Random, topics: dict, pick, start: tuple) -> tuple[list, list, tuple]:
    """A tour de table and three or four agenda items (the month's seasonal ones first), with their decisions."""
    agenda = [topic for name, topic in topics.items() if not name.startswith("_") and pick(topic, "-")]
    seasonal = [topic for topic in agenda if topic.is_seasonal()]
    others = [topic for topic in agenda if not topic.is_seasonal()]
    tour, exchanges = pick(topics["_tour"], "-"), pick(topics["_echanges"], "-")
    for items in (seasonal, others, tour, exchanges):
        rng.shuffle(items)
    chosen = seasonal[:2] + others[: rng.choice((3, 4)) - min(2, len(seasonal))]
    speakers = {}  # one piece of news per person at the tour de table
    for item in tour:
        speakers.setdefault(item.text.split(" ", 1)[0], item)
    minutes = start[0] * 60 + start[1] + 5
    news = _segments("_tour", list(speakers.values())[:4])
    paragraphs, decisions = [[(f"{_clock(divmod(minutes, 60))} — Tour de table. ", None), *_joined(news)]], []
    for topic in chosen:
        minutes += rng.randrange(15, 35, 5)
        discussion = rng.choice(pick(topic, "-"))
        index = topic.items["-"].index(discussion)
        heard = _segments("_echanges", [exchanges.pop() for _ in range(min(len(exchanges), rng.randint(0, 2)))])
        title = f"{_clock(divmod(minutes, 60))} — {topic.items['='][0].text}. "
        paragraphs.append([(title, None), *_joined(_segments(topic.name, [discussion]) + heard)])
        decisions += _segments(topic.name, [item for item in pick(topic, "*") if item.follows == index][:1])
    return paragraphs, decisions, divmod(minutes + rng.randrange(20, 40, 5), 60)


def _meeting_day(rng: random.Random, month: datetime.date, key: str) -> datetime.date:
    """The second or third Monday (terrain), Tuesday (coordination) or Wednesday (vivre ensemble) of the month."""
    first = month.replace(day=1)
    first_meeting_day = first + datetime.timedelta(
        days=({"terrain": 0, "coord": 1, "ve": 2}[key] - first.weekday()) % 7
    )
    return first_meeting_day + datetime.timedelta(weeks=rng.choice((1, 2)))


def _meeting_roles(rng: random.Random, site_code: str, site_slots: dict, day: datetime.date) -> dict:
    """Who sits at the site's table: the same people (and genders) every month; the head counts vary."""
    roles = {}
    for index, (key, forms) in enumerate(bank.MEETING_ROLES.items()):
        woman = random.Random(_seed(site_code) + index).random() < 0.6
        roles[key] = forms[not woman].format_map(site_slots)
    return roles | {
        "n_presents": bank.NUMBERS[rng.randint(5, 9)],
        "n_residents": bank.NUMBERS[rng.randint(4, 10)],
        "jour_suivi": _format_date(day + datetime.timedelta(days=rng.randint(2, 6)), year=False),
    }


def _clock(time: tuple) -> str:
    return f"{time[0]}\u00a0h\u00a0{time[1]:02d}"


# --- the whole demo corpus -----------------------------------------------------------------------------------


def demo_corpus(sites: list[tuple[str, str, str]], participants: list[tuple], group_site: str) -> list[DemoText]:
    """Every demo text, as the seed sheet counts them: one interview per partner, per resident and per field worker
    who is not of the group; the group interview of six field workers at group_site; twelve observation notes of
    partner meetings over 24 months for each of the first three sites (the study observed three of four).

    sites: (code, name, city); participants: ParticipantInfo or plain (code, kind, site_code[, …]) tuples.
    """
    by_code = {site[0]: site for site in sites}
    infos = [ParticipantInfo(*entry) for entry in participants]
    members = _group_members(infos, group_site)
    texts = [
        _interview(info, by_code[info.site_code][1], by_code[info.site_code][2], _seed(info.code))
        for info in infos
        if info.kind in BANKS and info not in members
    ]
    if members:
        _code, name, city = by_code[group_site]
        codes, seed = [member.code for member in members], _seed(f"groupe-{group_site}")
        texts.append(
            group_interview(
                field_worker_codes=codes, site_code=group_site, site_name=name, seed=seed, city=city, details=members
            )
        )
    for code, name, _city in sites[:3]:
        for offset in OBSERVATION_OFFSETS:
            year, month_index = divmod(OBSERVATION_START.month - 1 + offset, 12)
            month = datetime.date(OBSERVATION_START.year + year, month_index + 1, 1)
            texts.append(
                observation_notes(site_code=code, site_name=name, month=month, seed=_seed(f"{code}-{month:%Y-%m}"))
            )
    return texts


def _group_members(infos: list, group_site: str) -> list:
    """Six field workers of the group site; the site's own field worker ("de milieu") is left to their interview."""
    workers = sorted(info for info in infos if info.kind == "field_worker" and info.site_code == group_site)
    others = [info for info in workers if "milieu" not in info.role_title.casefold()]
    return (others if len(others) >= 6 else workers)[-6:]


def _seed(text: str) -> int:
    """A stable seed (Python's hash() of a str changes between runs)."""
    return zlib.crc32(text.encode("utf-8"))
