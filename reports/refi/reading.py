"""A .qdpx or .qdc file → plain records (pure: bytes in, dataclasses out; no models, no storage).

Tolerant of what real producers write: the project file under another name than project.qde or in a folder,
`Sources/` or `sources/`, a byte-order mark, ids that are not GUIDs, namespaces missing, empty elements the
schema forbids. Hostile files are refused whole (ImportRefused) before anything is read from them: unsafe zip
archives (interviews/archives.py), DOCTYPE or entity declarations. Source paths that point outside the file
(file://, http://, absolute://, relative://, "..") are never followed: those sources are reported, not read.
"""

from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeElementTree
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from interviews.archives import ImportRefused, is_zip, read_zip
from reports.refi import archive, guids, schema

MEDIA_SOURCES = {"PDFSource": "PDF", "PictureSource": "picture", "AudioSource": "audio", "VideoSource": "video"}


@dataclass
class Code:
    key: str
    name: str
    colour: str
    description: str
    is_codable: bool
    note_keys: list
    children: list = field(default_factory=list)


@dataclass
class Value:
    variable_key: str
    type: str  # TextValue, BooleanValue, IntegerValue, FloatValue, DateValue, DateTimeValue
    text: str


@dataclass
class Coding:
    key: str
    code_key: str
    user_key: str
    note_keys: list


@dataclass
class Selection:
    key: str
    name: str
    start: int | None
    end: int | None
    user_key: str
    description: str
    codings: list
    note_keys: list


@dataclass
class Source:
    key: str
    name: str
    kind: str  # "text", or the kind of a source we do not import ("PDF", "picture", …)
    text: str | None  # the plain text exactly as shipped (BOM removed), None when there is none to read
    problem: str  # why there is no text
    description: str = ""
    user_key: str = ""
    selections: list = field(default_factory=list)
    codings: list = field(default_factory=list)  # codings of the whole source
    note_keys: list = field(default_factory=list)
    values: list = field(default_factory=list)


@dataclass
class Note:
    key: str
    name: str
    text: str
    description: str
    user_key: str
    values: list


@dataclass
class Project:
    name: str
    origin: str
    is_codebook: bool  # a .qdc: codes (and code sets) only
    description: str = ""
    users: list = field(default_factory=list)  # (key, name, id)
    codes: list = field(default_factory=list)  # top-level Codes with their children
    variables: dict = field(default_factory=dict)  # key -> (name, type, description)
    cases: list = field(default_factory=list)  # (key, name, description, values, source keys, refs dropped)
    sources: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    sets: list = field(default_factory=list)  # (key, name, member code/source/note keys)
    note_keys: list = field(default_factory=list)  # notes about the project as a whole
    dropped: dict = field(default_factory=dict)  # element name -> count of things not imported (Links, Graphs)
    warnings: list = field(default_factory=list)  # sentences for the report


def read_refi(name, data, *, max_bytes=None):
    """The project (or codebook) in an uploaded file; raises ImportRefused with the reason."""
    if max_bytes is not None and len(data) > max_bytes:
        raise ImportRefused(
            _("This file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(len(data)), "limit": filesizeformat(max_bytes)}
        )
    warnings = []
    if is_zip(data):
        document, files = archive.open_archive(read_zip(data, **archive.LIMITS), warnings)
    elif name.lower().endswith(".qdpx"):
        raise ImportRefused(_("A .qdpx file is a zip archive; this one is not."))
    else:
        document, files = data, archive.SourceFiles({}, "")
    root = _parse(document)
    tag = _local(root.tag)
    if tag == "CodeBook":
        project = Project(name="", origin=_attr(root, "origin"), is_codebook=True)
        project.codes = _codes(_child(root, "Codes"))
        project.dropped["Sets"] = len(_children(_child(root, "Sets"), "Set"))
    elif tag == "Project":
        project = _project(root, files)
    else:
        raise ImportRefused(
            _("This is not a REFI-QDA project or codebook (its root element is %(tag)s).") % {"tag": tag}
        )
    project.warnings[:0] = warnings
    problem = schema.first_error("codebook" if project.is_codebook else "project", document)
    if problem:
        project.warnings.append(
            _("The file does not follow the REFI-QDA schema exactly (%(problem)s).") % {"problem": problem[:300]}
        )
    return project


def _parse(document):
    """The document's root, every tag without its namespace (producers disagree on namespaces; we read names)."""
    try:
        root = SafeElementTree.fromstring(document, forbid_dtd=True, forbid_entities=True, forbid_external=True)
        for element in root.iter():
            if isinstance(element.tag, str) and "}" in element.tag:
                element.tag = element.tag.rsplit("}", 1)[1]
        return root
    except DefusedXmlException:
        raise ImportRefused(_("The project file declares a DOCTYPE or entities, which are not allowed."))
    except ParseError as error:
        raise ImportRefused(_("The project file is not well-formed XML (%(error)s).") % {"error": str(error)[:200]})


def _project(root, files):
    project = Project(name=_attr(root, "name"), origin=_attr(root, "origin"), is_codebook=False)
    project.description = _text(_child(root, "Description"))
    project.users = [
        (guids.key(_attr(user, "guid")), _attr(user, "name"), _attr(user, "id"))
        for user in _children(_child(root, "Users"), "User")
    ]
    project.codes = _codes(_child(_child(root, "CodeBook"), "Codes"))
    for variable in _children(_child(root, "Variables"), "Variable"):
        project.variables[guids.key(_attr(variable, "guid"))] = (
            _attr(variable, "name"),
            _attr(variable, "typeOfVariable") or "Text",
            _text(_child(variable, "Description")),
        )
    project.cases = [_case(case) for case in _children(_child(root, "Cases"), "Case")]
    for element in _children(_child(root, "Sources")):
        project.sources.append(_source(element, files))
    project.notes = [_note(note, files) for note in _children(_child(root, "Notes"), "Note")]
    for element in _children(_child(root, "Sets"), "Set"):
        members = {kind: _refs(element, kind) for kind in ("MemberCode", "MemberSource", "MemberNote")}
        project.sets.append((guids.key(_attr(element, "guid")), _attr(element, "name"), members))
    project.note_keys = _refs(root, "NoteRef")
    for kind, item in (("Links", "Link"), ("Graphs", "Graph")):
        project.dropped[kind] = len(_children(_child(root, kind), item))
    return project


def _codes(parent):
    codes = []
    for element in _children(parent, "Code"):
        code = Code(
            key=guids.key(_attr(element, "guid")),
            name=_attr(element, "name"),
            colour=_attr(element, "color"),
            description=_text(_child(element, "Description")),
            is_codable=_attr(element, "isCodable").lower() not in ("false", "0"),
            note_keys=_refs(element, "NoteRef"),
        )
        code.children = _codes(element)
        codes.append(code)
    return codes


def _case(element):
    dropped = len(_children(element, "CodeRef")) + len(_children(element, "SelectionRef"))
    return (
        guids.key(_attr(element, "guid")),
        _attr(element, "name"),
        _text(_child(element, "Description")),
        _values(element),
        _refs(element, "SourceRef"),
        dropped,
    )


def _source(element, files):
    tag = _local(element.tag)
    key, name = guids.key(_attr(element, "guid")), _attr(element, "name")
    if tag != "TextSource":
        return Source(key, name, MEDIA_SOURCES.get(tag, tag), None, _("only text sources are imported"))
    text, problem = _text_of(element, files)
    source = Source(key, name, "text", text, problem, description=_text(_child(element, "Description")))
    source.user_key = guids.key(_attr(element, "creatingUser"))
    source.selections = [_selection(selection) for selection in _children(element, "PlainTextSelection")]
    source.codings = _codings(element)
    source.note_keys = _refs(element, "NoteRef")
    source.values = _values(element)
    return source


def _text_of(element, files):
    """(text, problem): inline PlainTextContent, else the internal plain-text file."""
    inline = _child(element, "PlainTextContent")
    if inline is not None and (inline.text or "").strip():
        return inline.text, ""
    path = _attr(element, "plainTextPath")
    if path:
        return files.text(path)
    if _attr(element, "richTextPath"):
        return None, _("it has no plain-text version (only formatted text)")
    return None, _("it has no text")


def _note(element, files):
    text, _problem = _text_of(element, files)
    return Note(
        key=guids.key(_attr(element, "guid")),
        name=_attr(element, "name"),
        text=text or "",
        description=_text(_child(element, "Description")),
        user_key=guids.key(_attr(element, "creatingUser")),
        values=_values(element),
    )


def _selection(element):
    """A PlainTextSelection, its children read in one pass (a study has a hundred thousand of them)."""
    description, codings, note_keys = "", [], []
    for child in element:
        if child.tag == "Coding":
            codings.append(_coding(child))
        elif child.tag == "NoteRef":
            note_keys.append(guids.key(_attr(child, "targetGUID")))
        elif child.tag == "Description":
            description = (child.text or "").strip()
    get = element.get  # attributes are read directly; their names in another case only when missing
    return Selection(
        key=guids.key(get("guid") or _attr(element, "guid")),
        name=get("name") or _attr(element, "name"),
        start=_integer(get("startPosition") or _attr(element, "startPosition")),
        end=_integer(get("endPosition") or _attr(element, "endPosition")),
        user_key=guids.key(get("creatingUser") or _attr(element, "creatingUser")),
        description=description,
        codings=codings,
        note_keys=note_keys,
    )


def _coding(element):
    code_key, note_keys = "", []
    for child in element:
        if child.tag == "CodeRef":
            code_key = guids.key(child.get("targetGUID") or _attr(child, "targetGUID"))
        elif child.tag == "NoteRef":
            note_keys.append(guids.key(_attr(child, "targetGUID")))
    get = element.get
    key, user = get("guid") or _attr(element, "guid"), get("creatingUser") or _attr(element, "creatingUser")
    return Coding(guids.key(key), code_key, guids.key(user), note_keys)


def _codings(element):
    return [_coding(coding) for coding in _children(element, "Coding")]


def _values(element):
    values = []
    for value in _children(element, "VariableValue"):
        reference = guids.key(_attr(_child(value, "VariableRef"), "targetGUID"))
        for child in value:
            if _local(child.tag) != "VariableRef" and (child.text or "").strip():
                values.append(Value(reference, _local(child.tag), child.text.strip()))
                break
    return values


def _refs(element, tag):
    return [guids.key(_attr(ref, "targetGUID")) for ref in _children(element, tag) if _attr(ref, "targetGUID")]


def _integer(value):
    if value and value.isascii() and value.isdigit():
        return int(value)
    value = (value or "").strip()
    digits = value[1:] if value[:1] in "+-" else value
    return int(value) if digits.isascii() and digits.isdigit() else None


def _local(tag):
    return tag if isinstance(tag, str) else ""  # comments and processing instructions have no name


def _children(element, tag=None):
    if element is None:
        return []
    if tag is None:
        return [child for child in element if isinstance(child.tag, str)]
    return [child for child in element if child.tag == tag]


def _child(element, tag):
    found = _children(element, tag)
    return found[0] if found else None


def _attr(element, name):
    """An attribute's value ("" when absent), matching its name exactly or, failing that, in any case."""
    if element is None:
        return ""
    value = element.get(name)
    return _attr_in_any_case(element, name) if value is None else value


def _attr_in_any_case(element, name):
    lowered = name.lower()
    return next((v for k, v in element.attrib.items() if k.rsplit("}", 1)[-1].lower() == lowered), "")


def _text(element):
    return (element.text or "").strip() if element is not None else ""
