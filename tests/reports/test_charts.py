"""The figures of reports/charts.py: plain JSON, labels in the user's language, numbers as the language writes them."""

from django.utils import translation

from reports import charts


def test_a_heatmap_carries_values_labels_and_the_url_of_each_cell():
    figure = charts.figure_json(
        charts.heatmap(
            ["A", "A > B"],
            ["MTL1", "QC1"],
            [[1, 0], [2, 3]],
            measure="excerpts",
            measure_label="Excerpts",
            column_title="Sites",
            urls=[["/a1", "/a2"], ["/b1", "/b2"]],
        )
    )
    trace = figure["data"][0]
    assert trace["type"] == "heatmap" and trace["z"] == [[1, 0], [2, 3]]
    assert trace["customdata"] == [["/a1", "/a2"], ["/b1", "/b2"]]
    assert "Sites: %{x}" in trace["hovertemplate"] and trace["texttemplate"] == "%{z:,d}"
    assert figure["layout"]["yaxis"]["autorange"] == "reversed"
    assert len(str(figure)) < 3000, "no 6 kB default template in every figure"


def test_numbers_use_the_languages_separators():
    with translation.override("fr-ca"):
        assert charts.figure_json(charts.theme_bars(["A"], [3], title="T"))["layout"]["separators"] == ",\u00a0"
    with translation.override("en"):
        assert charts.figure_json(charts.theme_bars(["A"], [3], title="T"))["layout"]["separators"] == ".,"


def test_count_axes_tick_whole_numbers_only():
    layout = charts.figure_json(charts.stacked_bars(["A", "B"], [("x", [1, 0]), ("y", [1, 2])], title="T"))["layout"]
    assert layout["xaxis"]["dtick"] == 1 and layout["barmode"] == "stack"
    assert charts.figure_json(charts.theme_bars(["A"], [40], title="T"))["layout"]["xaxis"]["dtick"] == 5


def test_the_network_puts_codes_on_a_circle_and_groups_edges_by_width():
    figure = charts.figure_json(
        charts.network(
            ["A", "B", "C", "D"],
            ["#111111", "#222222", "#333333", "#444444"],
            [4, 1, 2, 0],
            [(0, 1, 8), (1, 2, 1), (0, 3, 2)],
            node_label="excerpts",
            edge_label="excerpts",
        )
    )
    *lines, midpoints, nodes = figure["data"]
    assert nodes["text"] == ["A", "B", "C", "D"] and nodes["customdata"] == [4, 1, 2, 0]
    assert nodes["marker"]["size"][0] == 40 and nodes["marker"]["size"][3] == 12
    assert midpoints["text"] == ["A — B: 8", "B — C: 1", "A — D: 2"]
    assert sorted(line["line"]["width"] for line in lines) == [1.5, 6.0]  # 1 and 2 share the thinnest class
    assert sum(line["x"].count(None) for line in lines) == 3
