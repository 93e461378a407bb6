"""Text sources → interviews (one transcript version each); their selections → excerpts with codings (part of import_).

A study is hundreds of sources and a hundred thousand selections, so rows are written in bulk, a few statements
per table for the whole file. New interviews get the rows interviews.services writes for a first version (the
version, its speaker turns, its search passages, the current-version link); tests/reports/test_refi_sources.py
checks that they stay the same rows.
"""

from dataclasses import dataclass

from django.db import connection
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from psycopg import sql

from coding import anchoring
from coding.models import Coding, Excerpt, Memo
from coding.services import create_memo
from interviews.blocks import split_blocks
from interviews.models import Interview, Passage, SpeakerTurn, TranscriptVersion
from interviews.speakers import detect_turns
from reports.refi import guids, vocabulary
from reports.refi.import_structure import choice_lookup, variable_values
from reports.refi.placing import Place, TextPlacer
from reports.refi.report import DROPPED, MERGED, NOTE, REVIEW

BATCH = 2000
TITLE_EXTENSIONS = (".txt", ".docx", ".doc", ".rtf", ".odt", ".pdf", ".md")


class SourceImport:
    """The sources of one file: context.interviews filled, excerpts and codings written, the report told."""

    def __init__(self, context, sites, decision, case_sites):
        self.context, self.sites, self.decision, self.case_sites = context, sites, decision, case_sites
        study, ns = context.study, context.ns
        pks = Interview.objects.filter(study=study).values_list("pk", flat=True)
        self.recognised = guids.of_rows(ns, "interview", pks)
        excerpt_pks = Excerpt.objects.filter(interview__study=study).values_list("pk", flat=True)
        self.known_excerpts = set(guids.of_rows(ns, "excerpt", excerpt_pks))
        self.kinds = choice_lookup(Interview.Kind.choices)
        self.rows = []  # (excerpt values, [(code, coder, reading.Coding)], note keys, description)
        self.tally = {"known": 0, "missing code": 0, "twice": 0, "whole": 0, "variables": set()}

    def run(self):
        readable = []
        for source in self.context.project.sources:
            problem = self._problem(source)
            if problem:
                self.context.report.add(DROPPED, _("Source “%(name)s”") % {"name": source.name}, problem)
            else:
                readable.append((source, TextPlacer(source.text, self.decision)))
        self._interviews(readable)
        for source, placer in readable:
            interview = self.context.interviews[source.key]
            self.context.anchor(source.note_keys, interview)
            if source.description:
                self._memo(interview, _("Description"), source.description)
            self._selections(source, interview, placer)
        self._store()
        self._tally_lines()

    def _problem(self, source):
        if source.kind != "text":
            return _("%(kind)s sources are not imported; %(count)s selections in it are lost") % {
                "kind": source.kind,
                "count": len(source.selections),
            }
        if source.text is None:
            return source.problem
        return "" if source.text.strip() else _("its text is empty")

    def _interviews(self, readable):
        """context.interviews for every readable source: the recognised ones found, the others created in bulk."""
        recognised = {self.recognised[s.key]: s for s, _placer in readable if s.key in self.recognised}
        for interview in Interview.objects.filter(pk__in=recognised).select_related("site", "current_version"):
            source = recognised[interview.pk]
            self.sites.checked(interview.site)
            self.context.interviews[source.key] = interview
            self.context.report.add(
                MERGED,
                _("Source “%(name)s”") % {"name": source.name},
                _("it came from this study: the interview is kept"),
            )
        new = [(source, placer) for source, placer in readable if source.key not in self.recognised]
        interviews = Interview.objects.bulk_create([self._interview(source) for source, _placer in new])
        note = (_("Imported from %(file)s") % {"file": self.context.report.file_name})[:300]
        versions = TranscriptVersion.objects.bulk_create(
            [
                TranscriptVersion(
                    interview=interview,
                    number=1,
                    text=placer.text,
                    author=self.context.user(source.user_key),
                    note=note,
                )
                for interview, (source, placer) in zip(interviews, new, strict=True)
            ],
            batch_size=200,
        )
        for interview, version, (source, _placer) in zip(interviews, versions, new, strict=True):
            interview.current_version = version
            self.context.interviews[source.key] = interview
        Interview.objects.bulk_update(interviews, ["current_version"], batch_size=BATCH)
        _turns_and_passages(interviews, versions)
        self.context.report.count("interviews", len(interviews))

    def _interview(self, source):
        """An unsaved interview for a source: site, kind and date from its variables (or its cases, or the form)."""
        reserved, others = variable_values(self.context, source.values)
        self.tally["variables"] |= {self.context.project.variables.get(v.variable_key, ("?",))[0] for v in others}
        site_name = reserved.get(vocabulary.SITE) or self.case_sites.get(source.key)
        return Interview(
            study=self.context.study,
            site=self.sites.required(site_name, _("the source “%(name)s”") % {"name": source.name}),
            kind=self.kinds.get(reserved.get(vocabulary.INTERVIEW_KIND, "").casefold(), Interview.Kind.INDIVIDUAL),
            title=_title(source.name),
            date=_date(reserved.get(vocabulary.INTERVIEW_DATE, "")),
            status=Interview.Status.READY,
            created_by=self.context.by,
        )

    def _selections(self, source, interview, placer):
        version = interview.current_version
        if version is None:
            self.context.report.add(
                DROPPED, _("Source “%(name)s”") % {"name": source.name}, _("the study's interview has no transcript")
            )
            return
        same_text = version.text == placer.text
        for selection in source.selections:
            if selection.key in self.known_excerpts:
                self.tally["known"] += 1
                continue
            author = self.context.user(selection.user_key)
            codings = self._codings(selection.codings, author)
            if not codings:
                self.context.anchor(selection.note_keys, interview)
                subject = _("Selection “%(name)s” in “%(source)s”") % {
                    "name": selection.name[:80],
                    "source": source.name,
                }
                self.context.report.add(DROPPED, subject, _("it has no code"))
                continue
            excerpt = _excerpt(interview, version, self._place(source, selection, placer, same_text), author)
            self.rows.append((excerpt, codings, selection.note_keys, selection.description))
        if source.codings:
            author = self.context.user(source.user_key)
            codings = self._codings(source.codings, author)
            if codings:
                self.tally["whole"] += 1
                self.rows.append((_excerpt(interview, version, Place(0, len(version.text)), author), codings, [], ""))

    def _place(self, source, selection, placer, same_text):
        """Where the selection goes; one without a certain place is reported for review."""
        if same_text:
            place = placer.place(selection.start, selection.end, selection.name)
        else:
            place = Place(None, None, _("the transcript changed since the file was exported"), selection.name)
        if not place.placed:
            subject = _("Selection %(start)s–%(end)s in “%(source)s”") % {
                "start": selection.start,
                "end": selection.end,
                "source": source.name,
            }
            self.context.report.add(REVIEW, subject, place.reason)
        return place

    def _codings(self, codings, author):
        found, seen = [], set()
        for coding in codings:
            code = self.context.codes.get(coding.code_key)
            if code is None:
                self.tally["missing code"] += 1
                continue
            coder = self.context.users.get(coding.user_key) or author
            if (code.pk, coder.pk) in seen:
                self.tally["twice"] += 1
                continue
            seen.add((code.pk, coder.pk))
            found.append((code, coder, coding))
        return found

    def _store(self):
        now = timezone.now()
        excerpt_rows = [(*row[0], now, now) for row in self.rows]
        excerpt_ids = insert_rows(Excerpt, EXCERPT_FIELDS + ("created_at", "updated_at"), excerpt_rows)
        coding_rows = []
        for pk, (_values, found, note_keys, description) in zip(excerpt_ids, self.rows, strict=True):
            coding_rows += [(pk, code.pk, coder.pk, now) for code, coder, _coding in found]
            excerpt = ExcerptRef(pk)
            self.context.anchor(note_keys, excerpt)
            for _code, _coder, coding in found:
                self.context.anchor(coding.note_keys, excerpt)
            if description:
                self._memo(Excerpt.objects.get(pk=pk), _("Comment"), description)
        insert_rows(Coding, ("excerpt_id", "code_id", "coder_id", "created_at"), coding_rows)
        review = EXCERPT_FIELDS.index("needs_review")
        self.context.report.count("excerpts", sum(1 for row in self.rows if not row[0][review]))
        self.context.report.count("codings", len(coding_rows))

    def _memo(self, anchor, title, body):
        context = self.context
        create_memo(context.study, author=context.by, kind=Memo.Kind.ANALYTIC, title=title, body=body, anchor=anchor)
        context.report.count("memos")

    def _tally_lines(self):
        report, tally = self.context.report, self.tally
        lines = (
            ("known", MERGED, _("%(count)s selections came from this study and are already in it")),
            ("missing code", DROPPED, _("%(count)s codings name a code the file does not have")),
            ("twice", MERGED, _("%(count)s codings repeat a code on the same selection for the same person")),
            ("whole", NOTE, _("%(count)s sources coded as a whole became excerpts of their whole text")),
        )
        for name, category, sentence in lines:
            if tally[name]:
                report.add(category, _("Selections"), sentence % {"count": tally[name]})
        for name in sorted(tally["variables"]):
            report.add(
                DROPPED, _("Variable “%(name)s”") % {"name": name}, _("interviews have no variables of their own")
            )


def _turns_and_passages(interviews, versions):
    """The speaker turns and search passages of new first versions, as interviews.services writes them.

    A new interview has no participants yet, so no turn is mapped to a speaker.
    """
    turns, passages = [], []
    for interview, version in zip(interviews, versions, strict=True):
        detected = detect_turns(version.text)
        turns += [
            (
                version.pk,
                turn.start,
                turn.end,
                turn.body_start,
                turn.label[:100],
                None,
                False,
                turn.started_at,
                turn.ended_at,
            )
            for turn in detected
        ]
        for block in split_blocks(version.text, detected):
            body = version.text[block.body_start : block.end].strip()
            if body:
                passages.append((version.pk, interview.pk, block.start, block.end, body, None, False))
    turn_fields = ("version_id", "start", "end", "body_start", "label", "speaker_id", "is_interviewer")
    insert_rows(SpeakerTurn, (*turn_fields, "started_at", "ended_at"), turns)
    passage_fields = ("version_id", "interview_id", "start", "end", "text", "speaker_id", "is_interviewer")
    insert_rows(Passage, passage_fields, passages)


EXCERPT_FIELDS = (
    "interview_id",
    "version_id",
    "start",
    "end",
    "quote",
    "prefix",
    "suffix",
    "created_by_id",
    "idempotency_key",
    "needs_review",
    "review_reason",
    "original_quote",
)


def _excerpt(interview, version, place, author):
    """An excerpt's values (EXCERPT_FIELDS) at `place`; one without a certain place waits for review."""
    if place.placed:
        selector = anchoring.text_quote(version.text, place.start, place.end)
        quote = (selector.quote, selector.prefix, selector.suffix)
        return (interview.pk, version.pk, place.start, place.end, *quote, author.pk, "", False, "", "")
    # Its offsets mean nothing until a researcher places it: the smallest valid range, never a guessed one.
    moved = Excerpt.ReviewReason.MOVED.value
    return (interview.pk, version.pk, 0, 1, place.quote, "", "", author.pk, "", True, moved, place.quote)


@dataclass(frozen=True)
class ExcerptRef:
    """An excerpt a note is attached to, by pk (the excerpts are written as rows, not objects)."""

    pk: int


def insert_rows(model, fields, rows):
    """Insert `rows` (tuples of `fields`) into `model`'s table; their new pks, in order.

    PostgreSQL gets COPY with pks taken from the table's sequence first: ten times the speed of bulk_create
    for a study's hundred thousand excerpts and codings. Elsewhere (SQLite), bulk_create.
    """
    if not rows:
        return []
    if connection.vendor != "postgresql":
        objects = model.objects.bulk_create(
            [model(**dict(zip(fields, row, strict=True))) for row in rows], batch_size=BATCH
        )
        return [instance.pk for instance in objects]
    table = model._meta.db_table
    columns = [model._meta.pk.column] + [model._meta.get_field(name).column for name in fields]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)", [table, columns[0], len(rows)]
        )
        pks = [pk for (pk,) in cursor.fetchall()]
        names = sql.SQL(", ").join(map(sql.Identifier, columns))
        statement = sql.SQL("COPY {} ({}) FROM STDIN").format(sql.Identifier(table), names)
        with cursor.cursor.copy(statement) as copy:
            for pk, row in zip(pks, rows, strict=True):
                copy.write_row((pk, *row))
    return pks


def _date(text):
    """The date a variable value gives ("2019-05-01", or a date-time), or None."""
    try:
        return parse_date(text.strip()[:10])
    except ValueError:  # well formed but impossible, such as 2019-02-30
        return None


def _title(name):
    title = " ".join((name or "").split())
    if title.lower().endswith(TITLE_EXTENSIONS):
        title = title.rsplit(".", 1)[0].strip() or title
    return title[:200] or _("Imported source")
