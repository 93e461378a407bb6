"""How our notions are written in REFI-QDA terms, shared by export and import so that a round trip holds.

The schema has no place for a code's criteria, a memo's kind, a participant's site or kind: they travel as a
structured code Description, as note Sets, and as Variables. Their names are fixed English identifiers (not
translated), so a file exported in one language imports the same in the other.
"""

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

SITE = "site"
PARTICIPANT_KIND = "participant kind"
INTERVIEW_KIND = "interview kind"
INTERVIEW_DATE = "interview date"
RESERVED = (SITE, PARTICIPANT_KIND, INTERVIEW_KIND, INTERVIEW_DATE)

MEMO_KIND_SETS = {
    "analytic": "Memos: analytic",
    "methodological": "Memos: methodological",
    "theoretical": "Memos: theoretical",
}

# A code's Description: its definition, then one labelled paragraph per other text.
CODE_TEXT_LABELS = (("inclusion", "Inclusion criteria"), ("exclusion", "Exclusion criteria"), ("example", "Example"))
_CODE_TEXT_SPLIT = re.compile(r"(?:^|\n\n)(Inclusion criteria|Exclusion criteria|Example): ")
CHOICES_LABEL = "Choices:"

TYPE_OF_KIND = {"text": "Text", "choice": "Text", "number": "Float", "date": "Date"}
KIND_OF_TYPE = {"Text": "text", "Integer": "number", "Float": "number", "Date": "date", "Boolean": "text"}


def code_description(code):
    """The Description of a code: definition, inclusion and exclusion criteria, example ("" if all are empty)."""
    parts = [code.definition] if code.definition else []
    parts += [f"{label}: {getattr(code, name)}" for name, label in CODE_TEXT_LABELS if getattr(code, name)]
    return "\n\n".join(parts)


def code_texts(description):
    """{definition, inclusion, exclusion, example} from a Description written by code_description (or anyone)."""
    pieces = _CODE_TEXT_SPLIT.split(description or "")
    texts = {"definition": pieces[0].strip()}
    names = {label: name for name, label in CODE_TEXT_LABELS}
    for label, value in zip(pieces[1::2], pieces[2::2], strict=True):
        texts[names[label]] = value.strip()
    return texts


@dataclass(frozen=True)
class Variable:
    name: str
    type: str  # typeOfVariable
    description: str = ""


def variables_for(definitions):
    """Our fixed variables, then one per attribute definition (named by its label; a choice lists its choices)."""
    variables = [Variable(SITE, "Text"), Variable(PARTICIPANT_KIND, "Text")]
    variables += [Variable(INTERVIEW_KIND, "Text"), Variable(INTERVIEW_DATE, "Date")]
    for definition in definitions:
        description = ""
        if definition.kind == "choice" and definition.choice_list():
            description = "\n".join([CHOICES_LABEL, *definition.choice_list()])
        variables.append(Variable(definition.label, TYPE_OF_KIND.get(definition.kind, "Text"), description))
    return variables


def choices_in(description):
    """The choices a Variable's Description lists after "Choices:", or []."""
    lines = [line.strip() for line in (description or "").splitlines()]
    if not lines or lines[0] != CHOICES_LABEL:
        return []
    return [line for line in lines[1:] if line]


def value_text(variable, value):
    """A stored value as the text of the variable's typed value element, or None when it cannot be written."""
    if value is None or value == "":
        return None
    if variable.type == "Float":
        return decimal_text(value)
    if variable.type == "Date":
        if isinstance(value, datetime.date):
            return value.isoformat()
        try:
            return datetime.date.fromisoformat(str(value)).isoformat()
        except ValueError:
            return None
    return str(value)


def decimal_text(value):
    """A number as xsd:decimal ("12", "3.5"; never "1E+16"), or None."""
    if isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    if not number.is_finite():
        return None
    text = format(number, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def stored_value(value):
    """A reading.Value as an attribute stores it (JSON: numbers as numbers, dates as ISO text), or None."""
    text = value.text.strip()
    if value.type in ("IntegerValue", "FloatValue"):
        try:
            number = Decimal(text)
        except InvalidOperation:
            return None
        if not number.is_finite():
            return None
        return int(number) if number == number.to_integral_value() else float(number)
    if value.type == "DateValue":
        try:
            return datetime.date.fromisoformat(text[:10]).isoformat()
        except ValueError:
            return None
    if value.type == "BooleanValue":
        return {"true": "true", "1": "true", "false": "false", "0": "false"}.get(text.lower())
    return text
