"""The co-occurrence page: the table for each scope, cells opening their excerpts, the network chart."""

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from reports.retrieval import RetrievalForm

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def page(world, client, **params):
    return client.get(reverse("reports:cooccurrence", args=[world.study.slug]), params)


def rows(body):
    html = body.split('id="cooccurrence-table"')[1].split("<tbody>")[1].split("</tbody>")[0]
    return [
        (name, [int(n) for n in re.findall(r"<td class=\"num[^\"]*\">(?:<a [^>]+>)?(\d+)", cells)])
        for name, cells in re.findall(r"</span> ([^<]+)</th>(.*?)</tr>", html, re.S)
    ]


def test_overlapping_text_table(world, login):
    assert rows(page(world, login(world.researcher)).content.decode()) == [
        ("Partenariat", [2, 0, 0, 0, 0]),
        ("Concertation", [0, 5, 0, 0, 0]),
        ("Roulement", [0, 0, 2, 1, 0]),
        ("Mobilisation", [0, 0, 1, 4, 1]),
        ("Sécurité", [0, 0, 0, 1, 2]),
    ]


def test_same_interview_table(world, login):
    assert [n for _name, n in rows(page(world, login(world.researcher), scope="interview").content.decode())] == [
        [2, 2, 1, 2, 2],
        [2, 4, 2, 2, 2],
        [1, 2, 2, 1, 1],
        [2, 2, 1, 4, 2],
        [2, 2, 1, 2, 2],
    ]


def test_a_cell_opens_the_excerpts_of_its_row_code_combined_with_its_column_code(world, login):
    body = page(world, login(world.researcher)).content.decode()
    links = [link.replace("&amp;", "&") for link in re.findall(r'<td class="num"><a href="([^"]+)">', body)]
    numbers = [n for _name, cells in rows(body) for n in cells if n]
    assert len(links) == len(numbers) == 9
    for link, number in zip(links, numbers, strict=True):
        params = {key: value[0] for key, value in parse_qs(urlsplit(link).query).items()}
        form = RetrievalForm(params, study=world.study, user=world.researcher)
        assert form.is_valid(), form.errors
        assert form.excerpts().count() == number, link


def test_the_network_joins_codes_that_occur_together(world, login):
    body = page(world, login(world.researcher)).content.decode()
    figure = json.loads(re.search(r'<script id="network-figure" type="application/json">(.+?)</script>', body).group(1))
    nodes = figure["data"][-1]
    assert nodes["text"] == ["Partenariat", "Concertation", "Roulement", "Mobilisation", "Sécurité"]
    assert nodes["customdata"] == [2, 5, 2, 4, 2]
    edges = figure["data"][-2]["text"]
    assert edges == ["Roulement — Mobilisation: 1", "Mobilisation — Sécurité: 1"]
    assert 'aria-describedby="cooccurrence-caption"' in body


def test_filters_narrow_the_table(world, login):
    body = page(world, login(world.researcher), site=world.site_b.pk).content.decode()
    assert [n for _name, n in rows(body)][1:4] == [[0, 1, 0, 0, 0], [0, 0, 1, 0, 0], [0, 0, 0, 2, 0]]


def test_an_htmx_request_gets_only_the_table_and_chart(world, login):
    client = login(world.researcher)
    response = client.get(reverse("reports:cooccurrence", args=[world.study.slug]), headers={"HX-Request": "true"})
    assert response.content.decode().lstrip().startswith('<div id="cooccurrence"')


def test_a_team_member_counts_only_their_site(world, team_b, login):
    assert [n for _name, n in rows(page(world, login(team_b)).content.decode())] == [
        [0, 0, 0, 0, 0],
        [0, 1, 0, 0, 0],
        [0, 0, 1, 0, 0],
        [0, 0, 0, 2, 0],
        [0, 0, 0, 0, 0],
    ]


@pytest.mark.parametrize("persona", ["partner", "outsider", "other_admin"])
def test_people_outside_the_study_get_404(world, persona, login, request):
    assert page(world, login(request.getfixturevalue(persona))).status_code == 404


def test_invalid_filters_answer_400(world, login):
    assert page(world, login(world.researcher), coder="999999").status_code == 400


def test_the_page_runs_a_fixed_number_of_queries(world, login, django_assert_max_num_queries):
    client = login(world.researcher)
    page(world, client)
    with django_assert_max_num_queries(11):
        assert page(world, client, scope="interview").status_code == 200
