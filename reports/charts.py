"""Plotly figures of the report pages, built in Python and drawn in the browser by static/reports/charts.js.

Every figure has a table beside it on its page (the text alternative); labels go through gettext, numbers
use the language's separators. Figures are plain JSON (`figure_json`), passed with `json_script`.
"""

import json
import math

import plotly.graph_objects as go
from django.utils.translation import get_language
from django.utils.translation import gettext as _

# A small template of our own: Plotly's default one adds some 6 kB of JSON to every figure.
TEMPLATE = go.layout.Template(
    layout={
        "font": {"family": "system-ui, -apple-system, 'Segoe UI', sans-serif", "size": 13, "color": "#1f2933"},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "colorway": ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1"],
        "xaxis": {"gridcolor": "#e4e7eb", "zerolinecolor": "#cbd2d9", "automargin": True},
        "yaxis": {"gridcolor": "#e4e7eb", "zerolinecolor": "#cbd2d9", "automargin": True},
        "hoverlabel": {"align": "left"},
    }
)
ROW_HEIGHT = 28
VALUE_FORMATS = {"excerpts": ",d", "participants": ",d", "interviews_share": ".0%", "per_10k_words": ",.1f"}


def figure_json(figure):
    """The figure as plain JSON data for `json_script`."""
    return json.loads(figure.to_json())


def _layout(**layout):
    french = (get_language() or "").startswith("fr")
    base = {
        "template": TEMPLATE,
        "separators": ",\u00a0" if french else ".,",
        "margin": {"l": 10, "r": 10, "t": 30, "b": 10},
    }
    return {**base, **layout}


def _count_axis(largest):
    """An x axis of whole numbers: Plotly would otherwise tick 0.5 and show it as a repeated integer."""
    return {"title": {"text": _("Excerpts")}, "tickformat": ",d", "tick0": 0, "dtick": max(1, math.ceil(largest / 8))}


def theme_bars(labels, values, *, title):
    """Horizontal bars, one per theme, in the order given (the first at the top)."""
    figure = go.Figure(
        go.Bar(
            x=list(values),
            y=list(labels),
            orientation="h",
            marker={"color": "#4e79a7"},
            hovertemplate="%{y}: %{x:,d}<extra></extra>",
        )
    )
    figure.update_layout(
        _layout(
            title={"text": title, "font": {"size": 14}},
            height=80 + ROW_HEIGHT * max(len(labels), 1),
            yaxis={"autorange": "reversed"},
            xaxis=_count_axis(max(values, default=0)),
        )
    )
    return figure


def stacked_bars(labels, series, *, title):
    """Stacked horizontal bars: `series` is [(name, values)] (e.g. one per participant kind)."""
    figure = go.Figure(
        [
            go.Bar(
                name=name,
                x=list(values),
                y=list(labels),
                orientation="h",
                hovertemplate=f"{name} · %{{y}}: %{{x:,d}}<extra></extra>",
            )
            for name, values in series
        ]
    )
    figure.update_layout(
        _layout(
            title={"text": title, "font": {"size": 14}},
            barmode="stack",
            height=110 + ROW_HEIGHT * max(len(labels), 1),
            yaxis={"autorange": "reversed"},
            xaxis=_count_axis(max(map(sum, zip(*(values for _name, values in series), strict=True)), default=0)),
            legend={"orientation": "h", "y": -0.15, "traceorder": "normal"},
        )
    )
    return figure


def heatmap(rows, columns, values, *, measure, measure_label, column_title, urls):
    """A code × column heatmap; clicking a cell opens the URL at the same place in `urls`."""
    number = VALUE_FORMATS[measure]
    figure = go.Figure(
        go.Heatmap(
            z=values,
            x=list(columns),
            y=list(rows),
            customdata=urls,
            colorscale="Blues",
            texttemplate=f"%{{z:{number}}}",
            hovertemplate=(
                f"{_('Code')}: %{{y}}<br>{column_title}: %{{x}}<br>{measure_label}: %{{z:{number}}}<extra></extra>"
            ),
            colorbar={"title": {"text": measure_label, "side": "right"}, "tickformat": number},
            xgap=2,
            ygap=2,
        )
    )
    figure.update_layout(
        _layout(
            height=120 + ROW_HEIGHT * max(len(rows), 1),
            yaxis={"autorange": "reversed", "gridcolor": "white"},
            xaxis={"side": "top", "gridcolor": "white"},
        )
    )
    return figure


def network(names, colours, sizes, edges, *, node_label, edge_label):
    """Codes on a circle, sized by `sizes`, joined by `edges` [(i, j, weight)] drawn thicker as weight grows."""
    count = max(len(names), 1)
    xs = [math.cos(2 * math.pi * i / count) for i in range(len(names))]
    ys = [math.sin(2 * math.pi * i / count) for i in range(len(names))]
    heaviest = max((weight for _i, _j, weight in edges), default=1)
    traces = []
    # One trace per width class, not per edge: a codebook of 60 codes can have a thousand edges.
    for level in range(1, 5):
        xs_edge, ys_edge = [], []
        for i, j, weight in edges:
            if min(4, 1 + int(3 * weight / heaviest)) == level:
                xs_edge += [xs[i], xs[j], None]
                ys_edge += [ys[i], ys[j], None]
        if xs_edge:
            traces.append(
                go.Scatter(
                    x=xs_edge,
                    y=ys_edge,
                    mode="lines",
                    line={"width": 1.5 * level, "color": "rgba(82, 96, 109, 0.55)"},
                    hoverinfo="skip",
                    showlegend=False,
                )
            )
    traces.append(
        go.Scatter(
            x=[(xs[i] + xs[j]) / 2 for i, j, _w in edges],
            y=[(ys[i] + ys[j]) / 2 for i, j, _w in edges],
            mode="markers",
            marker={"size": 8, "opacity": 0},
            text=[f"{names[i]} — {names[j]}: {weight}" for i, j, weight in edges],
            hovertemplate=f"%{{text}} {edge_label}<extra></extra>",
            showlegend=False,
        )
    )
    largest = max(sizes, default=1) or 1
    traces.append(
        go.Scatter(
            x=xs,
            y=ys,
            mode="markers+text",
            text=list(names),
            textposition=["middle right" if x >= 0 else "middle left" for x in xs],
            customdata=list(sizes),
            marker={
                "size": [12 + 28 * math.sqrt(size / largest) for size in sizes],
                "color": list(colours),
                "line": {"width": 1, "color": "white"},
            },
            hovertemplate=f"%{{text}}: %{{customdata}} {node_label}<extra></extra>",
            showlegend=False,
        )
    )
    figure = go.Figure(traces)
    hidden = {"visible": False, "range": [-1.8, 1.8]}
    figure.update_layout(_layout(height=560, xaxis=hidden, yaxis={**hidden, "scaleanchor": "x"}, hovermode="closest"))
    return figure
