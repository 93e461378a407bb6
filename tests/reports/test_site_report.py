"""One site's report: themes ranked, the split by participant kind, the strongest quotes, its memos, charts."""

import json
import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from coding import services
from tests import factory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def report(world, client, code="MTL1"):
    return client.get(reverse("reports:site_report", args=[world.study.slug, code]))


def theme_rows(body):
    """(theme path, excerpts, interviews, participants) of the ranked table, in its order."""
    table = body.split('aria-labelledby="themes-heading"')[1].split("</table>")[0]
    rows = re.findall(
        r'</span> ([^<]+)</th>\s*<td class="num"><a [^>]+>(\d+)</a></td><td class="num">(\d+)</td>'
        r'<td class="num">(\d+)</td>',
        table,
    )
    return [(path.replace("&gt;", ">"), int(e), int(i), int(p)) for path, e, i, p in rows]


def test_themes_are_ranked_by_excerpts_then_interviews_then_participants(world, login):
    body = report(world, login(world.researcher)).content.decode()
    # MTL1: Partenariat e1 e3 e4 e6 e8 in A1 A2 by R-MTL1-11 P-MTL1-11; Concertation e1 e6; Mobilisation e5 e7
    # (R-MTL1-11, R-MTL1-12); Sécurité e2 e7; Roulement e4. Ties keep codebook order.
    assert theme_rows(body) == [
        ("Partenariat", 5, 2, 2),
        ("Partenariat > Concertation", 2, 2, 2),
        ("Mobilisation", 2, 2, 2),
        ("Sécurité", 2, 2, 2),
        ("Partenariat > Roulement", 1, 1, 1),
    ]


def test_a_theme_absent_from_the_site_is_not_ranked(world, login):
    body = report(world, login(world.researcher), "QC2").content.decode()
    assert [row[0] for row in theme_rows(body)] == ["Partenariat", "Partenariat > Concertation"]


def test_the_split_by_participant_kind_links_each_cell_to_its_excerpts(world, login):
    body = report(world, login(world.researcher)).content.decode()
    table = body.split('aria-labelledby="kinds-heading"')[1].split("</table>")[0]
    assert re.findall(r'<th scope="col" class="num">([^<]+)</th>', table) == ["Partner", "Resident", "Field worker"]
    # Partenariat: partner e6 e8, resident e1 e4 (e3 is the interviewer's).
    first = table.split("<tbody>")[1].split("</tr>")[0]
    assert re.findall(r">(\d+)</a>", first) == ["2", "2", "0"]
    retrieval = reverse("reports:retrieval", args=[world.study.slug])
    link = f"{retrieval}?code={world.partenariat.pk}&amp;include_subcodes=on&amp;site={world.site_a.pk}"
    assert f'href="{link}&amp;participant_kind=partner"' in first


def test_strongest_quotes_are_the_most_coded_then_longest_of_40_to_400_characters(world, login):
    body = report(world, login(world.researcher)).content.decode()
    section = body.split('aria-label="Partenariat"')[1].split("</section>")[0]
    quotes = re.findall(r'<blockquote class="quote strong-quote">\s*([^<]+?)\s*<cite>', section)
    # e1 (two coders) first, then e6 (62 characters); e8 and e4 are under 40 characters, e3 is the interviewer's.
    assert quotes == [
        "Le comité de locataires nous aide beaucoup",
        "La table de concertation réunit tous les organismes du secteur",
    ]
    assert "2 coders" in section
    assert "40 to 400 characters" in body


def test_participants_who_may_not_be_quoted_are_not_among_the_strongest_quotes(world, login):
    body = report(world, login(world.researcher), "QC1").content.decode()
    assert escape("je vais au café des voisins chaque semaine") not in body.split("quotes-heading")[1]


def test_the_sites_memos_and_its_interviews_memos_are_listed(world, login):
    services.create_memo(world.study, author=world.researcher, kind="analytic", title="Sur MTL1", anchor=world.site_a)
    services.create_memo(
        world.study, author=world.coder, kind="methodological", title="Sur A2", body="<i>note</i>", anchor=world.A2
    )
    services.create_memo(world.study, author=world.researcher, kind="analytic", title="Sur QC1", anchor=world.site_b)
    services.create_memo(world.study, author=world.researcher, kind="analytic", title="Sur l'étude")
    body = report(world, login(world.researcher)).content.decode()
    assert ">Sur MTL1<" in body and ">Sur A2<" in body
    assert "Sur QC1" not in body and "Sur l&#x27;étude" not in body
    assert "&lt;i&gt;note&lt;/i&gt;" in body


def test_the_charts_are_given_as_json_with_a_table_beside_them(world, login):
    body = report(world, login(world.researcher)).content.decode()
    data = json.loads(re.search(r'<script id="themes-figure" type="application/json">(.+?)</script>', body).group(1))
    assert data["data"][0]["type"] == "bar"
    assert data["data"][0]["x"] == [5, 2, 2, 2, 1]
    assert 'data-figure="themes-figure"' in body and 'aria-describedby="themes-caption"' in body
    kinds = json.loads(re.search(r'<script id="kinds-figure" type="application/json">(.+?)</script>', body).group(1))
    assert [trace["name"] for trace in kinds["data"]] == ["Partner", "Resident", "Field worker"]
    assert "vendor/plotly/plotly.min.js" in body and "reports/charts.js" in body


def test_members_limited_to_another_site_and_outsiders_get_404(world, team_b, partner, outsider, login, client):
    assert report(world, login(team_b)).status_code == 404
    assert report(world, login(team_b), "QC1").status_code == 200
    assert report(world, login(partner)).status_code == 404
    assert report(world, login(outsider)).status_code == 404
    assert report(world, login(world.researcher), "NOPE").status_code == 404


def test_the_report_runs_a_fixed_number_of_queries(world, login, django_assert_max_num_queries):
    client = login(world.researcher)
    report(world, client)
    with django_assert_max_num_queries(18):
        assert report(world, client).status_code == 200
    for n in range(10):
        factory.make_excerpt(world.A2, n, n + 45, codes=[world.securite, world.roulement], coder=world.coder)
        services.create_memo(world.study, author=world.researcher, kind="analytic", title=f"M{n}", anchor=world.A1)
    with django_assert_max_num_queries(18):
        assert report(world, client).status_code == 200
