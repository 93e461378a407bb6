import pytest

from tests.reports.fixtures import build_world


@pytest.fixture
def world(fast_passwords, study, site_a, site_b, admin, researcher, coder):
    """The hand-counted coded study of tests/reports/fixtures.py."""
    return build_world(study, site_a, site_b, admin=admin, researcher=researcher, coder=coder)


@pytest.fixture
def english(client, settings):
    """The test client reads the pages in English (French is the default and has translations)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
