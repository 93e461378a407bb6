"""The codebook pages: the tree with its counts, creating and editing codes, who may do what."""

import pytest
from django.urls import reverse
from django.utils import translation

from coding import services
from coding.models import Code
from tests import factory

pytestmark = pytest.mark.usefixtures("fast_passwords")

TEXT = "R : Le comité se réunit au local des résidents chaque mois, avec la coordonnatrice."


@pytest.fixture(autouse=True)
def english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def tree(study, researcher):
    network = factory.make_code(study, "Réseau", colour="#4e79a7", definition="Liens entre partenaires.")
    partners = factory.make_code(study, "Partenaires", parent=network, colour="#f28e2b")
    places = factory.make_code(study, "Lieux", colour="#59a14f")
    return network, partners, places


def url(name, *args):
    return reverse(f"coding:{name}", args=["etude", *args])


def test_the_codebook_shows_the_nested_tree_with_counts(login, coder, researcher, study, site_a, site_b, tree):
    network, partners, places = tree
    interview_a = factory.make_interview(study, site_a, text=TEXT)
    interview_b = factory.make_interview(study, site_b, text=TEXT)
    factory.make_excerpt(interview_a, 4, 10, codes=[partners, places], coder=coder)
    factory.make_excerpt(interview_a, 11, 20, codes=[partners], coder=coder)
    factory.make_excerpt(interview_b, 4, 10, codes=[partners], coder=researcher)
    response = login(coder).get(url("codebook_detail"))
    assert response.status_code == 200
    top = response.context["tree"]
    assert [code.name for code in top] == ["Réseau", "Lieux"]
    assert [code.name for code in top[0].nodes] == ["Partenaires"]
    # The coder is limited to site A: site B's coding is not counted for them.
    assert (top[0].nodes[0].coding_count, top[1].coding_count, top[0].coding_count) == (2, 1, 0)
    page = response.content.decode()
    assert "background: #f28e2b" in page
    assert url("code_edit", network.pk) not in page, "a coder is not offered restructuring"
    researcher_page = login(researcher).get(url("codebook_detail"))
    assert researcher_page.context["tree"][0].nodes[0].coding_count == 3
    assert url("code_edit", network.pk) in researcher_page.content.decode()


def test_the_codebook_page_costs_a_fixed_number_of_queries(
    login, researcher, study, site_a, tree, django_assert_max_num_queries
):
    interview = factory.make_interview(study, site_a, text=TEXT)
    parent = tree[0]
    for index in range(30):
        code = factory.make_code(study, f"Code {index:02d}", parent=parent)
        factory.make_excerpt(interview, index, index + 5, codes=[code], coder=researcher)
        parent = code if index % 5 == 0 else parent
    services.archive_code(factory.make_code(study, "Vieux"), by=researcher)
    client = login(researcher)
    with django_assert_max_num_queries(9):
        response = client.get(url("codebook_detail"))
    assert response.context["code_total"] == 33


@pytest.mark.parametrize("persona", ["partner", "outsider", "other_admin"])
def test_outsiders_get_404(persona, request, login, tree):
    client = login(request.getfixturevalue(persona))
    for address in (url("codebook_detail"), url("code_detail", tree[0].pk), url("codebook_export")):
        assert client.get(address).status_code == 404


def test_team_members_read_the_codebook(login, team_b, tree):
    client = login(team_b)
    assert client.get(url("codebook_detail")).status_code == 200
    assert client.get(url("code_detail", tree[1].pk)).status_code == 200


@pytest.mark.parametrize("persona", ["coder", "team_b"])
def test_readers_cannot_restructure(persona, request, login, tree):
    client = login(request.getfixturevalue(persona))
    network = tree[0]
    assert client.get(url("code_create")).status_code == 403
    assert client.post(url("code_create"), {"name": "Nouveau", "colour": "#000000"}).status_code == 403
    assert (
        client.post(url("code_edit", network.pk), {"name": "X", "colour": "#000000", "version": 1}).status_code == 403
    )
    assert client.post(url("code_move", network.pk), {"parent": tree[2].pk, "version": 1}).status_code == 403
    assert client.post(url("code_merge", network.pk), {"into": tree[2].pk, "version": 1}).status_code == 403
    assert client.post(url("code_shift", network.pk), {"direction": "down"}).status_code == 403
    assert client.post(url("code_archive", network.pk)).status_code == 403
    assert client.get(url("codebook_import")).status_code == 403
    network.refresh_from_db()
    assert (network.name, network.version, network.is_archived) == ("Réseau", 1, False)
    assert Code.objects.count() == 3


def test_a_researcher_creates_a_sub_code(login, researcher, tree):
    response = login(researcher).post(
        url("code_create"), {"name": "  Voisins  ", "parent": tree[0].pk, "colour": "#E15759", "definition": "D."}
    )
    code = Code.objects.get(name="Voisins")
    assert response.status_code == 302 and response.url == url("code_detail", code.pk)
    assert (code.parent, code.colour, code.definition, code.created_by) == (tree[0], "#e15759", "D.", researcher)
    assert code.order == 1  # after "Partenaires"


def test_a_code_without_colour_takes_one_from_the_palette(login, researcher, tree):
    login(researcher).post(url("code_create"), {"name": "Sans couleur", "colour": ""})
    assert Code.objects.get(name="Sans couleur").colour in services.PALETTE


@pytest.mark.parametrize("colour", ["red", "#12345", "#1234567", "#gggggg", "123456"])
def test_an_invalid_colour_re_renders_with_an_error(login, researcher, tree, colour):
    response = login(researcher).post(url("code_edit", tree[0].pk), {"name": "Réseau", "colour": colour, "version": 1})
    assert response.status_code == 400
    assert "#rrggbb" in response.content.decode()
    tree[0].refresh_from_db()
    assert tree[0].colour == "#4e79a7"


def test_a_name_taken_among_siblings_is_refused_whatever_its_case(login, researcher, tree):
    client = login(researcher)
    response = client.post(url("code_create"), {"name": "lieux", "colour": "#000000"})
    assert response.status_code == 400 and "already exists" in response.content.decode()
    # The same name under another parent is fine.
    assert client.post(url("code_create"), {"name": "Lieux", "parent": tree[0].pk}).status_code == 302


def test_an_edit_saves_and_bumps_the_version(login, researcher, tree):
    network = tree[0]
    body = {"name": "Réseaux", "colour": "#000000", "definition": "Nouveau", "version": 1}
    response = login(researcher).post(url("code_edit", network.pk), body)
    assert response.status_code == 302
    network.refresh_from_db()
    assert (network.name, network.colour, network.definition, network.version) == ("Réseaux", "#000000", "Nouveau", 2)


def test_an_edit_based_on_a_stale_version_is_refused_with_the_current_state(login, researcher, admin, tree):
    network = tree[0]
    services.update_code(network, version=1, by=admin, definition="Changé par l'admin")
    body = {"name": "Réseau", "colour": "#4e79a7", "definition": "Ma définition", "version": 1}
    response = login(researcher).post(url("code_edit", network.pk), body)
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone changed this code meanwhile" in page
    assert "Changé par l&#x27;admin" in page and "Ma définition" in page
    assert response.context["form"]["version"].value() == 2
    network.refresh_from_db()
    assert (network.definition, network.version) == ("Changé par l'admin", 2)


def test_reordering_with_htmx_returns_only_the_tree(login, researcher, tree):
    network, _partners, places = tree
    response = login(researcher).post(url("code_shift", places.pk), {"direction": "up"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="tree"') and "<html" not in page
    assert [code.name for code in response.context["tree"]] == ["Lieux", "Réseau"]
    network.refresh_from_db()
    assert network.order == 1


def test_the_codebook_htmx_request_gets_the_tree_fragment(login, coder, tree):
    response = login(coder).get(url("codebook_detail"), headers={"HX-Request": "true"})
    assert response.status_code == 200 and "<html" not in response.content.decode()


def test_the_code_page_shows_escaped_texts_lineage_and_memos(login, researcher, study, tree):
    network, partners, places = tree
    services.update_code(places, version=1, by=researcher, definition="<script>alert(1)</script>")
    services.merge_codes(partners, into=places, by=researcher)
    services.create_memo(study, author=researcher, kind="analytic", title="Sur les lieux", anchor=places)
    page = login(researcher).get(url("code_detail", places.pk)).content.decode()
    assert "&lt;script&gt;" in page and "<script>alert" not in page
    assert "Partenaires" in page and "Sur les lieux" in page
