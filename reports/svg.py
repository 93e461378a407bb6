"""Charts for synthesis sheets as SVG we draw ourselves: vector in the PDF (WeasyPrint runs no JavaScript and
Plotly's static export needs a browser), identical on the web page, and the same bytes every time.

Labels are escaped here; the SVG carries a <title> and <desc> for screen readers, and the sheet shows the
numbers in a table next to it only on the web page's demand (the caption says what is counted).
"""

import base64
import math
from xml.sax.saxutils import escape, quoteattr

WIDTH = 640
BAR_HEIGHT = 22
GAP = 10
LABEL_WIDTH = 250
TOP = 12
FONT = "DejaVu Sans, Noto Sans, sans-serif"
COLOURS = ("#1f5f8b", "#e07b39", "#4f9a55", "#b5403a", "#6c5a9c", "#c49a2b", "#3b8a8c")


def bar_chart(labels, values, *, title, unit=""):
    """Horizontal bars, one per label (first at the top), with the value printed at the end of each bar."""
    labels, values = [str(label) for label in labels], [int(value) for value in values]
    largest = max(values, default=0) or 1
    step = _tick_step(largest)
    scale_end = math.ceil(largest / step) * step
    plot_width = WIDTH - LABEL_WIDTH - 50
    height = TOP + len(labels) * (BAR_HEIGHT + GAP) + 30
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}"'
        f' role="img" font-family={quoteattr(FONT)} font-size="13">',
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(_description(labels, values, unit))}</desc>",
    ]
    axis_y = TOP + len(labels) * (BAR_HEIGHT + GAP)
    for tick in range(0, scale_end + 1, step):
        x = LABEL_WIDTH + plot_width * tick / scale_end
        parts.append(
            f'<line x1="{x:.1f}" y1="{TOP - 4}" x2="{x:.1f}" y2="{axis_y}" stroke="#d9dee3" stroke-width="1"/>'
        )
        parts.append(f'<text x="{x:.1f}" y="{axis_y + 18}" text-anchor="middle" fill="#52606d">{tick}</text>')
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = TOP + index * (BAR_HEIGHT + GAP)
        width = plot_width * value / scale_end
        colour = COLOURS[index % len(COLOURS)]
        parts.append(
            f'<text x="{LABEL_WIDTH - 10}" y="{y + BAR_HEIGHT * 0.7:.1f}" text-anchor="end" fill="#1f2933">'
            f"{escape(_shorten(label))}</text>"
        )
        parts.append(f'<rect x="{LABEL_WIDTH}" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}" fill="{colour}"/>')
        parts.append(
            f'<text x="{LABEL_WIDTH + width + 6:.1f}" y="{y + BAR_HEIGHT * 0.7:.1f}" fill="#1f2933"'
            f' font-weight="bold">{value}</text>'
        )
    parts.append(f'<line x1="{LABEL_WIDTH}" y1="{TOP - 4}" x2="{LABEL_WIDTH}" y2="{axis_y}" stroke="#52606d"/>')
    parts.append("</svg>")
    return "".join(parts)


def data_url(svg):
    """The SVG as a data: URL for an <img>, which gives the chart its alt text on the page and in the PDF."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def _tick_step(largest):
    raw = largest / 5
    magnitude = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    for multiple in (1, 2, 5, 10):
        if raw <= multiple * magnitude:
            return max(1, int(multiple * magnitude))
    return max(1, int(10 * magnitude))


def _shorten(label, limit=34):
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _description(labels, values, unit):
    suffix = f" {unit}" if unit else ""
    return "; ".join(f"{label}: {value}{suffix}" for label, value in zip(labels, values, strict=True))
