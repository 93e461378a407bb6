"""Tabular exports of the study structure, safe to open in a spreadsheet."""

import csv
import io

from django.utils.translation import gettext as _

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Prefix a text cell that a spreadsheet would run as a formula with an apostrophe (OWASP advice)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def participants_csv(participants, definitions, progress=lambda percent: None):
    """One row per participant: pseudonym, kind, site, organisation, estate, consent and attributes."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            _("Pseudonym code"),
            _("Kind"),
            _("Site"),
            _("Organisation"),
            _("Housing estate"),
            _("Role or title"),
            _("Consent given on"),
            _("May be quoted"),
            _("Consent withdrawn on"),
        ]
        + [d.label for d in definitions]
    )
    total = len(participants) or 1
    for index, p in enumerate(participants, start=1):
        consent = getattr(p, "consent", None)
        row = [
            p.code,
            p.get_kind_display(),
            p.site.code,
            p.organization.name if p.organization else "",
            p.housing_estate.name if p.housing_estate else "",
            p.role_title,
            consent.given_on.isoformat() if consent else "",
            (_("yes") if consent.may_be_quoted else _("no")) if consent else "",
            consent.withdrawn_on.isoformat() if consent and consent.withdrawn_on else "",
        ] + [p.attributes.get(d.key, "") for d in definitions]
        writer.writerow([neutralise(cell) for cell in row])
        if index % 100 == 0:
            progress(100 * index / total)
    return out.getvalue()
