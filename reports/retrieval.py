"""Retrieval: which codings and excerpts an analysis looks at, from the GET parameters of the retrieval page.

Rules every report shares (the matrices, the exports and this page build on `RetrievalForm`):
- Only what the user may read (`Coding.objects.visible_to`), in the study, and never an excerpt that needs
  review: its place in the current text is uncertain until someone re-places it.
- The speaker of an excerpt is the participant of the speaker turn containing the excerpt's start
  (turn.start <= excerpt.start < turn.end) in the excerpt's version. In the interviewer's turn there is no
  participant. When no turn contains the start, or that turn's label is mapped to no one, an interview with
  exactly one participant gives that participant; otherwise the speaker is unknown. The participant kind,
  housing estate and clientele of an excerpt are its speaker's.
- Combinations (A = the chosen code, B = the other code; both with their sub-codes when asked):
  "and_overlap" keeps A's codings whose excerpt overlaps text coded B (the same excerpt counts);
  "and_interview" keeps A's codings in interviews where B was coded; "not" keeps A's codings whose excerpt
  overlaps no text coded B. B's codings are placed ones, by the chosen coder when one is chosen.
Everything is filtered in SQL (Exists/OuterRef subqueries); nothing loops over rows in Python.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    IntegerField,
    Max,
    OuterRef,
    Q,
    Subquery,
    When,
)
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from coding.models import Coding, ConsensusCoder, Excerpt
from interviews.models import Interview, InterviewParticipant, SpeakerTurn
from reports.codetree import CodeTree
from reports.widgets import QuickSelect, datalist_options
from sites import permissions
from sites.models import HousingEstate, Participant, Site

ALL_SPEAKERS = "all"
NO_INTERVIEWER = "no_interviewer"
COMBINATIONS = [
    ("", _("No combination")),
    ("and_overlap", _("and the other code on overlapping text")),
    ("and_interview", _("and the other code in the same interview")),
    ("not", _("but not the other code on overlapping text")),
]
# The speaker's fields the reports read, and their type once pulled up through a subquery.
SPEAKER_FIELDS = {
    "id": IntegerField(),
    "code": CharField(),
    "kind": CharField(),
    "housing_estate_id": IntegerField(),
    "housing_estate__clientele": CharField(),
}


def placed_codings(study, user, *, consensus=False):
    """The codings the user may read in the study, on excerpts that do not need review (no query yet); with
    `consensus`, only the consensus coder's (adjudicated double coding)."""
    codings = Coding.objects.visible_to(user).filter(excerpt__interview__study=study, excerpt__needs_review=False)
    return codings.consensus() if consensus else codings


def _turn_at(prefix):
    """The speaker turns of the excerpt's version that contain its start (at most one)."""
    return SpeakerTurn.objects.filter(
        version_id=OuterRef(f"{prefix}version_id"),
        start__lte=OuterRef(f"{prefix}start"),
        end__gt=OuterRef(f"{prefix}start"),
    )


def speaker_expression(field, prefix=""):
    """SQL for the `field` of an excerpt's speaker (see the module docstring); `prefix` leads to the excerpt."""
    output = SPEAKER_FIELDS[field]
    turn = _turn_at(prefix).order_by("-start")
    by_turn = Subquery(turn.values(f"speaker__{field}")[:1], output_field=output)
    sole = (
        InterviewParticipant.objects.filter(interview_id=OuterRef(f"{prefix}interview_id"))
        .values("interview_id")
        .annotate(participants=Count("pk"), value=Max(f"participant__{field}"))
        .filter(participants=1)
        .values("value")
    )
    mapped_turn = Exists(turn.filter(Q(speaker__isnull=False) | Q(is_interviewer=True)))
    return Case(When(mapped_turn, then=by_turn), default=Subquery(sole, output_field=output), output_field=output)


def with_speaker(queryset, prefix=""):
    """Annotate excerpts (prefix "") or codings (prefix "excerpt__") with their speaker: id, code, kind, interviewer."""
    return queryset.annotate(
        speaker_id=speaker_expression("id", prefix),
        speaker_code=speaker_expression("code", prefix),
        speaker_kind=speaker_expression("kind", prefix),
        is_interviewer_speech=Exists(_turn_at(prefix).filter(is_interviewer=True)),
    )


class RetrievalForm(forms.Form):
    code = forms.TypedChoiceField(label=_("Code"), coerce=int, required=False, empty_value=None, widget=QuickSelect)
    include_subcodes = forms.BooleanField(label=_("with its sub-codes"), required=False, initial=True)
    site = forms.TypedChoiceField(label=_("Site"), coerce=int, required=False, empty_value=None, widget=QuickSelect)
    estate = forms.TypedChoiceField(
        label=_("Housing estate"), coerce=int, required=False, empty_value=None, widget=QuickSelect
    )
    clientele = forms.ChoiceField(
        label=_("Clientele"), required=False, choices=[("", _("All clienteles")), *HousingEstate.CLIENTELE_CHOICES]
    )
    interview_kind = forms.ChoiceField(
        label=_("Interview kind"), required=False, choices=[("", _("All kinds")), *Interview.Kind.choices]
    )
    participant_kind = forms.ChoiceField(
        label=_("Participant kind"),
        required=False,
        choices=[("", _("All participant kinds")), *Participant.KIND_CHOICES],
    )
    speaker = forms.CharField(
        label=_("Speaker"),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"list": "speaker-options", "autocomplete": "off"}),
        help_text=_("Empty for everyone, “no_interviewer”, or a participant's pseudonym."),
    )
    coder = forms.TypedChoiceField(label=_("Coder"), coerce=int, required=False, empty_value=None, widget=QuickSelect)
    consensus = forms.BooleanField(
        label=_("Consensus codings only"),
        required=False,
        help_text=_("Only the codings settled by adjudicating double coding."),
    )
    date_from = forms.DateField(
        label=_("Interviews from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(label=_("to"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    combine = forms.ChoiceField(label=_("Combined with"), required=False, choices=COMBINATIONS)
    other_code = forms.TypedChoiceField(
        label=_("Other code"), coerce=int, required=False, empty_value=None, widget=QuickSelect
    )

    def __init__(self, data, *, study, user):
        """Four queries for the choices: codes, sites, housing estates, coders (and the participants' codes when
        the page lists them)."""
        super().__init__(data)
        self.study, self.user = study, user
        self.tree = CodeTree(study)
        no_code = [("", _("All codes"))]
        self.fields["code"].choices = no_code + self.tree.choices()
        self.fields["other_code"].choices = [("", "—")] + self.tree.choices()
        self.sites = list(Site.objects.visible_to(user).filter(study=study).order_by("code"))
        self.fields["site"].choices = [("", _("All sites"))] + [(s.pk, f"{s.code} — {s.name}") for s in self.sites]
        estates = HousingEstate.objects.visible_to(user).filter(site__study=study).select_related("site")
        self.fields["estate"].choices = [("", _("All housing estates"))] + [
            (e.pk, f"{e.name} ({e.site.code})") for e in estates
        ]
        # Read by the page's <datalist> only: a <select> of every participant costs too much to render at scale.
        self.speaker_codes = (
            Participant.objects.visible_to(user).filter(study=study).order_by("code").values_list("code", flat=True)
        )
        coders = (
            get_user_model()
            .objects.filter(memberships__study=study, memberships__role__in=sorted(permissions.CODE))
            .order_by("email")
        )
        self.fields["coder"].choices = [("", _("All coders"))] + [(u.pk, u.get_full_name() or u.email) for u in coders]

    def speaker_options(self):
        """The <option>s of the speaker box's <datalist>: every participant's pseudonym (one query)."""
        return datalist_options(self.speaker_codes)

    def clean_speaker(self):
        speaker = self.cleaned_data["speaker"].strip() or ALL_SPEAKERS
        if speaker not in (ALL_SPEAKERS, NO_INTERVIEWER) and not self.speaker_codes.filter(code=speaker).exists():
            raise forms.ValidationError(_("No participant you may see has this pseudonym."))
        return speaker

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("combine"):
            if not cleaned.get("code"):
                self.add_error("code", _("Choose the code to combine."))
            if not cleaned.get("other_code"):
                self.add_error("other_code", _("Choose the other code."))
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date comes before the start date."))
        return cleaned

    def _value(self, name):
        """A cleaned value, or nothing for an unbound form (which means: no filter)."""
        return self.cleaned_data.get(name) if self.is_bound else None

    @property
    def with_subcodes(self):
        return self._value("include_subcodes") if self.is_bound else True

    def interview_q(self, prefix=""):
        """The filters that bear on interviews (site, kind, dates), as a Q from the model `prefix` leads from."""
        q = Q()
        for name, lookup in (
            ("site", "site_id"),
            ("interview_kind", "kind"),
            ("date_from", "date__gte"),
            ("date_to", "date__lte"),
        ):
            if self._value(name):
                q &= Q(**{prefix + lookup: self._value(name)})
        return q

    def context_codings(self):
        """The codings under every filter but the code and the combination: what a matrix counts."""
        if self.is_bound and not self.is_valid():
            return Coding.objects.none()
        codings = self._narrowed(placed_codings(self.study, self.user), "excerpt__", combined=False)
        return codings.filter(self._coding_q(with_code=False))

    def codings(self):
        """The codings the page lists and the exports write: every filter, the code and the combination."""
        if self.is_bound and not self.is_valid():
            return Coding.objects.none()
        codings = self._narrowed(placed_codings(self.study, self.user), "excerpt__", combined=True)
        return codings.filter(self._coding_q(with_code=True)).order_by(
            "excerpt__interview__site__code",
            "excerpt__interview__date",
            "excerpt__interview_id",
            "excerpt__start",
            "pk",
        )

    def excerpts(self):
        """The excerpts that carry one of `codings()`, each once: by site, interview date, interview, text order.

        Sites come by id, not code: ordering by a column of the site table makes PostgreSQL sort every match
        before it can return the first page (215 ms instead of 31 ms for 500,000 codings).
        """
        if self.is_bound and not self.is_valid():
            return Excerpt.objects.none()
        excerpts = Excerpt.objects.visible_to(self.user).filter(interview__study=self.study, needs_review=False)
        # The coding-level filters in an EXISTS, the excerpt-level ones on the excerpt itself: one pass over
        # the excerpts, no second join to them from the codings.
        own = Coding.objects.blind_for(self.user).filter(self._coding_q(with_code=True), excerpt_id=OuterRef("pk"))
        return (
            self._narrowed(excerpts, "", combined=True)
            .filter(Exists(own))
            .order_by("interview__site_id", "interview__date", "interview_id", "start", "pk")
        )

    def _coding_q(self, *, with_code):
        """The filters on a coding itself: its code (with its sub-codes when asked) and its coder."""
        q = Q()
        if with_code and self._value("code"):
            q &= Q(code_id__in=sorted(self.tree.ids(self._value("code"), with_subcodes=self.with_subcodes)))
        if self._value("coder"):
            q &= Q(coder_id=self._value("coder"))
        if self._value("consensus"):
            q &= Q(coder_id__in=ConsensusCoder.objects.filter(study=self.study).values("user_id"))
        return q

    def _narrowed(self, queryset, prefix, *, combined):
        """`queryset` (excerpts, or codings with prefix "excerpt__") under the filters on the excerpt."""
        queryset = queryset.filter(self.interview_q(f"{prefix}interview__"))
        speaker = self._value("speaker") or ALL_SPEAKERS
        if speaker == NO_INTERVIEWER:
            queryset = queryset.exclude(Exists(_turn_at(prefix).filter(is_interviewer=True)))
        elif speaker != ALL_SPEAKERS:
            queryset = queryset.alias(_speaker_code=speaker_expression("code", prefix)).filter(_speaker_code=speaker)
        for name, field in (
            ("participant_kind", "kind"),
            ("estate", "housing_estate_id"),
            ("clientele", "housing_estate__clientele"),
        ):
            if self._value(name):
                alias = f"_speaker_{name}"
                queryset = queryset.alias(**{alias: speaker_expression(field, prefix)}).filter(
                    **{alias: self._value(name)}
                )
        if combined and self._value("code") and self._value("combine"):
            queryset = self._combined(queryset, prefix, self._value("combine"))
        return queryset

    def _combined(self, queryset, prefix, combine):
        """Keep the excerpts that meet the other code as `combine` says (see the module docstring)."""
        others = Coding.objects.blind_for(self.user).filter(
            code_id__in=sorted(self.tree.ids(self._value("other_code"), with_subcodes=self.with_subcodes)),
            excerpt__needs_review=False,
        )
        if self._value("coder"):
            others = others.filter(coder_id=self._value("coder"))
        if self._value("consensus"):
            others = others.consensus()
        if combine == "and_interview":
            return queryset.filter(Exists(others.filter(excerpt__interview_id=OuterRef(f"{prefix}interview_id"))))
        overlapping = Exists(
            others.filter(
                excerpt__version_id=OuterRef(f"{prefix}version_id"),
                excerpt__start__lt=OuterRef(f"{prefix}end"),
                excerpt__end__gt=OuterRef(f"{prefix}start"),
            )
        )
        return queryset.filter(overlapping) if combine == "and_overlap" else queryset.exclude(overlapping)

    def query_for(self, **changes):
        """This form's GET parameters with `changes` (a value of None removes one), as a query string."""
        query = QueryDict(mutable=True)
        if self.is_bound:
            for name in self.fields:
                value = self.data.get(name)
                if value not in (None, ""):
                    query[name] = value
        for name, value in changes.items():
            query.pop(name, None)
            if value is not None:
                query[name] = value
        return query.urlencode()
