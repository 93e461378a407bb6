"""Every string a person reads is marked for translation, in the templates and in the Python code.

makemessages only extracts what is marked; a sentence typed straight into a template or a form stays in
one language whatever the reader chose, and tests/hlmstudy/test_translations.py cannot see it. These
checks read the source itself: the templates through Django's own lexer (text outside {% translate %} and
{% blocktranslate %} that has letters, and the visible attributes title, alt, placeholder, aria-label),
the Python modules through their syntax tree (messages, ValidationError, verbose_name, help_text, label,
choices and the labels of TextChoices), and the scripts, whose words must come from Python.
"""

import ast
import re
from html.parser import HTMLParser
from pathlib import Path

from django.conf import settings
from django.template.base import Lexer, TokenType

BASE = Path(settings.BASE_DIR)
TEMPLATES = BASE / "templates"
APPS = ["sites", "interviews", "coding", "reports", "hlmstudy"]

LETTERS = re.compile(r"[^\W\d_]{2,}")
# Words that read the same in both languages or must not change: the product's name, each language's
# own name on the switcher, key caps that French keyboards label the same, and format names.
ANY_LANGUAGE = {
    "hlmstudy", "English", "Français", "Ctrl", "Tab", "Alt", "REFI", "QDA", "CSV", "XLSX", "PDF", "SHA", "HTML",
}  # fmt: skip
VISIBLE_ATTRIBUTES = {"title", "alt", "placeholder", "aria-label", "aria-description", "aria-roledescription"}
# Blocks whose text no person reads as prose.
SKIPPED_BLOCKS = {"comment", "verbatim"}
TRANSLATING_BLOCKS = {"blocktranslate", "blocktrans"}


def template_files():
    return sorted(path for path in TEMPLATES.rglob("*") if path.suffix in {".html", ".txt"})


def _readable(text):
    for word in ANY_LANGUAGE:
        text = text.replace(word, " ")
    return bool(LETTERS.search(text))


class _TextCollector(HTMLParser):
    """The text nodes and visible attribute values of an HTML fragment, without scripts and styles."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style"}:
            self._skip += 1
        for name, value in attrs:
            if name in VISIBLE_ATTRIBUTES and value and _readable(value):
                self.found.append(f'{name}="{value.strip()}"')

    def handle_endtag(self, tag):
        if tag in {"script", "style"}:
            self._skip = max(0, self._skip - 1)

    def handle_data(self, data):
        if not self._skip and _readable(data):
            self.found.append(data.strip())


# Stands for a {{ variable }} or a translated text, so that attribute values stay attribute values; block tags
# leave nothing, so that a tag name chosen by {% if %} still reads as a tag.
PLACEHOLDER = "\x00"


def unmarked_template_text(source, *, is_html=True):
    """The visible text of a template left outside the translating tags."""
    pieces, depth, skipping = [], 0, None
    for token in Lexer(source).tokenize():
        if token.token_type == TokenType.BLOCK:
            name = token.split_contents()[0]
            if skipping:
                if name == f"end{skipping}":
                    skipping = None
                continue
            if name in SKIPPED_BLOCKS:
                skipping = name
            elif name in TRANSLATING_BLOCKS:
                depth += 1
            elif name.removeprefix("end") in TRANSLATING_BLOCKS and name.startswith("end"):
                depth -= 1
        elif token.token_type == TokenType.TEXT and not skipping:
            pieces.append(PLACEHOLDER if depth else token.contents)
        elif token.token_type == TokenType.VAR and not skipping:
            pieces.append(PLACEHOLDER)
    text = "".join(pieces)
    if not is_html:
        return [line.strip() for line in text.splitlines() if _readable(line)]
    collector = _TextCollector()
    collector.feed(text)
    collector.close()
    return [found.replace(PLACEHOLDER, " ").strip() for found in collector.found]


def test_the_checker_finds_unmarked_text_and_accepts_marked_text():
    source = (
        '{% load i18n %}<h1 title="Hello there">{% translate "Codebook" %}</h1>'
        "<p>{% blocktranslate %}Coded {{ n }} excerpts{% endblocktranslate %} Unmarked words</p>"
        '<input aria-label="{% translate "Filter" %}"><script>const raw = "not prose";</script>'
        "{% comment %}Notes for developers{% endcomment %}<kbd>Ctrl</kbd> {{ user.email }} 12 · —"
    )
    assert unmarked_template_text(source) == ['title="Hello there"', "Unmarked words"]


def test_every_template_text_is_marked_for_translation():
    unmarked = {}
    for path in template_files():
        found = unmarked_template_text(path.read_text(encoding="utf-8"), is_html=path.suffix == ".html")
        if found:
            unmarked[str(path.relative_to(BASE))] = found
    assert not unmarked, "text outside {% translate %} / {% blocktranslate %}:\n" + "\n".join(
        f"  {name}: {found}" for name, found in unmarked.items()
    )


# Python ---------------------------------------------------------------------------------------------------

MESSAGE_FUNCTIONS = {"debug", "info", "success", "warning", "error", "add_message"}
TEXT_KEYWORDS = {"verbose_name", "verbose_name_plural", "help_text", "label", "empty_label", "empty_value_display"}


def python_files():
    for app in APPS:
        for path in sorted((BASE / app).rglob("*.py")):
            if "migrations" not in path.parts and "benchmarks" not in path.parts:
                yield path


def _bare_text(node):
    """A string constant (or an f-string) with words in it, which no gettext call wraps."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return _readable(node.value)
    return isinstance(node, ast.JoinedStr)


class _UnmarkedFinder(ast.NodeVisitor):
    def __init__(self):
        self.found = []

    def _flag(self, node, what):
        self.found.append(f"line {node.lineno}: {what} {ast.unparse(node)[:70]!r}")

    def visit_Call(self, node):
        function = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        receiver = getattr(node.func, "value", None)
        if function in MESSAGE_FUNCTIONS and getattr(receiver, "id", "") == "messages":
            for argument in node.args[1:3]:
                if _bare_text(argument):
                    self._flag(argument, "message")
        if function in {"ValidationError", "PermissionDenied"} and node.args and _bare_text(node.args[0]):
            self._flag(node.args[0], function)
        for keyword in node.keywords:
            if keyword.arg in TEXT_KEYWORDS and _bare_text(keyword.value):
                self._flag(keyword.value, keyword.arg)
            if keyword.arg == "choices" and isinstance(keyword.value, (ast.List, ast.Tuple)):
                for choice in keyword.value.elts:
                    if isinstance(choice, ast.Tuple) and len(choice.elts) == 2 and _bare_text(choice.elts[1]):
                        self._flag(choice.elts[1], "choice")
        self.generic_visit(node)

    def visit_ClassDef(self, node):
        bases = {getattr(base, "attr", getattr(base, "id", "")) for base in node.bases}
        if bases & {"TextChoices", "IntegerChoices", "Choices"}:
            for statement in node.body:
                value = getattr(statement, "value", None)
                if isinstance(statement, ast.Assign) and isinstance(value, ast.Tuple) and _bare_text(value.elts[-1]):
                    self._flag(value.elts[-1], "choice label")
        if node.name == "Meta":
            for statement in node.body:
                if isinstance(statement, ast.Assign):
                    names = {getattr(target, "id", "") for target in statement.targets}
                    if names & {"verbose_name", "verbose_name_plural"} and _bare_text(statement.value):
                        self._flag(statement.value, "Meta")
        self.generic_visit(node)


def unmarked_python_text(source):
    finder = _UnmarkedFinder()
    finder.visit(ast.parse(source))
    return finder.found


def test_the_checker_finds_unmarked_python_strings():
    source = (
        "from django.utils.translation import gettext_lazy as _\n"
        "class Kind(models.TextChoices):\n"
        '    A = "a", _("Marked")\n'
        '    B = "b", "Unmarked label"\n'
        "def view(request):\n"
        '    messages.success(request, _("Saved."))\n'
        '    messages.error(request, "Something failed.")\n'
        '    raise ValidationError(f"Bad value {x}")\n'
        'field = forms.CharField(label=_("Name"), help_text="Plain help", choices=[("x", "Ex")])\n'
    )
    found = unmarked_python_text(source)
    assert [line.split(":")[0] for line in found] == ["line 4", "line 7", "line 8", "line 9", "line 9"]


def test_every_user_facing_python_string_is_marked_for_translation():
    unmarked = {}
    for path in python_files():
        found = unmarked_python_text(path.read_text(encoding="utf-8"))
        if found:
            unmarked[str(path.relative_to(BASE))] = found
    assert not unmarked, "user-facing strings not wrapped in gettext:\n" + "\n".join(
        f"  {name}: {line}" for name, lines in unmarked.items() for line in lines
    )


# JavaScript: its words for people come from the page (json_script of strings marked in Python) ---------------

JS_LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"|\'((?:[^\'\\\n]|\\.)*)\'|`((?:[^`\\]|\\.)*)`')
JS_COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.DOTALL)
JS_FOR_DEVELOPERS = re.compile(r"(console\.\w+|new Error)\(\s*$")
# Prose: a capitalised word followed by another word, or a word that ends a sentence. Class lists, selectors
# and style declarations have neither.
PROSE = re.compile(r"\b[A-ZÀ-Ý][a-zà-ÿ]+\s+[a-zà-ÿ]+|[a-zà-ÿ]{2,}[.!?…]\s*$")


def unmarked_javascript_text(source):
    """String literals of a script that read as prose, except messages to developers (console, Error)."""
    source = JS_COMMENT.sub("", source)
    found = []
    for match in JS_LITERAL.finditer(source):
        text = re.sub(r"\$\{[^}]*\}", " ", next(group for group in match.groups() if group is not None))
        if JS_FOR_DEVELOPERS.search(source[max(0, match.start() - 40) : match.start()]):
            continue
        if PROSE.search(text):
            found.append(" ".join(text.split()))
    return found


def test_the_javascript_checker_finds_prose():
    source = (
        'el.className = "ws-option ws-option--empty";\n'
        'console.warn("workspace: block text and offsets disagree", el);\n'
        "button.textContent = `Show ${n} more excerpts`;\n"
        "status.textContent = strings.applied;\n"
        "alert('Saved.');  // Not marked\n"
    )
    assert unmarked_javascript_text(source) == ["Show more excerpts", "Saved."]


def test_no_script_has_words_of_its_own():
    unmarked = {}
    for path in sorted((BASE / "static").rglob("*.js")):
        if "vendor" not in path.parts:
            found = unmarked_javascript_text(path.read_text(encoding="utf-8"))
            if found:
                unmarked[str(path.relative_to(BASE))] = found
    assert not unmarked, "words in scripts (pass them from Python with json_script, marked):\n" + "\n".join(
        f"  {name}: {found}" for name, found in unmarked.items()
    )
