"""Named personas shared by every test.

One study ("etude") with two sites, A (MTL1) and B (QC1), and a second study ("autre") with its own site:
- admin: administrator of the study, all sites
- researcher: researcher, all sites
- coder: coder limited to site A
- team_b: team member limited to site B
- partner: partner of site A
- outsider: an account with no membership
- other_admin: administrator of the other study only
"""

import pytest
from allauth.account.authentication import get_authentication_records
from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from django.contrib.auth.signals import user_logged_in

from sites.permissions import Role
from tests import factory


def _force_login_passes_totp(sender, request, user, **kwargs):
    """`client.force_login(user)` stands for a complete sign-in: for an account with TOTP, allauth's login
    always records the second factor in the session (RequireMFAMiddleware checks it), so record it too.
    A sign-in through allauth's forms already has the record and is left alone."""
    if any(record["method"] == "mfa" for record in get_authentication_records(request, user)):
        return
    authenticator = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if authenticator is not None:
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)


user_logged_in.connect(_force_login_passes_totp, dispatch_uid="tests-force-login-passes-totp")


@pytest.fixture
def study(db):
    return factory.make_study()


@pytest.fixture
def site_a(study):
    return factory.make_site(study, "MTL1", name="Milieu Rivière", city="Montréal")


@pytest.fixture
def site_b(study):
    return factory.make_site(study, "QC1", name="Milieu Colline", city="Québec")


@pytest.fixture
def other_study(db):
    return factory.make_study(slug="autre", title="Autre étude")


@pytest.fixture
def other_site(other_study):
    return factory.make_site(other_study, "MTL9", name="Milieu ailleurs")


def _persona(email, study, role, sites=()):
    user = factory.make_user(email)
    factory.make_membership(user, study, role, sites)
    return user


@pytest.fixture
def admin(study, site_a, site_b):
    return _persona("admin@example.test", study, Role.ADMIN)


@pytest.fixture
def researcher(study, site_a, site_b):
    return _persona("researcher@example.test", study, Role.RESEARCHER)


@pytest.fixture
def coder(study, site_a, site_b):
    return _persona("coder@example.test", study, Role.CODER, [site_a])


@pytest.fixture
def team_b(study, site_a, site_b):
    return _persona("team.b@example.test", study, Role.TEAM, [site_b])


@pytest.fixture
def partner(study, site_a, site_b):
    return _persona("partner@example.test", study, Role.PARTNER, [site_a])


@pytest.fixture
def outsider(db):
    return factory.make_user("outsider@example.test")


@pytest.fixture
def other_admin(other_study, other_site):
    return _persona("other.admin@example.test", other_study, Role.ADMIN)


@pytest.fixture
def participant_a(study, site_a):
    return factory.make_participant(study, site_a, "R-MTL1-01")


@pytest.fixture
def participant_b(study, site_b):
    return factory.make_participant(study, site_b, "R-QC1-01")


@pytest.fixture
def login(client):
    """`login(user)` signs the test client in as that user and returns the client."""

    def _login(user):
        client.force_login(user)
        return client

    return _login


@pytest.fixture
def fast_passwords(settings):
    """Cheap password hashing for tests that build many accounts (Argon2 costs about 0.2 s an account)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def media_root(settings, tmp_path):
    """A MEDIA_ROOT of the test's own, so a test can assert which files were (not) stored."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT
