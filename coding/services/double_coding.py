"""Double coding: assignments, each coder's pass, closing, and the adjudication of disagreements into consensus."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coding import agreement
from coding.models import Adjudication, Assignment, AssignmentPass, Coding, ConsensusCoder, Excerpt, Memo
from coding.services.excerpts import create_excerpts
from sites import permissions


@transaction.atomic
def create_assignment(study, *, title, interviews, coders, by):
    """An open assignment of `interviews` to `coders` (two or more, each allowed to code every interview's site)."""
    coders = list(dict.fromkeys(coders))
    if len(coders) < 2:
        raise ValidationError(_("Choose at least two coders."))
    for coder in coders:
        for interview in interviews:
            if not permissions.may_reach_site(coder, study, interview.site_id, permissions.CODE):
                raise ValidationError(
                    _("%(coder)s may not code %(interview)s.") % {"coder": coder, "interview": interview.title}
                )
    assignment = Assignment.objects.create(study=study, title=title, created_by=by)
    assignment.interviews.set(interviews)
    AssignmentPass.objects.bulk_create(AssignmentPass(assignment=assignment, coder=coder) for coder in coders)
    return assignment


def mark_pass_done(assignment, *, coder):
    """The coder says their pass is finished (again: nothing changes). PermissionDenied for anyone not assigned."""
    updated = AssignmentPass.objects.filter(assignment=assignment, coder=coder, done_at__isnull=True).update(
        done_at=timezone.now()
    )
    if not updated and not AssignmentPass.objects.filter(assignment=assignment, coder=coder).exists():
        raise PermissionDenied(_("You are not a coder of this assignment."))


def close_assignment(assignment, *, by):
    """End blind coding: the coders see each other's codings again; the figures count the assignment."""
    if assignment.closed_at is None:
        assignment.closed_at, assignment.closed_by = timezone.now(), by
        assignment.save(update_fields=["closed_at", "closed_by"])
    return assignment


def consensus_coder(study):
    """The study's consensus identity, made on first use: an inactive account that cannot sign in (two queries)."""
    found = ConsensusCoder.objects.filter(study=study).select_related("user").first()
    if found is not None:
        return found.user
    user = get_user_model().objects.create(
        username=f"consensus+{study.slug}", first_name="Consensus", last_name=f"({study.slug})", is_active=False
    )
    user.set_unusable_password()
    user.save(update_fields=["password"])
    ConsensusCoder.objects.create(study=study, user=user)
    return user


def settled_ranges(region, decision, *, redraw=None, text_length=0):
    """The consensus ranges a decision gives for a region (coding/agreement.regions); ValidationError if invalid."""
    if decision == Adjudication.Decision.FIRST:
        return list(region["first"])
    if decision == Adjudication.Decision.SECOND:
        return list(region["second"])
    if decision == Adjudication.Decision.UNION or decision == Adjudication.Decision.AGREED:
        return [(region["start"], region["end"])]
    if decision == Adjudication.Decision.INTERSECTION:
        return list(region["both"])
    if decision == Adjudication.Decision.REDRAW:
        if redraw is None or not 0 <= redraw[0] < redraw[1] <= text_length:
            raise ValidationError(_("Give a new extent inside the text."))
        return [tuple(redraw)]
    raise ValidationError(_("Unknown decision."))


@transaction.atomic
def adjudicate(interview, *, code, region, decision, first, second, by, redraw=None):
    """Settle one region of `code`: the consensus codings of that code over it become the decision's ranges.

    Consensus codings of the code overlapping the region (or the redrawn extent) are replaced; the decision is
    recorded with who took it and when. A handful of queries.
    """
    version = interview.current_version
    ranges = settled_ranges(region, decision, redraw=redraw, text_length=len(version.text))
    consensus = consensus_coder(interview.study)
    low = min([region["start"], *(start for start, _end in ranges)])
    high = max([region["end"], *(end for _start, end in ranges)])
    _clear_consensus(interview, code=code, coder=consensus, start=low, end=high)
    create_excerpts(interview, ranges=[(start, end, [code.pk], "") for start, end in ranges], coder=consensus)
    adjudication, _created = Adjudication.objects.update_or_create(
        version=version,
        code=code,
        start=region["start"],
        end=region["end"],
        defaults={
            "interview": interview,
            "first_coder": first,
            "second_coder": second,
            "decision": decision,
            "ranges": [list(pair) for pair in ranges],
            "decided_by": by,
            "decided_at": timezone.now(),
        },
    )
    return adjudication


@transaction.atomic
def accept_agreements(interview, *, regions_by_code, codes, first, second, by):
    """Write every region where the two coders agree into consensus (one decision each); the number written."""
    written = 0
    for code_id, code_regions in regions_by_code.items():
        for region in code_regions:
            if region["agreed"]:
                adjudicate(
                    interview,
                    code=codes[code_id],
                    region=region,
                    decision=Adjudication.Decision.AGREED,
                    first=first,
                    second=second,
                    by=by,
                )
                written += 1
    return written


def _clear_consensus(interview, *, code, coder, start, end):
    """Remove the consensus coder's codings of `code` overlapping [start, end); excerpts left bare go too."""
    excerpts = Excerpt.objects.filter(
        interview=interview, version_id=interview.current_version_id, start__lt=end, end__gt=start
    )
    Coding.objects.filter(excerpt__in=excerpts, code=code, coder=coder).delete()
    bare = excerpts.filter(created_by=coder, codings__isnull=True)
    Memo.objects.filter(excerpt__in=bare).update(excerpt=None, interview=interview, updated_at=timezone.now())
    bare.delete()


def interview_regions(interview, *, first, second):
    """{code id: regions} of two coders' placed codings on the interview's current version (one query)."""
    rows = Coding.objects.filter(
        excerpt__interview=interview,
        excerpt__version_id=interview.current_version_id,
        excerpt__needs_review=False,
        coder_id__in=[first.pk, second.pk],
    ).values_list("code_id", "coder_id", "excerpt__start", "excerpt__end")
    ranges = {}
    for code_id, coder_id, start, end in rows.order_by():
        ranges.setdefault(code_id, {}).setdefault(coder_id, []).append((start, end))
    length = len(interview.current_version.text)
    return {
        code_id: agreement.regions(length, by_coder.get(first.pk, []), by_coder.get(second.pk, []))
        for code_id, by_coder in ranges.items()
    }
