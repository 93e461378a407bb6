"""Forms of the synthesis sheets (the sheet, its authors, its sections, evidence pickers, the glossary) and of the
thematic reports' definitions."""

from django import forms
from django.contrib.auth import get_user_model
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from coding.models import Code
from interviews.models import Interview
from reports.codetree import CodeTree
from reports.models import GlossaryTerm, ReportDefinition, SheetAuthor, SheetSection, SynthesisSheet
from reports.retrieval import NO_INTERVIEWER
from sites import permissions
from sites.models import Participant, Site


class SheetCreateForm(forms.ModelForm):
    class Meta:
        model = SynthesisSheet
        fields = ["site", "title", "kind_label", "date"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, sites, all_sites=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites
        # A transversal sheet quotes every site: only a member who may read every site writes one.
        self.fields["site"].required = not all_sites
        self.fields["site"].empty_label = _("Transversal (all sites)") if all_sites else None


class SheetForm(forms.ModelForm):
    class Meta:
        model = SynthesisSheet
        fields = ["title", "kind_label", "date", "glossary"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}), "glossary": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["glossary"].queryset = GlossaryTerm.objects.filter(study=self.instance.study)
        self.fields["glossary"].help_text = _("The terms printed in the sheet's lexicon section.")


AuthorFormSet = inlineformset_factory(
    SynthesisSheet,
    SheetAuthor,
    fields=["name", "affiliation", "order"],
    extra=1,
    can_delete=True,
    widgets={"affiliation": forms.Textarea(attrs={"rows": 2})},
)


class SectionForm(forms.ModelForm):
    class Meta:
        model = SheetSection
        fields = ["heading", "kind", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 18, "class": "markdown"})}
        help_texts = {
            "body": _("Markdown. Place evidence with its reference, e.g. [[evidence:3]] alone on a line for a quote.")
        }


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 2}), max_length=4000)


class GlossaryTermForm(forms.ModelForm):
    class Meta:
        model = GlossaryTerm
        fields = ["term", "definition"]
        widgets = {"definition": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, study, **kwargs):
        super().__init__(*args, **kwargs)
        self.study = study

    def clean_term(self):
        term = self.cleaned_data["term"].strip()
        taken = GlossaryTerm.objects.filter(study=self.study, term__iexact=term).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(_("The lexicon already has this term."))
        return term


MEASURE_CHOICES = [
    ("participants", _("Participants interviewed individually")),
    ("group_participants", _("Participants of group interviews")),
    ("observed_sites", _("Sites with observation notes")),
    ("observation_months", _("Months of observation")),
    ("interviews", _("Interviews")),
    ("sites", _("Sites")),
    ("estates", _("Housing estates")),
    ("excerpts", _("Coded excerpts (of the chosen code and its sub-codes, or all)")),
]


class PickerForm(forms.Form):
    """The pickers' filters: which code (and site) the candidate quotes, counts and charts come from."""

    code = forms.TypedChoiceField(label=_("Code"), coerce=int, required=False, empty_value=None)
    site = forms.TypedChoiceField(label=_("Site"), coerce=int, required=False, empty_value=None)

    def __init__(self, data, *, code_choices, sites):
        super().__init__(data)
        self.fields["code"].choices = [("", "—"), *code_choices]
        self.fields["site"].choices = [("", _("All sites")), *((site.pk, site.code) for site in sites)]


class EvidenceForm(PickerForm):
    """What to insert: a quote (an excerpt), a count, a chart or a matrix, with its caption."""

    kind = forms.ChoiceField(choices=[("quote", ""), ("count", ""), ("chart", ""), ("matrix", "")])
    excerpt = forms.IntegerField(required=False)
    measure = forms.ChoiceField(label=_("Count"), choices=MEASURE_CHOICES, required=False)
    participant_kind = forms.ChoiceField(
        label=_("Participant or interview kind"),
        required=False,
        choices=[("", _("All kinds")), *Participant.KIND_CHOICES, ("individual", _("Individual interview")),
                 ("group", _("Group interview")), ("observation", _("Observation notes"))],
    )  # fmt: skip
    caption = forms.CharField(label=_("Caption"), max_length=300, required=False)

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind == "quote" and not data.get("excerpt"):
            raise forms.ValidationError(_("Choose an excerpt to quote."))
        if kind in ("chart", "matrix") and not data.get("code"):
            raise forms.ValidationError(_("Choose the code whose sub-codes are shown."))
        if kind == "count" and not data.get("measure"):
            raise forms.ValidationError(_("Choose what to count."))
        return data


class ReportDefinitionForm(forms.ModelForm):
    """A thematic report's definition. Sites, codes, coders and speakers are offered from what the user may see;
    anything else is refused as an invalid choice, so a member limited to some sites cannot name another."""

    class Meta:
        model = ReportDefinition
        fields = [
            "title",
            "is_all_sites",
            "sites",
            "code",
            "participant_kind",
            "interview_kind",
            "speaker",
            "coder",
            "is_consensus_only",
            "date_from",
            "date_to",
            "has_definitions",
            "has_counts",
            "has_charts",
            "quotes",
            "strongest_per_code",
            "has_memos",
            "has_sources",
        ]
        widgets = {
            "sites": forms.CheckboxSelectMultiple,
            "date_from": forms.DateInput(attrs={"type": "date"}),
            "date_to": forms.DateInput(attrs={"type": "date"}),
            "speaker": forms.TextInput(attrs={"list": "speaker-options", "autocomplete": "off"}),
        }
        help_texts = {
            "is_all_sites": _("Every site of the study, as each reader may see them."),
            "code": _("Empty for the whole codebook; a code for its branch (the code and every code under it)."),
            "speaker": _("Empty for everyone, “no_interviewer”, or a participant's pseudonym."),
            "is_consensus_only": _("Only the codings settled by adjudicating double coding."),
        }

    def __init__(self, *args, study, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.study, self.user = study, user
        self.fields["sites"].queryset = Site.objects.visible_to(user).filter(study=study).order_by("code")
        self.fields["sites"].required = False
        tree = CodeTree(study)
        self.fields["code"].queryset = Code.objects.filter(pk__in=[row.pk for row in tree.rows])
        self.fields["code"].label_from_instance = lambda code: tree.by_pk[code.pk].path
        self.fields["code"].empty_label = _("The whole codebook")
        self.fields["participant_kind"] = forms.ChoiceField(
            label=_("Participant kind"),
            required=False,
            choices=[("", _("All participant kinds")), *Participant.KIND_CHOICES],
        )
        self.fields["interview_kind"] = forms.ChoiceField(
            label=_("Interview kind"), required=False, choices=[("", _("All kinds")), *Interview.Kind.choices]
        )
        coders = get_user_model().objects.filter(
            memberships__study=study, memberships__role__in=sorted(permissions.CODE)
        )
        self.fields["coder"].queryset = coders.order_by("email")
        self.fields["coder"].label_from_instance = lambda user: user.get_full_name() or user.email
        self.fields["coder"].empty_label = _("All coders")
        self.speaker_codes = Participant.objects.visible_to(user).filter(study=study).order_by("code")

    def clean_speaker(self):
        speaker = self.cleaned_data["speaker"].strip()
        if speaker and speaker != NO_INTERVIEWER and not self.speaker_codes.filter(code=speaker).exists():
            raise forms.ValidationError(_("No participant you may see has this pseudonym."))
        return speaker

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("is_all_sites") and permissions.site_ids_for(self.user, self.study) is not None:
            self.add_error("is_all_sites", _("Your membership is limited to some sites: choose them."))
        elif not cleaned.get("is_all_sites") and not cleaned.get("sites") and "sites" not in self.errors:
            self.add_error("sites", _("Choose the sites of the report, or all sites."))
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date comes before the start date."))
        if cleaned.get("is_all_sites"):
            cleaned["sites"] = []
        return cleaned
