from django.apps import AppConfig


class HlmstudyConfig(AppConfig):
    name = "hlmstudy"
    verbose_name = "hlmstudy"
