"""`python manage.py demo_totp`: the current TOTP code of the demo accounts (their secret is public)."""

import time

from allauth.mfa import app_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from sites.demo import DEMO_TOTP_SECRET


class Command(BaseCommand):
    help = "Print the demo accounts' current TOTP code and how many seconds it stays valid."

    def handle(self, *args, **options):
        now = int(time.time())
        code = format_hotp_value(hotp_value(DEMO_TOTP_SECRET, now // app_settings.TOTP_PERIOD))
        left = app_settings.TOTP_PERIOD - now % app_settings.TOTP_PERIOD
        self.stdout.write(code)
        self.stderr.write(_("Valid for %(seconds)d more seconds.") % {"seconds": left})
