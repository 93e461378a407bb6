"""Excerpts and their codings: ranges checked against the server's own text, codes against the study."""

from contextlib import nullcontext

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models.sql import InsertQuery
from django.utils import timezone
from django.utils.translation import gettext as _

from coding import anchoring
from coding.models import Code, Coding, Excerpt, Memo
from sites import permissions


def create_excerpt(interview, *, start, end, code_ids, coder, idempotency_key=""):
    """Code [start, end) of the current version with `code_ids` for `coder`; (excerpt, created).

    The same (coder, idempotency_key) returns the first excerpt (a double submit makes one): the insert is
    tried and the unique constraint answers, rather than a lookup before every insert. A new excerpt carries
    its codings in `excerpt.new_codings` (Coding objects, coder set), so the caller need not read them back.
    On PostgreSQL the excerpt and its codings are one statement that also checks the codes (no query before
    it, no transaction round trips); elsewhere, a code query and two inserts in a transaction.
    """
    version = _current_version(interview)
    start, end = _checked_extent(version.text, start, end)
    wanted = _wanted_ids(code_ids)
    selector = anchoring.text_quote(version.text, start, end)
    excerpt = Excerpt(
        interview=interview,
        version=version,
        start=start,
        end=end,
        quote=selector.quote,
        prefix=selector.prefix,
        suffix=selector.suffix,
        created_by=coder,
        idempotency_key=idempotency_key,
    )
    try:
        if connection.vendor == "postgresql":
            _insert_in_one_statement(excerpt, wanted, study_id=interview.study_id, coder=coder)
        else:
            codes = _active_codes(interview.study_id, wanted)
            with transaction.atomic():
                excerpt.save()
                excerpt.new_codings = Coding.objects.bulk_create(
                    Coding(excerpt=excerpt, code=code, coder=coder) for code in codes
                )
    except IntegrityError:
        # A request with the same key came first (a double submit, or a race): theirs is the excerpt.
        existing = Excerpt.objects.filter(created_by=coder, idempotency_key=idempotency_key).first()
        if idempotency_key and existing is not None:
            return existing, False
        _active_codes(interview.study_id, wanted)  # a code that is not an active one of the study: say which
        raise
    return excerpt, True


# The codings of the excerpt inserted just before, in the same statement. A wanted id that is no active code of
# the study joins no code: its NULL code_id breaks the NOT NULL constraint and the whole statement is refused.
_CODINGS_OF_INSERTED_EXCERPT = """
WITH excerpt AS ({insert} RETURNING "id")
INSERT INTO "coding_coding" ("excerpt_id", "code_id", "coder_id", "created_at")
SELECT excerpt."id", code."id", %s, %s
FROM excerpt CROSS JOIN unnest(%s::bigint[]) AS wanted ("id")
LEFT JOIN "coding_code" code ON code."id" = wanted."id" AND code."study_id" = %s
    AND NOT code."is_archived" AND code."merged_into_id" IS NULL
RETURNING "id", "excerpt_id", "code_id", "created_at"
"""


def _insert_in_one_statement(excerpt, wanted, *, study_id, coder):
    """Insert the excerpt and its codings of the `wanted` code ids in one statement (PostgreSQL); IntegrityError
    when a code is not an active one of the study or the idempotency key was used."""
    query = InsertQuery(Excerpt)
    query.insert_values([field for field in Excerpt._meta.concrete_fields if not field.primary_key], [excerpt])
    [(insert, params)] = query.get_compiler(connection=connection).as_sql()  # fills created_at and updated_at
    sql = _CODINGS_OF_INSERTED_EXCERPT.format(insert=insert)
    # A statement is atomic by itself; inside a caller's transaction, a savepoint keeps that one usable on error.
    with transaction.atomic() if connection.in_atomic_block else nullcontext():
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, coder.pk, excerpt.created_at, sorted(wanted), study_id])
            rows = cursor.fetchall()
    excerpt.pk = rows[0][1]
    excerpt._state.adding, excerpt._state.db = False, connection.alias
    excerpt.new_codings = [
        Coding(pk=pk, excerpt=excerpt, code_id=code_id, coder=coder, created_at=created_at)
        for pk, _excerpt_id, code_id, created_at in sorted(rows, key=lambda row: row[2])
    ]


@transaction.atomic
def create_excerpts(interview, *, ranges, coder):
    """Code many ranges of the current version at once for `coder` (batch loads such as the demo); the new excerpts.

    ranges: (start, end, code_ids, idempotency_key) tuples, each checked as create_excerpt checks it; a key the
    coder already used is skipped. A handful of queries whatever the number of ranges. Unlike create_excerpt, a
    concurrent call with the same keys fails (IntegrityError) instead of returning the other call's excerpts.
    """
    version = _current_version(interview)
    keys = [key for *_, key in ranges if key]
    used = set(
        Excerpt.objects.filter(created_by=coder, idempotency_key__in=keys).values_list("idempotency_key", flat=True)
    )
    wanted = [list(code_ids) for _start, _end, code_ids, _key in ranges]
    if not all(wanted):
        raise ValidationError(_("Choose at least one code."))
    codes = {code.pk: code for code in _active_codes(interview.study_id, [pk for ids in wanted for pk in ids])}
    excerpts, codings = [], []
    for (start, end, _code_ids, key), ids in zip(ranges, wanted, strict=True):
        if key and key in used:
            continue
        used.add(key)
        start, end = _checked_extent(version.text, start, end)
        selector = anchoring.text_quote(version.text, start, end)
        excerpt = Excerpt(
            interview=interview,
            version=version,
            start=start,
            end=end,
            quote=selector.quote,
            prefix=selector.prefix,
            suffix=selector.suffix,
            created_by=coder,
            idempotency_key=key,
        )
        excerpts.append(excerpt)
        codings += [Coding(excerpt=excerpt, code=codes[int(pk)], coder=coder) for pk in dict.fromkeys(ids)]
    Excerpt.objects.bulk_create(excerpts, batch_size=500)
    Coding.objects.bulk_create(codings, batch_size=500)
    return excerpts


@transaction.atomic
def add_codings(excerpt, *, code_ids, coder):
    """Add `coder`'s codings of `code_ids` to the excerpt (existing ones kept); returns the coder's codings for them."""
    codes = _active_codes(excerpt.interview.study_id, code_ids)
    have = set(Coding.objects.filter(excerpt=excerpt, coder=coder).values_list("code_id", flat=True))
    Coding.objects.bulk_create(Coding(excerpt=excerpt, code=code, coder=coder) for code in codes if code.pk not in have)
    touch_excerpts(Excerpt.objects.filter(pk=excerpt.pk))
    return list(Coding.objects.filter(excerpt=excerpt, coder=coder, code__in=codes).select_related("code"))


@transaction.atomic
def remove_coding(coding, *, by):
    """Remove one coding (its coder's, or anyone's for a researcher); True when its excerpt went with it.

    An excerpt left without codings is deleted; its memos move to the interview so no memo is lost.
    """
    excerpt = coding.excerpt
    study_id = excerpt.interview.study_id
    if coding.coder_id != by.pk and not permissions.has_role(by, study_id, permissions.EDIT):
        raise PermissionDenied(_("Only its coder or a researcher may remove this coding."))
    coding.delete()
    if Coding.objects.filter(excerpt=excerpt).exists():
        touch_excerpts(Excerpt.objects.filter(pk=excerpt.pk))
        return False
    Memo.objects.filter(excerpt=excerpt).update(excerpt=None, interview=excerpt.interview_id, updated_at=timezone.now())
    excerpt.delete()
    return True


@transaction.atomic
def change_extent(excerpt, *, start, end, by):
    """Move the excerpt to [start, end) of the current version (also re-places an excerpt that needs review)."""
    interview = excerpt.interview
    if excerpt.created_by_id != by.pk and not permissions.has_role(by, interview.study_id, permissions.EDIT):
        raise PermissionDenied(_("Only the excerpt's author or a researcher may change its extent."))
    version = _current_version(interview)
    start, end = _checked_extent(version.text, start, end)
    selector = anchoring.text_quote(version.text, start, end)
    excerpt.version, excerpt.start, excerpt.end = version, start, end
    excerpt.quote, excerpt.prefix, excerpt.suffix = selector.quote, selector.prefix, selector.suffix
    excerpt.needs_review, excerpt.review_reason, excerpt.original_quote = False, "", ""
    excerpt.save()
    return excerpt


@transaction.atomic
def discard_excerpt(excerpt, *, by):
    """Delete an excerpt that needs review, with its codings; its memos move to the interview."""
    if not permissions.has_role(by, excerpt.interview.study_id, permissions.EDIT):
        raise PermissionDenied(_("Only a researcher may discard an excerpt."))
    Memo.objects.filter(excerpt=excerpt).update(excerpt=None, interview=excerpt.interview_id, updated_at=timezone.now())
    excerpt.delete()


def _current_version(interview):
    """The interview's current version: the one the caller loaded with it (select_related), else one query."""
    if not interview.current_version_id:
        raise ValidationError(_("This interview has no transcript yet."))
    return interview.current_version


def _checked_extent(text, start, end):
    try:
        start, end = int(start), int(end)
    except (TypeError, ValueError):
        raise ValidationError(_("The range is not a pair of numbers.")) from None
    if not anchoring.valid_extent(text, start, end):
        raise ValidationError(_("The range %(start)s–%(end)s is outside the text.") % {"start": start, "end": end})
    return start, end


def _wanted_ids(code_ids):
    """The distinct code ids asked for, as ints; ValidationError when one is no number or none is given."""
    try:
        wanted = {int(pk) for pk in code_ids}
    except (TypeError, ValueError):
        raise ValidationError(_("Unknown code.")) from None
    if not wanted:
        raise ValidationError(_("Choose at least one code."))
    if any(not 0 < pk < 2**63 for pk in wanted):  # beyond a bigint: no code has that id
        raise ValidationError(_("Choose active codes of this study."))
    return wanted


def _active_codes(study_id, code_ids):
    """The active codes of the study with these ids; ValidationError if any is missing, archived or elsewhere."""
    wanted = _wanted_ids(code_ids)
    codes = list(Code.objects.active().filter(study_id=study_id, pk__in=wanted))
    if len(codes) != len(wanted):
        raise ValidationError(_("Choose active codes of this study."))
    return codes


def touch_excerpts(excerpts):
    """Bump updated_at so the workspace's pollers see that the excerpt's codings changed."""
    excerpts.update(updated_at=timezone.now())
