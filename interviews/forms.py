from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from interviews.models import Interview, InterviewParticipant
from sites import permissions
from sites.models import Participant, Site

PARTICIPANT_KIND_CHOICES = [("", _("All participant kinds"))] + Participant.KIND_CHOICES


class InterviewForm(forms.ModelForm):
    class Meta:
        model = Interview
        fields = ["site", "kind", "title", "date", "interviewer", "interviewer_label", "meeting", "committee"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, study, sites, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites
        members = (
            get_user_model()
            .objects.filter(memberships__study=study, memberships__role__in=sorted(permissions.CODE))
            .order_by("email")
        )
        self.fields["interviewer"].queryset = members
        self.fields["interviewer"].label_from_instance = lambda user: user.get_full_name() or user.email


class ParticipantLineForm(forms.Form):
    participant = forms.ModelChoiceField(queryset=Participant.objects.none(), required=False, label=_("Participant"))
    speaker_label = forms.CharField(
        max_length=100, required=False, label=_("Label in the text"), help_text=_("e.g. Marie, R, P2")
    )

    def __init__(self, *args, participants, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participant"].queryset = participants
        # The rows sit in a table whose header names the columns: each input still needs its own name.
        self.fields["participant"].widget.attrs["aria-label"] = _("Participant")
        self.fields["speaker_label"].widget.attrs["aria-label"] = _("Label in the text")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("speaker_label") and not cleaned.get("participant"):
            self.add_error("participant", _("Choose the participant this label stands for."))
        return cleaned


class BaseParticipantLineFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        seen_participants, seen_labels = set(), set()
        for form in self.forms:
            participant = form.cleaned_data.get("participant")
            label = (form.cleaned_data.get("speaker_label") or "").strip()
            if participant is None:
                continue
            if participant.pk in seen_participants:
                raise forms.ValidationError(_("Each participant can be listed once."))
            if label and label.casefold() in seen_labels:
                raise forms.ValidationError(_("Two participants cannot share a label."))
            seen_participants.add(participant.pk)
            seen_labels.add(label.casefold())

    def pairs(self):
        """(participant, label) of the filled rows."""
        return [
            (form.cleaned_data["participant"], (form.cleaned_data.get("speaker_label") or "").strip())
            for form in self.forms
            if form.cleaned_data.get("participant")
        ]


ParticipantLineFormSet = forms.formset_factory(
    ParticipantLineForm, formset=BaseParticipantLineFormSet, extra=3, max_num=60, validate_max=True
)


def check_upload_size(upload):
    if upload.size > settings.UPLOAD_MAX_BYTES:
        raise forms.ValidationError(
            _("This file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(settings.UPLOAD_MAX_BYTES)}
        )
    return upload


class TranscriptUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Transcript file"),
        help_text=_("Plain text, Markdown, Word (.docx), OpenDocument (.odt), PDF, VTT or SRT."),
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def clean_file(self):
        return check_upload_size(self.cleaned_data["file"])


class TranscriptEditForm(forms.Form):
    text = forms.CharField(label=_("Transcript"), widget=forms.Textarea(attrs={"rows": 30}), strip=False)
    note = forms.CharField(label=_("What changed"), max_length=300, required=False)


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Interview.Status.choices)


class SpeakerMappingForm(forms.Form):
    """One choice per label detected in the text: a participant, the interviewer, or nobody."""

    def __init__(self, *args, labels, participants, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("— nobody —")), ("interviewer", _("Interviewer"))]
        choices += [(f"participant:{p.pk}", f"{p.code} · {p.get_kind_display()}") for p in participants]
        self.labels = list(labels)
        for index, (label, count) in enumerate(self.labels):
            self.fields[f"label_{index}"] = forms.ChoiceField(
                label=label,
                choices=choices,
                required=False,
                help_text=_("%(count)s turns") % {"count": count},
            )

    def mapping(self):
        return {label: self.cleaned_data[f"label_{index}"] for index, (label, _count) in enumerate(self.labels)}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file input that accepts several files (Django's documented recipe); cleans to a list."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class BatchImportForm(forms.Form):
    site = forms.ModelChoiceField(queryset=Site.objects.none(), label=_("Site"))
    kind = forms.ChoiceField(label=_("Kind"), choices=Interview.Kind.choices)
    files = MultipleFileField(
        label=_("Files"),
        help_text=_("Several transcript files, or one .zip holding them. Each file becomes one interview."),
    )

    def __init__(self, *args, sites, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites

    def clean_files(self):
        return [check_upload_size(upload) for upload in self.cleaned_data["files"]]


class InterviewFilterForm(forms.Form):
    site = forms.ModelChoiceField(queryset=Site.objects.none(), required=False, label=_("Site"))
    kind = forms.ChoiceField(choices=[("", _("All kinds"))] + Interview.Kind.choices, required=False, label=_("Kind"))
    status = forms.ChoiceField(
        choices=[("", _("All statuses"))] + Interview.Status.choices, required=False, label=_("Status")
    )
    participant_kind = forms.ChoiceField(choices=PARTICIPANT_KIND_CHOICES, required=False, label=_("Participants"))
    q = forms.CharField(required=False, label=_("Title contains"), max_length=100)

    def __init__(self, *args, sites, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites
        self.fields["site"].empty_label = _("All sites")

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data["site"]:
            queryset = queryset.filter(site=data["site"])
        if data["kind"]:
            queryset = queryset.filter(kind=data["kind"])
        if data["status"]:
            queryset = queryset.filter(status=data["status"])
        if data["participant_kind"]:
            queryset = queryset.filter(
                pk__in=InterviewParticipant.objects.filter(participant__kind=data["participant_kind"]).values(
                    "interview_id"
                )
            )
        if data["q"]:
            queryset = queryset.filter(title__icontains=data["q"])
        return queryset


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Words to find"), max_length=200, required=False)
    site = forms.ModelChoiceField(queryset=Site.objects.none(), required=False, label=_("Site"))
    kind = forms.ChoiceField(choices=[("", _("All kinds"))] + Interview.Kind.choices, required=False, label=_("Kind"))
    speaker_kind = forms.ChoiceField(
        choices=[("", _("Every speaker")), ("interviewer", _("Interviewer"))] + Participant.KIND_CHOICES,
        required=False,
        label=_("Spoken by"),
    )

    def __init__(self, *args, sites, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites
        self.fields["site"].empty_label = _("All sites")

    def filter(self, passages):
        data = self.cleaned_data
        if data["site"]:
            passages = passages.filter(interview__site=data["site"])
        if data["kind"]:
            passages = passages.filter(interview__kind=data["kind"])
        if data["speaker_kind"] == "interviewer":
            passages = passages.filter(is_interviewer=True)
        elif data["speaker_kind"]:
            passages = passages.filter(speaker__kind=data["speaker_kind"])
        return passages


class RedactionForm(forms.Form):
    """A span to mask, by offsets (from a suggestion), or a phrase whose every occurrence is masked."""

    start = forms.IntegerField(min_value=0, required=False, widget=forms.HiddenInput)
    end = forms.IntegerField(min_value=1, required=False, widget=forms.HiddenInput)
    phrase = forms.CharField(
        label=_("Mask every occurrence of"),
        max_length=200,
        required=False,
        help_text=_("A name, a place, an organisation: each whole-word occurrence in the current version."),
    )

    def clean(self):
        data = super().clean()
        data["phrase"] = " ".join((data.get("phrase") or "").split())
        has_span = data.get("start") is not None and data.get("end") is not None
        if not data["phrase"] and not has_span:
            raise forms.ValidationError(_("Give a phrase to mask, or choose a suggestion."))
        if data["phrase"] and len(data["phrase"]) < 2:
            raise forms.ValidationError(_("Give at least two characters."))
        return data
