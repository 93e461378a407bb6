"""What the coding workspace shows, built with few queries: the transcript's blocks as HTML, and the JSON of its
codings, codebook and coders with a token that changes whenever any of it changes.

Used by coding/views/workspace.py for the page (embedded with json_script) and for the polled endpoint.
"""

import hashlib
from collections import namedtuple
from decimal import Decimal
from html import escape

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, Max, Q, Sum
from django.utils.html import json_script
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from coding.models import Code, Coding
from interviews.blocks import split_blocks

PAGE_DATA_SECONDS = 3600
BLOCKS_SECONDS = 24 * 3600
Turn = namedtuple("Turn", "start end body_start label is_interviewer speaker_id code")


def transcript_html(version):
    """The version's speaker-turn blocks as HTML, text escaped; each body carries its code-point `data-start`.

    Written in Python rather than a template loop (and with the standard library's escape, which quotes
    `"` and `'` too): a 20,000-word transcript has some 500 blocks, and the page must open in under 30 ms.
    One query, for the turns and their speakers' codes; the HTML is kept in the cache under a digest of the
    text, the turns and the language, so a new mapping of speakers or a redacted text makes a new entry.
    """
    rows = list(
        version.turns.order_by("start").values_list(
            "start", "end", "body_start", "label", "is_interviewer", "speaker_id", "speaker__code"
        )
    )
    digest = hashlib.sha256(version.text.encode() + repr(rows).encode()).hexdigest()[:32]
    key = f"coding:blocks:{version.pk}:{get_language()}:{digest}"
    html = cache.get(key)
    if html is None:
        turns = [Turn(*row) for row in rows]
        speakers = {"interviewer": escape(_("Interviewer")), "unmapped": escape(_("unmapped"))}
        blocks = split_blocks(version.text, turns)
        html = "".join(_block_html(version.text, block, block.turn, turns, speakers) for block in blocks)
        cache.set(key, html, BLOCKS_SECONDS)
    # Safe: _block_html escapes every piece of text it writes.
    return mark_safe(html)  # noqa: S308


def _block_html(text, block, index, turns, speakers):
    turn = turns[index] if index is not None else None
    classes, speaker = "turn ws-turn", ""
    if turn is None:
        classes += " turn--text"
    elif turn.is_interviewer:
        classes += " turn--interviewer"
        speaker = f'<p class="turn__speaker">{speakers["interviewer"]}</p>'
    elif turn.speaker_id is not None:
        speaker = f'<p class="turn__speaker">{escape(turn.code)}</p>'
    else:
        badge = f' <span class="badge badge--warn">{speakers["unmapped"]}</span>'
        speaker = f'<p class="turn__speaker">{escape(turn.label)}{badge}</p>'
    body = escape(text[block.body_start : block.end])
    return (
        f'<div class="{classes}">{speaker}<p class="turn__body ws-block" data-start="{block.body_start}" '
        f'data-end="{block.end}">{body}</p></div>\n'
    )


def placed_codings(interview, user, coder=None):
    """The codings painted on the current version for `user`: excerpts that need review stay out, and so do other
    coders' codings while the user codes this interview blind (an open double-coding assignment)."""
    codings = Coding.objects.blind_for(user).filter(
        excerpt__interview=interview, excerpt__version_id=interview.current_version_id, excerpt__needs_review=False
    )
    return codings if coder is None else codings.filter(coder_id=coder)


def change_token(interview, user, coder=None):
    """A token that changes whenever anything the workspace shows changes (two aggregate queries).

    Counts and sums catch additions and removals, the latest `updated_at` and the offset sums catch edits
    of an excerpt, the codes' version sum catches any codebook change (every change adds one to a version).
    workspace_data computes the same token from the rows it reads, without these queries.
    """
    codings = placed_codings(interview, user, coder).aggregate(
        n=Count("pk"),
        ids=Sum("pk"),
        touched=Max("excerpt__updated_at"),
        starts=Sum("excerpt__start"),
        ends=Sum("excerpt__end"),
    )
    codes = Code.objects.filter(study_id=interview.study_id).aggregate(
        n=Count("pk"), versions=Sum("version"), changed=Max("updated_at")
    )
    return _token(interview.current_version_id, coder, codings, codes)


def _token(version_id, coder, codings, codes):
    raw = repr((version_id, coder, _plain(codings), _plain(codes)))
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def _plain(summary):
    """The summary with comparable values: PostgreSQL sums a bigint column as numeric (a Decimal), Python as int."""
    return sorted((name, int(value) if isinstance(value, Decimal) else value) for name, value in summary.items())


def _summary(rows, **columns):
    """What change_token's aggregates give, computed from rows: count, and per name a ("sum" | "max", column)."""
    summary = {"n": len(rows)}
    for name, (function, column) in columns.items():
        values = [row[column] for row in rows]
        summary[name] = (sum if function == "sum" else max)(values) if values else None
    return summary


def workspace_data(interview, user, coder=None):
    """What the page paints: excerpts with their codings, the codebook, the coders and the change token.

    Three queries whatever the number of codings: codings (with their excerpts), codes, coders' names.
    """
    # Sorted here, in text order: cheaper than asking the database to sort the joined rows.
    rows = sorted(
        placed_codings(interview, user, coder).values_list(
            "pk",
            "code_id",
            "coder_id",
            "excerpt_id",
            "excerpt__start",
            "excerpt__end",
            "excerpt__created_by_id",
            "excerpt__updated_at",
        ),
        key=lambda row: (row[4], row[5], row[3], row[1], row[0]),
    )
    codes = list(
        Code.objects.filter(study_id=interview.study_id)
        .order_by("order", "name", "pk")
        .values_list("pk", "name", "colour", "parent_id", "is_archived", "merged_into_id", "version", "updated_at")
    )
    coders = _coders(interview, user, None if coder else {row[2] for row in rows})
    excerpts = {}
    for coding_id, code_id, coder_id, excerpt_id, start, end, author_id, _updated in rows:
        excerpt = excerpts.get(excerpt_id)
        if excerpt is None:
            excerpt = {"id": excerpt_id, "start": start, "end": end, "created_by": author_id, "codes": []}
            excerpts[excerpt_id] = excerpt
        excerpt["codes"].append(
            {"coding_id": coding_id, "code_id": code_id, "coder_id": coder_id, "coder": coders.get(coder_id, "")}
        )
    token = _token(
        interview.current_version_id,
        coder,
        _summary(rows, ids=("sum", 0), touched=("max", 7), starts=("sum", 4), ends=("sum", 5)),
        _summary(codes, versions=("sum", 6), changed=("max", 7)),
    )
    return {
        "token": token,
        "version": interview.current_version_id,
        "me": user.pk,
        "coder": coder,
        "excerpts": list(excerpts.values()),
        "codebook": codebook_entries([code[:5] for code in codes if code[5] is None]),
        "coders": [{"id": pk, "name": name} for pk, name in coders.items()],
    }


def page_data_script(interview, user, coder=None):
    """workspace_data as the page's <script id="ws-data"> element, kept in the cache under the change token.

    While nothing the page shows changes, the page costs the token's two aggregate queries instead of three
    reads of every coding, code and coder and the serialising (half the page's time with 1,000 codings).
    Coders' names are not in the token: a renamed coder shows under the old name until the next change, as the
    polled endpoint's ETag already has it.
    """
    token = change_token(interview, user, coder)
    key = f"coding:workspace:{interview.current_version_id}:{user.pk}:{coder}:{token}"
    script = cache.get(key)
    if script is None:
        data = workspace_data(interview, user, coder)
        script = json_script(data, "ws-data", encoder=CompactEncoder)
        if data["token"] == token:  # nothing changed between the two reads: this is the token's data
            cache.set(key, script, PAGE_DATA_SECONDS)
    return script


class CompactEncoder(DjangoJSONEncoder):
    """JSON without the spaces after "," and ":" (a sixth of the page's data with 1,000 codings)."""

    item_separator, key_separator = ",", ":"


def _coders(interview, user, coder_ids=None):
    """{user id: display name} of the interview's coders (given, or looked up) and the current user (one query)."""
    if coder_ids is None:
        coder_ids = Coding.objects.blind_for(user).filter(excerpt__interview=interview).values("coder_id")
    users = get_user_model().objects.filter(Q(pk__in=coder_ids) | Q(pk=user.pk)).order_by("first_name", "email")
    return {
        pk: f"{first} {last}".strip() or email
        for pk, first, last, email in users.values_list("pk", "first_name", "last_name", "email")
    }


def codebook_entries(codes):
    """(pk, name, colour, parent, archived) rows, in sibling order, as entries in tree order with their paths."""
    children = {}
    for code in codes:
        children.setdefault(code[3], []).append(code)
    entries, stack = [], [(code, ()) for code in reversed(children.get(None, []))]
    while stack:
        (pk, name, colour, parent_id, is_archived), ancestors = stack.pop()
        path = (*ancestors, name)
        entries.append(
            {
                "id": pk,
                "name": name,
                "colour": colour,
                "parent": parent_id,
                "path": " > ".join(path),
                "depth": len(ancestors),
                "active": not is_archived,
            }
        )
        stack.extend((child, path) for child in reversed(children.get(pk, [])))
    return entries


def excerpt_entry(excerpt, user, codings=None):
    """One excerpt as the workspace JSON gives it to `user`: with its `codings` when given (coder set), else one
    query for the codings `user` may see (the blind rule)."""
    if codings is None:
        codings = (
            Coding.objects.blind_for(user).filter(excerpt=excerpt).select_related("coder").order_by("code_id", "pk")
        )
    return {
        "id": excerpt.pk,
        "start": excerpt.start,
        "end": excerpt.end,
        "created_by": excerpt.created_by_id,
        "codes": [
            {
                "coding_id": coding.pk,
                "code_id": coding.code_id,
                "coder_id": coding.coder_id,
                "coder": coding.coder.get_full_name() or coding.coder.email,
            }
            for coding in codings
        ],
    }


def code_entry(code):
    return {"id": code.pk, "name": code.name, "colour": code.colour, "parent": code.parent_id, "active": True}
