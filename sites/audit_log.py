"""The audit page's question, "who read or changed what between two dates": its filters and its query.

Changes (ChangeRecord) and reads (AccessEvent) come back as one list, newest first, through a SQL UNION,
so a page of it is one query whatever the size of the trail.
"""

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import CharField, F, TextField
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sites.models import AccessEvent, ChangeRecord, Membership

# What each audited table holds, in the page's words.
TABLES = {
    "interviews_interview": _("interview"),
    "interviews_transcriptversion": _("transcript version"),
    "interviews_sourcefile": _("original file"),
    "coding_code": _("code"),
    "coding_excerpt": _("excerpt"),
    "coding_coding": _("coding"),
    "sites_membership": _("membership"),
    "sites_membership_sites": _("membership's sites"),
    "reports_synthesissheet": _("synthesis sheet"),
    "reports_sheetsection": _("sheet section"),
    "reports_sheetversion": _("published sheet version"),
}
OBJECTS = {"interview": _("interview"), "job": _("job"), "export": _("export"), "synthesissheet": _("synthesis sheet")}
ACTIONS = {**dict(ChangeRecord.Action.choices), **dict(AccessEvent.Kind.choices)}
DEFAULT_DAYS = 30


class AuditFilterForm(forms.Form):
    start = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To (included)"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    person = forms.TypedChoiceField(label=_("Person"), required=False, coerce=int, empty_value=None)
    action = forms.ChoiceField(
        label=_("What"),
        required=False,
        choices=[("", _("reads and changes")), ("reads", _("reads and downloads")), ("changes", _("changes"))]
        + list(ACTIONS.items()),
    )

    def __init__(self, *args, study, **kwargs):
        super().__init__(*args, **kwargs)
        members = Membership.objects.filter(study=study).values_list("user_id", "user__email").order_by("user__email")
        self.fields["person"].choices = [("", _("everyone")), *members]

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError(_("The start date is after the end date."))
        return data

    def period(self):
        """(start, end) as aware datetimes in the site's time zone; the end date is included."""
        today = timezone.localdate()
        start = self.cleaned_data.get("start") or today - datetime.timedelta(days=DEFAULT_DAYS)
        end = self.cleaned_data.get("end") or today
        to_time = datetime.datetime.combine
        return (
            timezone.make_aware(to_time(start, datetime.time.min)),
            timezone.make_aware(to_time(end + datetime.timedelta(days=1), datetime.time.min)),
        )


def trail(study, form):
    """The study's changes and reads in the form's period and filters, newest first (a lazy UNION query)."""
    start, end = form.period()
    person, action = form.cleaned_data.get("person"), form.cleaned_data.get("action")
    changes = ChangeRecord.objects.filter(study=study, at__gte=start, at__lt=end)
    reads = AccessEvent.objects.filter(study=study, at__gte=start, at__lt=end)
    if person:
        changes, reads = changes.filter(actor_id=person), reads.filter(user_id=person)
    if action in ChangeRecord.Action.values:
        changes, reads = changes.filter(action=action), reads.none()
    elif action in AccessEvent.Kind.values:
        changes, reads = changes.none(), reads.filter(kind=action)
    elif action == "reads":
        changes = changes.none()
    elif action == "changes":
        reads = reads.none()
    columns = ("at", "person_id", "verb", "what", "object_id", "detail")
    changes = changes.annotate(
        person_id=F("actor_id"),
        verb=F("action"),
        what=F("table_name"),
        object_id=F("row_id"),
        detail=Cast("changed", TextField()),
    ).values_list(*columns)
    reads = reads.annotate(
        person_id=F("user_id"),
        verb=Cast("kind", CharField()),
        what=F("object_type"),
        detail_text=Cast("detail", TextField()),
    ).values_list("at", "person_id", "verb", "what", "object_id", "detail_text")
    return changes.union(reads, all=True).order_by("-at")


def describe(rows):
    """The rows as dicts the page and the CSV show: the person's e-mail, the action and object in words. 1 query."""
    ids = {row[1] for row in rows if row[1] is not None}
    emails = dict(get_user_model().objects.filter(pk__in=ids).values_list("pk", "email")) if ids else {}
    described = []
    for at, person_id, verb, what, object_id, detail in rows:
        described.append(
            {
                "at": at,
                "person": emails.get(person_id, _("(deleted account)") if person_id else _("(system)")),
                "action": ACTIONS.get(verb, verb),
                "what": TABLES.get(what) or OBJECTS.get(what) or what,
                "object_id": object_id,
                "detail": _columns(detail),
            }
        )
    return described


def _columns(detail):
    # A change's detail is the JSON list of the columns it changed: show them as a plain list.
    if detail and detail.startswith("["):
        return ", ".join(part.strip(' "') for part in detail.strip("[]").split(",") if part.strip())
    return detail or ""
