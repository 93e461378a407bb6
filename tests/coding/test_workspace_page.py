"""The workspace page: the transcript as blocks carrying their offsets, the data the script paints, who may open it."""

import json
import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import translation

from coding import services
from coding.models import Excerpt
from tests import factory

pytestmark = pytest.mark.usefixtures("fast_passwords")


@pytest.fixture(autouse=True)
def english(client, settings):
    """The messages asserted below are the English source strings (the interface is French by default)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


TEXT = (
    "Entretien du 3 mars, Café du coin.\n\n"
    "I : Bonjour, vous êtes là depuis quand ?\n"
    "Marie : Depuis 2019 🙂 <b>au</b> comité & ailleurs.\n"
    "I : Merci.\n"
    "Marie : Bienvenue."
)


@pytest.fixture
def interview(study, site_a, researcher, participant_a):
    interview = factory.make_interview(
        study, site_a, "Entretien Marie", participants=[(participant_a, "Marie")], interviewer_label="I"
    )
    from interviews import services

    services.save_transcript_edit(interview, text=TEXT, author=researcher)
    return interview


@pytest.fixture
def code(study, researcher):
    return factory.make_code(study, "Réseau", colour="#e15759", by=researcher)


def url(interview, **query):
    base = reverse("coding:workspace", args=[interview.study.slug, interview.pk])
    return base + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def blocks(html):
    """(data-start, data-end, text) of every block the page shows."""
    found = re.findall(r'class="turn__body ws-block" data-start="(\d+)" data-end="(\d+)">(.*?)</p>', html, re.S)
    return [(int(start), int(end), unescape(body)) for start, end, body in found]


def page_data(response):
    html = response.content.decode()
    return json.loads(re.search(r'<script id="ws-data" type="application/json">(.*?)</script>', html, re.S).group(1))


def test_every_block_carries_the_code_point_offset_of_its_own_text(login, coder, interview):
    response = login(coder).get(url(interview))

    assert response.status_code == 200
    text = interview.current_version.text
    shown = blocks(response.content.decode())
    assert len(shown) == 5  # the header line, then four turns
    for start, end, body in shown:
        assert text[start:end] == body
    assert shown[0][2] == "Entretien du 3 mars, Café du coin."
    assert shown[2][2] == "Depuis 2019 🙂 <b>au</b> comité & ailleurs."


def test_a_text_without_turns_shows_one_block_per_paragraph(login, coder, study, site_a, researcher):
    text = "Rencontre du comité, 12 mars.\n\nPrésent·es : six résidentes 🙂.\nNote : la salle était pleine."
    interview = factory.make_interview(study, site_a, kind="observation", text=text, author=researcher)

    shown = blocks(login(coder).get(url(interview)).content.decode())

    stored = interview.current_version.text
    assert [body for _start, _end, body in shown] == [line for line in stored.split("\n") if line]
    assert all(stored[start:end] == body for start, end, body in shown)
    assert shown[1][0] == stored.index("Présent")


def test_speakers_show_as_pseudonym_codes_or_interviewer_and_text_is_escaped(login, coder, interview, participant_a):
    html = login(coder).get(url(interview)).content.decode()

    assert f'<p class="turn__speaker">{participant_a.code}</p>' in html
    assert '<p class="turn__speaker">Interviewer</p>' in html
    assert ">Marie<" not in html
    assert "&lt;b&gt;au&lt;/b&gt; comité &amp; ailleurs" in html
    assert "<b>au</b>" not in html


def test_the_page_embeds_the_codings_and_the_codebook_it_paints(login, coder, interview, code):
    start = interview.current_version.text.index("comité")
    excerpt = factory.make_excerpt(interview, start, start + 6, codes=[code], coder=coder)

    data = page_data(login(coder).get(url(interview)))

    assert data["version"] == interview.current_version_id
    assert [(e["id"], e["start"], e["end"]) for e in data["excerpts"]] == [(excerpt.pk, start, start + 6)]
    assert data["excerpts"][0]["codes"][0]["code_id"] == code.pk
    assert data["codebook"] == [
        {
            "id": code.pk,
            "name": "Réseau",
            "colour": "#e15759",
            "parent": None,
            "path": "Réseau",
            "depth": 0,
            "active": True,
        }
    ]


def test_the_page_carries_the_csrf_meta_tag_and_loads_its_module_without_inline_script(login, coder, interview):
    html = login(coder).get(url(interview)).content.decode()

    assert re.search(r'<meta name="csrf-token" content="[^"]+">', html)
    assert 'type="module" src="/static/coding/workspace.js"' in html
    scripts = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", html)
    assert not scripts, scripts


def test_the_coder_filter_of_the_address_is_applied_to_the_first_paint(login, coder, researcher, interview, code):
    factory.make_excerpt(interview, 0, 9, codes=[code], coder=coder)
    factory.make_excerpt(interview, 10, 12, codes=[code], coder=researcher)

    data = page_data(login(coder).get(url(interview, coder="me")))

    assert [e["start"] for e in data["excerpts"]] == [0]


def test_a_team_member_reads_the_workspace_without_the_coding_tools(login, team_b, study, site_b, researcher):
    interview = factory.make_interview(study, site_b, text="Notes d'observation.", author=researcher)

    html = login(team_b).get(url(interview)).content.decode()

    assert 'data-can-code="false"' in html
    assert "ws-picker-invivo" not in html


def test_in_vivo_is_offered_to_researchers_only(login, researcher, coder, interview):
    assert "ws-picker-invivo" in login(researcher).get(url(interview)).content.decode()
    assert "ws-picker-invivo" not in login(coder).get(url(interview)).content.decode()


@pytest.mark.parametrize("persona", ["partner", "outsider", "other_admin", "team_b"])
def test_who_may_not_read_the_interview_gets_404(request, login, interview, persona):
    assert login(request.getfixturevalue(persona)).get(url(interview)).status_code == 404


def test_an_interview_without_transcript_says_so(login, coder, study, site_a):
    interview = factory.make_interview(study, site_a)

    response = login(coder).get(url(interview))

    assert response.status_code == 200
    assert "no transcript yet" in response.content.decode()


def test_excerpts_waiting_for_review_are_not_painted(login, coder, interview, code):
    excerpt = factory.make_excerpt(interview, 0, 9, codes=[code], coder=coder)
    Excerpt.objects.filter(pk=excerpt.pk).update(needs_review=True)

    assert page_data(login(coder).get(url(interview)))["excerpts"] == []


def test_the_page_costs_the_same_few_queries_with_many_codings(
    login, coder, interview, code, django_assert_max_num_queries
):
    client = login(coder)
    client.get(url(interview))
    for start in range(0, 30):
        factory.make_excerpt(interview, start, start + 3, codes=[code], coder=coder)

    # session, user, grants, interview, the audit row of the reading, turns, the change token's two aggregates,
    # then codings, codes, coders
    with django_assert_max_num_queries(12):  # +1: the interviews the reader codes blind, looked up once per request
        response = client.get(url(interview))
    # unchanged since: the codings come from the cache under the same token
    with django_assert_max_num_queries(9):
        again = client.get(url(interview))

    assert len(page_data(response)["excerpts"]) == 30 == len(page_data(again)["excerpts"])


def test_the_interview_page_leads_to_its_workspace(login, team_b, study, site_b, researcher):
    interview = factory.make_interview(study, site_b, text="Notes d'observation.", author=researcher)

    html = login(team_b).get(reverse("interviews:interview_detail", args=[study.slug, interview.pk])).content.decode()

    assert f'href="{url(interview)}"' in html


def test_the_page_shows_a_change_made_since_it_was_last_served(login, coder, researcher, interview, code):
    """The page's data is kept under its change token: any change (here by another coder) must show at once."""
    client = login(coder)
    factory.make_excerpt(interview, 0, 9, codes=[code], coder=coder)
    assert len(page_data(client.get(url(interview)))["excerpts"]) == 1

    factory.make_excerpt(interview, 12, 20, codes=[code], coder=researcher)
    assert len(page_data(client.get(url(interview)))["excerpts"]) == 2
    services.update_code(code, version=code.version, by=researcher, name="Renommé")
    codebook = page_data(client.get(url(interview)))["codebook"]
    assert [entry["name"] for entry in codebook if entry["id"] == code.pk] == ["Renommé"]
