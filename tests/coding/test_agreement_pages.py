"""The agreement matrix, one interview's disagreements, adjudication into the consensus coder, reports on the
consensus alone, the export and `manage.py agreement`."""

import io
import json
import zipfile

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from coding import services
from coding.models import Adjudication, Coding, ConsensusCoder
from sites.permissions import Role
from tests import factory

pytestmark = pytest.mark.usefixtures("fast_passwords")

TEXT = "R : Le comité se réunit chaque mois au local.\nI : Et les voisins ?\nR : Ils viennent au café du jeudi."


@pytest.fixture(autouse=True)
def english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def second_coder(study, site_a):
    user = factory.make_user("second.coder@example.test")
    factory.make_membership(user, study, Role.CODER, [site_a])
    return user


@pytest.fixture
def interview(study, site_a, researcher):
    return factory.make_interview(study, site_a, "Entretien double", text=TEXT, author=researcher)


@pytest.fixture
def codes(study, researcher):
    return factory.make_code(study, "=Comité", by=researcher), factory.make_code(study, "Voisins", by=researcher)


@pytest.fixture
def double_coded(study, interview, codes, coder, second_coder, researcher):
    """A closed assignment: both coders code "Comité" on 4–30 and 4–20, only the first codes "Voisins" 50–60."""
    assignment = services.create_assignment(
        study, title="Vague 1", interviews=[interview], coders=[coder, second_coder], by=researcher
    )
    comite, voisins = codes
    factory.make_excerpt(interview, 4, 30, codes=[comite], coder=coder)
    factory.make_excerpt(interview, 50, 60, codes=[voisins], coder=coder)
    factory.make_excerpt(interview, 4, 20, codes=[comite], coder=second_coder)
    factory.make_excerpt(interview, 70, 80, codes=[comite], coder=second_coder)
    return services.close_assignment(assignment, by=researcher)


def test_matrix_shows_kappa_per_code_and_coder_pair_with_units(
    login, researcher, study, double_coded, django_assert_max_num_queries
):
    client = login(researcher)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("coding:agreement_matrix", args=[study.slug]))
    assert response.status_code == 200
    rows = {row["path"]: row["cells"][0] for row in response.context["rows"]}
    assert rows["Voisins"]["kappa"] == 0  # one coder coded nothing
    assert rows["Voisins"]["warning"] == "unstable"
    assert rows["=Comité"]["units"] == len(TEXT)
    body = response.content.decode()
    assert "kappa--" in body and "coder@example.test × second.coder@example.test" in body


def test_matrix_by_site(login, researcher, study, double_coded):
    response = login(researcher).get(reverse("coding:agreement_matrix", args=[study.slug]) + "?axis=site")
    assert response.context["columns"] == ["MTL1"]


def test_a_coder_with_an_open_assignment_gets_no_figures_of_it(
    login, coder, second_coder, researcher, study, interview, codes
):
    services.create_assignment(
        study, title="Ouverte", interviews=[interview], coders=[coder, second_coder], by=researcher
    )
    factory.make_excerpt(interview, 4, 30, codes=[codes[0]], coder=second_coder)
    response = login(coder).get(reverse("coding:agreement_matrix", args=[study.slug]))
    assert response.context["rows"] == []
    assert login(coder).get(reverse("coding:agreement_interview", args=[study.slug, interview.pk])).status_code == 404


def test_disagreement_view_puts_the_coders_side_by_side(
    login, researcher, study, interview, double_coded, django_assert_max_num_queries
):
    client = login(researcher)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("coding:agreement_interview", args=[study.slug, interview.pk]))
    sections = {section["code"].name: section for section in response.context["sections"]}
    comite = sections["=Comité"]["regions"]
    assert [(r["start"], r["end"], r["agreed"]) for r in comite] == [(4, 30, False), (70, 80, False)]
    assert response.context["disagreements"] == 3
    body = response.content.decode()
    assert 'class="differs"' in body and "region--disagreed" in body


@pytest.mark.parametrize(
    ("decision", "expected"),
    [
        ("first", [(4, 30)]),
        ("second", [(4, 20)]),
        ("union", [(4, 30)]),
        ("intersection", [(4, 20)]),
        ("redraw", [(2, 25)]),
    ],
)
def test_adjudication_writes_the_chosen_version_as_consensus(
    login, researcher, study, interview, codes, double_coded, decision, expected
):
    response = login(researcher).post(
        reverse("coding:agreement_adjudicate", args=[study.slug, interview.pk]),
        {"code": codes[0].pk, "start": 4, "end": 30, "decision": decision, "redraw_start": 2, "redraw_end": 25},
    )
    assert response.status_code == 302
    consensus = ConsensusCoder.objects.get(study=study).user
    assert not consensus.is_active and not consensus.has_usable_password()
    placed = Coding.objects.filter(coder=consensus).values_list("excerpt__start", "excerpt__end")
    assert sorted(placed) == expected
    decided = Adjudication.objects.get()
    assert (decided.decision, decided.decided_by, decided.start, decided.end) == (decision, researcher, 4, 30)
    assert decided.decided_at is not None


def test_deciding_again_replaces_the_consensus_of_that_region(login, researcher, study, interview, codes, double_coded):
    url = reverse("coding:agreement_adjudicate", args=[study.slug, interview.pk])
    client = login(researcher)
    client.post(url, {"code": codes[0].pk, "start": 4, "end": 30, "decision": "first"})
    client.post(url, {"code": codes[0].pk, "start": 4, "end": 30, "decision": "intersection"})
    assert list(Coding.objects.consensus().values_list("excerpt__start", "excerpt__end")) == [(4, 20)]
    assert Adjudication.objects.get().decision == "intersection"


def test_a_stale_region_is_refused_and_nothing_is_stored(login, researcher, study, interview, codes, double_coded):
    response = login(researcher).post(
        reverse("coding:agreement_adjudicate", args=[study.slug, interview.pk]),
        {"code": codes[0].pk, "start": 5, "end": 30, "decision": "union"},
        follow=True,
    )
    assert "The codings changed" in response.content.decode()
    assert not Adjudication.objects.exists() and not Coding.objects.consensus().exists()


def test_a_redraw_outside_the_text_is_refused(login, researcher, study, interview, codes, double_coded):
    login(researcher).post(
        reverse("coding:agreement_adjudicate", args=[study.slug, interview.pk]),
        {"code": codes[0].pk, "start": 4, "end": 30, "decision": "redraw", "redraw_start": 2, "redraw_end": 9999},
    )
    assert not Adjudication.objects.exists() and not Coding.objects.consensus().exists()


def test_a_coder_cannot_adjudicate(login, coder, study, interview, codes, double_coded):
    response = login(coder).post(
        reverse("coding:agreement_adjudicate", args=[study.slug, interview.pk]),
        {"code": codes[0].pk, "start": 4, "end": 30, "decision": "union"},
    )
    assert response.status_code == 403
    assert not Adjudication.objects.exists()


def test_accepting_agreements_writes_only_agreed_places(
    login, researcher, study, interview, codes, coder, second_coder, double_coded
):
    factory.make_excerpt(interview, 90, 95, codes=[codes[1]], coder=coder)
    factory.make_excerpt(interview, 90, 95, codes=[codes[1]], coder=second_coder)
    login(researcher).post(reverse("coding:agreement_accept", args=[study.slug, interview.pk]))
    assert list(Coding.objects.consensus().values_list("code_id", "excerpt__start", "excerpt__end")) == [
        (codes[1].pk, 90, 95)
    ]
    assert Adjudication.objects.get().decision == "agreed"


def test_reports_can_run_on_consensus_codings_only(login, researcher, study, interview, codes, double_coded):
    login(researcher).post(
        reverse("coding:agreement_adjudicate", args=[study.slug, interview.pk]),
        {"code": codes[0].pk, "start": 4, "end": 30, "decision": "intersection"},
    )
    retrieval = reverse("reports:retrieval", args=[study.slug])
    every = login(researcher).get(retrieval + f"?code={codes[0].pk}")
    only = login(researcher).get(retrieval + f"?code={codes[0].pk}&consensus=on")
    assert len(every.context["views"]) == 4
    assert [(v.excerpt.start, v.excerpt.end) for v in only.context["views"]] == [(4, 20)]
    site_report = login(researcher).get(reverse("reports:site_report", args=[study.slug, "MTL1"]) + "?consensus=1")
    assert [theme["excerpts"] for theme in site_report.context["ranked"]] == [1]


def test_export_neutralises_code_names_and_holds_every_table(login, researcher, study, double_coded):
    client = login(researcher)
    url = reverse("reports:agreement_export", args=[study.slug])
    csv = client.get(url + "?format=csv")
    assert csv["Content-Type"].startswith("text/csv")
    body = csv.content.decode("utf-8-sig")
    assert "\r\n'=Comité," in body and "\r\n=Comité" not in body
    xlsx = client.get(url + "?format=xlsx")
    with zipfile.ZipFile(io.BytesIO(xlsx.content)) as package:
        sheets = [name for name in package.namelist() if name.startswith("xl/worksheets/sheet")]
        workbook = package.read("xl/workbook.xml").decode()
    assert len(sheets) == 5 and "By coder pair" in workbook


def test_agreement_command_prints_the_figures_as_json(study, interview, double_coded, codes):
    out = io.StringIO()
    call_command("agreement", "--study", study.slug, "--interview", str(interview.pk), "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["units"] == "characters"
    by_code = {row["path"]: row for row in data["by_code"]}
    assert by_code["Voisins"]["kappa"] == 0 and by_code["Voisins"]["warning"] == "unstable"
    assert data["overall"]["units"] == 2 * len(TEXT)
    assert {tuple(row["coders"]) for row in data["by_pair"]} == {
        tuple(sorted(double_coded.passes.values_list("coder_id", flat=True)))
    }


def test_agreement_command_refuses_an_unknown_study(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("agreement", "--study", "nulle-part", "--json", stdout=io.StringIO())


def test_pages_keep_their_query_counts_as_assignments_interviews_and_codes_grow(
    login, researcher, study, site_a, coder, second_coder, codes, django_assert_max_num_queries
):
    for n in range(3):
        interviews = [
            factory.make_interview(study, site_a, f"Entretien {n}-{m}", text=TEXT, author=researcher) for m in range(3)
        ]
        assignment = services.create_assignment(
            study, title=f"Vague {n}", interviews=interviews, coders=[coder, second_coder], by=researcher
        )
        for m, interview in enumerate(interviews):
            extra = factory.make_code(study, f"Code {n}-{m}", by=researcher)
            factory.make_excerpt(interview, 4, 30, codes=[codes[0], extra], coder=coder)
            factory.make_excerpt(interview, 10 + m, 40, codes=[codes[0], codes[1]], coder=second_coder)
        services.close_assignment(assignment, by=researcher)
    client = login(researcher)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("coding:agreement_matrix", args=[study.slug]))
    assert len(response.context["interviews"]) == 9 and len(response.context["rows"]) == 11
    with django_assert_max_num_queries(12):
        client.get(reverse("coding:agreement_interview", args=[study.slug, interviews[0].pk]))
    with django_assert_max_num_queries(10):
        client.get(reverse("coding:assignment_list", args=[study.slug]))
    with django_assert_max_num_queries(10):
        client.get(reverse("reports:agreement_export", args=[study.slug]) + "?format=xlsx")


def test_disagreement_view_can_leave_out_the_agreed_places(
    login, researcher, study, interview, codes, coder, second_coder, double_coded
):
    factory.make_excerpt(interview, 90, 95, codes=[codes[1]], coder=coder)
    factory.make_excerpt(interview, 90, 95, codes=[codes[1]], coder=second_coder)
    url = reverse("coding:agreement_interview", args=[study.slug, interview.pk])
    every = login(researcher).get(url)
    only = login(researcher).get(url + "?disagreements=1")
    assert any(r["agreed"] for s in every.context["sections"] for r in s["regions"])
    assert not any(r["agreed"] for s in only.context["sections"] for r in s["regions"])
