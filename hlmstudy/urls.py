from django.contrib import admin
from django.urls import include, path

# Uploaded originals and generated files are never served as /media/: they go through views that check access.
urlpatterns = [
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("reports.urls")),
    path("", include("coding.urls")),
    path("", include("interviews.urls")),
    path("", include("sites.urls")),
]
