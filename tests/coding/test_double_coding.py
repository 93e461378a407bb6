"""Double-coding assignments: researchers assign, coders code blind until the assignment closes, each marks
their pass done. The blind rule is the server's: other coders' codings never reach a blinded coder."""

import pytest
from django.urls import reverse
from django.utils import translation

from coding import services
from coding.models import Assignment, AssignmentPass, Coding, Excerpt, Memo
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
    user = factory.make_user("second.coder@example.test", first_name="Zéphirine", last_name="Seconde")
    factory.make_membership(user, study, Role.CODER, [site_a])
    return user


@pytest.fixture
def interview(study, site_a, researcher):
    return factory.make_interview(study, site_a, "Entretien double", text=TEXT, author=researcher)


@pytest.fixture
def code(study, researcher):
    return factory.make_code(study, "Comité", by=researcher)


@pytest.fixture
def assignment(study, interview, coder, second_coder, researcher):
    return services.create_assignment(
        study, title="Double codage", interviews=[interview], coders=[coder, second_coder], by=researcher
    )


@pytest.fixture
def theirs(interview, code, second_coder, assignment):
    """The second coder's coding of interview A, which the first coder must not see while the assignment is open."""
    return factory.make_excerpt(interview, 4, 10, codes=[code], coder=second_coder)


@pytest.fixture
def mine(interview, code, coder, assignment):
    return factory.make_excerpt(interview, 20, 30, codes=[code], coder=coder)


def test_researcher_creates_an_assignment_of_interviews_to_two_coders(
    login, researcher, study, interview, coder, second_coder
):
    response = login(researcher).post(
        reverse("coding:assignment_create", args=[study.slug]),
        {"title": "Vague 1", "coders": [coder.pk, second_coder.pk], "interviews": [interview.pk]},
    )
    assert response.status_code == 302
    assignment = Assignment.objects.get()
    assert assignment.is_open
    assert set(assignment.passes.values_list("coder_id", flat=True)) == {coder.pk, second_coder.pk}
    assert list(assignment.interviews.all()) == [interview]


def test_one_coder_is_not_double_coding(login, researcher, study, interview, coder):
    response = login(researcher).post(
        reverse("coding:assignment_create", args=[study.slug]),
        {"title": "Seul", "coders": [coder.pk], "interviews": [interview.pk]},
    )
    assert response.status_code == 400
    assert "Choose at least two coders." in response.content.decode()
    assert not Assignment.objects.exists()


def test_a_coder_who_may_not_code_the_site_cannot_be_assigned(login, researcher, study, site_b, coder, second_coder):
    elsewhere = factory.make_interview(study, site_b, "À Québec", text=TEXT)
    response = login(researcher).post(
        reverse("coding:assignment_create", args=[study.slug]),
        {"title": "Ailleurs", "coders": [coder.pk, second_coder.pk], "interviews": [elsewhere.pk]},
    )
    assert response.status_code == 400
    assert "may not code" in response.content.decode()
    assert not Assignment.objects.exists()


def test_a_coder_cannot_assign(login, coder, study):
    assert login(coder).get(reverse("coding:assignment_create", args=[study.slug])).status_code == 403


def test_coder_marks_their_pass_done(login, coder, study, assignment):
    response = login(coder).post(reverse("coding:assignment_done", args=[study.slug, assignment.pk]))
    assert response.status_code == 302
    assert AssignmentPass.objects.get(assignment=assignment, coder=coder).done_at is not None
    assert AssignmentPass.objects.get(assignment=assignment, coder__email="second.coder@example.test").done_at is None


def test_someone_not_assigned_cannot_mark_a_pass_done(login, team_b, researcher, study, assignment):
    response = login(researcher).post(reverse("coding:assignment_done", args=[study.slug, assignment.pk]))
    assert response.status_code == 403
    assert not AssignmentPass.objects.filter(done_at__isnull=False).exists()


def test_blind_coder_sees_only_their_own_codings_in_the_workspace(login, coder, study, interview, theirs, mine):
    data = login(coder).get(reverse("coding:workspace_codings", args=[study.slug, interview.pk])).json()
    assert [excerpt["id"] for excerpt in data["excerpts"]] == [mine.pk]
    assert [entry["name"] for entry in data["coders"]] == ["coder@example.test"]
    page = login(coder).get(reverse("coding:workspace", args=[study.slug, interview.pk]) + "?coder=all")
    assert "Zéphirine" not in page.content.decode()


def test_asking_for_the_other_coder_in_the_workspace_gives_nothing(
    login, coder, second_coder, study, interview, theirs
):
    url = reverse("coding:workspace_codings", args=[study.slug, interview.pk]) + f"?coder={second_coder.pk}"
    assert login(coder).get(url).json()["excerpts"] == []


def test_blind_coder_cannot_remove_or_move_the_other_coders_coding(login, coder, study, interview, theirs):
    client = login(coder)
    coding = theirs.codings.get()
    remove = reverse("coding:workspace_coding_remove", args=[study.slug, interview.pk, coding.pk])
    extent = reverse("coding:workspace_excerpt_extent", args=[study.slug, interview.pk, theirs.pk])
    assert client.post(remove).status_code == 404
    assert client.post(extent, {"start": 0, "end": 3}).status_code == 404
    assert Coding.objects.filter(pk=coding.pk).exists()


def test_blind_rule_holds_in_retrieval_codebook_counts_and_exports(login, coder, study, code, theirs, mine):
    client = login(coder)
    retrieval = client.get(reverse("reports:retrieval", args=[study.slug]) + f"?code={code.pk}")
    assert [view.excerpt.pk for view in retrieval.context["views"]] == [mine.pk]
    codebook = client.get(reverse("coding:code_detail", args=[study.slug, code.pk]))
    assert codebook.context["coding_count"] == 1
    export = client.post(reverse("reports:export_codings", args=[study.slug]), {"format": "csv"})
    body = export.content.decode("utf-8-sig")
    assert "second.coder@example.test" not in body and "Zéphirine" not in body
    assert body.count("\r\n") == 2  # the header and the coder's own coding


def test_blind_rule_holds_for_memos_on_the_other_coders_excerpt(login, coder, second_coder, study, theirs):
    memo = services.create_memo(study, author=second_coder, kind="analytic", title="Mon idée", anchor=theirs)
    assert login(coder).get(reverse("coding:memo_detail", args=[study.slug, memo.pk])).status_code == 404
    assert Memo.objects.visible_to(coder).count() == 0


def test_co_occurrence_does_not_count_the_other_coders_codes(login, coder, study, researcher, interview, code, mine):
    other_code = factory.make_code(study, "Voisins", by=researcher)
    second = AssignmentPass.objects.exclude(coder=coder).get().coder
    factory.make_excerpt(interview, 20, 30, codes=[other_code], coder=second)
    response = login(coder).get(reverse("reports:cooccurrence", args=[study.slug]))
    rows = {row["code"].pk: [cell["n"] for cell in row["cells"]] for row in response.context["rows"]}
    assert sum(rows[code.pk]) == 1  # its own diagonal only


def test_closing_the_assignment_lifts_the_blind_rule(login, coder, researcher, study, interview, assignment, theirs):
    assert Coding.objects.visible_to(coder).count() == 0
    login(researcher).post(reverse("coding:assignment_close", args=[study.slug, assignment.pk]))
    assignment.refresh_from_db()
    assert not assignment.is_open
    assert Coding.objects.visible_to(coder).count() == 1


def test_researchers_not_assigned_see_everyones_codings(researcher, theirs, mine):
    assert Coding.objects.visible_to(researcher).count() == 2
    assert Excerpt.objects.visible_to(researcher).count() == 2


def test_a_coder_cannot_close_an_assignment(login, coder, study, assignment):
    response = login(coder).post(reverse("coding:assignment_close", args=[study.slug, assignment.pk]))
    assert response.status_code == 403
    assignment.refresh_from_db()
    assert assignment.is_open


def test_assignment_list_shows_the_passes_in_few_queries(
    login, coder, second_coder, researcher, study, interview, django_assert_max_num_queries
):
    for n in range(5):
        services.create_assignment(
            study, title=f"Vague {n}", interviews=[interview], coders=[coder, second_coder], by=researcher
        )
    client = login(coder)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("coding:assignment_list", args=[study.slug]))
    body = response.content.decode()
    assert body.count("Mark my pass done") == 5
    assert "Vague 4" in body
