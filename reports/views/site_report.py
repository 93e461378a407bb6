"""One site's report: its themes ranked, the split by participant kind, the strongest quotes, its memos, charts."""

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from coding.models import Memo
from reports import charts
from reports.codetree import CodeTree
from reports.matrices import site_profile
from reports.quotes import strongest_excerpts, with_display_quotes
from reports.retrieval import placed_codings
from sites.views.access import get_site, get_study, visible_sites

QUOTED_THEMES = 5  # the themes, by rank, whose strongest quotes the page shows
QUOTES_PER_THEME = 3
CHARTED_THEMES = 15
MEMO_LIMIT = 30


@login_required
def site_report(request, study, code):
    study = get_study(request, study)
    site = get_site(request, study, code)
    tree = CodeTree(study)
    consensus = request.GET.get("consensus") == "1"
    themes, kinds = site_profile(study, user=request.user, site=site, tree=tree, consensus=consensus)
    ranked = _ranked(study, site, tree, themes, kinds, consensus=consensus)
    codings = placed_codings(study, request.user, consensus=consensus).filter(excerpt__interview__site=site)
    quoted = [
        {
            "theme": theme,
            "excerpts": strongest_excerpts(
                codings, theme["code"].subtree, user=request.user, limit=QUOTES_PER_THEME, display=False
            ),
        }
        for theme in ranked[:QUOTED_THEMES]
    ]
    with_display_quotes([excerpt for item in quoted for excerpt in item["excerpts"]])  # masked, in one query
    memos = (
        Memo.objects.visible_to(request.user)
        .filter(study=study)
        .filter(Q(site=site) | Q(interview__site=site))
        .select_related("author", "interview")[:MEMO_LIMIT]
    )
    kind_labels = [kinds.attrs["column_labels"][kind] for kind in kinds.columns]
    context = {
        "study": study,
        "site": site,
        "ranked": ranked,
        "kind_labels": kind_labels,
        "quoted": quoted,
        "memos": memos,
        **_figures(ranked[:CHARTED_THEMES], kind_labels),
        "report_sites": visible_sites(request, study).order_by("code"),
        "consensus": consensus,
    }
    return render(request, "reports/site_report.html", context)


def _ranked(study, site, tree, themes, kinds, *, consensus=False):
    """The ranked themes as the page shows them, each number with the link to its excerpts."""
    retrieval = reverse("reports:retrieval", args=[study.slug])
    only = {"consensus": "on"} if consensus else {}

    def url(code_pk, **more):
        return f"{retrieval}?{urlencode({'code': code_pk, 'include_subcodes': 'on', 'site': site.pk, **only, **more})}"

    return [
        {
            "code": tree.by_pk[code_pk],
            "excerpts": row["excerpts"],
            "interviews": row["interviews"],
            "participants": row["participants"],
            "url": url(code_pk),
            "kinds": [
                {"n": int(kinds.at[code_pk, kind]), "url": url(code_pk, participant_kind=kind)}
                for kind in kinds.columns
            ],
        }
        for code_pk, row in themes.iterrows()
    ]


def _figures(charted, kind_labels):
    """The two bar charts of the first themes: excerpts, and excerpts by participant kind."""
    names = [theme["code"].path for theme in charted]
    by_kind = [(label, [theme["kinds"][index]["n"] for theme in charted]) for index, label in enumerate(kind_labels)]
    return {
        "themes_figure": charts.figure_json(
            charts.theme_bars(names, [theme["excerpts"] for theme in charted], title=_("Excerpts per theme"))
        ),
        "kinds_figure": charts.figure_json(
            charts.stacked_bars(names, by_kind, title=_("Excerpts per theme and participant kind"))
        ),
    }
