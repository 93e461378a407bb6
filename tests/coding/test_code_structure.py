"""Restructuring the codebook: move (no cycles), merge (codings move, duplicates collapse, lineage kept), archive."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from coding import services
from coding.models import Code, Coding, Memo
from tests import factory

pytestmark = pytest.mark.usefixtures("fast_passwords")

TEXT = "R : Le comité se réunit au local des résidents chaque mois, avec la coordonnatrice."


def url(name, *args):
    return reverse(f"coding:{name}", args=["etude", *args])


@pytest.fixture
def codes(study):
    network = factory.make_code(study, "Réseau")
    partners = factory.make_code(study, "Partenaires", parent=network)
    city = factory.make_code(study, "Ville", parent=partners)
    places = factory.make_code(study, "Lieux")
    return network, partners, city, places


@pytest.fixture
def interview(study, site_a):
    return factory.make_interview(study, site_a, text=TEXT)


# move


def test_moving_a_code_takes_its_subtree_along(login, researcher, codes):
    network, partners, city, places = codes
    response = login(researcher).post(url("code_move", partners.pk), {"parent": places.pk, "version": 1})
    assert response.status_code == 302
    partners.refresh_from_db()
    city.refresh_from_db()
    assert (partners.parent, partners.version, city.parent) == (places, 2, partners)


def test_moving_to_the_top_level(login, researcher, codes):
    login(researcher).post(url("code_move", codes[1].pk), {"parent": "", "version": 1})
    codes[1].refresh_from_db()
    assert codes[1].parent is None


@pytest.mark.parametrize("target", [0, 2])  # itself, its own sub-code
def test_a_move_under_itself_or_its_subtree_is_refused(login, researcher, codes, target):
    network = codes[0]
    parent = network if target == 0 else codes[2]
    response = login(researcher).post(url("code_move", network.pk), {"parent": parent.pk, "version": 1})
    assert response.status_code == 400
    with pytest.raises(ValidationError):
        services.move_code(network, parent=parent, version=1, by=researcher)
    network.refresh_from_db()
    assert (network.parent, network.version) == (None, 1)


def test_a_move_into_a_name_taken_there_is_refused(researcher, study, codes):
    factory.make_code(study, "Partenaires", parent=codes[3])
    with pytest.raises(ValidationError):
        services.move_code(codes[1], parent=codes[3], version=1, by=researcher)


def test_a_stale_move_is_refused(login, researcher, admin, codes):
    services.update_code(codes[1], version=1, by=admin, definition="changée")
    response = login(researcher).post(url("code_move", codes[1].pk), {"parent": codes[3].pk, "version": 1})
    assert response.status_code == 409
    codes[1].refresh_from_db()
    assert codes[1].parent == codes[0]


# reorder


def test_shifting_swaps_with_the_neighbour_and_stops_at_the_ends(researcher, study, codes):
    extra = factory.make_code(study, "Acteurs")
    roots = lambda: list(Code.objects.active().roots().in_tree_order().values_list("name", flat=True))  # noqa: E731
    assert roots() == ["Réseau", "Lieux", "Acteurs"]
    services.shift_code(extra, step=-1, by=researcher)
    assert roots() == ["Réseau", "Acteurs", "Lieux"]
    services.shift_code(codes[0], step=-1, by=researcher)
    assert roots() == ["Réseau", "Acteurs", "Lieux"]
    services.shift_code(codes[0], step=1, by=researcher)
    assert roots() == ["Acteurs", "Réseau", "Lieux"]


# merge


def test_merging_moves_codings_and_collapses_duplicates(researcher, coder, interview, codes):
    network, partners, city, places = codes
    both = factory.make_excerpt(interview, 4, 10, codes=[partners, places], coder=coder)
    only_source = factory.make_excerpt(interview, 11, 20, codes=[partners], coder=coder)
    other_coder = factory.make_excerpt(interview, 21, 30, codes=[places], coder=coder)
    services.add_codings(other_coder, code_ids=[partners.pk], coder=researcher)
    services.merge_codes(partners, into=places, by=researcher)
    assert set(Coding.objects.values_list("excerpt_id", "code_id", "coder_id")) == {
        (both.pk, places.pk, coder.pk),
        (only_source.pk, places.pk, coder.pk),
        (other_coder.pk, places.pk, coder.pk),
        (other_coder.pk, places.pk, researcher.pk),
    }
    partners.refresh_from_db()
    city.refresh_from_db()
    assert partners.merged_into == places and not Code.objects.active().filter(pk=partners.pk).exists()
    assert city.parent == places
    assert list(places.merged_codes.all()) == [partners]


def test_merging_moves_memos_and_keeps_a_name_for_a_new_code(researcher, study, codes):
    network, partners, city, places = codes
    memo = services.create_memo(study, author=researcher, kind="analytic", title="Note", anchor=partners)
    services.merge_codes(partners, into=places, by=researcher)
    assert Memo.objects.get(pk=memo.pk).code == places
    # The merged code leaves the active tree, so its name is free again where it was.
    factory.make_code(study, "Partenaires", parent=network)


def test_a_code_cannot_be_merged_into_itself_its_subtree_or_another_study(researcher, codes, other_study):
    network, partners, city, places = codes
    elsewhere = factory.make_code(other_study, "Ailleurs")
    for target in (network, city, elsewhere):
        with pytest.raises(ValidationError):
            services.merge_codes(network, into=target, by=researcher)
    assert not Code.objects.exclude(merged_into=None).exists()


def test_merge_through_the_page(login, researcher, coder, interview, codes):
    network, partners, city, places = codes
    factory.make_excerpt(interview, 4, 10, codes=[city], coder=coder)
    client = login(researcher)
    page = client.get(url("code_merge", partners.pk))
    choices = {code.pk for code in page.context["form"].fields["into"].queryset}
    assert choices == {network.pk, places.pk}, "neither itself nor its sub-codes are offered"
    response = client.post(url("code_merge", city.pk), {"into": places.pk, "version": 1})
    assert response.status_code == 302 and response.url == url("code_detail", places.pk)
    assert Coding.objects.get().code == places
    tree = client.get(url("codebook_detail")).context["tree"]
    assert "Ville" not in {code.name for code in tree} | {c.name for n in tree for c in n.nodes}


def test_a_merge_with_an_unknown_target_re_renders(login, researcher, codes):
    response = login(researcher).post(url("code_merge", codes[0].pk), {"into": codes[2].pk, "version": 1})
    assert response.status_code == 400


# archive


def test_archiving_hides_the_subtree_and_keeps_codings(login, researcher, coder, interview, codes):
    network, partners, city, places = codes
    factory.make_excerpt(interview, 4, 10, codes=[city], coder=coder)
    client = login(researcher)
    assert client.post(url("code_archive", partners.pk), {"version": 1}).status_code == 302
    assert set(Code.objects.active().values_list("name", flat=True)) == {"Réseau", "Lieux"}
    assert Coding.objects.count() == 1
    page = client.get(url("codebook_detail"))
    assert [code.name for code in page.context["archived"]] == ["Partenaires", "Ville"]
    assert client.post(url("code_unarchive", partners.pk)).status_code == 302
    assert Code.objects.active().count() == 4


def test_an_archived_code_cannot_be_used_for_coding(researcher, coder, interview, codes):
    services.archive_code(codes[3], by=researcher)
    with pytest.raises(ValidationError):
        factory.make_excerpt(interview, 4, 10, codes=[codes[3]], coder=coder)


def test_unarchiving_under_an_archived_parent_is_refused(login, researcher, codes):
    services.archive_code(codes[0], by=researcher)
    codes[1].refresh_from_db()
    response = login(researcher).post(url("code_unarchive", codes[1].pk), follow=True)
    assert "rétablissez-le d&#x27;abord" in response.content.decode()  # French, the default language
    codes[1].refresh_from_db()
    assert codes[1].is_archived


def test_a_stale_archive_is_refused(login, researcher, admin, codes):
    services.update_code(codes[3], version=1, by=admin, definition="changée")
    login(researcher).post(url("code_archive", codes[3].pk), {"version": 1})
    codes[3].refresh_from_db()
    assert not codes[3].is_archived
