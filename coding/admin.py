from django.contrib import admin

from coding.models import (
    Adjudication,
    Assignment,
    AssignmentPass,
    Code,
    Coding,
    ConsensusCoder,
    ErasureRecord,
    Excerpt,
    Memo,
)


@admin.register(Code)
class CodeAdmin(admin.ModelAdmin):
    list_display = ["name", "parent", "colour", "study", "order", "is_archived", "merged_into"]
    list_filter = ["study", "is_archived"]
    search_fields = ["name", "definition"]
    raw_id_fields = ["parent"]
    readonly_fields = ["merged_into", "version", "created_by", "created_at", "updated_at"]


class CodingInline(admin.TabularInline):
    model = Coding
    extra = 0
    raw_id_fields = ["code", "coder"]


@admin.register(Excerpt)
class ExcerptAdmin(admin.ModelAdmin):
    list_display = ["__str__", "interview", "start", "end", "needs_review", "created_by", "created_at"]
    list_filter = ["needs_review", "interview__study"]
    raw_id_fields = ["interview", "version"]
    readonly_fields = ["quote", "prefix", "suffix", "original_quote", "idempotency_key", "created_by"]
    inlines = [CodingInline]


@admin.register(Memo)
class MemoAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "study", "author", "updated_at"]
    list_filter = ["study", "kind"]
    search_fields = ["title", "body"]
    raw_id_fields = ["code", "excerpt", "interview", "site"]
    readonly_fields = ["version", "created_at", "updated_at"]


class AssignmentPassInline(admin.TabularInline):
    model = AssignmentPass
    extra = 0
    raw_id_fields = ["coder"]


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["title", "study", "created_at", "closed_at"]
    list_filter = ["study"]
    raw_id_fields = ["interviews"]
    readonly_fields = ["created_by", "created_at", "closed_by"]
    inlines = [AssignmentPassInline]


@admin.register(Adjudication)
class AdjudicationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "interview", "code", "decision", "decided_by", "decided_at"]
    list_filter = ["decision", "interview__study"]
    raw_id_fields = ["interview", "version", "code", "first_coder", "second_coder", "decided_by"]


@admin.register(ConsensusCoder)
class ConsensusCoderAdmin(admin.ModelAdmin):
    list_display = ["study", "user"]
    raw_id_fields = ["user"]


@admin.register(ErasureRecord)
class ErasureRecordAdmin(admin.ModelAdmin):
    """Written by the withdrawal and purge services only; never changed or removed by hand."""

    list_display = ["erased_at", "study", "reason", "participant_code", "erased_by", "interviews", "excerpts", "memos"]
    list_filter = ["study", "reason"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
