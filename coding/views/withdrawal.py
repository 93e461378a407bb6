"""Withdrawal of a participant's consent (study admins): confirm, then erase their words.

The erasure itself is coding/services/withdrawal.py's.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coding import services
from coding.models import ErasureRecord
from sites import permissions
from sites.views.access import get_participant, get_study, require


class WithdrawalForm(forms.Form):
    confirm = forms.CharField(
        label=gettext_lazy("Type the participant's pseudonym code to confirm"), max_length=40, required=True
    )

    def __init__(self, *args, participant, **kwargs):
        super().__init__(*args, **kwargs)
        self.participant = participant

    def clean_confirm(self):
        value = self.cleaned_data["confirm"].strip()
        if value != self.participant.code:
            raise forms.ValidationError(_("This is not the participant's pseudonym code."))
        return value


@login_required
def participant_withdraw(request, study, code):
    study = get_study(request, study)
    participant = get_participant(request, study, code)
    require(request, study, permissions.MANAGE)
    form = WithdrawalForm(request.POST if request.method == "POST" else None, participant=participant)
    if request.method == "POST" and form.is_valid():
        record = services.withdraw_participant(participant, by=request.user)
        messages.success(
            request,
            _(
                "Consent withdrawn: %(interviews)s interviews, %(turns)s speaker turns, %(excerpts)s excerpts and "
                "%(memos)s memos were erased or cleaned."
            )
            % {name: getattr(record, name) for name in ("interviews", "turns", "excerpts", "memos")},
        )
        return redirect("sites:participant_detail", study=study.slug, code=participant.code)
    context = {
        "study": study,
        "participant": participant,
        "form": form,
        "preview": services.erasure_preview(participant),
        "records": ErasureRecord.objects.filter(study=study, participant=participant).select_related("erased_by"),
    }
    return render(request, "coding/participant_withdraw.html", context, status=400 if form.errors else 200)
