"""The audit trail: history kept by PostgreSQL triggers that the app cannot rewrite, reads logged without
content, and the admins' page that answers "who read or changed what, between two dates"."""

import csv
import datetime
import io

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from coding.models import Code, Excerpt
from sites.models import AccessEvent, ChangeRecord, Membership
from tests import factory

TEXT = "I : Bonjour.\nR : J'habite ici depuis dix ans, le comité est actif.\nI : Merci."

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="the triggers exist on PostgreSQL only")


@pytest.fixture
def interview(study, site_a, researcher):
    return factory.make_interview(study, site_a, "Entretien R-MTL1-01", text=TEXT, author=researcher)


def audit_url(study, **query):
    url = reverse("sites:audit_log", kwargs={"study": study.slug})
    return url + ("?" + "&".join(f"{key}={value}" for key, value in query.items()) if query else "")


# History by triggers


def test_a_bulk_update_leaves_one_record_per_row_with_the_acting_user(study, researcher):
    codes = [factory.make_code(study, f"Code {n}") for n in range(3)]
    # What AuditActorMiddleware does before a request's first write.
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('hlm.actor_id', %s, false)", [str(researcher.pk)])
    Code.objects.filter(study=study).update(definition="Nouvelle définition")
    records = ChangeRecord.objects.filter(table_name="coding_code", action="UPDATE")
    assert sorted(record.row_id for record in records) == sorted(code.pk for code in codes)
    assert {record.actor_id for record in records} == {researcher.pk}
    assert {record.study_id for record in records} == {study.pk}
    assert all(record.changed == ["definition"] for record in records)


def test_work_outside_a_request_names_its_actor_with_acting_as(study, researcher):
    from sites.audit import acting_as

    with acting_as(researcher.pk):
        factory.make_code(study, "Par une tâche")
    factory.make_code(study, "Sans acteur")
    actors = dict(ChangeRecord.objects.filter(table_name="coding_code").values_list("row_id", "actor_id"))
    codes = dict(Code.objects.values_list("name", "pk"))
    assert actors[codes["Par une tâche"]] == researcher.pk
    assert actors[codes["Sans acteur"]] is None


def test_a_jobs_writes_are_recorded_as_its_owners(study, researcher):
    from sites import jobs
    from sites.models import Job

    job = Job.objects.create(kind="test", owner=researcher, study=study, params={})
    jobs.run(job.pk, lambda job, progress: factory.make_code(study, "Par un job") and None)
    code = Code.objects.get(name="Par un job")
    record = ChangeRecord.objects.get(table_name="coding_code", row_id=code.pk, action="INSERT")
    assert record.actor_id == researcher.pk


def test_an_update_that_changes_nothing_leaves_no_record(study):
    code = factory.make_code(study, "Réseau")
    before = ChangeRecord.objects.count()
    Code.objects.filter(pk=code.pk).update(name="Réseau")
    assert ChangeRecord.objects.count() == before


def test_history_names_changed_columns_but_never_keeps_transcript_text(interview, researcher):
    from interviews import services

    services.save_transcript_edit(interview, text=TEXT + "\nR : Au revoir.", author=researcher)
    records = ChangeRecord.objects.filter(table_name="interviews_transcriptversion")
    assert records.filter(action="INSERT").count() == 2
    assert "Au revoir" not in str(list(ChangeRecord.objects.values_list("changed", flat=True)))
    assert {record.study_id for record in records} == {interview.study_id}


def test_a_coding_made_over_http_is_recorded_with_its_coder_and_study(login, interview, study, coder):
    code = factory.make_code(study, "Voisinage")
    client = login(coder)
    url = reverse("coding:workspace_excerpt_create", kwargs={"study": study.slug, "pk": interview.pk})
    body = {"start": 14, "end": 30, "code_ids": [code.pk], "idempotency_key": "k-1"}
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == 201
    excerpt = Excerpt.objects.get()
    record = ChangeRecord.objects.get(table_name="coding_excerpt", row_id=excerpt.pk)
    assert (record.action, record.actor_id, record.study_id) == ("INSERT", coder.pk, study.pk)
    coding = ChangeRecord.objects.get(table_name="coding_coding")
    assert (coding.actor_id, coding.study_id) == (coder.pk, study.pk)


def test_coding_a_range_costs_at_most_one_query_for_the_acting_user(
    login, interview, study, coder, django_assert_max_num_queries
):
    code = factory.make_code(study, "Voisinage")
    client = login(coder)
    url = reverse("coding:workspace_excerpt_create", kwargs={"study": study.slug, "pk": interview.pk})
    client.post(url, {"start": 0, "end": 5, "code_ids": [code.pk], "idempotency_key": "warm"}, "application/json")
    with django_assert_max_num_queries(30) as captured:
        client.post(url, {"start": 14, "end": 30, "code_ids": [code.pk], "idempotency_key": "k"}, "application/json")
    set_configs = [query for query in captured.captured_queries if "set_config" in query["sql"]]
    assert len(set_configs) == 1


def test_a_page_that_only_reads_sets_no_acting_user(login, study, researcher, django_assert_max_num_queries):
    client = login(researcher)
    client.get(reverse("sites:site_list", kwargs={"study": study.slug}))
    with django_assert_max_num_queries(20) as captured:
        assert client.get(reverse("sites:site_list", kwargs={"study": study.slug})).status_code == 200
    assert not [query for query in captured.captured_queries if "set_config" in query["sql"]]


def test_a_membership_change_in_the_admin_area_is_recorded(login, study, admin, team_b, site_a):
    client = login(admin)
    membership = Membership.objects.get(user=team_b)
    url = reverse("sites:member_edit", kwargs={"study": study.slug, "pk": membership.pk})
    response = client.post(url, {"role": "coder", "sites": [site_a.pk]})
    assert response.status_code == 302
    record = ChangeRecord.objects.get(table_name="sites_membership", action="UPDATE", row_id=membership.pk)
    assert record.actor_id == admin.pk
    assert record.changed == ["role"]
    assert ChangeRecord.objects.filter(table_name="sites_membership_sites", actor=admin).exists()


def test_a_history_row_cannot_be_altered_or_deleted(study):
    factory.make_code(study, "Réseau")
    record = ChangeRecord.objects.get(table_name="coding_code")
    for statement in (
        lambda: ChangeRecord.objects.filter(pk=record.pk).update(actor_id=None),
        lambda: ChangeRecord.objects.filter(pk=record.pk).delete(),
    ):
        with pytest.raises(DatabaseError, match="audit trail"), transaction.atomic():
            statement()
    assert ChangeRecord.objects.get(pk=record.pk).action == "INSERT"


def test_an_access_event_cannot_be_deleted(login, interview, study, researcher):
    login(researcher).get(reverse("interviews:interview_detail", kwargs={"study": study.slug, "pk": interview.pk}))
    with pytest.raises(DatabaseError, match="audit trail"), transaction.atomic():
        AccessEvent.objects.all().delete()
    assert AccessEvent.objects.count() == 1


# Access log


def test_reading_a_transcript_writes_an_access_event_without_its_text(login, interview, study, team_b, researcher):
    client = login(researcher)
    response = client.get(reverse("interviews:interview_detail", kwargs={"study": study.slug, "pk": interview.pk}))
    assert response.status_code == 200
    event = AccessEvent.objects.get()
    assert (event.user, event.kind, event.study_id) == (researcher, AccessEvent.Kind.TRANSCRIPT_READ, study.pk)
    assert (event.object_type, event.object_id) == ("interview", interview.pk)
    assert "habite" not in event.detail


def test_opening_the_coding_workspace_is_a_read(login, interview, study, coder):
    client = login(coder)
    assert client.get(reverse("coding:workspace", kwargs={"study": study.slug, "pk": interview.pk})).status_code == 200
    assert AccessEvent.objects.filter(user=coder, kind=AccessEvent.Kind.TRANSCRIPT_READ).count() == 1


def test_search_results_are_a_read_logged_without_the_words_searched_for(login, interview, study, researcher):
    client = login(researcher)
    url = reverse("interviews:transcript_search", kwargs={"study": study.slug})
    assert client.get(url).status_code == 200  # the empty form shows no transcript
    assert not AccessEvent.objects.exists()
    response = client.get(url, {"q": "habite"})
    assert response.status_code == 200 and response.context["page"].object_list
    event = AccessEvent.objects.get()
    assert (event.user, event.kind, event.study_id) == (researcher, AccessEvent.Kind.SEARCH, study.pk)
    assert event.detail.startswith("page 1, 1 of 1 passage") and "habite" not in event.detail
    client.get(url, {"q": "introuvable"})  # no passage shown, nothing read
    assert AccessEvent.objects.count() == 1


def test_retrieved_excerpts_are_a_read_logged_with_their_page(login, interview, study, researcher, coder):
    from tests import factory

    code = factory.make_code(study, "Logement", by=researcher)
    factory.make_excerpt(interview, 0, 10, codes=[code], coder=coder)
    client = login(researcher)
    url = reverse("reports:retrieval", kwargs={"study": study.slug})
    assert client.get(url, {"code": code.pk}).status_code == 200
    event = AccessEvent.objects.get()
    assert (event.user, event.kind, event.object_type) == (researcher, AccessEvent.Kind.RETRIEVAL, "retrieval")
    assert event.detail == "page 1, 1 of 1 excerpts"


def test_a_refused_read_writes_no_event(login, interview, study, team_b):
    client = login(team_b)  # site B only: interview of site A
    url = reverse("interviews:interview_detail", kwargs={"study": study.slug, "pk": interview.pk})
    assert client.get(url).status_code == 404
    assert not AccessEvent.objects.exists()


def test_downloading_an_original_is_logged(login, study, site_a, researcher, media_root):
    from interviews import services
    from interviews.models import SourceFile

    interview = factory.make_interview(study, site_a, "Entretien", author=researcher)
    services.import_transcript(interview, name="entretien.txt", data=TEXT.encode(), author=researcher)
    source = SourceFile.objects.get(interview=interview)
    client = login(researcher)
    url = reverse("interviews:source_download", kwargs={"study": study.slug, "pk": interview.pk, "file_pk": source.pk})
    response = client.get(url)
    b"".join(response.streaming_content)
    assert response["Cache-Control"] == "no-store"
    event = AccessEvent.objects.get(kind=AccessEvent.Kind.ORIGINAL_DOWNLOAD)
    assert (event.user, event.object_id) == (researcher, interview.pk)


# The audit page


def test_admin_sees_who_read_and_who_changed_between_two_dates(login, interview, study, admin, researcher):
    login(researcher).get(reverse("interviews:interview_detail", kwargs={"study": study.slug, "pk": interview.pk}))
    client = login(admin)
    today = timezone.localdate()
    response = client.get(audit_url(study, start=today.isoformat(), end=today.isoformat()))
    assert response.status_code == 200
    html = response.content.decode()
    assert "researcher@example.test" in html
    assert "a lu une transcription" in html
    assert f"#{interview.pk}" in html


def test_the_period_leaves_out_what_happened_before_it(login, interview, study, admin, researcher):
    login(researcher).get(reverse("interviews:interview_detail", kwargs={"study": study.slug, "pk": interview.pk}))
    client = login(admin)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    response = client.get(audit_url(study, start="2020-01-01", end=yesterday.isoformat()))
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 0


def test_filters_by_person_and_by_kind_of_event(login, interview, study, admin, researcher, coder):
    login(researcher).get(reverse("interviews:interview_detail", kwargs={"study": study.slug, "pk": interview.pk}))
    client = login(admin)
    rows = client.get(audit_url(study, person=researcher.pk, action="transcript_read")).context["rows"]
    assert [row["person"] for row in rows] == ["researcher@example.test"]
    assert client.get(audit_url(study, person=coder.pk)).context["page"].paginator.count == 0
    changes = client.get(audit_url(study, action="changes")).context["rows"]
    assert changes and all(row["action"] != "a lu une transcription" for row in changes)


def test_a_start_after_the_end_is_refused_with_a_clear_error(login, study, admin):
    response = login(admin).get(audit_url(study, start="2024-05-02", end="2024-05-01"))
    assert response.status_code == 400
    assert response.context["form"].errors


def test_the_csv_export_lists_the_same_events_and_neutralises_formulas(login, interview, study, admin, researcher):
    login(researcher).get(reverse("interviews:interview_detail", kwargs={"study": study.slug, "pk": interview.pk}))
    AccessEvent.objects.create(
        study=study,
        user=researcher,
        kind="export_download",
        object_type="export",
        detail='=HYPERLINK("http://example.test")',
    )
    response = login(admin).get(audit_url(study, format="csv", action="reads"))
    assert response["Content-Type"].startswith("text/csv")
    assert response["Cache-Control"] == "no-store"
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 3
    assert {row[1] for row in rows[1:]} == {"researcher@example.test"}
    assert any(row[5].startswith("'=HYPERLINK") for row in rows[1:])


def test_the_page_costs_the_same_queries_for_many_events(
    login, interview, study, admin, researcher, django_assert_max_num_queries
):
    AccessEvent.objects.bulk_create(
        AccessEvent(study=study, user=user, kind="transcript_read", object_type="interview", object_id=interview.pk)
        for user in (researcher, admin) * 60
    )
    client = login(admin)
    with django_assert_max_num_queries(10):
        response = client.get(audit_url(study))
    assert len(response.context["rows"]) == 100


def test_only_admins_of_the_study_open_the_audit_page(login, study, researcher, partner, other_admin):
    assert login(researcher).get(audit_url(study)).status_code == 403
    assert login(partner).get(audit_url(study)).status_code == 404
    assert login(other_admin).get(audit_url(study)).status_code == 404
