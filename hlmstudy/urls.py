from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.urls import include, path


def admin_login(request):
    """The admin signs in through allauth's login: its own form would skip MFA and the rate limits."""
    return redirect_to_login(request.GET.get("next") or "/admin/", login_url="account_login")


# Uploaded originals and generated files are never served as /media/: they go through views that check access.
urlpatterns = [
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/login/", admin_login, name="admin_login"),
    path("admin/", admin.site.urls),
    path("", include("reports.urls")),
    path("", include("coding.urls")),
    path("", include("interviews.urls")),
    path("", include("sites.urls")),
]


def server_error(request):
    """The 500 page, unless the error is the database being away: a middleware before the view may meet it
    first (reading the session, the user, the grants), where process_exception does not reach; then 503."""
    import sys

    from django.db import InterfaceError, OperationalError
    from django.views import defaults

    from hlmstudy.middleware import database_unavailable

    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        return database_unavailable(request, error)
    return defaults.server_error(request)


handler500 = server_error
