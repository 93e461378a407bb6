"""Account rules: nobody signs up alone; an admin invites, and the invitation sets the password."""

from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse


class InviteOnlyAccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return False

    def get_login_redirect_url(self, request):
        return reverse("sites:home")
