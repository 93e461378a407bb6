"""French full-text search over passages (one per speaker turn or line of a current transcript version).

PostgreSQL: the generated column `search_vector` (to_tsvector('fr_unaccent', text), GIN-indexed) matched
with websearch_to_tsquery, ranked with ts_rank, snippets by ts_headline — French stemming, accents and case
ignored. SQLite: the FTS5 table `interviews_passage_fts` (unicode61, diacritics removed), every word of the
query a prefix, ranked by bm25. Both mark matches with two control characters that canonical text never
holds, so a snippet is escaped first and only then given its <mark> tags.
"""

import json
import re

from django.core.paginator import Paginator
from django.db import connections
from django.db.models import BooleanField, Count, FloatField, Window
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import mark_safe

START_MARK, STOP_MARK = "\x02", "\x03"
# Constant SQL: what the user typed only ever travels as a query parameter.
PG_QUERY = "websearch_to_tsquery('fr_unaccent'::regconfig, %s)"
PG_MATCH = '"interviews_passage"."search_vector" @@ ' + PG_QUERY
PG_RANK = 'ts_rank("interviews_passage"."search_vector", ' + PG_QUERY + ")"
# ts_headline would drop "<...>" as markup: angle brackets travel as two other control characters meanwhile.
ANGLE_MARKS = "\x04\x05"
PG_HEADLINES = (
    "SELECT id, ts_headline('fr_unaccent'::regconfig, translate(text, '<>', %s),"
    " websearch_to_tsquery('fr_unaccent'::regconfig, %s), %s) FROM interviews_passage WHERE id = ANY(%s)"
)
PG_HEADLINE_OPTIONS = f"StartSel={START_MARK}, StopSel={STOP_MARK}, MaxWords=45, MinWords=20"
FTS_MATCH = "SELECT rowid FROM interviews_passage_fts WHERE interviews_passage_fts MATCH %s"
FTS_RANK = (
    "(SELECT -bm25(interviews_passage_fts) FROM interviews_passage_fts"
    " WHERE interviews_passage_fts MATCH %s AND rowid = interviews_passage.id)"
)
FTS_SNIPPETS = (
    "SELECT rowid, snippet(interviews_passage_fts, 0, char(2), char(3), '…', 40) FROM interviews_passage_fts"
    " WHERE interviews_passage_fts MATCH %s AND rowid IN (SELECT value FROM json_each(%s))"
)
WORD = re.compile(r"\w+")


def search_passages(passages, query):
    """`passages` (a Passage queryset) narrowed to those matching `query`, annotated `rank`, best first."""
    vendor = connections[passages.db].vendor
    if vendor == "postgresql":
        passages = passages.filter(RawSQL(PG_MATCH, [query], output_field=BooleanField()))  # noqa: S611
        rank = RawSQL(PG_RANK, [query], output_field=FloatField())  # noqa: S611
    else:
        expression = fts_query(query)
        if not expression:
            return passages.none()
        passages = passages.filter(pk__in=RawSQL(FTS_MATCH, [expression]))  # noqa: S611
        rank = RawSQL(FTS_RANK, [expression], output_field=FloatField())  # noqa: S611
    return passages.annotate(rank=rank).order_by("-rank", "interview_id", "start")


def result_page(passages, query, number, *, per_page=20):
    """One page of ranked results, each passage with its interview, site, speaker and `.snippet` (three queries).

    The ranking query carries only ids and the total (a window count: one scan of the matches, not two),
    so sorting thousands of matches moves narrow rows; the page's passages are then read with what the
    page shows.
    """
    number = int(number) if str(number).isdigit() and int(number) > 0 else 1
    ranked = search_passages(passages, query).annotate(total=Window(Count("pk"))).values_list("pk", "total")
    rows = list(ranked[(number - 1) * per_page : number * per_page])
    if not rows and number > 1:  # past the last page: show the first, as Paginator.get_page would
        number, rows = 1, list(ranked[:per_page])
    page = Paginator(range(rows[0][1] if rows else 0), per_page).get_page(number)
    ids = [pk for pk, _total in rows]
    shown = passages.model.objects.filter(pk__in=ids).select_related("interview__site", "speaker").only(*SHOWN_FIELDS)
    by_id = shown.in_bulk()
    marked = snippets(ids, query, using=passages.db)
    page.object_list = [by_id[pk] for pk in ids]
    for passage in page.object_list:
        passage.snippet = marked.get(passage.pk, "")
    return page


SHOWN_FIELDS = (
    "start",
    "is_interviewer",
    "interview",
    "interview__title",
    "interview__kind",
    "interview__site",
    "interview__site__code",
    "speaker",
    "speaker__code",
)


def snippets(passage_ids, query, *, using="default"):
    """{passage id: safe HTML snippet with <mark>ed matches} for one page of results (one query)."""
    if not passage_ids:
        return {}
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(PG_HEADLINES, [ANGLE_MARKS, query, PG_HEADLINE_OPTIONS, list(passage_ids)])
        else:
            cursor.execute(FTS_SNIPPETS, [fts_query(query), json.dumps(list(passage_ids))])
        return {pk: marked_html(text or "") for pk, text in cursor.fetchall()}


def fts_query(query):
    """An FTS5 expression from what a person typed: every word quoted (no operator injection), as a prefix."""
    return " ".join(f'"{word}"*' for word in WORD.findall(query))


def marked_html(marked):
    """Escape a snippet, then turn the match marks into <mark> elements."""
    html = escape(marked).replace(START_MARK, "<mark>").replace(STOP_MARK, "</mark>")
    html = html.replace(ANGLE_MARKS[0], "&lt;").replace(ANGLE_MARKS[1], "&gt;")
    return mark_safe(html)  # noqa: S308 — escaped above; only our own tags are added
