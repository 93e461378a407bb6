import logging
import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.middleware.locale import LocaleMiddleware
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from coding.models import blind_interviews_remembered
from hlmstudy import sessions

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 5


class FrenchFirstLocaleMiddleware(LocaleMiddleware):
    """French unless the person chose English with the language switcher.

    The team works in French and many of its computers run an English browser; following the browser's
    Accept-Language would greet most of them in English. The switcher's cookie is the only other signal.
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        supported = {code for code, _name in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


class SessionTimeoutMiddleware:
    """Ends a session idle longer than SESSION_IDLE_TIMEOUT or older than SESSION_COOKIE_AGE.

    The times live in the session (written at login by hlmstudy.sessions). The last-seen time is rewritten
    at most once a minute, so an active session costs one session write a minute, not one per request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            if sessions.expired(request.session, now=time.time()):
                logout(request)
                messages.info(request, _("Your session has ended; please sign in again."))
                return redirect_to_login(request.get_full_path())
        return self.get_response(request)


class RequireMFAMiddleware:
    """Nobody whose role can read a transcript reaches a page before passing TOTP in this session.

    allauth has no switch for this. A session passed MFA when allauth recorded an "mfa" authentication
    in it (its login flow does for every account with TOTP, and so does activating TOTP, see
    hlmstudy.sessions); that check reads the session only. Otherwise one query tells whether the account
    needs MFA (staff, or any role but partner) and has TOTP: without it the person is sent to set it up,
    with it to enter a code. Partners are exempt: they only ever read published synthesis sheets, which
    are written for them to read, and asking partner organisations for an authenticator app would keep
    them from the portal without protecting anything that is not already public to them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.MFA_REQUIRED and request.user.is_authenticated and not _open_without_mfa(request.path_info):
            target = sessions.mfa_step_needed(request)
            if target:
                return HttpResponseRedirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


def _open_without_mfa(path):
    # The account pages (sign out, set up TOTP, enter a code, change the password) and the language switch.
    return path.startswith(("/accounts/", "/i18n/", settings.STATIC_URL))


class NoStoreMiddleware:
    """Every page is private research data: no browser or proxy cache keeps a response that sets no policy.

    Transcripts, exports, PDFs and job results all come from views, so they all get `no-store`; a view
    that wants revalidation (the workspace's JSON with its ETag) sets its own Cache-Control. Static files
    never reach this (WhiteNoise answers them first).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not response.has_header("Cache-Control"):
            response["Cache-Control"] = "no-store"
        return response


class DatabaseUnavailableMiddleware:
    """While PostgreSQL restarts or fails over, answer 503 with Retry-After instead of an error page.

    Nothing was written (the request's transaction did not commit), so the person or the page's script can
    simply send again; the connection is replaced on the next request (CONN_HEALTH_CHECKS).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The session and the user are read here, right after AuthenticationMiddleware, rather than by the next
        # middleware: an outage there would become a 500 before any process_exception could answer.
        try:
            request.user.is_authenticated  # noqa: B018
        except (OperationalError, InterfaceError) as error:
            return database_unavailable(request, error)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        return database_unavailable(request, exception)


def database_unavailable(request, exception):
    """The 503 answer, with Retry-After, that DatabaseUnavailableMiddleware and hlmstudy.urls.server_error give."""
    logger.warning("database unavailable for %s %s: %s", request.method, request.path, exception)
    message = _("The service is briefly unavailable. Please try again in a few seconds.")
    if request.content_type == "application/json" or "application/json" in request.headers.get("Accept", ""):
        response = JsonResponse({"error": message}, status=503)
    else:
        # A page of its own that reads nothing from the database (base.html's navigation would).
        response = HttpResponse(render_to_string("503.html", {"message": message}), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class BlindCodingMiddleware:
    """One lookup per request of the interviews the user codes blind, shared by every coding query of the request
    (coding.models.blinded_interview_ids)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with blind_interviews_remembered():
            return self.get_response(request)
