"""Forms of the synthesis sheets: the sheet, its authors, its sections, evidence pickers, the glossary."""

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from reports.models import GlossaryTerm, SheetAuthor, SheetSection, SynthesisSheet
from sites.models import Participant


class SheetCreateForm(forms.ModelForm):
    class Meta:
        model = SynthesisSheet
        fields = ["site", "title", "kind_label", "date"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, sites, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites
        self.fields["site"].empty_label = _("Transversal (all sites)")
        self.fields["site"].required = False


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
