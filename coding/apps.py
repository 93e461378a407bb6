from django.apps import AppConfig


class CodingConfig(AppConfig):
    name = "coding"
    default_auto_field = "django.db.models.BigAutoField"
