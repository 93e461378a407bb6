// Draws the Plotly figures of the report pages. Each chart is an element with data-figure="<id>", where <id> is
// the json_script holding the figure built in Python (reports/charts.py); plotly.min.js, loaded before this
// module, defines window.Plotly. A point carrying a URL in customdata (a heatmap cell) opens it when clicked.
// Fragments swapped in by htmx are drawn too.

const CONFIG = { responsive: true, displaylogo: false, displayModeBar: false };

function draw(holder) {
  const source = document.getElementById(holder.dataset.figure);
  if (!source || holder.dataset.drawn) return;
  holder.dataset.drawn = "true";
  const figure = JSON.parse(source.textContent);
  window.Plotly.newPlot(holder, figure.data, figure.layout, CONFIG).then(() => {
    holder.on("plotly_click", (event) => {
      const url = event.points?.[0]?.customdata;
      if (typeof url === "string" && url.startsWith("/")) window.location.assign(url);
    });
  });
}

function drawAll(root) {
  for (const holder of root.querySelectorAll("[data-figure]")) draw(holder);
}

drawAll(document);
document.body.addEventListener("htmx:afterSettle", (event) => drawAll(event.target));
