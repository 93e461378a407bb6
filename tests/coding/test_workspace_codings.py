"""workspace_codings: the JSON the page polls; a cheap 304 while nothing changed, a new token when anything did."""

import pytest
from django.urls import reverse
from django.utils import translation

from coding import services
from coding.models import Excerpt
from tests import factory
from tests.coding.test_workspace_page import page_data

pytestmark = pytest.mark.usefixtures("fast_passwords")


@pytest.fixture(autouse=True)
def english(client, settings):
    """The messages asserted below are the English source strings (the interface is French by default)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


TEXT = "Marie : Le comité café 😀 réunit les résidents.\nI : Depuis quand ?\nMarie : Depuis 2019, je crois."


@pytest.fixture
def interview(study, site_a, researcher):
    return factory.make_interview(study, site_a, text=TEXT, author=researcher)


@pytest.fixture
def codes(study, researcher):
    parent = factory.make_code(study, "Réseau", colour="#4e79a7", by=researcher)
    return parent, factory.make_code(study, "Lieux", parent=parent, colour="#f28e2b", by=researcher)


def url(interview, coder=None):
    base = reverse("coding:workspace_codings", args=[interview.study.slug, interview.pk])
    return f"{base}?coder={coder}" if coder else base


def test_it_lists_excerpts_with_their_codings_and_the_codebook_with_paths(login, coder, researcher, interview, codes):
    start = TEXT.index("café")
    excerpt = factory.make_excerpt(interview, start, start + 6, codes=codes, coder=coder)
    services.add_codings(excerpt, code_ids=[codes[0].pk], coder=researcher)

    data = login(coder).get(url(interview)).json()

    assert data["version"] == interview.current_version_id
    assert data["me"] == coder.pk
    [item] = data["excerpts"]
    assert (item["id"], item["start"], item["end"], item["created_by"]) == (excerpt.pk, start, start + 6, coder.pk)
    assert sorted((c["code_id"], c["coder_id"]) for c in item["codes"]) == sorted(
        [(codes[0].pk, coder.pk), (codes[1].pk, coder.pk), (codes[0].pk, researcher.pk)]
    )
    assert all(set(c) == {"coding_id", "code_id", "coder_id", "coder"} for c in item["codes"])
    assert [(c["id"], c["path"], c["parent"]) for c in data["codebook"]] == [
        (codes[0].pk, "Réseau", None),
        (codes[1].pk, "Réseau > Lieux", codes[0].pk),
    ]
    assert {c["id"] for c in data["coders"]} == {coder.pk, researcher.pk}


def test_the_coder_filter_keeps_one_coders_codings(login, coder, researcher, interview, codes):
    factory.make_excerpt(interview, 0, 5, codes=[codes[0]], coder=coder)
    factory.make_excerpt(interview, 8, 10, codes=[codes[0]], coder=researcher)
    client = login(coder)

    assert [e["start"] for e in client.get(url(interview, "me")).json()["excerpts"]] == [0]
    assert [e["start"] for e in client.get(url(interview, researcher.pk)).json()["excerpts"]] == [8]
    assert [e["start"] for e in client.get(url(interview, "all")).json()["excerpts"]] == [0, 8]


def test_excerpts_that_need_review_are_left_out(login, coder, interview, codes):
    excerpt = factory.make_excerpt(interview, 0, 5, codes=[codes[0]], coder=coder)
    Excerpt.objects.filter(pk=excerpt.pk).update(needs_review=True)

    assert login(coder).get(url(interview)).json()["excerpts"] == []


def test_an_unchanged_state_answers_304_to_its_etag(login, coder, interview, codes):
    factory.make_excerpt(interview, 0, 5, codes=[codes[0]], coder=coder)
    client = login(coder)
    first = client.get(url(interview))
    etag = first["ETag"]

    again = client.get(url(interview), headers={"if-none-match": etag})

    assert again.status_code == 304
    assert again["ETag"] == etag
    assert etag == f'"{first.json()["token"]}"'
    assert "no-cache" in first["Cache-Control"]


@pytest.mark.parametrize("change", ["add", "remove_one_of_two", "remove_last", "extent", "rename_code", "new_code"])
def test_any_change_gives_a_new_token(login, coder, researcher, study, interview, codes, change):
    excerpt = factory.make_excerpt(interview, 0, 5, codes=list(codes), coder=coder)
    client = login(coder)
    etag = client.get(url(interview))["ETag"]

    if change == "add":
        factory.make_excerpt(interview, 8, 12, codes=[codes[0]], coder=researcher)
    elif change == "remove_one_of_two":
        services.remove_coding(excerpt.codings.get(code=codes[1]), by=coder)
    elif change == "remove_last":
        for coding in excerpt.codings.all():
            services.remove_coding(coding, by=coder)
    elif change == "extent":
        services.change_extent(excerpt, start=1, end=5, by=coder)
    elif change == "rename_code":
        services.update_code(codes[1], version=codes[1].version, by=researcher, name="Espaces")
    else:
        factory.make_code(study, "Nouveau", by=researcher)

    response = client.get(url(interview), headers={"if-none-match": etag})
    assert response.status_code == 200
    assert response["ETag"] != etag


@pytest.mark.parametrize("view", ["all", "me"])
def test_the_token_read_with_the_data_equals_the_token_of_the_cheap_check(
    login, coder, researcher, interview, codes, view
):
    factory.make_excerpt(interview, 0, 5, codes=list(codes), coder=coder)
    factory.make_excerpt(interview, 3, 9, codes=[codes[0]], coder=researcher)
    services.archive_code(codes[1], by=researcher)
    client = login(coder)
    page = client.get(reverse("coding:workspace", args=[interview.study.slug, interview.pk]) + f"?coder={view}")
    data = page_data(page)

    response = client.get(url(interview, view), headers={"if-none-match": f'"{data["token"]}"'})

    assert response.status_code == 304


def test_each_view_has_its_own_token(login, coder, researcher, interview, codes):
    factory.make_excerpt(interview, 0, 5, codes=[codes[0]], coder=coder)
    client = login(coder)
    etag = client.get(url(interview, "me"))["ETag"]

    assert client.get(url(interview, "all"), headers={"if-none-match": etag}).status_code == 200


def test_polling_costs_a_few_queries_and_a_full_answer_a_few_more(
    login, coder, interview, codes, django_assert_max_num_queries
):
    client = login(coder)
    client.get(url(interview))
    for start in range(0, 40, 2):
        factory.make_excerpt(interview, start, start + 2, codes=list(codes), coder=coder)

    with django_assert_max_num_queries(10):  # +1: the interviews the reader codes blind, looked up once per request
        response = client.get(url(interview))
    with django_assert_max_num_queries(7):
        unchanged = client.get(url(interview), headers={"if-none-match": response["ETag"]})

    assert len(response.json()["excerpts"]) == 20
    assert unchanged.status_code == 304


@pytest.mark.parametrize("persona", ["partner", "outsider", "other_admin", "team_b"])
def test_who_may_not_read_the_interview_gets_404(request, login, interview, persona):
    assert login(request.getfixturevalue(persona)).get(url(interview)).status_code == 404


def test_a_team_member_of_the_site_may_read_the_codings(login, team_b, study, site_b, researcher):
    interview = factory.make_interview(study, site_b, text="Notes.", author=researcher)

    assert login(team_b).get(url(interview)).status_code == 200
