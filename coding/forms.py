from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from coding import services
from coding.models import Adjudication, Code, Memo
from interviews.models import Interview
from sites import permissions


class VersionedForm(forms.ModelForm):
    """A form that carries the version of the row it was drawn from, so a stale edit can be told apart."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        else:
            del self.fields["version"]


class CodeForm(VersionedForm):
    class Meta:
        model = Code
        fields = ["name", "colour", "definition", "inclusion", "exclusion", "example"]
        widgets = {
            "colour": forms.TextInput(attrs={"type": "color"}),
            "definition": forms.Textarea(attrs={"rows": 3}),
            "inclusion": forms.Textarea(attrs={"rows": 3}),
            "exclusion": forms.Textarea(attrs={"rows": 3}),
            "example": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, study, **kwargs):
        super().__init__(*args, **kwargs)
        self.study = study
        if not self.instance.pk:
            self.fields["parent"] = forms.ModelChoiceField(
                label=_("Under"),
                queryset=Code.objects.active().filter(study=study).order_by("name"),
                required=False,
                empty_label=_("— top level —"),
            )
            self.order_fields(["name", "parent"])
            self.fields["colour"].required = False

    def clean_colour(self):
        colour = self.cleaned_data.get("colour")
        if not colour and not self.instance.pk:
            return services.default_colour(self.study)
        return services.clean_colour(colour)

    def clean(self):
        data = super().clean()
        if "parent" in self.fields:
            # The unique-name check of the model then looks among the right siblings.
            self.instance.parent = data.get("parent")
        return data

    def code_fields(self):
        return {name: self.cleaned_data[name] for name in services.CODE_FIELDS}


class CodeMoveForm(forms.Form):
    parent = forms.ModelChoiceField(
        label=_("Move under"), queryset=Code.objects.none(), required=False, empty_label=_("— top level —")
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, code, **kwargs):
        super().__init__(*args, **kwargs)
        # Not under itself nor one of its own sub-codes: the service refuses cycles too.
        excluded = services.descendant_ids(code) | {code.pk}
        self.fields["parent"].queryset = (
            Code.objects.active().filter(study_id=code.study_id).exclude(pk__in=excluded).order_by("name")
        )
        self.fields["parent"].initial = code.parent_id
        self.fields["version"].initial = code.version


class CodeMergeForm(forms.Form):
    into = forms.ModelChoiceField(label=_("Merge into"), queryset=Code.objects.none())
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, code, **kwargs):
        super().__init__(*args, **kwargs)
        excluded = services.descendant_ids(code) | {code.pk}
        self.fields["into"].queryset = (
            Code.objects.active().filter(study_id=code.study_id).exclude(pk__in=excluded).order_by("name")
        )
        self.fields["version"].initial = code.version


class CodebookImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("Columns: path (names joined by “ > ”), colour, definition, inclusion, exclusion, example."),
    )


class MemoForm(VersionedForm):
    class Meta:
        model = Memo
        fields = ["kind", "title", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 12})}


ANCHOR_CHOICES = [
    ("", _("Any")),
    ("code", _("Code")),
    ("excerpt", _("Excerpt")),
    ("interview", _("Interview")),
    ("site", _("Site")),
    ("study", _("The study")),
]


class MemoFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", _("Any"))] + Memo.Kind.choices, required=False)
    anchor = forms.ChoiceField(label=_("About"), choices=ANCHOR_CHOICES, required=False)
    author = forms.ModelChoiceField(label=_("Author"), queryset=None, required=False, empty_label=_("Anyone"))
    site = forms.ModelChoiceField(label=_("Site"), queryset=None, required=False, empty_label=_("Any"))

    def __init__(self, *args, authors, sites, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["author"].queryset = authors
        self.fields["author"].label_from_instance = lambda user: user.get_full_name() or user.email
        self.fields["site"].queryset = sites

    def filter(self, memos):
        if not self.is_valid():
            return memos
        data = self.cleaned_data
        if data["q"]:
            memos = memos.filter(Q(title__icontains=data["q"]) | Q(body__icontains=data["q"]))
        if data["kind"]:
            memos = memos.filter(kind=data["kind"])
        if data["anchor"] == "study":
            memos = memos.filter(code=None, excerpt=None, interview=None, site=None)
        elif data["anchor"]:
            memos = memos.filter(**{f"{data['anchor']}__isnull": False})
        if data["author"]:
            memos = memos.filter(author=data["author"])
        if data["site"]:
            site = data["site"]
            memos = memos.filter(Q(site=site) | Q(interview__site=site) | Q(excerpt__interview__site=site))
        return memos


class ExcerptPlaceForm(forms.Form):
    """A new extent for an excerpt that needs review, in code points of the current text."""

    start = forms.IntegerField(label=_("Start"), min_value=0)
    end = forms.IntegerField(label=_("End"), min_value=1)

    def __init__(self, *args, text, **kwargs):
        super().__init__(*args, **kwargs)
        self.text = text

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start is not None and end is not None and not 0 <= start < end <= len(self.text):
            raise ValidationError(_("Choose a non-empty range inside the current text."))
        return data


class AssignmentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    coders = forms.ModelMultipleChoiceField(
        label=_("Coders"),
        queryset=get_user_model().objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Two or more: each codes the interviews without seeing the others' codings until you close it."),
    )
    interviews = forms.ModelMultipleChoiceField(
        label=_("Interviews"), queryset=Interview.objects.none(), widget=forms.SelectMultiple(attrs={"size": 12})
    )

    def __init__(self, *args, study, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coders"].queryset = (
            get_user_model()
            .objects.filter(memberships__study=study, memberships__role__in=sorted(permissions.CODE), is_active=True)
            .order_by("first_name", "email")
        )
        self.fields["coders"].label_from_instance = lambda user: user.get_full_name() or user.email
        self.fields["interviews"].queryset = (
            Interview.objects.visible_to(user)
            .filter(study=study, current_version__isnull=False)
            .select_related("site")
            .order_by("site__code", "title")
        )
        self.fields["interviews"].label_from_instance = lambda interview: f"{interview.site.code} — {interview.title}"

    def clean_coders(self):
        coders = self.cleaned_data["coders"]
        if len(coders) < 2:
            raise forms.ValidationError(_("Choose at least two coders."))
        return coders


class AdjudicationForm(forms.Form):
    code = forms.IntegerField(widget=forms.HiddenInput)
    start = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    end = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    decision = forms.ChoiceField(label=_("Decision"), choices=Adjudication.Decision.choices[:5])
    redraw_start = forms.IntegerField(label=_("New start"), required=False, min_value=0)
    redraw_end = forms.IntegerField(label=_("New end"), required=False, min_value=1)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == Adjudication.Decision.REDRAW:
            start, end = cleaned.get("redraw_start"), cleaned.get("redraw_end")
            if start is None or end is None or start >= end:
                raise forms.ValidationError(_("To redraw, give a start before the end."))
        return cleaned
