from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from hlmstudy import sessions

User = get_user_model()


class AccountAdmin(UserAdmin):
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Django already refuses an inactive account's sessions at their next request; this also deletes them.
        if change and "is_active" in form.changed_data and not obj.is_active:
            sessions.end_all_sessions(obj)


admin.site.unregister(User)
admin.site.register(User, AccountAdmin)
