"""The French catalogue (locale/fr) is complete, in step with the source, and read by the pages.

The team works in French: a string marked in a template or in Python but missing from the catalogue, or
left untranslated or fuzzy, shows up in English on their screens. The catalogue is parsed here by a small
reader rather than polib, which the project does not otherwise need.
"""

import ast
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES" / "django.po"
COMPILED = CATALOGUE.with_suffix(".mo")
# What `makemessages --ignore=.venv --ignore=var --ignore=tests` leaves out; dot-folders are skipped anyway.
NOT_SOURCE = {"locale", "tests", "var", "node_modules"}
NBSP = "\u00a0"
NAMED_PLACEHOLDER = re.compile(r"%\((\w+)\)[-#0 +]*\d*(?:\.\d+)?[sdifr]")
BARE_PLACEHOLDER = re.compile(r"%[-#0 +]*\d*(?:\.\d+)?[sdifr]")


@dataclass
class Message:
    msgid: str = None
    msgctxt: str = None
    msgid_plural: str = None
    msgstr: dict = field(default_factory=dict)  # plural index (0 when there is no plural) -> text
    flags: set = field(default_factory=set)
    references: list = field(default_factory=list)
    line: int = 0

    @property
    def key(self):
        return (self.msgctxt, self.msgid, self.msgid_plural)


def read_catalogue(path):
    """The messages of a .po file as gettext writes it (entries apart by blank lines), without the header."""
    messages, block = [], []
    lines = Path(path).read_text(encoding="utf-8").splitlines() + [""]
    for number, line in enumerate(lines, start=1):
        if line.strip():
            block.append((number, line.strip()))
        elif block:
            message = _read_entry(block)
            if message is not None and message.msgid:
                messages.append(message)
            block = []
    return messages


def _read_entry(block):
    message, last = Message(line=block[0][0]), None
    for _number, line in block:
        if line.startswith("#~"):
            return None  # obsolete
        if line.startswith("#,"):
            message.flags |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#:"):
            message.references += line[2:].split()
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            _add(message, last, ast.literal_eval(line))
        else:
            last, _, text = line.partition(" ")
            _add(message, last, ast.literal_eval(text))
    return message


def _add(message, keyword, text):
    if keyword.startswith("msgstr"):
        index = int(keyword[len("msgstr[") : -1]) if keyword.startswith("msgstr[") else 0
        message.msgstr[index] = message.msgstr.get(index, "") + text
    else:
        setattr(message, keyword, (getattr(message, keyword) or "") + text)


def extract_messages(workdir):
    """The messages makemessages finds in the source today, written to a catalogue under `workdir`.

    makemessages walks the current directory and writes beside the first LOCALE_PATHS entry, so it runs
    in a folder of symbolic links to the project with LOCALE_PATHS emptied: the real catalogue is never
    touched. About 10 s (one xgettext call per file).
    """
    tree = workdir / "tree"
    tree.mkdir()
    for entry in Path(settings.BASE_DIR).iterdir():
        if not entry.name.startswith(".") and entry.name not in NOT_SOURCE:
            (tree / entry.name).symlink_to(entry)
    (tree / "locale").mkdir()
    script = (
        "import django\n"
        "django.setup()\n"
        "from django.conf import settings\n"
        "from django.core.management import call_command\n"
        "settings.LOCALE_PATHS = []\n"
        "call_command('makemessages', locale=['fr'], symlinks=True, no_obsolete=True, verbosity=0)\n"
    )
    environment = {**os.environ, "DEBUG": "true", "DJANGO_SETTINGS_MODULE": "hlmstudy.settings"}
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(settings.BASE_DIR), environment.get("PYTHONPATH")]))
    completed = subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", script], cwd=tree, env=environment, capture_output=True, text=True, timeout=180
    )
    assert completed.returncode == 0, completed.stderr
    return read_catalogue(tree / "locale" / "fr" / "LC_MESSAGES" / "django.po")


def describe(messages):
    return "\n".join(f"  {message.msgid!r} ({' '.join(message.references[:2])})" for message in messages)


@pytest.fixture(scope="module")
def catalogue():
    assert CATALOGUE.exists(), "no French catalogue: run `manage.py makemessages -l fr` (see this file's test)"
    return read_catalogue(CATALOGUE)


def test_every_message_has_a_french_translation(catalogue):
    untranslated = [
        message
        for message in catalogue
        if "fuzzy" in message.flags or not message.msgstr or not all(text.strip() for text in message.msgstr.values())
    ]
    assert not untranslated, "untranslated or fuzzy in locale/fr/LC_MESSAGES/django.po:\n" + describe(untranslated)


def test_plural_messages_fill_every_french_plural_form(catalogue):
    incomplete = [message for message in catalogue if message.msgid_plural and sorted(message.msgstr) != [0, 1, 2]]
    assert not incomplete, "French has three plural forms (msgstr[0] to msgstr[2]):\n" + describe(incomplete)


def test_translations_keep_the_placeholders(catalogue):
    wrong = []
    for message in catalogue:
        source = message.msgid + (message.msgid_plural or "")
        allowed = set(NAMED_PLACEHOLDER.findall(source))
        for text in message.msgstr.values():
            names = set(NAMED_PLACEHOLDER.findall(text))
            bare = len(BARE_PLACEHOLDER.findall(NAMED_PLACEHOLDER.sub("", text)))
            expected_bare = len(BARE_PLACEHOLDER.findall(NAMED_PLACEHOLDER.sub("", message.msgid)))
            if not names <= allowed or (not message.msgid_plural and names != allowed) or bare != expected_bare:
                wrong.append(message)
                break
    assert not wrong, "placeholders differ between English and French:\n" + describe(wrong)


def test_french_typography_is_consistent(catalogue):
    """« guillemets » with non-breaking spaces, a non-breaking space before a colon (as the OQLF advises)."""
    wrong = []
    for message in catalogue:
        for text in message.msgstr.values():
            if (
                "“" in text
                or "”" in text
                or "’" in text
                or re.search(r"«(?!\u00a0)|(?<!\u00a0)»", text)
                or re.search(r"(?<!\u00a0):(?=\s|$)", text)
            ):
                wrong.append(message)
                break
    assert not wrong, "French typography (« », NBSP before ':', straight apostrophe):\n" + describe(wrong)


def test_the_catalogue_is_up_to_date_with_the_source(catalogue, tmp_path):
    in_source = {message.key: message for message in extract_messages(tmp_path)}
    in_catalogue = {message.key for message in catalogue}
    missing = [in_source[key] for key in in_source.keys() - in_catalogue]
    stale = [message for message in catalogue if message.key not in in_source]
    assert not missing and not stale, (
        "locale/fr is behind the source: run `DEBUG=true .venv/bin/python manage.py makemessages -l fr "
        "--ignore=.venv --ignore=var --ignore=tests --no-obsolete`, then translate.\n"
        f"Marked in the source but not in the catalogue:\n{describe(missing)}\n"
        f"In the catalogue but no longer in the source:\n{describe(stale)}"
    )


@pytest.fixture
def compiled_catalogue():
    if not COMPILED.exists() or COMPILED.stat().st_mtime < CATALOGUE.stat().st_mtime:
        pytest.fail(
            "locale/fr/LC_MESSAGES/django.mo is missing or older than django.po: run compilemessages (./dev does)"
        )


@pytest.mark.usefixtures("compiled_catalogue")
def test_the_dashboard_is_in_french_and_in_english_on_request(login, researcher, study):
    client = login(researcher)
    url = reverse("sites:study_dashboard", args=[study.slug])

    french = client.get(url).content.decode()
    assert "Tableau de bord" in french
    assert "Livre de codes" in french
    assert "Codebook" not in french

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(url).content.decode()
    assert "Codebook" in english
    assert "Livre de codes" not in english
