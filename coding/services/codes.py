"""The codebook: codes created, edited (with a version check), moved, reordered, merged, archived."""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, F, Max, OuterRef
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from coding.models import COLOUR_PATTERN, Code, Coding, Excerpt, Memo
from coding.services.excerpts import touch_excerpts

# Colour-blind-friendly defaults (Tableau 10), handed out in turn to codes created without a colour.
PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
)
CODE_FIELDS = ("name", "colour", "definition", "inclusion", "exclusion", "example")


class StaleEdit(Exception):
    """An edit based on an older version of a code or memo; `current` is the row as it is now."""

    def __init__(self, current):
        super().__init__(_("Someone changed this meanwhile."))
        self.current = current


def create_code(study, *, name, parent=None, colour=None, by, **fields):
    """A new active code, last among its siblings; colour from the palette when none is given."""
    name = _clean_name(name)
    if parent is not None and (parent.study_id != study.pk or parent.is_archived or parent.merged_into_id):
        raise ValidationError(_("Choose an active code of this study as the parent."))
    _check_name_free(study.pk, parent, name)
    colour = colour or default_colour(study)
    unknown = set(fields) - set(CODE_FIELDS)
    if unknown:
        raise TypeError(f"create_code() got unexpected fields {sorted(unknown)}")
    code = Code(study=study, parent=parent, name=name, colour=clean_colour(colour), created_by=by, **fields)
    code.order = _next_order(study.pk, parent)
    try:
        with transaction.atomic():
            code.save()
    except IntegrityError:
        raise ValidationError(_("A code with this name already exists here.")) from None
    return code


def default_colour(study):
    """The next palette colour for a new code of the study (one count query)."""
    return PALETTE[Code.objects.filter(study=study).count() % len(PALETTE)]


def clean_colour(value):
    """A colour as stored: #rrggbb in lower case; ValidationError otherwise."""
    colour = (value or "").strip().lower()
    if not re.fullmatch(COLOUR_PATTERN, colour):
        raise ValidationError(_("Give the colour as #rrggbb, e.g. #4e79a7."))
    return colour


def _clean_name(name):
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError(_("A code needs a name."))
    if len(name) > 200 or " > " in name:
        raise ValidationError(_("A code name has at most 200 characters and no “ > ”."))
    return name


def _check_name_free(study_id, parent, name, *, exclude=None):
    siblings = Code.objects.active().filter(study_id=study_id, parent=parent).annotate(lower=Lower("name"))
    if exclude is not None:
        siblings = siblings.exclude(pk=exclude.pk)
    if siblings.filter(lower=name.lower()).exists():
        raise ValidationError(_("A code named “%(name)s” already exists here.") % {"name": name})


def _next_order(study_id, parent):
    highest = Code.objects.filter(study_id=study_id, parent=parent).aggregate(n=Max("order"))["n"]
    return 0 if highest is None else highest + 1


def _bump(code, version, **changes):
    """Apply `changes` only if the row still has `version` (one UPDATE); StaleEdit with the row as it is otherwise."""
    updated = Code.objects.filter(pk=code.pk, version=version).update(
        version=F("version") + 1, updated_at=timezone.now(), **changes
    )
    code.refresh_from_db()
    if not updated:
        raise StaleEdit(code)
    return code


@transaction.atomic
def update_code(code, *, version, by, **fields):
    """Change a code's name, colour and texts, if nobody changed it since `version`."""
    unknown = set(fields) - set(CODE_FIELDS)
    if unknown:
        raise TypeError(f"update_code() got unexpected fields {sorted(unknown)}")
    if "name" in fields:
        fields["name"] = _clean_name(fields["name"])
        if code.version == version and not code.is_archived:
            _check_name_free(code.study_id, code.parent, fields["name"], exclude=code)
    if "colour" in fields:
        fields["colour"] = clean_colour(fields["colour"])
    try:
        with transaction.atomic():
            return _bump(code, version, **fields)
    except IntegrityError:
        raise ValidationError(_("A code with this name already exists here.")) from None


@transaction.atomic
def move_code(code, *, parent, version, by):
    """Put the code (with its subtree) under `parent` (None: the top level), last; refuses cycles."""
    if parent is not None:
        if parent.study_id != code.study_id or parent.is_archived or parent.merged_into_id:
            raise ValidationError(_("Choose an active code of this study as the parent."))
        if parent.pk == code.pk or parent.pk in descendant_ids(code):
            raise ValidationError(_("A code cannot go under itself or one of its own sub-codes."))
    if code.version == version:
        _check_name_free(code.study_id, parent, code.name, exclude=code)
    return _bump(code, version, parent=parent, order=_next_order(code.study_id, parent))


def descendant_ids(code):
    """The ids of every code under `code` (one query over the study's (id, parent) pairs)."""
    children = {}
    for pk, parent_id in Code.objects.filter(study_id=code.study_id).values_list("pk", "parent_id"):
        children.setdefault(parent_id, []).append(pk)
    found, stack = set(), list(children.get(code.pk, []))
    while stack:
        pk = stack.pop()
        if pk not in found:
            found.add(pk)
            stack.extend(children.get(pk, []))
    return found


@transaction.atomic
def shift_code(code, *, step, by):
    """Move the code one place up (step=-1) or down (+1) among its active siblings; the siblings are renumbered."""
    siblings = list(
        Code.objects.active()
        .select_for_update()
        .filter(study_id=code.study_id, parent_id=code.parent_id)
        .order_by("order", "name", "pk")
    )
    index = next((i for i, sibling in enumerate(siblings) if sibling.pk == code.pk), None)
    target = None if index is None else index + step
    if target is None or not 0 <= target < len(siblings):
        return code
    siblings[index], siblings[target] = siblings[target], siblings[index]
    changed = [sibling for number, sibling in enumerate(siblings) if sibling.order != number]
    for number, sibling in enumerate(siblings):
        sibling.order = number
    now = timezone.now()
    for sibling in changed:
        sibling.version += 1
        sibling.updated_at = now
    Code.objects.bulk_update(changed, ["order", "version", "updated_at"])
    code.refresh_from_db()
    return code


@transaction.atomic
def merge_codes(source, *, into, by, version=None):
    """Merge `source` into `into`: its codings, memos and sub-codes move there; `source` stays as lineage.

    A coding that would repeat one `into` already has (same excerpt and coder) is dropped. Five queries or so.
    """
    if source.pk == into.pk or source.study_id != into.study_id:
        raise ValidationError(_("Choose another code of this study to merge into."))
    if into.is_archived or into.merged_into_id or source.merged_into_id:
        raise ValidationError(_("Both codes must be active."))
    if into.pk in descendant_ids(source):
        raise ValidationError(_("Move “%(name)s” out of the code being merged first.") % {"name": into.name})
    children = list(Code.objects.active().filter(parent=source))
    taken = set(Code.objects.active().filter(parent=into).annotate(lower=Lower("name")).values_list("lower", flat=True))
    clashes = [child.name for child in children if child.name.lower() in taken]
    if clashes:
        raise ValidationError(
            _("“%(target)s” already has sub-codes named %(names)s: rename or merge them first.")
            % {"target": into.name, "names": ", ".join(f"“{name}”" for name in clashes)}
        )
    touched = Excerpt.objects.filter(codings__code=source)
    touch_excerpts(Excerpt.objects.filter(pk__in=list(touched.values_list("pk", flat=True))))
    duplicate = Coding.objects.filter(code=into, excerpt=OuterRef("excerpt"), coder=OuterRef("coder"))
    Coding.objects.filter(code=source).filter(Exists(duplicate)).delete()
    Coding.objects.filter(code=source).update(code=into)
    Memo.objects.filter(code=source).update(code=into, updated_at=timezone.now())
    first = _next_order(into.study_id, into)
    for number, child in enumerate(Code.objects.filter(parent=source).order_by("order", "name")):
        Code.objects.filter(pk=child.pk).update(parent=into, order=first + number, version=F("version") + 1)
    source = _bump(source, source.version if version is None else version, merged_into=into)
    Code.objects.filter(pk=into.pk).update(version=F("version") + 1, updated_at=timezone.now())
    into.refresh_from_db()
    return into


@transaction.atomic
def archive_code(code, *, by, version=None):
    """Archive the code and its sub-codes: they leave the working codebook, their codings stay."""
    subtree = descendant_ids(code)
    Code.objects.filter(pk__in=subtree, is_archived=False).update(
        is_archived=True, version=F("version") + 1, updated_at=timezone.now()
    )
    return _bump(code, code.version if version is None else version, is_archived=True)


@transaction.atomic
def unarchive_code(code, *, by, version=None):
    """Bring an archived code (and its archived sub-codes) back; its parent must be active and the name free."""
    parent = code.parent
    if parent is not None and (parent.is_archived or parent.merged_into_id):
        raise ValidationError(_("Its parent “%(name)s” is archived: bring that back first.") % {"name": parent.name})
    if code.merged_into_id:
        raise ValidationError(_("A merged code cannot come back."))
    _check_name_free(code.study_id, parent, code.name, exclude=code)
    try:
        with transaction.atomic():
            code = _bump(code, code.version if version is None else version, is_archived=False)
            Code.objects.filter(pk__in=descendant_ids(code), is_archived=True, merged_into=None).update(
                is_archived=False, version=F("version") + 1, updated_at=timezone.now()
            )
    except IntegrityError:
        raise ValidationError(_("A sub-code's name is taken by an active code: rename it first.")) from None
    return code


@dataclass
class ImportReport:
    created: list = field(default_factory=list)  # paths, " > "-joined
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)


@transaction.atomic
def import_codebook(study, *, rows, by):
    """Create the codes of `rows` (CodebookRow, parents first) that are missing along their paths; fill in the others.

    An existing code takes the row's colour and non-empty texts. All or nothing: a ValidationError undoes the import.
    """
    existing = {}
    for code in Code.objects.active().filter(study=study):
        existing[(code.parent_id, code.name.lower())] = code
    report = ImportReport()
    for row in rows:
        parent = None
        for depth, name in enumerate(row.path, start=1):
            code = existing.get((parent.pk if parent else None, name.lower()))
            last = depth == len(row.path)
            label = " > ".join(row.path[:depth])
            if code is None:
                fields = {key: value for key, value in row.texts.items() if value} if last else {}
                colour = row.colour if last and row.colour else None
                code = create_code(study, name=name, parent=parent, colour=colour, by=by, **fields)
                existing[(code.parent_id, code.name.lower())] = code
                report.created.append(label)
            elif last:
                changes = {key: value for key, value in row.texts.items() if value and value != getattr(code, key)}
                if row.colour and row.colour != code.colour:
                    changes["colour"] = row.colour
                if changes:
                    update_code(code, version=code.version, by=by, **changes)
                (report.updated if changes else report.unchanged).append(label)
            parent = code
    return report
