"""The study structure an import maps onto: users, codes, sites, attributes, participants (writes; part of import_).

Everything here runs inside the import's transaction. Objects the file shares with the study are merged, not
duplicated: codes by their place in the tree, participants by pseudonym, sites by code or name, attributes by
label, users by e-mail or name; objects exported from this very study are recognised by their GUIDs.
"""

import re

from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from coding import services as coding_services
from coding.codebook_csv import CodebookRow
from coding.models import Code
from interviews.importing import ImportRefused
from interviews.models import InterviewParticipant
from reports.refi import guids, pseudonyms, vocabulary
from reports.refi.report import CHANGED, DROPPED, MERGED, NOTE
from sites import permissions
from sites.models import AttributeDefinition, Membership, Participant, Site

_SHORT_COLOUR = re.compile(r"^#([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])$")
_LONG_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_SITE_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$")


def map_users(context):
    """context.users: each file user → a member of the study (by e-mail, user name or full name), else the importer."""
    members = {}
    for membership in Membership.objects.filter(study=context.study).select_related("user"):
        user = membership.user
        for name in (user.email, user.get_username(), user.get_full_name()):
            if name:
                members.setdefault(name.casefold(), user)
    for key, name, identifier in context.project.users:
        user = members.get((identifier or "").casefold()) or members.get((name or "").casefold())
        context.users[key] = user or context.by
        if user is None:
            context.report.add(
                MERGED,
                _("User “%(name)s”") % {"name": name or identifier or key},
                _("not a member of this study: their work is attributed to %(you)s")
                % {"you": context.by.get_username()},
            )


def map_codes(context):
    """context.codes: file code key → Code, creating missing codes through coding.services.import_codebook."""
    _Codebook(context).run()


class _Codebook:
    """The file's code tree as codebook rows (paths of names), then each file code found among the study's codes."""

    def __init__(self, context):
        self.context = context
        existing = list(Code.objects.filter(study=context.study))
        self.paths = _paths(existing, archived=True)  # an export carries archived codes too
        self.recognised = guids.of_rows(context.ns, "code", [c.pk for c in existing if c.merged_into_id is None])
        self.rows, self.wanted, self.notes, self.folders, self.seen = [], {}, [], 0, set()

    def run(self):
        context = self.context
        self.walk(context.project.codes, ())
        result = coding_services.import_codebook(context.study, rows=self.rows, by=context.by)
        context.report.count("codes", len(result.created))
        for label in result.updated:
            reason = _("the study already has it; its colour and texts now come from the file")
            context.report.add(MERGED, _("Code “%(path)s”") % {"path": label}, reason)
        for label in result.unchanged:
            context.report.add(MERGED, _("Code “%(path)s”") % {"path": label}, _("the study already has it"))
        if self.folders:
            sentence = _("%(count)s codes marked not codable became ordinary codes") % {"count": self.folders}
            context.report.add(NOTE, _("Codes"), sentence)
        codes = Code.objects.filter(study=context.study)
        by_pk = {code.pk: code for code in codes}
        by_path = {tuple(part.lower() for part in path): by_pk[pk] for pk, path in _paths(codes).items()}
        for key, (how, value) in self.wanted.items():
            code = by_pk.get(value) if how == "pk" else by_path.get(value)
            if code is not None:
                context.codes[key] = code
        for key, note_keys in self.notes:
            if key in context.codes:
                context.anchor(note_keys, context.codes[key])

    def walk(self, codes, parent_path):
        """Rows for `codes` and their children; a code recognised by its GUID keeps its place in the study."""
        for code in codes:
            self.folders += not code.is_codable
            self.notes.append((code.key, code.note_keys))
            if code.key in self.recognised:
                pk = self.recognised[code.key]
                self.wanted[code.key] = ("pk", pk)
                self.walk(code.children, self.paths[pk])
                continue
            path = (*parent_path, _code_name(self.context, code.name, len(self.rows) + 1))
            lowered = tuple(part.lower() for part in path)
            if lowered in self.seen:
                subject = _("Code “%(path)s”") % {"path": " > ".join(path)}
                self.context.report.add(MERGED, subject, _("named twice here"))
            else:
                self.seen.add(lowered)
                texts = vocabulary.code_texts(code.description)
                colour = _colour(self.context, code)
                self.rows.append(CodebookRow(line=len(self.rows) + 1, path=path, colour=colour, **texts))
            self.wanted[code.key] = ("path", lowered)
            self.walk(code.children, path)


def _paths(codes, *, archived=False):
    """{pk: (names from the top down)} for the active codes among `codes` (and the archived ones, if asked)."""
    kept = {code.pk: code for code in codes if code.merged_into_id is None and (archived or not code.is_archived)}
    paths = {}

    def path(code):
        if code.pk not in paths:
            parent = kept.get(code.parent_id)
            paths[code.pk] = (*(path(parent) if parent else ()), code.name)
        return paths[code.pk]

    for code in kept.values():
        path(code)
    return paths


def _code_name(context, name, number):
    cleaned = " ".join((name or "").split()).replace(" > ", " › ")[:200].strip()
    if not cleaned:
        cleaned = _("Unnamed code %(number)s") % {"number": number}
    if cleaned != (name or ""):
        context.report.add(
            CHANGED, _("Code “%(name)s”") % {"name": name[:80]}, _("renamed “%(new)s”") % {"new": cleaned}
        )
    return cleaned


def _colour(context, code):
    colour = (code.colour or "").strip()
    short = _SHORT_COLOUR.match(colour)
    if short:
        return "#" + "".join(digit * 2 for digit in short.groups()).lower()
    if _LONG_COLOUR.match(colour):
        return colour.lower()
    if colour:
        context.report.add(
            CHANGED,
            _("Code “%(name)s”") % {"name": code.name[:80]},
            _("colour %(colour)s not understood") % {"colour": colour},
        )
    return ""


class Sites:
    """Sites named by the file's "site" values: found by code or name, created when the study lacks them.

    An importer limited to some sites may import only into those (and creates none): anything else refuses
    the import.
    """

    def __init__(self, context, default):
        self.context, self.default = context, default
        self._allowed = permissions.site_ids_for(context.by, context.study)  # None: every site
        self._known = {}
        for site in Site.objects.filter(study=context.study):
            self._known.setdefault(site.code.casefold(), site)
            self._known.setdefault(site.name.casefold(), site)

    def named(self, name):
        name = " ".join((name or "").split())
        if not name:
            return None
        site = self._known.get(name.casefold())
        if site is None and self._allowed is not None:
            raise ImportRefused(_("The file names a site the study does not have (%(name)s).") % {"name": name[:100]})
        if site is None:
            site = Site.objects.create(study=self.context.study, code=self._free_code(name), name=name[:200], city="")
            self._known[name.casefold()] = self._known[site.code.casefold()] = site
            self.context.report.count("sites")
            self.context.report.add(
                NOTE,
                _("Site “%(name)s”") % {"name": name},
                _("created (code %(code)s): add its city") % {"code": site.code},
            )
        return self.checked(site)

    def checked(self, site):
        """`site`, unless the importer may not edit it (then the import is refused)."""
        if site is not None and self._allowed is not None and site.pk not in self._allowed:
            raise ImportRefused(
                _("The file puts things in site %(code)s, which you may not edit.") % {"code": site.code}
            )
        return site

    def _free_code(self, name):
        code = name if _SITE_CODE.match(name) else (slugify(name).upper()[:20].strip("-") or "SITE")
        candidate, number = code, 1
        while candidate.casefold() in self._known:
            number += 1
            candidate = f"{code[: 20 - len(str(number)) - 1]}-{number}"
        return candidate

    def required(self, name, what):
        """The site `name` names, else the default one; refuses the import when there is neither."""
        site = self.named(name) or self.checked(self.default)
        if site is None:
            raise ImportRefused(
                _("Choose a site: the file does not say which site %(what)s belongs to.") % {"what": what}
            )
        return site


def choice_lookup(choices):
    """{key, English label, French label (case-folded): key} for a model's choices."""
    lookup = {}
    for key, label in choices:
        lookup[str(key).casefold()] = key
        for language in ("en", "fr"):
            with translation.override(language):
                lookup[str(label).casefold()] = key
    return lookup


class Attributes:
    """The file's case variables as the study's attribute definitions (matched by label or key, else created)."""

    def __init__(self, context):
        self.context = context
        self._definitions = {}
        self._by_name = {}
        for definition in AttributeDefinition.objects.filter(study=context.study):
            self._by_name.setdefault(definition.label.casefold(), definition)
            self._by_name.setdefault(definition.key.casefold(), definition)
        self._dropped = set()

    def definition(self, variable_key):
        """The definition for a variable (created on first use), or None for an identity or unknown variable."""
        if variable_key in self._definitions:
            return self._definitions[variable_key]
        name, type_, description = self.context.project.variables.get(variable_key, ("", "Text", ""))
        definition = None
        if not name.strip():
            self._drop(variable_key, _("it is not declared in the file"))
        elif pseudonyms.is_identity_variable(name):
            self._drop(name, _("it holds identities or contacts, which are never imported"))
        else:
            definition = self._by_name.get(name.strip().casefold()) or self._by_name.get(slugify(name))
            if definition is None:
                definition = self._create(name.strip(), type_, description)
        self._definitions[variable_key] = definition
        return definition

    def _create(self, name, type_, description):
        key, number = slugify(name)[:50] or "variable", 1
        taken = set(AttributeDefinition.objects.filter(study=self.context.study).values_list("key", flat=True))
        candidate = key
        while candidate in taken:
            number += 1
            candidate = f"{key[: 50 - len(str(number)) - 1]}-{number}"
        choices = vocabulary.choices_in(description)
        definition = AttributeDefinition.objects.create(
            study=self.context.study,
            key=candidate,
            label=name[:100],
            kind="choice" if choices else vocabulary.KIND_OF_TYPE.get(type_, "text"),
            choices="\n".join(choices),
            order=len(taken),
        )
        self._by_name[name.casefold()] = definition
        self.context.report.count("attributes")
        return definition

    def _drop(self, name, reason):
        if name not in self._dropped:
            self._dropped.add(name)
            self.context.report.add(DROPPED, _("Variable “%(name)s”") % {"name": name}, reason)


def variable_values(context, values):
    """{reserved variable name: text} and [(attribute variable key, Value)] of a case's or source's values."""
    reserved, others = {}, []
    for value in values:
        name = context.project.variables.get(value.variable_key, ("",))[0].strip().casefold()
        if name in vocabulary.RESERVED:
            reserved.setdefault(name, value.text)
        else:
            others.append(value)
    return reserved, others


def map_cases(context, sites):
    """context.participants: each case → a participant (pseudonym = case name), linked to its sources' interviews."""
    attributes = Attributes(context)
    existing = {p.code.casefold(): p for p in Participant.objects.filter(study=context.study)}
    recognised = guids.of_rows(context.ns, "participant", [p.pk for p in existing.values()])
    by_pk = {participant.pk: participant for participant in existing.values()}
    kinds = choice_lookup(Participant.KIND_CHOICES)
    tally = {"kind": 0, "description": 0, "refs": 0, "values": 0}
    links = []
    for key, name, description, values, source_keys, dropped in context.project.cases:
        tally["description"] += bool(description)
        tally["refs"] += dropped
        reserved, others = variable_values(context, values)
        interviews = [context.interviews[k] for k in source_keys if k in context.interviews]
        found = _attribute_values(attributes, others, tally)
        participant = by_pk.get(recognised.get(key))
        code = pseudonyms.clean_code(name)
        if participant is None and code and not pseudonyms.looks_like_identity(code):
            participant = existing.get(code.casefold())
        if participant is not None:
            _merge_attributes(context, participant, found)
        else:
            kind = kinds.get(reserved.get(vocabulary.PARTICIPANT_KIND, "").strip().casefold())
            tally["kind"] += kind is None
            site = sites.named(reserved.get(vocabulary.SITE)) or sites.checked(
                interviews[0].site if interviews else None
            )
            participant = Participant.objects.create(
                study=context.study,
                code=_pseudonym(context, name, existing),
                kind=kind or "resident",
                site=site or sites.required("", _("the case “%(name)s”") % {"name": name}),
                attributes=found,
            )
            existing[participant.code.casefold()] = participant
            context.report.count("participants")
        context.participants[key] = participant
        links += [InterviewParticipant(interview=i, participant=participant) for i in interviews]
    InterviewParticipant.objects.bulk_create(links, ignore_conflicts=True)
    _case_notes(context, tally)


def _attribute_values(attributes, values, tally):
    """{attribute key: stored value} of a case's values; unusable ones (and contact details) counted, not kept."""
    found = {}
    for value in values:
        definition = attributes.definition(value.variable_key)
        if definition is None:
            continue
        stored = vocabulary.stored_value(value)
        if stored is None or (isinstance(stored, str) and pseudonyms.looks_like_contact(stored)):
            tally["values"] += 1
        else:
            found[definition.key] = stored
    return found


def _pseudonym(context, name, existing):
    """The case name as a pseudonym code, or a new CASE-nnn when it is empty or looks like an identity."""
    code = pseudonyms.clean_code(name)
    if code and not pseudonyms.looks_like_identity(code):
        return code
    number = 1
    while f"CASE-{number:03d}".casefold() in existing:
        number += 1
    if code:
        context.report.add(
            CHANGED,
            _("A case"),
            _("its name looks like a person's name or contact and was not kept: it is participant CASE-%(number)03d")
            % {"number": number},
        )
    return f"CASE-{number:03d}"


def _merge_attributes(context, participant, found):
    missing = {key: value for key, value in found.items() if key not in participant.attributes}
    if missing:
        participant.attributes = {**participant.attributes, **missing}
        participant.save(update_fields=["attributes"])
    context.report.add(
        MERGED,
        _("Participant %(code)s") % {"code": participant.code},
        _("the study already has this participant; attributes it lacked were added"),
    )


def _case_notes(context, tally):
    lines = (
        ("kind", NOTE, _("%(count)s participants had no kind and became residents: correct them on their pages")),
        ("description", DROPPED, _("%(count)s case descriptions were not imported: they may identify someone")),
        ("refs", DROPPED, _("%(count)s codes or selections attached to cases were not imported")),
        ("values", DROPPED, _("%(count)s case values were empty, of the wrong type, or contact details")),
    )
    for name, category, sentence in lines:
        if tally[name]:
            context.report.add(category, _("Cases"), sentence % {"count": tally[name]})
