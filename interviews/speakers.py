"""Speaker turns in a canonical transcript, and a first guess at who each speaker label is.

A label line looks like "Marie : …", "NOM: …", "[00:12:03] R-MTL1-07 : …", "I: …". Colons are common in
ordinary prose and notes ("Note : la rencontre commence à 19 h"), so a label counts only when the text
reads as a dialogue: the label recurs, or — after a recurring label — it looks like a speaker who talks
once (a pseudonym code, "Intervenante 3", a known role, or a name shaped like the recurring labels).
"""

import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True)
class Turn:
    start: int
    end: int
    body_start: int
    label: str
    started_at: float | None = None
    ended_at: float | None = None


MAX_LABEL_CHARS = 40
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
_LABEL_LINE = re.compile(
    rf"""
    (?:(?:\[[ ]?(?P<bracketed>{_TIME})[ ]?\]|\([ ]?(?P<parenthesised>{_TIME})[ ]?\)
        |(?P<bare>\d{{1,2}}:\d{{2}}:\d{{2}}(?:[.,]\d{{1,3}})?))[ \t]+(?:[-–—][ \t]+)?)?
    (?P<label>[^\W\d_][\w.'’-]{{0,39}}(?:[ ][\w.'’-]{{1,39}}){{0,4}})
    [ \t\u00a0\u202f]*:(?![\d/])[ \t\u00a0\u202f]*
    """,
    re.VERBOSE,
)
# Headings of meeting notes and documents that take a colon but never name a speaker (compared by _key).
NOT_SPEAKERS = frozenset(
    heading.strip()
    for heading in """note, notes, nb, n.b, date, lieu, heure, heures, endroit, presents, presentes, presences, absents,
    absentes, excuses, objet, sujet, theme, themes, ordre du jour, decision, decisions, suivi, suivis, action, actions,
    point, points, remarque, remarques, rappel, resume, contexte, constat, constats, observation, observations,
    source, sources, reference, references, tel, courriel, adresse, prochaine rencontre, prochaines etapes, re, cc,
    to, from, subject, place, location, time, attendees, agenda, topic, summary, context, remark, reminder,
    follow-up, next steps, next meeting""".split(",")
)
_PARTICLES = frozenset("de du des la le d' van von da di del y et".split())


def detect_turns(text: str) -> list[Turn]:
    """Speaker turns of a canonical text, in order; one pass over its lines."""
    candidates = []
    position = 0
    for line in text.split("\n"):
        match = _LABEL_LINE.match(line)
        if match and _plausible(match):
            candidates.append((position, match))
        position += len(line) + 1
    accepted = _accepted_lines(candidates)
    turns = []
    for index, (start, match) in enumerate(accepted):
        next_start = accepted[index + 1][0] if index + 1 < len(accepted) else len(text)
        end = start + len(text[start:next_start].rstrip())
        # The speech starts at the first non-space after the colon, on the label line or a later one.
        rest = text[start + match.end() : end]
        body_start = end - len(rest.lstrip())
        turns.append(Turn(start, end, body_start, match["label"].strip(), started_at=_seconds(match)))
    return turns


def split_label(line: str) -> tuple[str, str] | None:
    """("Marie", "Bonjour") for "Marie : Bonjour", else None; for a single line such as a subtitle cue."""
    match = _LABEL_LINE.match(line)
    if match and _plausible(match):
        return match["label"].strip(), line[match.end() :]
    return None


def _plausible(match: re.Match) -> bool:
    label = match["label"]
    return len(label) <= MAX_LABEL_CHARS and label[0].isupper() and _key(label) not in NOT_SPEAKERS


def _accepted_lines(candidates):
    counts = Counter(_key(match["label"]) for _, match in candidates)
    recurring = {key for key, count in counts.items() if count >= 2}
    styles = {_style(match["label"]) for _, match in candidates if _key(match["label"]) in recurring}
    accepted, dialogue_started = [], False
    for start, match in candidates:
        recurs = _key(match["label"]) in recurring
        if recurs or (dialogue_started and _speaks_once(match["label"], styles)):
            accepted.append((start, match))
            dialogue_started = dialogue_started or recurs
    return accepted


def _speaks_once(label: str, styles) -> bool:
    """A speaker who talks once must look like one: a code, a known role, or shaped like the recurring labels."""
    if not _looks_like_name(label):
        return False
    has_digit = any(char.isdigit() for char in label)
    return has_digit or _compact(label) in INTERVIEWER_LABELS | RESPONDENT_LABELS or _style(label) in styles


def _looks_like_name(label: str) -> bool:
    words = label.split(" ")
    return all(word[0].isupper() or word[0].isdigit() or word.casefold() in _PARTICLES for word in words)


def _style(label: str) -> tuple[bool, int]:
    return label.isupper(), len(label.split(" "))


def _seconds(match: re.Match) -> float | None:
    stamp = match["bracketed"] or match["parenthesised"] or match["bare"]
    if not stamp:
        return None
    fields = [float(field) for field in stamp.replace(",", ".").split(":")]
    if len(fields) == 2:  # [12:03] is minutes and seconds
        fields.insert(0, 0.0)
    hours, minutes, seconds = fields
    return hours * 3600 + minutes * 60 + seconds


@functools.lru_cache(maxsize=4096)  # a transcript repeats a handful of labels hundreds of times
def _key(label: str) -> str:
    """Compare labels ignoring case, accents and trailing dots ("Int." = "INT", "Présents" = "presents")."""
    decomposed = unicodedata.normalize("NFKD", label.casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.rstrip(".").split())


def _compact(label: str) -> str:
    """Letters and digits only, for matching labels to codes ("R-MTL1-07" = "r mtl1 07")."""
    return "".join(char for char in _key(label) if char.isalnum())


INTERVIEWER_LABELS = frozenset(
    _compact(label)
    for label in (
        "I Int Intervieweur Intervieweuse Interviewer Q Chercheur Chercheure Chercheuse Animateur Animatrice".split()
    )
)
RESPONDENT_LABELS = frozenset(
    _compact(label)
    for label in "R P Répondant Répondante Participant Participante Respondent Interviewé Interviewée".split()
)


def propose_mapping(
    labels: list[str], participants: list[tuple[int, str, str]], interviewer_names: list[str]
) -> dict[str, str]:
    """{label: "participant:<id>" | "interviewer" | ""} — a proposal the researcher confirms."""
    by_code = {_compact(code): participant_id for participant_id, code, _kind in participants}
    interviewers = INTERVIEWER_LABELS | {_compact(name) for name in interviewer_names if _compact(name)}
    mapping = {}
    for label in labels:
        key = _compact(label)
        if key in by_code:
            mapping[label] = f"participant:{by_code[key]}"
        elif key in interviewers:
            mapping[label] = "interviewer"
        elif key in RESPONDENT_LABELS and len(participants) == 1:
            # "R:" in a one-to-one interview can only be its one participant.
            mapping[label] = f"participant:{participants[0][0]}"
        else:
            mapping[label] = ""
    return mapping
