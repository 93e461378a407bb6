from django.contrib import admin

from interviews.models import Interview, InterviewParticipant, SourceFile, TranscriptVersion

# Transcripts change only through interviews/services.py (a version comes with its turns, its search
# passages and its original file), so the admin shows them read-only.


class InterviewParticipantInline(admin.TabularInline):
    model = InterviewParticipant
    extra = 0
    raw_id_fields = ["participant"]


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Interview)
class InterviewAdmin(admin.ModelAdmin):
    list_display = ["title", "study", "site", "kind", "status", "date"]
    list_filter = ["study", "kind", "status"]
    search_fields = ["title"]
    readonly_fields = ["current_version", "import_job", "import_key", "created_by", "created_at"]
    raw_id_fields = ["interviewer"]
    inlines = [InterviewParticipantInline]


@admin.register(TranscriptVersion)
class TranscriptVersionAdmin(ReadOnlyAdmin):
    list_display = ["interview", "number", "author", "created_at"]
    list_select_related = ["interview", "author"]
    exclude = ["text"]  # a transcript is read in the app, where reading it is access-checked


@admin.register(SourceFile)
class SourceFileAdmin(ReadOnlyAdmin):
    list_display = ["original_name", "interview", "size", "content_type", "uploaded_at"]
    list_select_related = ["interview"]
