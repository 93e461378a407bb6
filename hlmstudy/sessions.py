"""Session rules: login and last-seen times, the MFA step a session still owes, ending other sessions."""

import time

from allauth.account.authentication import get_authentication_records
from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q

from sites.models import Membership
from sites.permissions import Role

LOGIN_AT = "hlm_login_at"
SEEN_AT = "hlm_seen_at"
REFRESH_SECONDS = 60


def start(session, *, now):
    """Stamp a new login: both clocks start now."""
    session[LOGIN_AT] = session[SEEN_AT] = int(now)


def expired(session, *, now):
    """True when the session is past its idle or absolute limit; otherwise refresh last-seen (once a minute)."""
    login_at, seen_at = session.get(LOGIN_AT), session.get(SEEN_AT)
    if login_at is None or seen_at is None:
        start(session, now=now)  # a session opened before these rules: its clocks start now
        return False
    if now - login_at > settings.SESSION_COOKIE_AGE or now - seen_at > settings.SESSION_IDLE_TIMEOUT:
        return True
    if now - seen_at > REFRESH_SECONDS:
        session[SEEN_AT] = int(now)
    return False


def passed_mfa(request):
    """Whether allauth recorded a second factor in this session (reads the session, no query)."""
    return any(record.get("method") == "mfa" for record in get_authentication_records(request, request.user))


def mfa_step_needed(request):
    """None, or the allauth URL name of the step this session owes: set TOTP up, or enter a code. ≤ 1 query."""
    if passed_mfa(request):
        return None
    user = request.user
    reads_transcripts = Membership.objects.filter(user=OuterRef("pk")).exclude(role=Role.PARTNER)
    has_totp = Authenticator.objects.filter(user=OuterRef("pk"), type=Authenticator.Type.TOTP)
    row = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .annotate(needs=Exists(reads_transcripts) | Q(is_staff=True), has_totp=Exists(has_totp))
        .values("needs", "has_totp")
        .first()
    )
    if row is None or not row["needs"]:
        return None
    return "mfa_reauthenticate" if row["has_totp"] else "mfa_activate_totp"


def on_user_logged_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        start(request.session, now=time.time())


def on_authenticator_added(sender, request, user, authenticator, **kwargs):
    # Activating TOTP means typing a valid code from the new authenticator: that is the second factor.
    if authenticator.type == Authenticator.Type.TOTP:
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)


def end_other_sessions(request, user):
    """End every session of `user` but this request's (allauth's user sessions; one query per session)."""
    from allauth.usersessions.models import UserSession

    current = request.session.session_key if request is not None else None
    for user_session in UserSession.objects.filter(user=user).exclude(session_key=current):
        user_session.end()


def on_password_changed(sender, request, user, **kwargs):
    end_other_sessions(request, user)


def end_all_sessions(user):
    """End every session of `user` (deactivation); Django's own check refuses an inactive user anyway."""
    end_other_sessions(None, user)
