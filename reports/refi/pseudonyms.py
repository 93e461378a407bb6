"""What an imported case may bring into a Participant: pseudonyms only, never what looks like an identity (pure).

Other tools' cases are often named after the person ("Marie Tremblay") and carry variables such as e-mail or
phone. A participant here is a pseudonym code and study attributes; real identities live apart, for admins
(ParticipantIdentity), and are never filled from a file. These checks err on the side of leaving things out.
"""

import re

MAX_CODE_LENGTH = 40
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.\w+")
# Ten digits or more with separators (a full number), or a local "555-1234"; dates have fewer digits.
_PHONE = re.compile(r"(?:\+?\d[\s().-]{0,2}){10,}|\b\d{3}[-.\s]\d{4}\b")
_POSTAL_CODE = re.compile(r"\b[A-Za-z]\d[A-Za-z][ -]?\d[A-Za-z]\d\b")  # Canadian postal codes
_IDENTITY_VARIABLE = re.compile(
    r"\b(names?|nom|noms|pr[ée]noms?|first ?name|last ?name|surname|e-?mail|courriel|phone|t[ée]l[ée]phone|tel|"
    r"cell|mobile|address|adresse|postal|code postal|birth|birthday|naissance|date of birth|ssn|nas|ramq|contact)\b",
    re.IGNORECASE,
)


def looks_like_identity(text):
    """True for contact details or a person's name ("Marie Tremblay"): what a pseudonym code must not be."""
    return looks_like_contact(text) or _looks_like_full_name(" ".join((text or "").split()))


def looks_like_contact(text):
    """True for an e-mail address, a phone number or a postal code anywhere in `text`."""
    return bool(_EMAIL.search(text or "") or _PHONE.search(text or "") or _POSTAL_CODE.search(text or ""))


def _looks_like_full_name(text):
    """Two or more capitalised words of letters only: how a first and last name are written."""
    words = text.split(" ")
    if len(words) < 2:
        return False
    for word in words:
        letters = word.replace("-", "").replace("'", "").replace("’", "")
        if not letters.isalpha() or not word[0].isupper() or not letters[1:].islower():
            return False
    return True


def is_identity_variable(name):
    """True for a variable that holds identities or contacts by its name (Name, E-mail, Téléphone, Adresse…)."""
    return bool(_IDENTITY_VARIABLE.search(name or ""))


def clean_code(name):
    """A case name as a pseudonym code: one line, no "/", at most 40 characters ("" if nothing is left)."""
    code = " ".join((name or "").split()).replace("/", "-")
    return code[:MAX_CODE_LENGTH].strip()
