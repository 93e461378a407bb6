from django.urls import path

from sites.views import audit, jobs, members, participants, structure, study

app_name = "sites"

urlpatterns = [
    path("", study.home, name="home"),
    path("jobs/<int:pk>/", jobs.job_detail, name="job_detail"),
    path("jobs/<int:pk>/download/", jobs.job_download, name="job_download"),
    path("studies/<slug:study>/", study.study_dashboard, name="study_dashboard"),
    path("studies/<slug:study>/sites/", structure.site_list, name="site_list"),
    path("studies/<slug:study>/sites/new/", structure.site_create, name="site_create"),
    path("studies/<slug:study>/sites/<str:code>/", structure.site_detail, name="site_detail"),
    path("studies/<slug:study>/sites/<str:code>/edit/", structure.site_edit, name="site_edit"),
    path("studies/<slug:study>/estates/new/", structure.estate_create, name="estate_create"),
    path("studies/<slug:study>/estates/<int:pk>/edit/", structure.estate_edit, name="estate_edit"),
    path("studies/<slug:study>/organisations/", structure.organization_list, name="organization_list"),
    path("studies/<slug:study>/organisations/new/", structure.organization_create, name="organization_create"),
    path("studies/<slug:study>/organisations/<int:pk>/edit/", structure.organization_edit, name="organization_edit"),
    path("studies/<slug:study>/attributes/", structure.attribute_list, name="attribute_list"),
    path("studies/<slug:study>/attributes/new/", structure.attribute_create, name="attribute_create"),
    path("studies/<slug:study>/attributes/<int:pk>/edit/", structure.attribute_edit, name="attribute_edit"),
    path("studies/<slug:study>/participants/", participants.participant_list, name="participant_list"),
    path("studies/<slug:study>/participants/new/", participants.participant_create, name="participant_create"),
    path("studies/<slug:study>/participants/export/", participants.participant_export, name="participant_export"),
    path("studies/<slug:study>/participants/<str:code>/", participants.participant_detail, name="participant_detail"),
    path("studies/<slug:study>/participants/<str:code>/edit/", participants.participant_edit, name="participant_edit"),
    path(
        "studies/<slug:study>/participants/<str:code>/identity/",
        participants.participant_identity,
        name="participant_identity",
    ),
    path("studies/<slug:study>/audit/", audit.audit_log, name="audit_log"),
    path("studies/<slug:study>/members/", members.member_list, name="member_list"),
    path("studies/<slug:study>/members/invite/", members.member_invite, name="member_invite"),
    path("studies/<slug:study>/members/<int:pk>/edit/", members.member_edit, name="member_edit"),
    path("studies/<slug:study>/members/<int:pk>/remove/", members.member_remove, name="member_remove"),
]
