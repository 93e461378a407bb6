"""`python manage.py bench --scale S [--json] [--ops a,b] [--repeat N] [--keep]`: time operations on a synthetic study.

The study is built at S × the real study's size in a scratch database that is dropped at the end, never in
the configured one; with --keep it is kept (one per scale) and reused by the next run
with --keep. With --json, stdout carries exactly one JSON object; progress goes to stderr.
"""

import json
import sys
from contextlib import redirect_stdout

from django.core.management.base import BaseCommand, CommandError

from hlmstudy import benchmarks


class Command(BaseCommand):
    # The checks would open the configured database (JSONField asks it for JSON support); migrate runs them
    # on the scratch database instead, which is the only one this command opens.
    requires_system_checks = []
    help = "Time named operations on a synthetic study of S × the real study's size, in a scratch database."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="Multiple of the real study's size (default 1).")
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="Print one JSON object on stdout, nothing else."
        )
        parser.add_argument(
            "--ops", default="", help="Comma-separated op names (default: all). Use --list to see them."
        )
        parser.add_argument("--repeat", type=int, default=30, help="Timed runs per op, after a warm-up (default 30).")
        parser.add_argument("--list", action="store_true", dest="list_ops", help="List the ops and exit.")
        parser.add_argument(
            "--keep",
            action="store_true",
            help="Keep the scratch database (one per scale) and reuse it on the next run with --keep: a large "
            "study is built once. Drop it by hand (dropdb <database>_bench_keep_<scale>) when done.",
        )

    def handle(self, *args, scale, as_json, ops, repeat, list_ops, keep, **options):
        known = benchmarks.discover()
        if list_ops:
            for name, registered in known.items():
                self.stdout.write(f"{name}  ({registered.module})")
            return
        names = [name.strip() for name in ops.split(",") if name.strip()] or [*known]
        unknown = sorted(set(names) - set(known))
        if unknown:
            raise CommandError(f"Unknown op(s): {', '.join(unknown)}. Known: {', '.join(known)}.")
        if not scale > 0 or repeat < 1:
            raise CommandError("--scale must be above 0 and --repeat at least 1.")
        # Anything the build prints (migrations, third-party chatter) goes to stderr, keeping stdout for the result.
        with redirect_stdout(sys.stderr):
            report = benchmarks.run(names, scale=scale, repeat=repeat, log=self.stderr.write, keep=keep)
        if as_json:
            self.stdout.write(json.dumps(report))
        else:
            self.write_table(report)

    def write_table(self, report):
        self.stdout.write(f"scale {report['scale']} on {report['database']}")
        width = max(len(name) for name in report["ops"])
        self.stdout.write(
            f"{'op'.ljust(width)}  {'n':>5}  {'p50 ms':>10}  {'p95 ms':>10}  {'cpu p50 ms':>10}  {'queries':>7}"
        )
        for name, figures in report["ops"].items():
            self.stdout.write(
                f"{name.ljust(width)}  {figures['n']:>5}  {figures['p50_ms']:>10.2f}  {figures['p95_ms']:>10.2f}"
                f"  {figures['cpu_p50_ms']:>10.2f}  {figures['queries']:>7}"
            )
