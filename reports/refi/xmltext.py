"""XML written as text, element by element, with every value escaped (pure).

An export is a few hundred thousand elements: building them as a tree (ElementTree, lxml) takes ten times as
long as writing them out. What this writes is parsed again and validated against the schema before it leaves
(schema.check), so a mistake here is caught, never handed out.
"""

import re

# Characters XML 1.0 cannot carry at all (control characters a pasted memo may hold): left out.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
# In attributes, tabs and line breaks are escaped too, or a parser would turn them into spaces.
_ATTRIBUTE_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;"}
)
_PLAIN = re.compile(r'[^&<>"\t\n\r]*')


def clean(value):
    """`value` without the characters XML cannot carry."""
    if value.isascii() and value.isprintable():  # GUIDs, numbers, dates: most of an export, checked in C
        return value
    return _NOT_XML.sub("", value)


def escape_text(value):
    return clean(value).translate(_TEXT_ESCAPES)


def escape_attribute(value):
    value = clean(value)
    return value if _PLAIN.fullmatch(value) else value.translate(_ATTRIBUTE_ESCAPES)


class Document:
    """An XML document being written: open/close/empty/text elements, then bytes()."""

    def __init__(self):
        self._parts = ['<?xml version="1.0" encoding="UTF-8"?>\n']

    def open(self, tag, attributes=None):
        self._parts.append(f"<{tag}{_attributes(attributes)}>")

    def close(self, tag):
        self._parts.append(f"</{tag}>")

    def empty(self, tag, attributes=None):
        self._parts.append(f"<{tag}{_attributes(attributes)}/>")

    def text(self, tag, text, attributes=None):
        self._parts.append(f"<{tag}{_attributes(attributes)}>{escape_text(text)}</{tag}>")

    def bytes(self):
        return "".join(self._parts).encode("utf-8")


def _attributes(attributes):
    """' name="value"' for each attribute with a value (an empty or None value leaves the attribute out)."""
    if not attributes:
        return ""
    return "".join(
        f' {name}="{escape_attribute(str(value))}"' for name, value in attributes.items() if value not in (None, "")
    )
