"""python manage.py agreement --study SLUG [--interview ID] [--assignment ID] [--json]

The inter-coder agreement of a study's double-coding assignments (every interview of every assignment, an
operator's view: no blind rule applies), as the agreement page computes it: overall, per code, per site,
per coder pair, and per code × interview × pair. Units are characters.
"""

import json

from django.core.management.base import BaseCommand, CommandError

from coding.agreement_report import report_json, study_report
from coding.models import Assignment
from interviews.models import Interview
from sites.models import Study


class Command(BaseCommand):
    help = "Print the inter-coder agreement of a study's double coding (Cohen's kappa, Krippendorff's alpha)."

    def add_arguments(self, parser):
        parser.add_argument("--study", required=True, help="the study's short name (slug)")
        parser.add_argument("--interview", type=int, help="only this interview (its id)")
        parser.add_argument("--assignment", type=int, help="only this assignment (its id)")
        parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")

    def handle(self, *args, study, interview, assignment, json: bool, **options):
        slug, study = study, Study.objects.filter(slug=study).first()
        if study is None:
            raise CommandError(f"No study “{slug}”.")
        if interview is not None:
            interview = Interview.objects.filter(study=study, pk=interview).first()
            if interview is None:
                raise CommandError("No such interview in this study.")
        if assignment is not None:
            assignment = Assignment.objects.filter(study=study, pk=assignment).first()
            if assignment is None:
                raise CommandError("No such assignment in this study.")
        report = study_report(study, user=None, assignment=assignment, interview=interview)
        data = {"study": study.slug, "interview": getattr(interview, "pk", None), **report_json(report)}
        if json:
            self.stdout.write(_dumps(data))
            return
        overall = data["overall"]
        self.stdout.write(
            f"{len(report.cells)} double-coded interview(s); units: {overall['units']} characters × codes; "
            f"kappa {overall['kappa']}, alpha {overall['alpha']}, agreement {overall['percent']} %"
        )
        for row in data["by_code"]:
            warning = f" ({row['warning']})" if row["warning"] else ""
            self.stdout.write(f"  {row['path']}: kappa {row['kappa']}{warning}, alpha {row['alpha']}")


def _dumps(data):
    return json.dumps(data, ensure_ascii=False, indent=2)
