"""Numbers, dates and quotation marks in the reader's language.

`1 234`, `2019-05-01` and « » in French (Québec); `1,234`, `05/01/2019` and “ ” in English.
"""

import datetime

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from interviews.models import Interview
from reports.views.transversal import display
from sites.models import Participant
from tests import factory

NBSP = "\u00a0"


@pytest.fixture
def crowded_site(study, site_a):
    """1,234 participants at site A, written in one statement."""
    Participant.objects.bulk_create(
        Participant(study=study, site=site_a, code=f"R-MTL1-{number:04d}", kind="resident") for number in range(1234)
    )
    return site_a


def read(client, url, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client.get(url).content.decode()


def test_counts_group_thousands_in_the_readers_language(login, researcher, study, crowded_site):
    client = login(researcher)
    listing = reverse("sites:participant_list", args=[study.slug])
    dashboard = reverse("sites:study_dashboard", args=[study.slug])

    assert f"1{NBSP}234 participant·e·s" in read(client, listing, "fr-ca")
    assert "1,234 participants" in read(client, listing, "en")
    assert f'<p class="stat">1{NBSP}234</p>' in read(client, dashboard, "fr-ca")
    assert '<p class="stat">1,234</p>' in read(client, dashboard, "en")


def test_a_page_of_the_list_still_links_its_site_filter_with_a_plain_number(login, researcher, study, crowded_site):
    """Grouping is for people: the numbers a link or a form sends back stay plain digits."""
    page = read(login(researcher), reverse("sites:participant_list", args=[study.slug]) + "?page=2", "fr-ca")
    assert "page=3" in page and f"page=1{NBSP}" not in page


def test_decimal_values_use_the_languages_separators():
    with translation.override("fr-ca"):
        assert display(1234.54, "per_10k_words") == f"1{NBSP}234,5"
        assert display(0.667, "interviews_share") == f"67{NBSP}%"
    with translation.override("en"):
        assert display(1234.54, "per_10k_words") == "1,234.5"


def test_dates_and_quotes_follow_the_language(login, researcher, study, site_a):
    interview = factory.make_interview(study, site_a, "Entretien Rivière", text="Marie : Bonjour.", author=researcher)
    Interview.objects.filter(pk=interview.pk).update(date=datetime.date(2019, 5, 1))
    client = login(researcher)
    workspace = reverse("coding:workspace", args=[study.slug, interview.pk])
    listing = reverse("interviews:interview_list", args=[study.slug])

    assert f"<title>Codage de «{NBSP}Entretien Rivière{NBSP}»" in read(client, workspace, "fr-ca")
    assert "<title>Coding “Entretien Rivière”" in read(client, workspace, "en")
    assert '<td class="nowrap">2019-05-01</td>' in read(client, listing, "fr-ca")  # Québec's short date
    assert '<td class="nowrap">05/01/2019</td>' in read(client, listing, "en")
