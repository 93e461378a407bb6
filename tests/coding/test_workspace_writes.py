"""The workspace's writes: coding a range, removing one coding, changing an extent, an in-vivo code."""

import json
import uuid

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from coding.models import Code, Coding, Excerpt
from tests import factory

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
    return factory.make_code(study, "Réseau", by=researcher), factory.make_code(study, "Lieux", by=researcher)


def post(client, name, interview, body, *args):
    url = reverse(f"coding:{name}", args=[interview.study.slug, interview.pk, *args])
    return client.post(url, json.dumps(body), content_type="application/json")


def create(client, interview, start, end, code_ids, key=None):
    body = {"start": start, "end": end, "code_ids": code_ids, "idempotency_key": key or str(uuid.uuid4())}
    return post(client, "workspace_excerpt_create", interview, body)


# Coding a range


def test_coding_a_range_stores_the_servers_own_quote_prefix_and_suffix(login, coder, interview, codes):
    start = TEXT.index("café")
    body = {"start": start, "end": start + 6, "code_ids": [codes[0].pk], "quote": "faux", "idempotency_key": "k1"}

    response = post(login(coder), "workspace_excerpt_create", interview, body)

    assert response.status_code == 201
    excerpt = Excerpt.objects.get()
    assert excerpt.quote == "café 😀" == TEXT[start : start + 6]
    assert (excerpt.prefix, excerpt.suffix) == (TEXT[:start][-32:], TEXT[start + 6 :][:32])
    assert response.json()["excerpt"]["id"] == excerpt.pk
    assert [c["code_id"] for c in response.json()["excerpt"]["codes"]] == [codes[0].pk]


def test_several_codes_at_once_make_one_excerpt_with_one_coding_each(login, coder, interview, codes):
    response = create(login(coder), interview, 0, 5, [codes[0].pk, codes[1].pk])

    assert response.status_code == 201
    assert Excerpt.objects.count() == 1
    assert set(Coding.objects.values_list("code_id", "coder_id")) == {(codes[0].pk, coder.pk), (codes[1].pk, coder.pk)}


def test_a_double_submit_with_the_same_key_makes_one_excerpt(login, coder, interview, codes):
    client = login(coder)
    first = create(client, interview, 8, 14, [codes[0].pk], key="same-key")
    second = create(client, interview, 8, 14, [codes[0].pk], key="same-key")

    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json() == second.json()
    assert Excerpt.objects.count() == 1 and Coding.objects.count() == 1


def test_coding_the_same_words_again_adds_the_code_to_the_coders_excerpt(login, coder, interview, codes):
    client = login(coder)
    first = create(client, interview, 8, 14, [codes[0].pk]).json()["excerpt"]
    body = {"start": 8, "end": 14, "code_ids": [codes[1].pk], "excerpt_id": first["id"], "idempotency_key": "k2"}

    response = post(client, "workspace_excerpt_create", interview, body)

    assert response.status_code == 200
    assert Excerpt.objects.count() == 1
    assert {c["code_id"] for c in response.json()["excerpt"]["codes"]} == {codes[0].pk, codes[1].pk}


@pytest.mark.parametrize("whose", ["someone_else", "other_words"])
def test_codes_join_only_the_coders_own_excerpt_at_those_words(login, coder, researcher, interview, codes, whose):
    theirs = factory.make_excerpt(interview, 8, 14, codes=[codes[0]], coder=researcher)
    mine = factory.make_excerpt(interview, 20, 30, codes=[codes[0]], coder=coder)
    target = theirs if whose == "someone_else" else mine
    body = {"start": 8, "end": 14, "code_ids": [codes[1].pk], "excerpt_id": target.pk}

    response = post(login(coder), "workspace_excerpt_create", interview, body)

    assert response.status_code == 400
    assert not Coding.objects.filter(code=codes[1]).exists()


@pytest.mark.parametrize(
    "start,end,message",
    [
        (5, 5, "outside the text"),
        (9, 3, "outside the text"),
        (-1, 4, "outside the text"),
        (0, len(TEXT) + 1, "outside the text"),
        ("0", 4, "Select some text"),
        (0.5, 4, "Select some text"),
        (True, 4, "Select some text"),
        (None, None, "Select some text"),
    ],
)
def test_a_bad_range_is_refused_with_a_message(login, coder, interview, codes, start, end, message):
    response = create(login(coder), interview, start, end, [codes[0].pk])

    assert response.status_code == 400
    assert message in response.json()["error"]
    assert not Excerpt.objects.exists()


def test_codes_must_be_active_codes_of_the_study(login, coder, researcher, interview, codes, other_study):
    elsewhere = factory.make_code(other_study, "Ailleurs", by=researcher)
    archived = factory.make_code(interview.study, "Vieux", by=researcher)
    Code.objects.filter(pk=archived.pk).update(is_archived=True)
    client = login(coder)

    for code_ids in ([elsewhere.pk], [archived.pk], [], "12", [999999]):
        response = create(client, interview, 0, 4, code_ids)
        assert response.status_code == 400, code_ids
    assert not Excerpt.objects.exists()


def test_one_inactive_code_among_good_ones_stores_nothing(login, coder, researcher, interview, codes):
    merged = factory.make_code(interview.study, "Fusionné", by=researcher)
    Code.objects.filter(pk=merged.pk).update(merged_into=codes[1])
    client = login(coder)

    for bad in (merged.pk, 2**63, 2**70):
        response = create(client, interview, 0, 4, [codes[0].pk, bad])
        assert response.status_code == 400, bad
        assert "active codes of this study" in response.json()["error"]
    assert not Excerpt.objects.exists() and not Coding.objects.exists()


def test_coding_a_range_takes_few_queries(login, coder, interview, codes, django_assert_max_num_queries):
    client = login(coder)
    create(client, interview, 0, 4, [codes[0].pk])  # the session's first save

    # session, user, grants, interview; the acting user for the change history (PostgreSQL); then excerpt and
    # codings in one statement (in a savepoint here, since the test runs in a transaction; a request in
    # autocommit sends neither).
    with django_assert_max_num_queries(8):
        response = create(client, interview, 8, 14, [codes[0].pk, codes[1].pk])

    assert response.status_code == 201
    assert [c["code_id"] for c in response.json()["excerpt"]["codes"]] == sorted([codes[0].pk, codes[1].pk])
    assert {c["coder"] for c in response.json()["excerpt"]["codes"]} == {coder.get_full_name() or coder.email}


def test_a_form_post_codes_too(login, coder, interview, codes):
    url = reverse("coding:workspace_excerpt_create", args=[interview.study.slug, interview.pk])

    response = login(coder).post(url, {"start": "0", "end": "5", "code_ids": [codes[0].pk, codes[1].pk]})

    assert response.status_code == 201
    assert Excerpt.objects.get().quote == "Marie"


def test_the_csrf_token_travels_in_the_header(coder, interview, codes):
    client = Client(enforce_csrf_checks=True)
    client.force_login(coder)
    page = client.get(reverse("coding:workspace", args=[interview.study.slug, interview.pk]))
    token = page.context["csrf_token"]
    body = json.dumps({"start": 0, "end": 5, "code_ids": [codes[0].pk], "idempotency_key": "k"})
    url = reverse("coding:workspace_excerpt_create", args=[interview.study.slug, interview.pk])

    refused = client.post(url, body, content_type="application/json")
    accepted = client.post(url, body, content_type="application/json", headers={"x-csrftoken": str(token)})

    assert (refused.status_code, accepted.status_code) == (403, 201)


def test_a_team_member_cannot_code(login, team_b, study, site_b, researcher, codes):
    interview = factory.make_interview(study, site_b, text="Notes de terrain.", author=researcher)

    assert create(login(team_b), interview, 0, 5, [codes[0].pk]).status_code == 403
    assert not Excerpt.objects.exists()


@pytest.mark.parametrize("persona", ["partner", "outsider", "other_admin"])
def test_outsiders_get_404(request, login, interview, codes, persona):
    assert create(login(request.getfixturevalue(persona)), interview, 0, 5, [codes[0].pk]).status_code == 404


def test_a_coder_cannot_code_another_sites_interview(login, coder, study, site_b, researcher, codes):
    interview = factory.make_interview(study, site_b, text="Notes de terrain.", author=researcher)

    assert create(login(coder), interview, 0, 5, [codes[0].pk]).status_code == 404


# Removing a coding


def test_removing_a_coding_removes_only_that_code(login, coder, interview, codes):
    excerpt = factory.make_excerpt(interview, 0, 5, codes=list(codes), coder=coder)
    coding = excerpt.codings.get(code=codes[0])

    response = post(login(coder), "workspace_coding_remove", interview, {}, coding.pk)

    assert response.status_code == 200
    assert response.json() == {"removed": coding.pk, "excerpt_removed": False}
    assert list(excerpt.codings.values_list("code_id", flat=True)) == [codes[1].pk]


def test_removing_the_last_coding_removes_the_excerpt(login, coder, interview, codes):
    excerpt = factory.make_excerpt(interview, 0, 5, codes=[codes[0]], coder=coder)

    response = post(login(coder), "workspace_coding_remove", interview, {}, excerpt.codings.get().pk)

    assert response.json()["excerpt_removed"] is True
    assert not Excerpt.objects.exists()


def test_a_coder_cannot_remove_someone_elses_coding_but_a_researcher_can(login, coder, researcher, interview, codes):
    excerpt = factory.make_excerpt(interview, 0, 5, codes=[codes[0]], coder=researcher)
    mine = factory.make_excerpt(interview, 8, 12, codes=[codes[0]], coder=coder)

    assert post(login(coder), "workspace_coding_remove", interview, {}, excerpt.codings.get().pk).status_code == 403
    assert post(login(researcher), "workspace_coding_remove", interview, {}, mine.codings.get().pk).status_code == 200
    assert list(Excerpt.objects.all()) == [excerpt]


def test_a_coding_of_another_interview_is_not_found(login, coder, study, site_a, researcher, interview, codes):
    other = factory.make_interview(study, site_a, "Autre", text="Un autre texte.", author=researcher)
    excerpt = factory.make_excerpt(other, 0, 5, codes=[codes[0]], coder=coder)

    assert post(login(coder), "workspace_coding_remove", interview, {}, excerpt.codings.get().pk).status_code == 404


# Changing the extent


def test_changing_the_extent_recomputes_the_quote(login, coder, interview, codes):
    excerpt = factory.make_excerpt(interview, 0, 5, codes=[codes[0]], coder=coder)
    start = TEXT.index("comité")

    response = post(
        login(coder), "workspace_excerpt_extent", interview, {"start": start, "end": start + 11}, excerpt.pk
    )

    assert response.status_code == 200
    excerpt.refresh_from_db()
    assert (excerpt.start, excerpt.end, excerpt.quote) == (start, start + 11, "comité café")
    assert response.json()["excerpt"]["start"] == start


def test_a_bad_extent_is_refused(login, coder, interview, codes):
    excerpt = factory.make_excerpt(interview, 0, 5, codes=[codes[0]], coder=coder)

    response = post(login(coder), "workspace_excerpt_extent", interview, {"start": 4, "end": 999}, excerpt.pk)

    assert response.status_code == 400
    excerpt.refresh_from_db()
    assert (excerpt.start, excerpt.end) == (0, 5)


def test_a_coder_cannot_move_someone_elses_excerpt(login, coder, researcher, interview, codes):
    excerpt = factory.make_excerpt(interview, 0, 5, codes=[codes[0]], coder=researcher)

    assert (
        post(login(coder), "workspace_excerpt_extent", interview, {"start": 1, "end": 5}, excerpt.pk).status_code == 403
    )


# In-vivo codes


def test_in_vivo_makes_a_root_code_named_after_the_servers_text(login, researcher, interview):
    start = TEXT.index("comité")

    response = post(login(researcher), "workspace_code_create", interview, {"start": start, "end": start + 11})

    assert response.status_code == 201
    code = Code.objects.get(pk=response.json()["code"]["id"])
    assert (code.name, code.parent, code.study) == ("comité café", None, interview.study)


def test_in_vivo_twice_on_the_same_words_gives_the_same_code(login, researcher, interview):
    client = login(researcher)
    start = TEXT.index("comité")
    first = post(client, "workspace_code_create", interview, {"start": start, "end": start + 6})
    second = post(client, "workspace_code_create", interview, {"name": "COMITÉ"})

    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json()["code"]["id"] == second.json()["code"]["id"]


def test_a_long_in_vivo_name_is_cut_at_a_word(login, researcher, study, site_a):
    text = "Marie : " + " ".join(["mot"] * 60)
    interview = factory.make_interview(study, site_a, text=text, author=researcher)

    response = post(login(researcher), "workspace_code_create", interview, {"start": 8, "end": len(text)})

    name = response.json()["code"]["name"]
    assert name.endswith("…") and len(name) <= 81 and "mot mot" in name


@pytest.mark.parametrize("persona", ["coder", "team_b"])
def test_coders_and_team_members_cannot_create_codes(request, login, interview, persona):
    client = login(request.getfixturevalue(persona))
    response = post(client, "workspace_code_create", interview, {"name": "Nouveau"})

    assert response.status_code in (403, 404)
    assert not Code.objects.exists()


def test_an_in_vivo_range_outside_the_text_is_refused(login, researcher, interview):
    response = post(login(researcher), "workspace_code_create", interview, {"start": 3, "end": 9999})

    assert response.status_code == 400
    assert not Code.objects.exists()
