import datetime
import decimal

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from sites.models import (
    AttributeDefinition,
    Consent,
    HousingEstate,
    Membership,
    Organization,
    Participant,
    ParticipantIdentity,
    Site,
)


class StudyBoundForm(forms.ModelForm):
    """A ModelForm whose choices are limited to one study and to the sites the user may reach."""

    def __init__(self, *args, study, sites, **kwargs):
        super().__init__(*args, **kwargs)
        self.study = study
        if "site" in self.fields:
            self.fields["site"].queryset = sites
        if "organization" in self.fields:
            self.fields["organization"].queryset = Organization.objects.filter(study=study)
        if "managing_office" in self.fields:
            self.fields["managing_office"].queryset = Organization.objects.filter(study=study)
        if "housing_estate" in self.fields:
            self.fields["housing_estate"].queryset = HousingEstate.objects.filter(site__in=sites)


class SiteForm(forms.ModelForm):
    class Meta:
        model = Site
        fields = ["code", "name", "city", "description", "intervention_model"]

    def __init__(self, *args, study, **kwargs):
        super().__init__(*args, **kwargs)
        self.study = study

    def clean_code(self):
        code = self.cleaned_data["code"]
        others = Site.objects.filter(study=self.study, code__iexact=code).exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(_("Another site of this study already has this code."))
        return code


class HousingEstateForm(StudyBoundForm):
    class Meta:
        model = HousingEstate
        fields = ["site", "name", "clientele", "units", "managing_office"]


class OrganizationForm(forms.ModelForm):
    class Meta:
        model = Organization
        fields = ["name", "acronym", "kind"]

    def __init__(self, *args, study, **kwargs):
        super().__init__(*args, **kwargs)
        self.study = study

    def clean_name(self):
        name = self.cleaned_data["name"]
        if Organization.objects.filter(study=self.study, name__iexact=name).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("This organisation already exists in the study."))
        return name


class AttributeDefinitionForm(forms.ModelForm):
    class Meta:
        model = AttributeDefinition
        fields = ["key", "label", "kind", "choices", "order"]

    def __init__(self, *args, study, **kwargs):
        super().__init__(*args, **kwargs)
        self.study = study

    def clean_key(self):
        key = self.cleaned_data["key"]
        others = AttributeDefinition.objects.filter(study=self.study, key=key).exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(_("Another attribute already uses this key."))
        return key

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == "choice" and not [c for c in cleaned.get("choices", "").splitlines() if c.strip()]:
            self.add_error("choices", _("A choice attribute needs at least one value."))
        return cleaned


def attribute_field(definition):
    """The form field that reads and validates one study-defined attribute."""
    common = {"label": definition.label, "required": False}
    if definition.kind == "number":
        return forms.DecimalField(**common)
    if definition.kind == "date":
        return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), **common)
    if definition.kind == "choice":
        choices = [("", "—")] + [(c, c) for c in definition.choice_list()]
        return forms.ChoiceField(choices=choices, **common)
    return forms.CharField(max_length=200, **common)


def attribute_json(value):
    """Attributes are stored as JSON: dates as ISO strings, numbers as numbers."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


class ParticipantForm(StudyBoundForm):
    class Meta:
        model = Participant
        fields = ["code", "kind", "site", "organization", "housing_estate", "role_title"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.definitions = list(AttributeDefinition.objects.filter(study=self.study))
        for definition in self.definitions:
            name = f"attr_{definition.key}"
            self.fields[name] = attribute_field(definition)
            self.initial.setdefault(name, self.instance.attributes.get(definition.key))

    def attribute_fields(self):
        return [self[f"attr_{d.key}"] for d in self.definitions]

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        if "/" in code:  # the code is part of the participant's URLs, where "/" cannot go
            raise forms.ValidationError(_("A pseudonym code cannot contain “/”."))
        others = Participant.objects.filter(study=self.study, code__iexact=code).exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(_("Another participant already has this pseudonym code."))
        return code

    def clean(self):
        cleaned = super().clean()
        estate, site = cleaned.get("housing_estate"), cleaned.get("site")
        if estate and site and estate.site_id != site.pk:
            self.add_error("housing_estate", _("This housing estate belongs to another site."))
        return cleaned

    def save(self, commit=True):
        participant = super().save(commit=False)
        participant.study = self.study
        attributes = dict(participant.attributes or {})
        for definition in self.definitions:
            value = self.cleaned_data.get(f"attr_{definition.key}")
            if value in (None, ""):
                attributes.pop(definition.key, None)
            else:
                attributes[definition.key] = attribute_json(value)
        participant.attributes = attributes
        if commit:
            participant.save()
        return participant


class ConsentForm(forms.ModelForm):
    class Meta:
        model = Consent
        fields = ["given_on", "may_be_quoted", "withdrawn_on", "notes"]
        widgets = {
            "given_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "withdrawn_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }

    def clean(self):
        cleaned = super().clean()
        given, withdrawn = cleaned.get("given_on"), cleaned.get("withdrawn_on")
        if given and withdrawn and withdrawn < given:
            self.add_error("withdrawn_on", _("Consent cannot be withdrawn before it was given."))
        if withdrawn and not given:  # without a date the consent is not recorded, and the withdrawal would be lost
            self.add_error("given_on", _("A withdrawn consent needs the date it was given."))
        return cleaned


class ParticipantIdentityForm(forms.ModelForm):
    class Meta:
        model = ParticipantIdentity
        fields = ["full_name", "email", "phone"]


class ParticipantFilterForm(forms.Form):
    site = forms.ModelChoiceField(queryset=Site.objects.none(), required=False, label=_("Site"))
    kind = forms.ChoiceField(choices=[("", _("All kinds"))] + Participant.KIND_CHOICES, required=False, label=_("Kind"))
    organization = forms.ModelChoiceField(queryset=Organization.objects.none(), required=False, label=_("Organisation"))
    q = forms.CharField(required=False, label=_("Code contains"), max_length=40)

    def __init__(self, *args, study, sites, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites
        self.fields["site"].empty_label = _("All sites")
        self.fields["organization"].queryset = Organization.objects.filter(study=study)
        self.fields["organization"].empty_label = _("All organisations")

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data["site"]:
            queryset = queryset.filter(site=data["site"])
        if data["kind"]:
            queryset = queryset.filter(kind=data["kind"])
        if data["organization"]:
            queryset = queryset.filter(organization=data["organization"])
        if data["q"]:
            queryset = queryset.filter(code__icontains=data["q"])
        return queryset


class MembershipForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["role", "sites"]
        widgets = {"sites": forms.CheckboxSelectMultiple}

    def __init__(self, *args, study, **kwargs):
        super().__init__(*args, **kwargs)
        self.study = study
        self.fields["sites"].queryset = Site.objects.filter(study=study)


class InviteForm(MembershipForm):
    email = forms.EmailField(label=_("E-mail"))

    class Meta(MembershipForm.Meta):
        fields = ["email", "role", "sites"]

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        user = get_user_model().objects.filter(email__iexact=email).first()
        if user and Membership.objects.filter(user=user, study=self.study).exists():
            raise forms.ValidationError(_("This person is already a member of the study."))
        return email
