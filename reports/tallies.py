"""Code × site excerpt counts read from the tallies PostgreSQL keeps (coding/migrations/0002_code_set_tallies.py).

`coding_codesettally` holds, per site and set of codes, the number of placed excerpts whose codings carry exactly
that set; "distinct excerpts with a code of sub-tree S" is the sum over the sets that overlap S. One query over a
few thousand rows instead of one over every coding of the study (1.9 s for 500,000 codings before).
Used by reports/matrices.py when nothing narrows the codings; elsewhere (SQLite, a filter) the matrix counts
the codings themselves, with the same result.
"""

import pandas as pd
from django.db import connection

from coding.models import blinded_interview_ids
from sites.models import Site

FILTERS = (
    "site",
    "estate",
    "clientele",
    "interview_kind",
    "participant_kind",
    "coder",
    "consensus",
    "date_from",
    "date_to",
)


def available(form=None, *, user=None):
    """Whether the tallies answer: on PostgreSQL, for all of the user's codings (no filter in `form`), and for
    a user who codes nothing blind (the tallies count every coder's codings; one query to tell)."""
    if connection.vendor != "postgresql":
        return False
    if form is not None and form.is_bound:
        if not form.is_valid():
            return False
        speaker = form.cleaned_data.get("speaker")
        if any(form.cleaned_data.get(name) for name in FILTERS) or speaker not in (None, "", "all"):
            return False
    user = user if user is not None else getattr(form, "user", None)
    return not blinded_interview_ids(user)


def site_excerpt_counts(study, *, user, tree):
    """A DataFrame code (tree order) × site code of distinct placed excerpts, sub-codes included (one query).

    Only the sites the user may read (the same rule as their codings: Site.objects.visible_to).
    """
    index = pd.Index([row.pk for row in tree.rows], name="code")
    if not tree.rows:
        return pd.DataFrame(index=index)
    sites_sql, sites_params = Site.objects.visible_to(user).filter(study=study).values("pk").query.sql_with_params()
    # Which codes' sub-trees each distinct set of codes touches is worked out once per set (a few hundred),
    # not once per tally row (tens of thousands): the sums below then only test booleans.
    marks = ", ".join(f"codes && %s::bigint[] AS m{n}" for n in range(len(tree.rows)))
    sums = ", ".join(f"coalesce(sum(t.n) FILTER (WHERE m.m{n}), 0)" for n in range(len(tree.rows)))
    sql = (
        f"WITH marks AS (SELECT codes, {marks} FROM (SELECT DISTINCT codes FROM coding_codesettally) AS sets) "  # noqa: S608
        f"SELECT s.code, {sums} FROM coding_codesettally t JOIN marks m ON m.codes = t.codes "
        f"JOIN sites_site s ON s.id = t.site_id WHERE t.site_id IN ({sites_sql}) AND t.n > 0 GROUP BY s.code"
    )
    params = [sorted(row.subtree) for row in tree.rows] + list(sites_params)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    frame = pd.DataFrame.from_records(rows, columns=["column", *index]).set_index("column").T
    frame.index = index
    return frame.rename_axis(None, axis=1)


def retrieval_count(form):
    """How many excerpts `form.excerpts()` finds, from the tallies (one query); None when they cannot tell it
    (SQLite, a filter or a combination), and the caller counts the excerpts themselves."""
    if not available(form) or (form.is_bound and form.cleaned_data.get("combine")):
        return None
    code = form.cleaned_data.get("code") if form.is_bound else None
    sites_sql, sites_params = (
        Site.objects.visible_to(form.user).filter(study=form.study).values("pk").query.sql_with_params()
    )
    sql = f"SELECT coalesce(sum(n), 0) FROM coding_codesettally WHERE site_id IN ({sites_sql})"  # noqa: S608
    params = list(sites_params)
    if code:
        sql += " AND codes && %s::bigint[]"
        params.append(sorted(form.tree.ids(code, with_subcodes=form.with_subcodes)))
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return int(cursor.fetchone()[0])
