"""The official REFI-QDA schemas (schemas/, see its README), loaded once and offline; the check every export passes.

Validation runs in libxml2 (lxml): a whole study is hundreds of thousands of elements, which xmlschema, in
pure Python, takes longer to check than the export takes to write (issue 7 gives an export 30 s at scale 10).
The tests check every export a second time with xmlschema, an independent implementation of XSD.
"""

import re
from functools import cache
from pathlib import Path

from lxml import etree

SCHEMAS = Path(__file__).resolve().parent / "schemas"
PROJECT_NAMESPACE = "urn:QDA-XML:project:1.0"
CODEBOOK_NAMESPACE = "urn:QDA-XML:codebook:1.0"
FILES = {"project": "Project.xsd", "codebook": "Codebook.xsd"}
_PATTERN = re.compile(r" by the pattern '[^']*'")


class InvalidExport(Exception):
    """An export that does not validate: a bug of ours, never a file to hand out."""


def _parser():
    # Never the network, never an entity: the schemas import nothing, and documents have no DTD.
    return etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False, huge_tree=True)


@cache
def schema(kind):
    """The compiled schema, "project" or "codebook"."""
    return etree.XMLSchema(etree.parse(str(SCHEMAS / FILES[kind]), _parser()))


def first_error(kind, document):
    """The first schema violation of `document` (XML bytes, or an lxml element) as a sentence, or ""."""
    if isinstance(document, bytes):
        try:
            tree = etree.fromstring(document, _parser())
        except etree.XMLSyntaxError as error:
            return str(error)
    else:
        tree = document
    validator = schema(kind)
    if validator.validate(tree):
        return ""
    error = validator.error_log[0]
    message = _PATTERN.sub("", error.message)  # the GUID pattern itself is two lines of brackets
    return f"{message} (line {error.line})"


def check(kind, document):
    """Raise InvalidExport unless `document` (XML bytes or an lxml element) validates against the `kind` schema."""
    problem = first_error(kind, document)
    if problem:
        raise InvalidExport(f"REFI-QDA {kind} export does not validate: {problem}")
