"""The demo study's analysis: its codebook, the coding of every theme span of the demo transcripts, a few memos.

load_demo calls these after interviews/demo.py. Everything goes through coding.services and is keyed so that a
second run creates nothing: codes on their name under their parent, excerpts on an idempotency key made of the
interview, the span and (through the unique constraint) the coder, memos on their title.

The first coder codes every interview ready to be read (coded or validated); each other coder codes the
interviews of the sites their membership allows, independently, agreeing most of the time but not always
(deterministic variations: an extent cut at a sentence, a sibling code, a span left out), so that inter-coder
agreement comes out high but not perfect.
"""

import hashlib
import re
import zlib

from django.db import transaction

from coding import services
from coding.demo_codebook import CODEBOOK, THEME_CODES, siblings
from coding.demo_memos import MEMOS
from coding.models import Assignment, Code, Excerpt, Memo
from interviews import demo as interviews_demo
from interviews.models import Interview
from sites.models import Membership, Site

CODED = (Interview.Status.CODED, Interview.Status.VALIDATED)
KEY_PREFIX = "demo-"
SKIPPED, SIBLING, SHIFTED = 6, 11, 23  # per cent of a second coder's spans (cumulative thresholds)


@transaction.atomic
def load_codebook(study, *, by):
    """Create the demo codebook's missing codes; returns {path: code} for all of them (~5 queries per new code)."""
    codes = _codes_by_path(study)
    for root in CODEBOOK:
        for path, demo_code, parent in [((root.name,), root, None)] + [
            ((root.name, child.name), child, (root.name,)) for child in root.children
        ]:
            if path not in codes:
                codes[path] = services.create_code(
                    study,
                    name=demo_code.name,
                    parent=codes[parent] if parent else None,
                    colour=demo_code.colour,
                    by=by,
                    definition=demo_code.definition,
                    inclusion=demo_code.inclusion,
                    exclusion=demo_code.exclusion,
                    example=demo_code.example,
                )
    return codes


def _codes_by_path(study):
    """The study's active codes by (root,) or (root, child) name path (one query)."""
    codes = list(Code.objects.active().filter(study=study).select_related("parent"))
    by_path = {}
    for code in codes:
        path = (code.parent.name, code.name) if code.parent else (code.name,)
        by_path.setdefault(path, code)
    return by_path


@transaction.atomic
def load_codings(study, *, coders, sources=None):
    """Code the theme spans of the demo interviews; returns how many excerpts it created.

    coders: the reference coder first, then the others. sources: (interview, DemoText) pairs as load_interviews
    returns them (the demo interviews already loaded when omitted). A few queries per interview and coder with
    something left to code, none for the rest.
    """
    sources = interviews_demo.loaded_sources(study) if sources is None else sources
    codes = _codes_by_path(study)
    done = set(
        Excerpt.objects.filter(interview__study=study, created_by__in=coders, idempotency_key__startswith=KEY_PREFIX)
        .values_list("created_by_id", "idempotency_key")
        .order_by()
    )
    created = 0
    for rank, coder in enumerate(coders):
        site_ids = _site_ids(study, coder)
        for interview, text in sources:
            if not _codable(interview, text, site_ids):
                continue
            ranges, present = [], {THEME_CODES[theme] for *_span, theme in text.themes if theme in THEME_CODES}
            for start, end, theme in text.themes:
                key = coding_key(interview, start, end)
                reading = (
                    _first_reading(start, end, theme)
                    if rank == 0
                    else _second_reading(text.text, start, end, theme, key, present)
                )
                if (coder.pk, key) not in done and reading is not None and reading[2] in codes:
                    ranges.append((reading[0], reading[1], [codes[reading[2]].pk], key))
            if ranges:
                created += len(services.create_excerpts(interview, ranges=ranges, coder=coder))
    return created


def _first_reading(start, end, theme):
    return (start, end, THEME_CODES[theme]) if theme in THEME_CODES else None


def coding_key(interview, start, end):
    """The idempotency key of the demo coding of a span (the constraint adds the coder)."""
    digest = hashlib.sha256(f"{interview.study_id}|{interview.title}|{start}|{end}".encode()).hexdigest()
    return KEY_PREFIX + digest[:40]


def _site_ids(study, coder):
    """The sites the coder's membership covers; None for all of them."""
    membership = Membership.objects.filter(study=study, user=coder).first()
    ids = set(membership.sites.values_list("pk", flat=True)) if membership else set()
    return ids or None


def _codable(interview, text, site_ids):
    """Coded or validated, in the coder's sites, and still the text whose spans the demo knows."""
    version = interview.current_version
    return (
        interview.status in CODED
        and (site_ids is None or interview.site_id in site_ids)
        and version is not None
        and version.text == text.text
    )


def _second_reading(text, start, end, theme, key, present):
    """How an independent coder codes the span: mostly the same, sometimes not (deterministic per span).

    A different code is a sibling that the interview carries elsewhere (present: the codes of its themes), the
    confusion a coder makes, which also keeps a site's silent codes silent.
    """
    roll = zlib.crc32(key.encode()) % 100
    path = THEME_CODES.get(theme)
    if path is None or roll < SKIPPED:
        return None
    if roll < SIBLING:
        others = [other for other in siblings(path) if other in present]
        return (start, end, others[roll % len(others)]) if others else (start, end, path)
    if roll < SHIFTED:
        return (*_cut_at_a_sentence(text, start, end, first=roll % 2 == 0), path)
    return (start, end, path)


def _cut_at_a_sentence(text, start, end, *, first):
    """The span without its first sentence (or its last one); unchanged when it has a single sentence."""
    breaks = [start + match.end() for match in re.finditer(r"[.!?…»\]] +(?=\S)", text[start:end])]
    if not breaks:
        return start, end
    if first:
        return breaks[0], end
    last = breaks[-1]
    return start, len(text[:last].rstrip())


ASSIGNMENT_TITLE = "Double codage des entretiens de MTL1"


@transaction.atomic
def load_assignment(study, *, coders, by):
    """The closed double-coding assignment of the interviews every coder coded, so that the agreement page has
    figures; made once (keyed on its title), None when no interview qualifies. A few queries."""
    existing = Assignment.objects.filter(study=study, title=ASSIGNMENT_TITLE).first()
    if existing is not None:
        return existing
    interviews = Interview.objects.filter(study=study, current_version__isnull=False)
    for coder in coders:
        interviews = interviews.filter(pk__in=Excerpt.objects.filter(created_by=coder).values("interview_id"))
    interviews = list(interviews.order_by("pk"))
    if not interviews:
        return None
    assignment = services.create_assignment(study, title=ASSIGNMENT_TITLE, interviews=interviews, coders=coders, by=by)
    for coder in coders:
        services.mark_pass_done(assignment, coder=coder)
    return services.close_assignment(assignment, by=by)


@transaction.atomic
def load_memos(study, *, researcher, coder):
    """The demo's memos not written yet (keyed on their title); returns how many it created (~3 queries each)."""
    existing = set(Memo.objects.filter(study=study).values_list("title", flat=True))
    codes = _codes_by_path(study)
    created = 0
    for memo in MEMOS:
        anchor = _anchor(study, memo.anchor, codes)
        if memo.title in existing or anchor is False:
            continue
        author = coder if memo.by_coder else researcher
        services.create_memo(study, author=author, kind=memo.kind, title=memo.title, body=memo.body, anchor=anchor)
        created += 1
    return created


def _anchor(study, anchor, codes):
    """The object a memo is about: None for the study, False when it is missing (then the memo waits)."""
    kind, _, name = anchor.partition(":")
    if kind == "study":
        return None
    if kind == "code":
        return codes.get(tuple(name.split(" > ")), False)
    if kind == "site":
        return Site.objects.filter(study=study, code=name).first() or False
    return Interview.objects.filter(study=study, title=name).first() or False
