"""The analysis filters' <select> written in Python says what Django's own template says."""

from django import forms
from django.test.html import parse_html

from reports.widgets import QuickSelect, datalist_options

CHOICES = [("", "Tous les codes"), (1, "Réseau"), (2, "\u2003Confiance <& \"'>"), ("Groupe", [(3, "Dans un groupe")])]


def test_quick_select_gives_the_same_html_as_djangos_select():
    for value in (None, "", 2, "3", "nope"):
        attrs = {"id": "id_code", "aria-describedby": "id_code_helptext", "required": False, "disabled": True}
        ours = QuickSelect(choices=CHOICES).render("code", value, attrs=attrs)
        theirs = forms.Select(choices=CHOICES).render("code", value, attrs=attrs)
        assert parse_html(ours) == parse_html(theirs), value


def test_datalist_options_are_escaped():
    assert datalist_options(['R-"1"<b>']) == '<option value="R-&quot;1&quot;&lt;b&gt;"></option>'
