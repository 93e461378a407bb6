"""The documented configuration stays true: every variable settings.py reads is in .env.example and the README."""

import ast

import pytest
from django.conf import settings

READERS = {"getenv", "env_bool", "env_int", "env_list"}


def variables_read_by_settings():
    tree = ast.parse((settings.BASE_DIR / "hlmstudy" / "settings.py").read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            function = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if function in READERS and isinstance(node.args[0].value, str):
                names.add(node.args[0].value)
    return sorted(names)


def test_settings_read_the_variables_this_test_knows_how_to_find():
    assert {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "EMAIL_BACKEND"} <= set(
        variables_read_by_settings()
    )


@pytest.mark.parametrize("name", variables_read_by_settings())
def test_every_setting_variable_is_documented(name):
    env_example = (settings.BASE_DIR / ".env.example").read_text()
    readme = (settings.BASE_DIR / "README.md").read_text()
    assert f"{name}=" in env_example, f"{name} is missing from .env.example"
    assert f"`{name}`" in readme, f"{name} is missing from the README's configuration table"
