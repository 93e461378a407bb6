"""The reliability suite's study, written into the private database by `python -m tests.reliability.seed`.

Prints one JSON object: the ids and addresses the scenarios need. Runs in its own process because the
suite's database is not the one pytest-django set up.
"""

import json
import os

CODERS = 10
INTERVIEWS = 12
# One paragraph of interview, repeated: every interview is long enough for 200 different ranges per coder.
PARAGRAPH = (
    "Intervieweuse : Comment les partenaires se coordonnent-ils autour de l'ensemble ?\n"
    "R-MTL1-{n:02d} : On se voit à la table de quartier chaque mois, avec l'office municipal, le CIUSSS "
    "et l'association des locataires. Les intervenantes de proximité font le lien au quotidien.\n"
)


def seed():
    from django.contrib.auth import get_user_model

    from coding.models import Memo
    from sites.permissions import Role
    from tests import factory

    study = factory.make_study(slug="fiabilite", title="Étude de fiabilité")
    site = factory.make_site(study, "MTL1", name="Milieu fiable")
    # Ten researchers (each edits the shared memo from a session of their own) and ten coders of the site.
    researchers = []
    for number in range(CODERS):
        person = factory.make_user(f"chercheure{number:02d}@fiabilite.test")
        factory.make_membership(person, study, Role.RESEARCHER)
        researchers.append(person.email)
    researcher = get_user_model().objects.get(email=researchers[0])
    coders = []
    for number in range(CODERS):
        coder = factory.make_user(f"codeur{number:02d}@fiabilite.test")
        factory.make_membership(coder, study, Role.CODER, [site])
        coders.append(coder.email)
    codes = [factory.make_code(study, name, by=researcher).pk for name in ("Concertation", "Proximité", "Logement")]
    interviews = [
        factory.make_interview(
            study, site, f"Entretien {n:02d}", text="".join(PARAGRAPH.format(n=n) for _ in range(60)), author=researcher
        )
        for n in range(INTERVIEWS)
    ]
    sheet = _sheet(study, site, researcher)
    memo = Memo.objects.create(study=study, author=researcher, kind="analytic", title="Mémo partagé", body="Début.")
    return {
        "study": study.slug,
        "site": site.pk,
        "password": factory.PASSWORD,
        "researchers": researchers,
        "coders": coders,
        "codes": codes,
        "interviews": [interview.pk for interview in interviews],
        "text_length": len(interviews[0].current_version.text),
        "memo": memo.pk,
        "sheet": sheet.pk if sheet else None,
    }


def _sheet(study, site, researcher):
    """A synthesis sheet ready to publish, once the sheets' code is in this tree (None before)."""
    try:
        from tests.reports.sheet_fixtures import build_sheet
    except ImportError:
        return None
    from tests import factory

    participant = factory.make_participant(study, site, "R-MTL1-99")
    return build_sheet(study, site, participant, researcher=researcher).sheet


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hlmstudy.settings")
    import django

    django.setup()
    print(json.dumps(seed()))
