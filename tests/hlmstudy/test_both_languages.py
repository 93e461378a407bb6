"""The main pages read in French and then in English share no sentence but the study's own data.

A string left unmarked, or marked but missing from the catalogue, shows the same words in both languages.
Each page of tests/world.py is read twice through the test client; every text node and visible attribute
of both readings is compared, and a text found in both that has a word which is not a name, a number or a
word of the study's own data (transcripts, code and site names, pseudonyms) is reported.
"""

import json
import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client, override_settings

from tests.reports.fixtures import TEXTS
from tests.world import MAIN_PAGES, OTHER_PAGES, build_shared_world

LETTERS = re.compile(r"[^\W\d_]{2,}")
# Not words: a code's colour shown as its swatch's title, a word cut where a snippet of transcript starts or ends.
NOT_WORDS = re.compile(r"#[0-9a-fA-F]{3,8}\b|…[^\W\d_]+|[^\W\d_]+…")
VISIBLE_ATTRIBUTES = {"title", "alt", "placeholder", "aria-label"}
# Words spelt the same in French and English, and names that are not data.
SAME_IN_BOTH = {
    "hlmstudy", "English", "Français", "Code", "Codes", "Date", "Total", "Version", "Notes", "Ctrl", "Tab",
    "CSV", "XLSX", "REFI", "QDA", "QDPX", "QDC", "PDF", "TOTP", "UTF", "ID", "codes", "Document", "Versions",
    "Actions", "In", "vivo", "Affiliation", "Description", "Note",
}  # fmt: skip


class _Texts(HTMLParser):
    """Text nodes and visible attributes of <body>, without scripts, styles and elements in another language."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts, self._skip, self._stack = set(), 0, []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        skip = tag in {"script", "style", "template"} or "lang" in attributes and tag != "html"
        if tag not in {"input", "br", "img", "meta", "link", "hr", "wbr", "source", "col"}:
            self._stack.append(skip)
            self._skip += skip
        if not self._skip:
            for name in VISIBLE_ATTRIBUTES & attributes.keys():
                self.texts.add(" ".join((attributes[name] or "").split()))

    def handle_endtag(self, tag):
        if tag not in {"input", "br", "img", "meta", "link", "hr", "wbr", "source", "col"} and self._stack:
            self._skip -= self._stack.pop()

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.texts.add(" ".join(data.split()))


def visible_texts(html):
    parser = _Texts()
    parser.feed(html)
    return parser.texts


def data_words(world):
    """Every word the study's own data puts on the pages: it reads the same in any interface language."""
    words = set()
    for text in [*TEXTS.values(), *world.data_texts]:
        words |= set(LETTERS.findall(text))
    for user in [world.admin, world.researcher, world.coder, world.team, world.partner]:
        words |= set(LETTERS.findall(user.email))
    for site in world.study.sites.all():
        words |= set(LETTERS.findall(f"{site.code} {site.name} {site.city}"))
        for estate in site.estates.all():
            words |= set(LETTERS.findall(estate.name))
    for code in world.study.codes.all():
        words |= set(LETTERS.findall(code.name))
    for participant in world.study.participants.all():
        words |= set(LETTERS.findall(participant.code))
    for interview in world.study.interviews.all():
        words |= set(LETTERS.findall(f"{interview.title} {interview.interviewer_label}"))
    return words | SAME_IN_BOTH


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """The pages' study, built once for the module inside a transaction rolled back at the end."""
    with (
        django_db_blocker.unblock(),
        override_settings(
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
            MEDIA_ROOT=str(tmp_path_factory.mktemp("media")),
        ),
        transaction.atomic(),
    ):
        world = build_shared_world()
        world.words = data_words(world)
        yield world
        transaction.set_rollback(True)


def read(world, name, language):
    role, url, _ready = {**MAIN_PAGES, **OTHER_PAGES}[name]
    client = Client()
    if role:
        client.force_login(getattr(world, role))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(url(world))
    assert response.status_code == 200, response.status_code
    return response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("name", [*MAIN_PAGES, *OTHER_PAGES])
def test_the_page_has_no_sentence_left_in_one_language(world, name):
    french, english = read(world, name, "fr-ca"), read(world, name, "en")
    assert '<html lang="fr-ca">' in french and '<html lang="en">' in english
    same = visible_texts(french) & visible_texts(english)
    untranslated = sorted(text for text in same if set(LETTERS.findall(NOT_WORDS.sub("", text))) - world.words)
    assert not untranslated, f"the same text in French and in English on {name}:\n  " + "\n  ".join(untranslated)


def test_the_comparison_sees_a_sentence_left_in_english():
    french = '<html lang="fr-ca"><body><h1>Tableau</h1><p>Saved.</p><button lang="en">English</button></body></html>'
    english = '<html lang="en"><body><h1>Dashboard</h1><p>Saved.</p><button lang="fr">Français</button></body></html>'
    assert visible_texts(french) & visible_texts(english) == {"Saved."}


FIGURE = re.compile(r'<script id="[\w-]+-figure" type="application/json">(.*?)</script>', re.DOTALL)
# Keys of a Plotly figure whose strings people read (the others are settings: "stack", "closest", colours).
READ_KEYS = {"text", "name", "hovertemplate", "texttemplate", "ticktext", "title"}
PLOTLY_MARKUP = re.compile(r"%\{[^}]*\}|<[^>]+>")


def figure_texts(html):
    """The strings of the page's Plotly figures that people read: titles, names, labels, hover texts."""
    found = set()

    def walk(value, key=""):
        if isinstance(value, dict):
            for name, item in value.items():
                if name != "template":
                    walk(item, name if name in READ_KEYS else "")
        elif isinstance(value, list):
            for item in value:
                walk(item, key)
        elif isinstance(value, str) and key in READ_KEYS:
            found.add(PLOTLY_MARKUP.sub(" ", value).strip())

    for source in FIGURE.findall(html):
        walk(json.loads(source))
    return found


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["site report", "transversal", "cooccurrence", "team site report"])
def test_the_charts_labels_are_in_the_readers_language(world, name):
    french, english = figure_texts(read(world, name, "fr-ca")), figure_texts(read(world, name, "en"))
    assert french - english, "no chart text differs between the languages"
    untranslated = sorted(text for text in french & english if set(LETTERS.findall(text)) - world.words)
    assert not untranslated, f"the same chart text in French and in English on {name}:\n  " + "\n  ".join(untranslated)
