"""Account rules: nobody signs up alone; an admin invites, and the invitation sets the password."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.forms import ResetPasswordKeyForm
from allauth.account.models import EmailAddress
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_str


class InviteOnlyAccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return False

    def get_login_redirect_url(self, request):
        return reverse("sites:home")

    def format_email_subject(self, subject):
        # allauth would prefix the request's host name (we have no django.contrib.sites); name the product instead.
        return f"[hlmstudy] {force_str(subject)}"


class SetPasswordFromLinkForm(ResetPasswordKeyForm):
    """The password form behind an invitation or password-reset link; saving it marks the address verified.

    Following a link sent to the account's address proves its owner reads it. allauth records the address as
    unverified when it makes the link's token, and refuses two-factor authentication to an account with an
    unverified address: without this, nobody who was invited could turn MFA on.
    """

    @transaction.atomic
    def save(self):
        super().save()
        address = EmailAddress.objects.filter(user=self.user, email__iexact=self.user.email).first()
        if address is None:
            address = EmailAddress(user=self.user, email=self.user.email, primary=True)
        address.verified = True
        address.save()
