from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitesConfig(AppConfig):
    name = "sites"
    verbose_name = _("Study structure")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.backends.signals import connection_created

        from sites.audit import forget_actor

        connection_created.connect(forget_actor, dispatch_uid="sites-audit-forget-actor")
