"""A small coded study whose every count is known by hand (the numbers are in the tests that use it).

Sites MTL1 (A), QC1 (B) and QC2 (C, made here); codes "Partenariat" > {"Concertation", "Roulement"},
"Mobilisation", "Sécurité". Excerpts (speaker, codes):

  A1 (MTL1, individual, 2019-05-01; R-MTL1-11 "Marie", estate Rivière: families)
    e1  Marie        Concertation, by the researcher AND by the coder (one excerpt, one code, two coders)
    e2  Marie        Sécurité
    e3  interviewer  Partenariat
    e4  Marie        Roulement        } e4 and e5 overlap
    e5  Marie        Mobilisation     }
  A2 (MTL1, group, 2019-06-10; P-MTL1-11 "Paul" partner, R-MTL1-12 "Rose" estate Rivière)
    e6  Paul         Concertation
    e7  Rose         Mobilisation and Sécurité (one excerpt, two codes)
    e8  Paul         Partenariat (by the coder)
  B1 (QC1, individual, 2020-02-03; P-QC1-11 "Luc" partner)
    e9  Luc          Concertation
    e10 Luc          Roulement
  B2 (QC1, individual, 2020-03-15; R-QC1-11 "Nadia", estate Colline: persons alone)
    e11 Nadia        Mobilisation
    e12 Nadia        Sécurité — needs review, so it counts nowhere
  B3 (QC1, observation notes, 2020-04-01; P-QC1-11 as the only participant, no speaker turns)
    e13 (P-QC1-11)   Mobilisation
  C1 (QC2, group, 2021-09-20; I-QC2-11 "Sami" field worker, R-QC2-11 "Odette", estate Soleil: seniors)
    e14 Sami         Concertation (by the admin)
    e15 Odette       Concertation

QC2 has no excerpt for Roulement, Mobilisation or Sécurité; QC1 none for Sécurité. Coder of every
coding not said otherwise: the researcher. Nadia's consent does not allow quoting her.
"""

import datetime
from types import SimpleNamespace

from coding import services
from coding.models import Excerpt
from tests import factory

TEXTS = {
    "A1": (
        "INTERVIEWEUSE : Parlez-moi du quartier.\n"
        "Marie : Le comité de locataires nous aide beaucoup, on se sent en sécurité ici.\n"
        "INTERVIEWEUSE : Et les partenaires ?\n"
        "Marie : Les intervenants changent souvent, c'est difficile pour nous."
    ),
    "A2": (
        "INTERVIEWEUSE : Comment travaillez-vous ensemble ?\n"
        "Paul : La table de concertation réunit tous les organismes du secteur.\n"
        "Rose : Moi je participe aux corvées de nettoyage, je me sens plus en sécurité.\n"
        "Paul : Nous partageons le local communautaire.\n"
        "Rose : Les voisins viennent plus souvent.\n"
        "INTERVIEWEUSE : Merci à vous deux."
    ),
    "B1": (
        "INTERVIEWEUSE : Quel est votre rôle ?\n"
        "Luc : Je coordonne le comité avec l'office d'habitation.\n"
        "INTERVIEWEUSE : Et les difficultés ?\n"
        "Luc : Le roulement du personnel nous oblige à tout recommencer."
    ),
    "B2": (
        "INTERVIEWEUSE : Participez-vous aux activités ?\n"
        "Nadia : Oui, je vais au café des voisins chaque semaine.\n"
        "INTERVIEWEUSE : Vous sentez-vous en sécurité ?\n"
        "Nadia : Pas toujours le soir."
    ),
    "B3": "Notes de la rencontre du comité.\nLe partenaire présente le projet de jardin collectif aux locataires.",
    "C1": (
        "Sami : Je fais de l'accompagnement au quotidien avec les partenaires.\n"
        "Odette : Sami m'a aidée à trouver une clinique.\n"
        "Sami : On travaille avec le CIUSSS.\n"
        "Odette : C'est rassurant."
    ),
}
# Words per interview (runs of letters or digits joined by ' or -), counted by hand:
# A1 4+14+4+9 = 31; A2 4+11+14+6+6+5 = 46; B1 5+8+4+10 = 27; B2 4+10+5+5 = 24; B3 6+10 = 16; C1 10+8+6+3 = 27.
WORDS = {"A1": 31, "A2": 46, "B1": 27, "B2": 24, "B3": 16, "C1": 27}

EXCERPTS = [
    # name, interview, quote, codes, coder
    ("e1", "A1", "Le comité de locataires nous aide beaucoup", ["concertation"], "researcher"),
    ("e2", "A1", "on se sent en sécurité ici", ["securite"], "researcher"),
    ("e3", "A1", "Et les partenaires ?", ["partenariat"], "researcher"),
    ("e4", "A1", "Les intervenants changent souvent", ["roulement"], "coder"),
    ("e5", "A1", "changent souvent, c'est difficile", ["mobilisation"], "researcher"),
    ("e6", "A2", "La table de concertation réunit tous les organismes du secteur", ["concertation"], "researcher"),
    (
        "e7",
        "A2",
        "je participe aux corvées de nettoyage, je me sens plus en sécurité",
        ["mobilisation", "securite"],
        "researcher",
    ),
    ("e8", "A2", "Nous partageons le local communautaire", ["partenariat"], "coder"),
    ("e9", "B1", "Je coordonne le comité avec l'office d'habitation", ["concertation"], "researcher"),
    ("e10", "B1", "Le roulement du personnel nous oblige à tout recommencer", ["roulement"], "researcher"),
    ("e11", "B2", "je vais au café des voisins chaque semaine", ["mobilisation"], "researcher"),
    ("e12", "B2", "Pas toujours le soir", ["securite"], "researcher"),
    ("e13", "B3", "présente le projet de jardin collectif", ["mobilisation"], "researcher"),
    ("e14", "C1", "Je fais de l'accompagnement au quotidien avec les partenaires", ["concertation"], "admin"),
    ("e15", "C1", "Sami m'a aidée à trouver une clinique", ["concertation"], "researcher"),
]


def build_world(study, site_a, site_b, *, admin, researcher, coder):
    """The study above, built through the services; returns every object by its name in the docstring."""
    w = SimpleNamespace(study=study, site_a=site_a, site_b=site_b, admin=admin, researcher=researcher, coder=coder)
    w.site_c = factory.make_site(study, "QC2", name="Milieu Soleil", city="Québec")
    w.estate_a = factory.make_estate(site_a, "Ensemble Rivière", clientele="families")
    w.estate_b = factory.make_estate(site_b, "Ensemble Colline", clientele="persons_alone")
    w.estate_c = factory.make_estate(w.site_c, "Ensemble Soleil", clientele="seniors")
    person = factory.make_participant
    w.marie = person(study, site_a, "R-MTL1-11", housing_estate=w.estate_a)
    w.rose = person(study, site_a, "R-MTL1-12", housing_estate=w.estate_a)
    w.paul = person(study, site_a, "P-MTL1-11", kind="partner")
    w.luc = person(study, site_b, "P-QC1-11", kind="partner")
    w.nadia = person(study, site_b, "R-QC1-11", housing_estate=w.estate_b, quoted=False)
    w.sami = person(study, w.site_c, "I-QC2-11", kind="field_worker")
    w.odette = person(study, w.site_c, "R-QC2-11", housing_estate=w.estate_c)

    w.partenariat = factory.make_code(study, "Partenariat", by=researcher)
    w.concertation = factory.make_code(study, "Concertation", parent=w.partenariat, by=researcher)
    w.roulement = factory.make_code(study, "Roulement", parent=w.partenariat, by=researcher)
    w.mobilisation = factory.make_code(study, "Mobilisation", by=researcher)
    w.securite = factory.make_code(study, "Sécurité", by=researcher)

    interview = _interview_maker(study, researcher)
    w.A1 = interview("A1", site_a, "individual", (2019, 5, 1), [(w.marie, "Marie")])
    w.A2 = interview("A2", site_a, "group", (2019, 6, 10), [(w.paul, "Paul"), (w.rose, "Rose")])
    w.B1 = interview("B1", site_b, "individual", (2020, 2, 3), [(w.luc, "Luc")])
    w.B2 = interview("B2", site_b, "individual", (2020, 3, 15), [(w.nadia, "Nadia")])
    w.B3 = interview("B3", site_b, "observation", (2020, 4, 1), [(w.luc, "")], interviewer_label="")
    w.C1 = interview("C1", w.site_c, "group", (2021, 9, 20), [(w.sami, "Sami"), (w.odette, "Odette")])

    for name, interview_name, quote, codes, by in EXCERPTS:
        text = TEXTS[interview_name]
        start = text.index(quote)
        excerpt = factory.make_excerpt(
            getattr(w, interview_name),
            start,
            start + len(quote),
            codes=[getattr(w, code) for code in codes],
            coder=getattr(w, by),
        )
        setattr(w, name, excerpt)
    services.add_codings(w.e1, code_ids=[w.concertation.pk], coder=coder)
    Excerpt.objects.filter(pk=w.e12.pk).update(needs_review=True, review_reason=Excerpt.ReviewReason.MOVED)
    return w


def _interview_maker(study, author):
    def make(name, site, kind, date, participants, interviewer_label="INTERVIEWEUSE"):
        return factory.make_interview(
            study,
            site,
            name,
            text=TEXTS[name],
            participants=participants,
            author=author,
            kind=kind,
            date=datetime.date(*date),
            interviewer_label=interviewer_label,
        )

    return make
