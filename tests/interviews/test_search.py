"""French full-text search: accents and case ignored, stemming on PostgreSQL, never past visible_to."""

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation

from interviews import services
from interviews.search import fts_query, marked_html
from tests import factory

pytestmark = pytest.mark.usefixtures("fast_passwords")

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="French stemming needs PostgreSQL")

MTL_TEXT = (
    "Entretien au Milieu Rivière\n"
    "I : Parlez-moi du comité.\n"
    "R : Le Comité des résidents se réunit à l'école; les logements sont rénovés.\n"
    "I : Et la sécurité ?\n"
    "R : <b>Ça</b> va mieux <inaudible> depuis que l'INTERVENANTE est là."
)
QC_TEXT = (
    "Entretien au Milieu Colline\n"
    "I : Et le comité ?\n"
    "P : Le comité secret de Québec discute du logement social.\n"
    "I : Merci.\n"
    "P : Bienvenue."
)


@pytest.fixture(autouse=True)
def english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def interviews(study, site_a, site_b, participant_a):
    partner = factory.make_participant(study, site_b, "P-QC1-01", kind="partner")
    mtl = factory.make_interview(
        study, site_a, "Entretien MTL", text=MTL_TEXT, participants=[(participant_a, "R")], interviewer_label="I"
    )
    qc = factory.make_interview(
        study, site_b, "Entretien QC", text=QC_TEXT, participants=[(partner, "P")], interviewer_label="I"
    )
    return mtl, qc


def search(client, q, **filters):
    url = reverse("interviews:transcript_search", args=["etude"])
    return client.get(url, {"q": q, **filters})


def titles(response):
    return sorted({p.interview.title for p in response.context["page"]})


def test_accents_and_case_are_ignored(login, researcher, interviews):
    client = login(researcher)
    for q in ("ecole", "ÉCOLE", "Ecole", "renoves", "intervenante", "securite"):
        assert titles(search(client, q)) == ["Entretien MTL"], q
    assert titles(search(client, "quebec")) == ["Entretien QC"]


def test_a_result_links_to_its_turn_in_the_reading_view_with_a_marked_snippet(login, researcher, interviews):
    mtl, _qc = interviews
    response = search(login(researcher), "école")
    [passage] = response.context["page"]
    turn = mtl.current_version.turns.get(start=passage.start)
    assert turn.label == "R" and passage.text == MTL_TEXT[turn.body_start : turn.end]
    page = response.content.decode()
    assert reverse("interviews:interview_detail", args=["etude", mtl.pk]) + f"#t-{turn.start}" in page
    assert "<mark>école</mark>" in page
    reading = login(researcher).get(reverse("interviews:interview_detail", args=["etude", mtl.pk])).content.decode()
    assert f'id="t-{turn.start}"' in reading


def test_snippets_are_escaped_before_they_are_marked(login, researcher, interviews):
    page = search(login(researcher), "mieux").content.decode()
    assert "&lt;b&gt;Ça&lt;/b&gt; va <mark>mieux</mark> &lt;inaudible&gt;" in page
    assert "<b>Ça</b>" not in page
    assert "&lt;<mark>inaudible</mark>&gt;" in search(login(researcher), "inaudible").content.decode()


def test_every_matching_passage_is_ranked_and_counted(login, researcher, interviews):
    response = search(login(researcher), "comité")
    assert response.context["page"].paginator.count == 4
    assert "4 passages found" in response.content.decode()


@on_postgresql
def test_french_stemming_finds_other_forms_of_a_word(login, researcher, interviews):
    client = login(researcher)
    assert titles(search(client, "logement")) == ["Entretien MTL", "Entretien QC"]  # "logements" and "logement"
    assert titles(search(client, "renover")) == ["Entretien MTL"]  # "rénovés"
    assert titles(search(client, "bibliothèque")) == []
    assert titles(search(client, '"comité secret"')) == ["Entretien QC"]
    assert titles(search(client, "logement -social")) == ["Entretien MTL"]


def test_a_member_of_one_site_finds_nothing_of_the_other(login, coder, team_b, interviews):
    coder_results = search(login(coder), "comité")
    assert titles(coder_results) == ["Entretien MTL"]
    assert coder_results.context["page"].paginator.count == 2
    team = search(login(team_b), "école")
    assert team.context["page"].paginator.count == 0
    assert "école" not in team.content.decode().split('id="results"')[1]
    assert titles(search(login(team_b), "secret")) == ["Entretien QC"]


@pytest.mark.parametrize("persona", ["partner", "outsider", "other_admin"])
def test_who_is_not_a_reader_of_the_study_gets_404(persona, request, login, interviews):
    assert search(login(request.getfixturevalue(persona)), "comité").status_code == 404


def test_filters_by_site_kind_and_who_speaks(login, researcher, interviews, site_b):
    client = login(researcher)
    assert titles(search(client, "comité", site=site_b.pk)) == ["Entretien QC"]
    assert titles(search(client, "comité", kind="group")) == []
    assert titles(search(client, "comité", speaker_kind="partner")) == ["Entretien QC"]
    interviewer_only = search(client, "comité", speaker_kind="interviewer")
    assert interviewer_only.context["page"].paginator.count == 2
    assert all(p.is_interviewer for p in interviewer_only.context["page"])
    residents = search(client, "comité", speaker_kind="resident")
    assert [p.speaker.code for p in residents.context["page"]] == ["R-MTL1-01"]


def test_only_the_current_version_is_searched(login, researcher, interviews):
    mtl, _qc = interviews
    services.save_transcript_edit(mtl, text=MTL_TEXT.replace("l'école", "la bibliothèque"), author=researcher)
    client = login(researcher)
    assert titles(search(client, "ecole")) == []
    assert titles(search(client, "bibliotheque")) == ["Entretien MTL"]


def test_a_deleted_interview_leaves_the_index(login, researcher, interviews):
    mtl, _qc = interviews
    mtl.delete()
    assert titles(search(login(researcher), "ecole")) == []


def test_htmx_gets_the_results_fragment_and_an_empty_query_no_results(login, researcher, interviews):
    client = login(researcher)
    fragment = client.get(
        reverse("interviews:transcript_search", args=["etude"]), {"q": "comité"}, headers={"HX-Request": "true"}
    ).content.decode()
    assert fragment.lstrip().startswith('<div id="results"') and "<html" not in fragment
    empty = search(client, "   ")
    assert empty.status_code == 200 and empty.context["page"] is None


def test_operators_typed_in_the_box_cannot_break_the_query(login, researcher, interviews):
    client = login(researcher)
    for q in ('comité" OR "', "NEAR(comité", "*", "text:comité", "comité AND", "'; DROP TABLE x; --"):
        assert search(client, q).status_code == 200, q


def test_the_search_page_pins_its_query_count(
    login, researcher, study, site_a, participant_a, django_assert_max_num_queries
):
    for number in range(30):
        factory.make_interview(study, site_a, f"E{number}", text=MTL_TEXT, participants=[(participant_a, "R")])
    client = login(researcher)
    with django_assert_max_num_queries(10):
        response = search(client, "comité")
    assert len(response.context["page"].object_list) == 20


def test_the_fts_expression_quotes_every_word_as_a_prefix():
    assert fts_query("l'école \"NEAR(x) -y") == '"l"* "école"* "NEAR"* "x"* "y"*'
    assert fts_query("  ") == ""


def test_marks_are_added_after_escaping():
    assert marked_html("<i>\x02oui\x03</i>") == "&lt;i&gt;<mark>oui</mark>&lt;/i&gt;"
    assert marked_html("\x04b\x05 & \x02x\x03") == "&lt;b&gt; &amp; <mark>x</mark>"


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 index exists on SQLite only")
def test_the_sqlite_index_is_kept_by_triggers(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'interviews_passage'")
        assert sorted(row[0] for row in cursor.fetchall()) == [
            "interviews_passage_fts_delete",
            "interviews_passage_fts_insert",
            "interviews_passage_fts_update",
        ]


@on_postgresql
def test_the_postgresql_index_is_a_gin_on_the_french_unaccented_vector(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'interviews_passage_search'")
        assert "gin (search_vector)" in cursor.fetchone()[0]
        cursor.execute("SELECT to_tsvector('fr_unaccent', 'Les Élèves rénovés')::text")
        assert cursor.fetchone()[0] == "'elev':2 'le':1 'renov':3"  # Snowball's French stop list lacks "les"
