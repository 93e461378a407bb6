"""Memos: written where they belong, listed with filters, visible by site, edited with a version check."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from coding import services
from coding.models import Memo
from tests import factory

pytestmark = pytest.mark.usefixtures("fast_passwords")

TEXT = "R : Le comité se réunit au local des résidents chaque mois."


@pytest.fixture(autouse=True)
def english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


def url(name, *args, query=""):
    return reverse(f"coding:{name}", args=["etude", *args]) + query


@pytest.fixture
def world(study, site_a, site_b, researcher, coder):
    interview_a = factory.make_interview(study, site_a, "Entretien A", text=TEXT)
    interview_b = factory.make_interview(study, site_b, "Entretien B", text=TEXT)
    code = factory.make_code(study, "Réseau")
    excerpt_b = factory.make_excerpt(interview_b, 4, 10, codes=[code], coder=researcher)
    memo = services.create_memo
    return {
        "interview_a": interview_a,
        "interview_b": interview_b,
        "code": code,
        "on_study": memo(study, author=researcher, kind="methodological", title="Plan d'analyse", body="Étapes"),
        "on_code": memo(study, author=coder, kind="analytic", title="Réseau dense", body="<b>gras</b>", anchor=code),
        "on_a": memo(study, author=coder, kind="analytic", title="Entretien riche", anchor=interview_a),
        "on_b": memo(study, author=researcher, kind="theoretical", title="Proximité", anchor=interview_b),
        "on_excerpt_b": memo(study, author=researcher, kind="analytic", title="Extrait B", anchor=excerpt_b),
        "on_site_b": memo(study, author=researcher, kind="analytic", title="Milieu B", anchor=site_b),
    }


def titles(response):
    return {memo.title for memo in response.context["page"]}


def test_the_list_shows_every_memo_to_a_researcher(login, researcher, world):
    response = login(researcher).get(url("memo_list"))
    assert response.status_code == 200
    assert len(titles(response)) == 6


def test_a_site_limited_member_does_not_see_memos_about_another_site(login, coder, team_b, world):
    assert titles(login(coder).get(url("memo_list"))) == {"Plan d'analyse", "Réseau dense", "Entretien riche"}
    assert titles(login(team_b).get(url("memo_list"))) == {
        "Plan d'analyse",
        "Réseau dense",
        "Proximité",
        "Extrait B",
        "Milieu B",
    }
    client = login(coder)
    for memo in ("on_b", "on_excerpt_b", "on_site_b"):
        assert client.get(url("memo_detail", world[memo].pk)).status_code == 404
    assert not Memo.objects.visible_to(coder).for_interview(world["interview_b"]).exists()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?kind=theoretical", {"Proximité"}),
        ("?anchor=study", {"Plan d'analyse"}),
        ("?anchor=code", {"Réseau dense"}),
        ("?anchor=interview", {"Entretien riche", "Proximité"}),
        ("?q=RICHE", {"Entretien riche"}),
        ("?q=gras", {"Réseau dense"}),
    ],
)
def test_the_list_filters_and_searches(login, researcher, world, query, expected):
    assert titles(login(researcher).get(url("memo_list", query=query))) == expected


def test_the_list_filters_by_author_and_site(login, researcher, coder, world, site_b):
    client = login(researcher)
    assert titles(client.get(url("memo_list", query=f"?author={coder.pk}"))) == {"Réseau dense", "Entretien riche"}
    assert titles(client.get(url("memo_list", query=f"?site={site_b.pk}"))) == {"Proximité", "Extrait B", "Milieu B"}


def test_the_list_is_paginated_with_a_fixed_number_of_queries(
    login, researcher, study, world, django_assert_max_num_queries
):
    for index in range(40):
        services.create_memo(study, author=researcher, kind="analytic", title=f"Note {index}", anchor=world["code"])
    client = login(researcher)
    with django_assert_max_num_queries(9):
        response = client.get(url("memo_list"))
    assert len(response.context["page"].object_list) == 25
    assert response.context["page"].paginator.count == 46


def test_the_htmx_list_returns_only_the_results(login, researcher, world):
    response = login(researcher).get(url("memo_list", query="?kind=analytic"), headers={"HX-Request": "true"})
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="results"') and "<html" not in page


@pytest.mark.parametrize("persona", ["partner", "outsider", "other_admin"])
def test_outsiders_get_404(persona, request, login, world):
    client = login(request.getfixturevalue(persona))
    assert client.get(url("memo_list")).status_code == 404
    assert client.get(url("memo_detail", world["on_study"].pk)).status_code == 404


def test_the_body_is_escaped_with_its_line_breaks(login, researcher, study):
    memo = services.create_memo(
        study, author=researcher, kind="analytic", title="T", body="<script>x</script>\nligne 2"
    )
    page = login(researcher).get(url("memo_detail", memo.pk)).content.decode()
    assert "&lt;script&gt;x&lt;/script&gt;<br>ligne 2" in page


def test_a_coder_writes_a_memo_on_an_interview_of_their_site(login, coder, world):
    response = login(coder).post(
        url("memo_create", query=f"?interview={world['interview_a'].pk}"),
        {"kind": "analytic", "title": "Première lecture", "body": "Texte"},
    )
    memo = Memo.objects.get(title="Première lecture")
    assert response.status_code == 302 and response.url == url("memo_detail", memo.pk)
    assert (memo.interview, memo.author, memo.anchor_type) == (world["interview_a"], coder, "interview")


def test_no_memo_on_what_the_user_cannot_reach(login, coder, world, site_b):
    client = login(coder)
    body = {"kind": "analytic", "title": "Refusé"}
    assert client.post(url("memo_create", query=f"?interview={world['interview_b'].pk}"), body).status_code == 404
    assert client.post(url("memo_create", query=f"?site={site_b.code}"), body).status_code == 404
    assert client.post(url("memo_create", query="?code=999999"), body).status_code == 404
    assert not Memo.objects.filter(title="Refusé").exists()


def test_team_members_read_memos_but_cannot_write(login, team_b, world):
    client = login(team_b)
    assert client.get(url("memo_detail", world["on_b"].pk)).status_code == 200
    assert client.post(url("memo_create"), {"kind": "analytic", "title": "Non"}).status_code == 403
    assert client.get(url("memo_edit", world["on_b"].pk)).status_code == 403


def test_a_memo_without_title_re_renders(login, coder, world):
    response = login(coder).post(url("memo_create"), {"kind": "analytic", "title": ""})
    assert response.status_code == 400


def test_a_coder_edits_their_own_memo_but_not_others(login, coder, world):
    client = login(coder)
    body = {"kind": "theoretical", "title": "Réseau très dense", "body": "Revu", "version": 1}
    assert client.post(url("memo_edit", world["on_code"].pk), body).status_code == 302
    world["on_code"].refresh_from_db()
    assert (world["on_code"].title, world["on_code"].version) == ("Réseau très dense", 2)
    assert client.post(url("memo_edit", world["on_study"].pk), body).status_code == 403


def test_a_stale_memo_edit_is_refused_with_the_current_text(login, researcher, coder, world):
    memo = world["on_code"]
    services.update_memo(memo, version=1, by=coder, body="Version du codeur")
    body = {"kind": "analytic", "title": "Réseau dense", "body": "Version du chercheur", "version": 1}
    response = login(researcher).post(url("memo_edit", memo.pk), body)
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone changed this memo meanwhile" in page
    assert "Version du codeur" in page and "Version du chercheur" in page
    memo.refresh_from_db()
    assert (memo.body, memo.version) == ("Version du codeur", 2)


def test_the_include_shows_an_interviews_memos_and_offers_a_new_one(rf, researcher, study, world):
    memos = Memo.objects.visible_to(researcher).for_interview(world["interview_b"])
    assert {memo.title for memo in memos} == {"Proximité", "Extrait B"}
    html = render_to_string(
        "coding/includes/memo_list.html",
        {
            "memos": memos,
            "study": study,
            "can_write_memo": True,
            "memo_anchor": "interview",
            "memo_anchor_value": world["interview_b"].pk,
        },
    )
    assert "Proximité" in html and f"?interview={world['interview_b'].pk}" in html


def test_memos_appear_on_their_codes_page(login, team_b, world):
    page = login(team_b).get(url("code_detail", world["code"].pk)).content.decode()
    assert "Réseau dense" in page and "&lt;b&gt;gras&lt;/b&gt;" in page
