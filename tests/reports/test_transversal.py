"""The transversal page: the matrix for each axis and measure, cells that open their excerpts, the heatmap,
silent sites, one code's quotes side by side, the htmx fragment, access and query counts."""

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from reports.retrieval import RetrievalForm

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def page(world, client, **params):
    return client.get(reverse("reports:transversal", args=[world.study.slug]), params, **params.pop("_extra", {}))


def table(body):
    """[(code name, [cell texts])] and the column headers of the matrix table."""
    html = body.split('id="matrix-table"')[1].split("</table>")[0]
    headers = re.findall(r'<th scope="col" class="num">([^<]+)</th>', html)
    rows = re.findall(r"</span> ([^<]+)</th>(.*?)</tr>", html.split("<tbody>")[1].split("</tbody>")[0], re.S)
    return headers, [(name, re.findall(r'<a href="[^"]+">([^<]+)</a>', cells)) for name, cells in rows]


def cell_links(body):
    html = body.split('id="matrix-table"')[1].split("</table>")[0]
    return [link.replace("&amp;", "&") for link in re.findall(r'<td class="num[^"]*"><a href="([^"]+)">', html)]


def test_the_default_matrix_is_excerpts_by_site(world, login):
    headers, rows = table(page(world, login(world.researcher)).content.decode())
    assert headers == ["MTL1 — Milieu Rivière", "QC1 — Milieu Colline", "QC2 — Milieu Soleil"]
    assert rows == [
        ("Partenariat", ["5", "2", "2"]),
        ("Concertation", ["2", "1", "2"]),
        ("Roulement", ["1", "1", "0"]),
        ("Mobilisation", ["2", "2", "0"]),
        ("Sécurité", ["2", "0", "0"]),
    ]


def test_each_measure_shows_in_the_cells_with_its_denominator(world, login):
    client = login(world.researcher)
    body = page(world, client, axis="participant_kind", measure="interviews_share").content.decode()
    headers, rows = table(body)
    assert headers == ["Partner", "Resident", "Field worker"]
    assert rows[3] == ("Mobilisation", ["33\u00a0%", "75\u00a0%", "0\u00a0%"])  # B3 of 3 | A1 A2 B2 of 4
    assert re.search(
        r"<td>Interviews</td><td class=\"num\">3</td><td class=\"num\">4</td><td class=\"num\">1</td>", body
    )
    body = page(world, client, axis="clientele", measure="per_10k_words").content.decode()
    assert table(body)[1][3] == ("Mobilisation", ["259.7", "416.7", "0.0"])  # 2 in 77 words, 1 in 24 words
    client.cookies["django_language"] = "fr-ca"
    body = page(world, client, axis="clientele", measure="per_10k_words").content.decode()
    assert table(body)[1][3] == ("Mobilisation", ["259,7", "416,7", "0,0"]), "numbers as French writes them"
    body = page(world, client, axis="clientele", measure="participants").content.decode()
    assert table(body)[1][3] == ("Mobilisation", ["2", "1", "0"])


def test_every_cell_opens_the_retrieval_page_filtered_to_it(world, login):
    client = login(world.researcher)
    for axis in ("site", "participant_kind", "clientele"):
        body = page(world, client, axis=axis, interview_kind="individual").content.decode()
        _headers, rows = table(body)
        numbers = [int(text) for _name, cells in rows for text in cells]
        links = cell_links(body)
        assert len(links) == len(numbers) == 15
        for link, number in zip(links, numbers, strict=True):
            params = {key: value[0] for key, value in parse_qs(urlsplit(link).query).items()}
            assert urlsplit(link).path == reverse("reports:retrieval", args=[world.study.slug])
            assert params["include_subcodes"] == "on" and params["interview_kind"] == "individual"
            form = RetrievalForm(params, study=world.study, user=world.researcher)
            assert form.is_valid(), form.errors
            assert form.excerpts().count() == number, (axis, link)


def test_the_heatmap_holds_the_matrix_and_the_cells_urls(world, login):
    body = page(world, login(world.researcher)).content.decode()
    figure = json.loads(re.search(r'<script id="matrix-figure" type="application/json">(.+?)</script>', body).group(1))
    heatmap = figure["data"][0]
    assert heatmap["type"] == "heatmap"
    assert heatmap["x"] == ["MTL1", "QC1", "QC2"]
    assert heatmap["y"][1] == "Partenariat > Concertation"
    assert heatmap["z"] == [[5, 2, 2], [2, 1, 2], [1, 1, 0], [2, 2, 0], [2, 0, 0]]
    assert heatmap["customdata"][0][0] == cell_links(body)[0]
    assert 'aria-describedby="matrix-caption"' in body


def test_the_figure_speaks_the_users_language(world, login):
    client = login(world.researcher)
    body = page(world, client, measure="participants").content.decode()
    figure = json.loads(re.search(r'<script id="matrix-figure" type="application/json">(.+?)</script>', body).group(1))
    assert "Participants" in figure["data"][0]["hovertemplate"]
    assert figure["layout"]["separators"] == ".,"


def test_silent_sites_list_the_codes_absent_here_and_present_elsewhere(world, login):
    body = page(world, login(world.researcher), measure="participants").content.decode()
    silent = body.split('id="silent-heading"')[1].split("</ul>")[0]
    items = re.findall(r"<strong>([^<]+)</strong> — absent from ([^;]+);", silent)
    assert items == [
        ("Partenariat &gt; Roulement", "QC2 — Milieu Soleil"),
        ("Mobilisation", "QC2 — Milieu Soleil"),
        ("Sécurité", "QC1 — Milieu Colline, QC2 — Milieu Soleil"),
    ]


def test_one_codes_quotes_side_by_side_a_column_per_site(world, login):
    body = page(world, login(world.researcher), quotes=world.partenariat.pk).content.decode()
    columns = body.split('class="columns"')[1]
    sites = re.findall(r"<h3>([^<]+)</h3>", columns)
    assert sites == ["MTL1 — Milieu Rivière", "QC1 — Milieu Colline", "QC2 — Milieu Soleil"]
    per_site = [
        re.findall(r'<blockquote class="quote strong-quote">\s*([^<]+?)\s*<cite>', part)
        for part in columns.split("<h3>")[1:]
    ]
    assert per_site == [
        [
            "Le comité de locataires nous aide beaucoup",
            "La table de concertation réunit tous les organismes du secteur",
        ],
        [
            "Le roulement du personnel nous oblige à tout recommencer",
            "Je coordonne le comité avec l&#x27;office d&#x27;habitation",
        ],
        ["Je fais de l&#x27;accompagnement au quotidien avec les partenaires"],
    ]


def test_an_htmx_request_gets_only_the_analysis_fragment(world, login):
    response = page(world, login(world.researcher), measure="participants", _extra={"headers": {"HX-Request": "true"}})
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="analysis"')
    assert "<form" not in body and "<html" not in body and 'id="matrix-figure"' in body


def test_a_team_member_sees_only_their_sites_column(world, team_b, login):
    headers, rows = table(page(world, login(team_b)).content.decode())
    assert headers == ["QC1 — Milieu Colline"]
    assert [cells for _name, cells in rows] == [["2"], ["1"], ["1"], ["2"], ["0"]]


def test_invalid_choices_answer_400(world, login):
    assert page(world, login(world.researcher), axis="nope").status_code == 400
    assert page(world, login(world.researcher), date_from="yesterday").status_code == 400


@pytest.mark.parametrize("persona", ["partner", "outsider", "other_admin"])
def test_people_outside_the_study_get_404(world, persona, login, request):
    assert page(world, login(request.getfixturevalue(persona))).status_code == 404


def test_the_page_runs_a_fixed_number_of_queries(world, login, django_assert_max_num_queries):
    client = login(world.researcher)
    page(world, client)
    params = {"axis": "clientele", "measure": "per_10k_words", "quotes": world.partenariat.pk}
    # +1 each for the redactions that mask the quotes and for whether the reader codes blind
    with django_assert_max_num_queries(18):
        assert page(world, client, **params).status_code == 200
    with django_assert_max_num_queries(12):
        assert page(world, client).status_code == 200
