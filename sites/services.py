from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from sites.models import Consent, Membership


@transaction.atomic
def invite_member(study, *, email, role, sites, invited_by):
    """Create (or reuse) the account for `email`, give it a role in `study` and e-mail a set-password link."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    is_new = user is None
    if is_new:
        user = User(username=email[:150], email=email)
        user.set_unusable_password()
        user.save()
    membership = Membership.objects.create(user=user, study=study, role=role)
    membership.sites.set(sites)
    link = None
    if is_new or not user.has_usable_password():
        path = reverse(
            "account_reset_password_from_key",
            kwargs={"uidb36": user_pk_to_url_str(user), "key": default_token_generator.make_token(user)},
        )
        link = settings.SITE_URL.rstrip("/") + path
    context = {"study": study, "membership": membership, "link": link, "invited_by": invited_by}
    subject = render_to_string("sites/email/invitation_subject.txt", context).strip()
    body = render_to_string("sites/email/invitation_body.txt", context)
    transaction.on_commit(lambda: send_mail(subject, body, None, [email]))
    return membership


@transaction.atomic
def save_participant(form, consent_form):
    """Save a participant and its consent together; a consent without a date is not recorded."""
    participant = form.save()
    if consent_form.cleaned_data.get("given_on"):
        consent = consent_form.save(commit=False)
        consent.participant = participant
        consent.save()
    else:
        Consent.objects.filter(participant=participant).delete()
    return participant
