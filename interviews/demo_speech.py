"""How the demo transcripts speak and are typed: French noun forms and agreement, spoken drift, typography.

Pure helpers for interviews/demo_texts.py; the words themselves live in interviews/demo_bank.py.
"""

import random
import re
from dataclasses import dataclass

from interviews import demo_bank as bank


def bare(name: str) -> str:
    return re.sub(r"\s*\(ficti(?:f|ve)s?\)", "", name).strip()


def noun_forms(key: str, name: str, gender: str | None = None) -> dict:
    """{key: "la Maison…", a_key: "à la Maison…", de_key: "de la Maison…"} for an organisation or estate name."""
    name = bare(name)
    first = name.split(" ", 1)[0].casefold()
    gender = gender or ("fp" if first in bank.FEMININE_PLURAL else "f" if first in bank.FEMININE else "m")
    if gender in ("mp", "fp"):
        forms = ("les ", "aux ", "des ")
    elif name[0].casefold() in "aeiouéèêâîô":
        forms = ("l'", "à l'", "de l'")
    else:
        forms = ("la ", "à la ", "de la ") if gender == "f" else ("le ", "au ", "du ")
    return {key: forms[0] + name, f"a_{key}": forms[1] + name, f"de_{key}": forms[2] + name}


def place_forms(site_name: str) -> dict:
    """Milieu des Érables (fictif) → les Érables / aux Érables / des Érables; other names → le milieu X."""
    name = bare(site_name)
    match = re.fullmatch(r"(?i)milieu (des|du|de la|de l'|d')\s*(.+)", name)
    if not match:
        rest = name[len("milieu ") :] if name.casefold().startswith("milieu ") else name
        return {"lieu": f"le milieu {rest}", "a_lieu": f"dans le milieu {rest}", "de_lieu": f"du milieu {rest}"}
    article = {"des": ("les ", "aux ", "des "), "du": ("le ", "au ", "du "), "de la": ("la ", "à la ", "de la ")}
    forms = article.get(match[1].casefold(), ("l'", "à l'", "de l'"))
    return {key: form + match[2] for key, form in zip(("lieu", "a_lieu", "de_lieu"), forms, strict=True)}


def gender_slots(gender: str) -> dict:
    """Agreement of the speaker: f, m or x (inclusive writing for non-binary participants)."""
    return {key: forms["fmx".index(gender)] for key, forms in bank.GENDER_WORDS.items()}


def field_worker_slots(gender: str) -> dict:
    """How others speak of the site's field worker."""
    return {key: forms[gender != "f"] for key, forms in bank.FIELD_WORKER_WORDS.items()}


def gendered_title(title: str, gender: str) -> str:
    """A role title agreed with the gender: intervenant·e jeunesse → intervenante jeunesse."""
    if gender == "x":
        return title
    title = re.sub(r"eur·se\b", "euse" if gender == "f" else "eur", title)
    title = re.sub(r"eur·trice\b", "rice" if gender == "f" else "eur", title)
    return re.sub(r"·e\b", "e" if gender == "f" else "", title)


def capitalised(slots: dict) -> dict:
    """Every slot also as {Key}, capitalised, for the start of a sentence."""
    return slots | {key[0].upper() + key[1:]: value[:1].upper() + value[1:] for key, value in slots.items()}


_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+(?=[A-ZÀ-ÖØ-Þ{«])")
_NO_OPENER = {"Oui", "Non", "Ben", "Bon", "Pis", "Mais", "Fait", "Honnêtement", "Mettons", "Tsé", "Euh", "Juste", "Et"}
_NO_OPENER |= {"Franchement", "Moi", "Comme", "Disons", "Dans", "En", "Ok", "Quand", "Si", "Avant", "Maintenant"}
_REPEATABLE = {"Je", "C'est", "On", "Il", "Ça", "Elle", "Les", "Le", "La"}
# "Je pense que …" needs a clause after it: only before a sentence that starts with its subject pronoun.
_SUBJECTS = {"Je", "J", "On", "Il", "Ils", "Elle", "Elles", "Ça", "C", "Y", "Nous", "{Fw_il}"}
_FINE_SPACE = re.compile(r"(?<=[^\s\u00a0\u202f])([?!;])")
_ELISION = re.compile(r"\b([Qq]u)e (?!oui\b|onze\b)(?=[aeiouéèêàâîôûAEIOUÉÈÊÀÂÎÔÛ])")


@dataclass(frozen=True)
class Style:
    """How the transcriber typed: curly apostrophes or not; narrow no-break spaces before ? ! ; or none (Québec)."""

    curly: bool
    fine: bool

    @property
    def separator(self) -> str:
        return "\u00a0: " if self.fine else " : "

    def apply(self, text: str) -> str:
        text = _ELISION.sub(r"\1'", text)
        if self.curly:
            text = text.replace("'", "’")
        text = text.replace("« ", "«\u00a0").replace(" »", "\u00a0»").replace(" :", "\u00a0:")
        return _FINE_SPACE.sub("\u202f\\1", text) if self.fine else text


def random_style(rng: random.Random) -> Style:
    return Style(curly=rng.random() < 0.75, fine=rng.random() < 0.4)


def lower_first(sentence: str) -> str:
    if sentence.startswith("{"):
        return "{" + sentence[1].lower() + sentence[2:]
    return sentence[0].lower() + sentence[1:]


def can_lower(word: str) -> bool:
    if word.startswith("{"):
        return len(word) > 1 and word[1].isupper()
    return word[:1].isupper() and (len(word) == 1 or not word[1].isupper()) and word not in {"Montréal", "Québec"}


def after(lead: str, sentence: str) -> str:
    """lead + sentence, with the sentence lowercased when the lead ends mid-sentence ("Fait que", "De mon côté,")."""
    if lead.rstrip().endswith((".", "?", "!")) or not can_lower(sentence.split(" ", 1)[0]):
        return lead.rstrip() + " " + sentence
    return lead.rstrip() + " " + lower_first(sentence)


def _core(phrase: str) -> str:
    """A discourse marker's words, padded: "Mettons que " → " mettons ", ", en tout cas." → " en tout cas "."""
    words = re.sub(r"\W+", " ", phrase.casefold()).split()
    return " " + " ".join(words[:-1] if words[-1:] == ["que"] else words) + " "


_CORES = {phrase: _core(phrase) for phrase in (*bank.OPENERS, *bank.TAGS)}


def spoken(rng: random.Random, text: str, rate: float) -> str:
    """The paragraph as someone says it: openers, tags, a repeated word, a reformulation, now and then."""
    sentences, seen = [], " " + re.sub(r"\W+", " ", text.casefold()) + " "
    fresh = [opener for opener in bank.OPENERS if _CORES[opener] not in seen]  # no "Honnêtement… Honnêtement"
    tags = [tag for tag in bank.TAGS if _CORES[tag] not in seen]
    for sentence in _SENTENCE_BREAK.split(text):
        first, long = sentence.split(" ", 1)[0], len(sentence.split()) > 5
        roll = rng.random()
        if roll < rate * 0.5 and long and first.rstrip(",") not in _NO_OPENER:
            clause = re.split("['’]", first)[0] in _SUBJECTS
            sentence = after(rng.choice([o for o in fresh if clause or not o.endswith("que ")]), sentence)
        elif roll < rate * 0.8 and long and sentence.endswith(".") and not sentence.endswith(("].", "».", "…")):
            sentence = sentence[:-1] + rng.choice(tags)
        elif roll < rate and first in _REPEATABLE:
            sentence = f"{first}… {lower_first(sentence)}"
        sentences.append(sentence)
    if rng.random() < rate * 0.3:
        sentences.append(rng.choice(bank.REFORMULATIONS))
    if rng.random() < rate * 0.2 and len(sentences) > 1:
        sentences[rng.randrange(len(sentences) - 1)] += " " + rng.choice(bank.ASIDES)
    return " ".join(sentences)
