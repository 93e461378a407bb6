"""A small coded study for the exports, with a participant attribute of every kind, and a hostile variant.

Sites MTL1 (A) and QC1 (B); codes "Réseau" > "Comité", and "Lieux". Attributes: age group (choice), years in
the estate (number), arrived on (date), note (text). Codings (site, interview, speaker, code, coder):

  A1 "Entretien Marie" (MTL1, individual, 2019-05-02; R-MTL1-01 "Marie", estate Rivière)
    e1  Marie (turn)          Réseau > Comité   by the coder AND by the researcher (two rows)
    e2  interviewer (turn)    Lieux             by the researcher
  A2 "Notes partenaire" (MTL1, individual, 2019-06-10; P-MTL1-02 the only participant, no speaker turns)
    e3  P-MTL1-02 (fallback)  Lieux             by the coder
  B1 "Groupe Colline" (QC1, group, 2020-01-15; R-QC1-01 "Luc")
    e4  Luc (turn)            Lieux             by the researcher

Five codings: four at MTL1, one at QC1.

`add_hostile` adds, at MTL1, text that a spreadsheet would run: a quote, a code name, a pseudonym, a speaker
label, an interview title, a coder's name and attributes starting with = + - @ tab or carriage return.
"""

import datetime
from types import SimpleNamespace

from coding import services
from interviews.models import SpeakerTurn
from sites.models import AttributeDefinition
from sites.permissions import Role
from tests import factory

ATTRIBUTES = [
    # key, label, kind, choices
    ("age_group", "Groupe d'âge", "choice", "18-29\n30-44\n45-64"),
    ("years_in_estate", "Années dans l'ensemble", "number", ""),
    ("arrived_on", "Arrivée", "date", ""),
    ("note", "Note", "text", ""),
]
TEXTS = {
    "A1": "I : Bonjour, parlez-moi du comité.\nMarie : Le comité café réunit les résidents du quartier.\n"
    "I : Depuis quand ?\nMarie : Depuis 2019, je crois.",
    "A2": "Le partenaire décrit la table de quartier.\nIl parle des locaux trop petits.",
    "B1": "I : Et le local ?\nLuc : Le local communautaire est trop petit pour nous.\nI : Merci.\nLuc : Bienvenue.",
}
HOSTILE_TEXT = (
    'Lou : =HYPERLINK("http://example.test";"clic") voilà.\n\tDeuxième ligne.\nI : Et ensuite ?\n'
    "Lou : - Oui, +1 et @moi.\nI : Merci."
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def build(study, site_a, site_b, *, researcher, coder, participant_a, participant_b):
    """The study above; returns every object by its name in the docstring."""
    w = SimpleNamespace(study=study, site_a=site_a, site_b=site_b, researcher=researcher, coder=coder)
    for order, (key, label, kind, choices) in enumerate(ATTRIBUTES):
        AttributeDefinition.objects.create(study=study, key=key, label=label, kind=kind, choices=choices, order=order)
    w.estate_a = factory.make_estate(site_a, "Ensemble Rivière")
    participant_a.housing_estate = w.estate_a
    participant_a.attributes = {"age_group": "30-44", "years_in_estate": 7, "arrived_on": "2012-09-01", "note": "Très"}
    participant_a.save()
    w.marie = participant_a
    w.partner = factory.make_participant(
        study, site_a, "P-MTL1-02", kind="partner", attributes={"years_in_estate": 2.5, "note": "Table"}
    )
    participant_b.attributes = {"age_group": "45-64", "years_in_estate": 12}
    participant_b.save()
    w.luc = participant_b

    w.reseau = factory.make_code(study, "Réseau", by=researcher)
    w.comite = factory.make_code(study, "Comité", parent=w.reseau, by=researcher)
    w.lieux = factory.make_code(study, "Lieux", by=researcher)

    w.A1 = _interview(study, site_a, "Entretien Marie", "A1", (2019, 5, 2), [(w.marie, "Marie")], researcher)
    w.A2 = _interview(study, site_a, "Notes partenaire", "A2", (2019, 6, 10), [(w.partner, "")], researcher)
    w.B1 = _interview(study, site_b, "Groupe Colline", "B1", (2020, 1, 15), [(w.luc, "Luc")], researcher, "group")
    w.e1 = _excerpt(w.A1, TEXTS["A1"], "comité café réunit les résidents", [w.comite], coder)
    services.add_codings(w.e1, code_ids=[w.comite.pk], coder=researcher)
    w.e2 = _excerpt(w.A1, TEXTS["A1"], "Depuis quand ?", [w.lieux], researcher)
    w.e3 = _excerpt(w.A2, TEXTS["A2"], "des locaux trop petits", [w.lieux], coder)
    w.e4 = _excerpt(w.B1, TEXTS["B1"], "Le local communautaire", [w.lieux], researcher)
    return w


def add_hostile(w):
    """Text starting with = + - @ tab or CR in every kind of cell, at MTL1 (see the module docstring)."""
    w.hostile_coder = factory.make_user("hostile@example.test", first_name="@Ève", last_name="Tremblay")
    factory.make_membership(w.hostile_coder, w.study, Role.CODER, [w.site_a])
    w.lou = factory.make_participant(
        w.study,
        w.site_a,
        "=Lou",
        attributes={"age_group": "+30", "years_in_estate": -3, "arrived_on": "2001-01-01", "note": "\r=1+1"},
    )
    w.formula_code = factory.make_code(w.study, "=SUM(1;2)", by=w.researcher)
    w.at_code = factory.make_code(w.study, "@risque", parent=w.formula_code, by=w.researcher)
    w.minus_code = factory.make_code(w.study, "-moins", by=w.researcher)
    w.H1 = _interview(w.study, w.site_a, "+Entretien", "H1", (2021, 3, 3), [(w.lou, "Lou")], w.researcher)
    # a speaker label as a .vtt voice tag may carry it (labels typed in text start with a capital)
    SpeakerTurn.objects.filter(version=w.H1.current_version).update(label="-Lou")
    text = HOSTILE_TEXT
    w.h_formula = _excerpt(w.H1, text, '=HYPERLINK("http://example.test";"clic")', [w.at_code], w.hostile_coder)
    w.h_tab = _excerpt(w.H1, text, "\tDeuxième ligne.", [w.formula_code], w.hostile_coder)
    w.h_minus = _excerpt(w.H1, text, "- Oui, +1", [w.minus_code], w.hostile_coder)
    w.h_at = _excerpt(w.H1, text, "@moi.", [w.minus_code], w.hostile_coder)
    return w


def _interview(study, site, title, name, date, participants, author, kind="individual"):
    text = TEXTS.get(name, HOSTILE_TEXT)
    return factory.make_interview(
        study,
        site,
        title,
        text=text,
        participants=participants,
        author=author,
        kind=kind,
        date=datetime.date(*date),
        interviewer_label="I",
    )


def _excerpt(interview, text, quote, codes, coder):
    start = text.index(quote)
    return factory.make_excerpt(interview, start, start + len(quote), codes=codes, coder=coder)
