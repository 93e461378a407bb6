"""One coded study and a live server shared by every test of a browser module, built once per module.

pytest-django's `live_server` makes each test transactional, which empties the database after every test:
building the coded study again for each of forty page checks would cost minutes. Here the world is
committed once, a server thread of our own serves it, and the database is emptied when the module ends.
"""

from django.conf import settings
from django.core.management import call_command
from django.test import Client, override_settings
from pytest_django.live_server_helper import LiveServer

from tests.world import build_shared_world

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def session_cookie(user):
    """A signed-in session for `user`, as the value of the session cookie: made by the test client's
    force_login, so it carries what a real sign-in records (the second factor, the session's clocks)."""
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


class SharedWorld:
    """Context manager: builds the world and serves it; on exit stops the server and empties the database."""

    def __init__(self, django_db_blocker, media_root):
        self.blocker = django_db_blocker
        # Published sheets store their PDF: in a folder of the module's own, not the developer's var/.
        self.hashers = override_settings(PASSWORD_HASHERS=FAST_HASHERS, MEDIA_ROOT=str(media_root))

    def __enter__(self):
        self.blocker.unblock()
        self.hashers.enable()
        self.world = build_shared_world()
        self.server = LiveServer("localhost")
        self.server._live_server_modified_settings.enable()
        self.world.url = self.server.url
        self.world.cookies = {
            name: session_cookie(user)
            for name, user in [
                ("admin", self.world.admin),
                ("researcher", self.world.researcher),
                ("coder", self.world.coder),
                ("team", self.world.team),
                ("partner", self.world.partner),
            ]
        }
        return self.world

    def __exit__(self, *exc):
        self.server._live_server_modified_settings.disable()
        self.server.stop()
        call_command("flush", interactive=False, verbosity=0)
        self.hashers.disable()
        self.blocker.restore()
        return False


def new_context(browser, world, *, role=None, language="fr-ca", **options):
    """A browser context signed in as `role` (None: signed out) with the interface in `language`."""
    context = browser.new_context(base_url=world.url, locale="fr-CA", **options)
    cookies = [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": world.url}]
    if role:
        cookies.append({"name": settings.SESSION_COOKIE_NAME, "value": world.cookies[role], "url": world.url})
    context.add_cookies(cookies)
    context.route("**/favicon.ico", lambda route: route.fulfill(status=204))
    return context
