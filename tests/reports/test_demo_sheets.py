"""load_demo publishes the transversal sheet of the seed (its sections in order, its lexicon) and MTL1's sheet,
which the demo partner reads on the portal.

Loading the demo takes a while: it is loaded once for the module, in a transaction rolled back at the end.
"""

import re
import subprocess
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse

from reports.models import SheetVersion, SynthesisSheet

# The seed's section headings (../shared/seeds/fiche-synthese-transversale-2022.txt), in their order.
SEED_HEADINGS = ["RÉSUMÉ DU PROJET", "OBJECTIFS", "MÉTHODOLOGIE", "RÉSULTATS GÉNÉRAUX", "PISTES D'ACTION", "LEXIQUE"]
LEXICON = ["CA", "CIUSSS", "HLM", "OC", "OMH", "OMHM", "OMHQ"]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("media")
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"], MEDIA_ROOT=media),
    ):
        with transaction.atomic():
            call_command("load_demo", "--allow-known-passwords", stdout=StringIO())
            yield
            transaction.set_rollback(True)


@pytest.fixture
def transversal(demo, db):
    return SynthesisSheet.objects.get(study__slug="demo", site__isnull=True)


def _pdf_text(version):
    with version.pdf.open("rb") as handle:
        pdf = handle.read()
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def test_the_transversal_pdf_has_the_seeds_headings_in_order_and_its_lexicon(transversal):
    text = _pdf_text(SheetVersion.objects.get(sheet=transversal))

    lines = [line.strip() for line in text.splitlines()]
    positions = [lines.index(heading) for heading in SEED_HEADINGS]
    assert positions == sorted(positions), positions
    lexicon = "\n".join(lines[positions[-1] :])
    for term in LEXICON:
        assert re.search(rf"^{term}\s*:", lexicon, re.MULTILINE), term
    assert "FICHE SYNTHÈSE TRANSVERSALE" in text and "Mars 2022" in text
    assert re.search(r"Page 2 sur \d", text)


def test_the_transversal_sheet_is_built_from_the_studys_evidence(transversal):
    kinds = list(transversal.evidence.values_list("kind", flat=True))
    methodology = transversal.sections.get(heading="Méthodologie").body

    assert kinds.count("chart") == 3 and kinds.count("quote") >= 3 and kinds.count("count") >= 8
    assert "[[evidence:" in methodology
    figures = {item.measure: item.value for item in transversal.evidence.filter(kind="count")}
    assert figures["sites"] == 4 and figures["estates"] == 6
    assert figures["participants:partner"] == 35 and figures["participants:resident"] == 43
    quotes = transversal.evidence.filter(kind="quote")
    assert all(re.fullmatch(r"[\w·é ]+, milieu \d", quote.attribution) for quote in quotes), [
        quote.attribution for quote in quotes
    ]


def test_the_demo_partner_reads_the_transversal_and_mtl1_sheets(demo, client):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(email="partenaire@demo.test"))
    page = client.get(reverse("reports:portal")).content.decode()

    sheets = SynthesisSheet.objects.filter(study__slug="demo")
    assert sheets.count() == 2
    for sheet in sheets:
        assert sheet.title in page.replace("&#x27;", "'")
        assert client.get(reverse("reports:portal_sheet", kwargs={"pk": sheet.pk})).status_code == 200
