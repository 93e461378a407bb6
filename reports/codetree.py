"""The codebook as the reports read it: codes in codebook order, their paths and their sub-trees (one query)."""

from dataclasses import dataclass, field

from coding.models import Code


@dataclass
class CodeRow:
    pk: int
    name: str
    colour: str
    parent_id: int | None
    depth: int = 0
    path: str = ""
    subtree: frozenset = field(default_factory=frozenset)  # its own id and every code under it, in any state


class CodeTree:
    """The study's active codes in codebook order (depth first, siblings by order then name).

    Archived codes are not rows, but their codings still count in the sub-tree of the active code above them;
    merged codes hold no codings (merging moves them), so they are left out altogether.
    """

    def __init__(self, study):
        codes = list(
            Code.objects.filter(study=study, merged_into__isnull=True).values(
                "pk", "name", "colour", "parent_id", "order", "is_archived"
            )
        )
        children = {}
        for code in sorted(codes, key=lambda c: (c["order"], c["name"].lower(), c["pk"])):
            children.setdefault(code["parent_id"], []).append(code)
        self.rows = []
        self._walk(children, None, depth=0, trail=())
        self.by_pk = {row.pk: row for row in self.rows}

    def _walk(self, children, parent_id, *, depth, trail):
        for code in children.get(parent_id, []):
            names = (*trail, code["name"])
            subtree = self._subtree(children, code["pk"])
            if not code["is_archived"]:
                row = CodeRow(code["pk"], code["name"], code["colour"], code["parent_id"], depth, " > ".join(names))
                row.subtree = subtree
                self.rows.append(row)
            # Below an archived code, active codes keep their place and depth in the tree.
            self._walk(children, code["pk"], depth=depth + 1, trail=names)

    @staticmethod
    def _subtree(children, pk):
        found, stack = {pk}, [pk]
        while stack:
            for child in children.get(stack.pop(), []):
                if child["pk"] not in found:
                    found.add(child["pk"])
                    stack.append(child["pk"])
        return frozenset(found)

    def ids(self, pk, *, with_subcodes):
        """The code ids a filter on code `pk` matches."""
        if pk not in self.by_pk:
            return frozenset()
        return self.by_pk[pk].subtree if with_subcodes else frozenset({pk})

    def choices(self):
        """(id, indented path label) pairs for a <select>."""
        return [(row.pk, "\u2003" * row.depth + row.name) for row in self.rows]
