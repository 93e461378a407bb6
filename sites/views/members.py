from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sites import permissions
from sites.forms import InviteForm, MembershipForm
from sites.models import Membership
from sites.services import invite_member
from sites.views.access import get_study


def get_membership(request, study, pk):
    return get_object_or_404(Membership.objects.managed_by(request.user).filter(study=study), pk=pk)


@login_required
def member_list(request, study):
    study = get_study(request, study, need=permissions.MANAGE)
    members = Membership.objects.filter(study=study).select_related("user").prefetch_related("sites")
    return render(request, "sites/member_list.html", {"study": study, "members": members.order_by("user__email")})


@login_required
def member_invite(request, study):
    study = get_study(request, study, need=permissions.MANAGE)
    form = InviteForm(request.POST or None, study=study)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        invite_member(study, email=data["email"], role=data["role"], sites=data["sites"], invited_by=request.user)
        messages.success(request, _("Invitation sent to %(email)s.") % {"email": data["email"]})
        return redirect("sites:member_list", study=study.slug)
    return render(request, "sites/member_form.html", {"study": study, "form": form}, status=400 if form.errors else 200)


@login_required
def member_edit(request, study, pk):
    study = get_study(request, study, need=permissions.MANAGE)
    membership = get_membership(request, study, pk)
    form = MembershipForm(request.POST or None, study=study, instance=membership)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Membership of %(email)s saved.") % {"email": membership.user.email})
        return redirect("sites:member_list", study=study.slug)
    context = {"study": study, "form": form, "membership": membership}
    return render(request, "sites/member_form.html", context, status=400 if form.errors else 200)


@require_POST
@login_required
def member_remove(request, study, pk):
    study = get_study(request, study, need=permissions.MANAGE)
    membership = get_membership(request, study, pk)
    if membership.user_id == request.user.pk:
        messages.error(request, _("You cannot remove your own membership."))
    else:
        membership.delete()
        messages.success(request, _("%(email)s no longer has access to the study.") % {"email": membership.user.email})
    return redirect("sites:member_list", study=study.slug)
