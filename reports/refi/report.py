"""What an import did, for the person who ran it (REFI-QDA §7 asks importers to say what they discarded).

Counts of what was mapped, and one line per thing merged into what the study already had, changed to fit,
dropped, or sent to the needs-review list, with the reason. Stored in job.result (rendered by the job page)
and printed by `import_qdpx`.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext_lazy

MERGED, CHANGED, DROPPED, REVIEW, NOTE = "merged", "changed", "dropped", "review", "note"
CATEGORY_LABELS = {
    MERGED: gettext_lazy("merged"),
    CHANGED: gettext_lazy("changed"),
    DROPPED: gettext_lazy("dropped"),
    REVIEW: gettext_lazy("to review"),
    NOTE: gettext_lazy("note"),
}
# What is counted, in the order the summary names it.
MAPPED_PHRASES = {
    "codes": ngettext_lazy("%(count)s code", "%(count)s codes", "count"),
    "sites": ngettext_lazy("%(count)s site created", "%(count)s sites created", "count"),
    "participants": ngettext_lazy("%(count)s participant", "%(count)s participants", "count"),
    "attributes": ngettext_lazy("%(count)s attribute", "%(count)s attributes", "count"),
    "interviews": ngettext_lazy("%(count)s interview", "%(count)s interviews", "count"),
    "excerpts": ngettext_lazy("%(count)s excerpt placed", "%(count)s excerpts placed", "count"),
    "codings": ngettext_lazy("%(count)s coding", "%(count)s codings", "count"),
    "memos": ngettext_lazy("%(count)s memo", "%(count)s memos", "count"),
}
LINE_PHRASES = {
    MERGED: ngettext_lazy("%(count)s merged", "%(count)s merged", "count"),
    CHANGED: ngettext_lazy("%(count)s changed", "%(count)s changed", "count"),
    DROPPED: ngettext_lazy("%(count)s dropped", "%(count)s dropped", "count"),
    REVIEW: ngettext_lazy("%(count)s to review", "%(count)s to review", "count"),
}
MAX_ENTRIES = 500  # lines kept in job.result; the counts always cover everything


@dataclass(frozen=True)
class Line:
    category: str
    subject: str
    reason: str


@dataclass
class ImportReport:
    file_name: str
    dry_run: bool = False
    project_name: str = ""
    mapped: Counter = field(default_factory=Counter)
    lines: list = field(default_factory=list)

    def count(self, what, number=1):
        self.mapped[what] += number

    def add(self, category, subject, reason):
        self.lines.append(Line(category, str(subject), str(reason)))

    def of(self, category):
        return [line for line in self.lines if line.category == category]

    def summary(self):
        counted = [phrase % {"count": self.mapped[key]} for key, phrase in MAPPED_PHRASES.items() if self.mapped[key]]
        others = Counter(line.category for line in self.lines)
        counted += [phrase % {"count": others[key]} for key, phrase in LINE_PHRASES.items() if others[key]]
        text = _("Imported from %(file)s: %(counts)s.") % {
            "file": self.file_name,
            "counts": ", ".join(counted) or _("nothing"),
        }
        if self.dry_run:
            text = _("Dry run, nothing was stored.") + " " + text
        return text

    def as_result(self):
        """job.result: the summary, the job page's generic entries, and the counts by kind."""
        entries = [
            {
                "name": f"{CATEGORY_LABELS[line.category]} · {line.subject}",
                "ok": line.category in (MERGED, CHANGED, NOTE),
                "message": line.reason,
                "url": "",
            }
            for line in self.lines[:MAX_ENTRIES]
        ]
        if len(self.lines) > MAX_ENTRIES:
            entries.append(
                {
                    "name": "…",
                    "ok": True,
                    "message": _("and %(count)s more lines") % {"count": len(self.lines) - MAX_ENTRIES},
                    "url": "",
                }
            )
        return {"summary": self.summary(), "entries": entries, "mapped": dict(self.mapped), "dry_run": self.dry_run}

    def as_text(self):
        """The report as lines of text, for the command line."""
        out = [self.summary()]
        for line in self.lines:
            out.append(f"  [{CATEGORY_LABELS[line.category]}] {line.subject}: {line.reason}")
        return "\n".join(out)
