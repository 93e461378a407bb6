"""The retrieval page: filters, excerpts in context with the quote marked, links, fragments, access, queries."""

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils.html import escape

from tests import factory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def url(world, **params):
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return reverse("reports:retrieval", args=[world.study.slug]) + (f"?{query}" if query else "")


def test_the_excerpts_of_a_code_with_its_sub_codes_are_listed_in_context(world, login):
    response = login(world.researcher).get(url(world, code=world.partenariat.pk, include_subcodes="on"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "9 excerpts" in body and 'data-count="9"' in body
    # e1 in its turn, the interviewer's turns before and after, the quote marked inside the turn.
    assert "<mark>Le comité de locataires nous aide beaucoup</mark>, on se sent en sécurité ici." in body
    assert "Parlez-moi du quartier." in body and "Et les partenaires ?" in body
    assert ">R-MTL1-11</strong> · Resident" in body
    assert "Marie :" not in body, "the speaker's label (a first name) is replaced by the pseudonym"


def test_each_excerpt_links_to_the_turn_that_holds_it_in_the_reading_view(world, login):
    response = login(world.researcher).get(url(world, code=world.roulement.pk))
    turn_start = world.A1.current_version.text.index("Marie : Les intervenants")
    reading = reverse("interviews:interview_detail", args=[world.study.slug, world.A1.pk])
    assert f'href="{reading}#t-{turn_start}"' in response.content.decode()


def test_text_without_speaker_turns_links_to_its_line(world, login):
    response = login(world.researcher).get(url(world, code=world.mobilisation.pk, site=world.site_b.pk))
    line_start = world.B3.current_version.text.index("Le partenaire")
    reading = reverse("interviews:interview_detail", args=[world.study.slug, world.B3.pk])
    body = response.content.decode()
    assert f'href="{reading}#t-{line_start}"' in body
    assert "Le partenaire <mark>présente le projet de jardin collectif</mark> aux locataires." in body


def test_transcript_text_is_escaped_around_and_inside_the_mark(world, login):
    participant = factory.make_participant(world.study, world.site_a, "R-MTL1-19")
    text = "Mona : Avant <b>ça</b>.\nMona : Le <script>alert(1)</script> ici.\nMona : Après & fin."
    interview = factory.make_interview(
        world.study, world.site_a, "Escapes", text=text, participants=[(participant, "Mona")], author=world.researcher
    )
    start = text.index("<script>")
    factory.make_excerpt(
        interview, start, start + len("<script>alert(1)</script>"), codes=[world.securite], coder=world.researcher
    )
    body = login(world.researcher).get(url(world, code=world.securite.pk, site=world.site_a.pk)).content.decode()
    assert "<script>alert(1)" not in body and "<b>ça" not in body
    assert "Le <mark>&lt;script&gt;alert(1)&lt;/script&gt;</mark> ici." in body
    assert "Avant &lt;b&gt;ça&lt;/b&gt;." in body and "Après &amp; fin." in body


def test_a_team_member_of_site_b_sees_only_site_b(world, team_b, login):
    body = login(team_b).get(url(world)).content.decode()
    assert "4 excerpts" in body
    assert escape("Je coordonne le comité avec l'office d'habitation") in body
    assert "Le comité de locataires" not in body and "R-MTL1-11" not in body


@pytest.mark.parametrize("persona", ["partner", "outsider", "other_admin"])
def test_people_outside_the_study_get_404(world, persona, login, request):
    assert login(request.getfixturevalue(persona)).get(url(world)).status_code == 404


def test_invalid_filters_answer_400_with_the_errors_and_no_excerpt(world, login):
    response = login(world.researcher).get(url(world, combine="not", date_from="2021-01-01", date_to="2020-01-01"))
    assert response.status_code == 400
    body = response.content.decode()
    assert "Choose the code to combine." in body and "The end date comes before the start date." in body
    assert "0 excerpts" in body


def test_an_htmx_request_gets_only_the_results(world, login):
    response = login(world.researcher).get(url(world, code=world.securite.pk), headers={"HX-Request": "true"})
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<div id="results"')
    assert "<form" not in body and "<html" not in body
    assert "2 excerpts" in body


def test_the_list_is_paginated(world, login, monkeypatch):
    monkeypatch.setattr("reports.views.retrieval.PAGE_SIZE", 4)
    client = login(world.researcher)
    first = client.get(url(world, code=world.partenariat.pk, include_subcodes="on")).content.decode()
    assert "Page 1 of 3" in first
    assert f"?code={world.partenariat.pk}&amp;include_subcodes=on&amp;page=2" in first
    last = client.get(url(world, code=world.partenariat.pk, include_subcodes="on", page=3)).content.decode()
    assert last.count('class="excerpt card"') == 1


def test_the_export_link_carries_the_same_selection_when_exports_exist(world, login):
    body = login(world.researcher).get(url(world, code=world.securite.pk, site=world.site_a.pk)).content.decode()
    try:
        export = reverse("reports:export_codings", args=[world.study.slug])
    except NoReverseMatch:
        assert "Export this selection" not in body
    else:
        assert f'href="{export}?code={world.securite.pk}&amp;site={world.site_a.pk}"' in body


def test_the_page_runs_a_fixed_number_of_queries(world, login, django_assert_max_num_queries):
    client = login(world.researcher)
    client.get(url(world))  # warm the session
    with django_assert_max_num_queries(18):  # +1: whether the reader codes blind (tallies); +1: the access log
        response = client.get(url(world, code=world.partenariat.pk, include_subcodes="on"))
    assert response.status_code == 200
    # Twice the excerpts cost no more queries.
    for n in range(12):
        factory.make_excerpt(world.A2, n, n + 5, codes=[world.concertation], coder=world.researcher)
    with django_assert_max_num_queries(18):  # +1: whether the reader codes blind (tallies); +1: the access log
        client.get(url(world, code=world.partenariat.pk, include_subcodes="on"))
