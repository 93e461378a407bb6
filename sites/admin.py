from django.contrib import admin

from sites.models import (
    AttributeDefinition,
    Consent,
    HousingEstate,
    Job,
    Membership,
    Organization,
    Participant,
    ParticipantIdentity,
    Site,
    Study,
)


class SiteInline(admin.TabularInline):
    model = Site
    extra = 0


@admin.register(Study)
class StudyAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "retention_until", "created_at"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [SiteInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "study", "role"]
    list_filter = ["study", "role"]
    search_fields = ["user__email"]
    filter_horizontal = ["sites"]


@admin.register(Site)
class SiteAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "city", "study"]
    list_filter = ["study", "city"]


@admin.register(HousingEstate)
class HousingEstateAdmin(admin.ModelAdmin):
    list_display = ["name", "site", "clientele", "units"]
    list_filter = ["site__study", "clientele"]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "acronym", "kind", "study"]
    list_filter = ["study", "kind"]
    search_fields = ["name", "acronym"]


class ConsentInline(admin.StackedInline):
    model = Consent
    extra = 0


@admin.register(Participant)
class ParticipantAdmin(admin.ModelAdmin):
    list_display = ["code", "kind", "site", "organization"]
    list_filter = ["study", "kind", "site"]
    search_fields = ["code"]
    inlines = [ConsentInline]


@admin.register(ParticipantIdentity)
class ParticipantIdentityAdmin(admin.ModelAdmin):
    list_display = ["participant", "full_name"]
    search_fields = ["participant__code", "full_name"]


@admin.register(AttributeDefinition)
class AttributeDefinitionAdmin(admin.ModelAdmin):
    list_display = ["label", "key", "kind", "study"]


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["pk", "kind", "owner", "status", "progress", "attempts", "worker", "heartbeat_at", "created_at"]
    list_filter = ["status", "kind"]
    readonly_fields = ["task", "sent_at", "worker", "heartbeat_at", "created_at", "started_at", "finished_at"]
