"""Benchmarks: a synthetic study at S × the real study's size, built in a scratch database, and named operations
timed on it (`python manage.py bench`).

Each module listed in MODULES (one per app, in layer order) may register one `@builder`, which adds that
app's rows to the synthetic study, and any number of `@op`s. An op is called once with the `Bench` to set
itself up and returns a callable that does one measured run; the callable raises `BenchError` when the
result is wrong (a broken page must not pass for a fast one) and may return a float, a duration in
milliseconds, when it times itself (e.g. in a browser) instead of being timed from outside. Adding an op is one
decorated function:

    @op("participant_list")
    def participant_list(bench):
        client = bench.client_for(Role.RESEARCHER)
        return lambda: expect_page(client.get(url), ["P-S0001-00001"])

Only the builders of the modules up to the last one a selected op belongs to are run.
"""

import importlib
import json
import math
import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path

from allauth.account.internal.flows.login import (
    _AUTHENTICATION_METHODS_USER_SESSION_KEY as AUTHENTICATION_USER_SESSION_KEY,
)
from allauth.account.internal.flows.login import AUTHENTICATION_METHODS_SESSION_KEY
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection, models
from django.test import Client, override_settings

# In layer order: a module's builder may use what the builders before it made. Later apps add theirs here.
MODULES = ("sites", "interviews", "coding", "agreement", "refi", "reports", "exports", "sheets")
WARMUP = 3

_builders = {}
_ops = {}


class BenchError(Exception):
    """An operation gave a wrong result, so its timing would mean nothing."""


@dataclass(frozen=True)
class Op:
    name: str
    module: str
    setup: object  # callable(bench) -> callable(); a float it returns is its own timing in milliseconds


@dataclass
class Bench:
    """The synthetic study and what the builders left for the ops."""

    scale: float
    study: object = None
    users: dict = field(default_factory=dict)  # role -> user, filled by the sites builder
    data: dict = field(default_factory=dict)  # anything a builder leaves for later builders and ops
    _clients: dict = field(default_factory=dict)

    def count(self, real):
        """`real` (a count in the real study) at this scale, never less than one."""
        return max(1, round(real * self.scale))

    def client_for(self, role):
        """A test client signed in as the synthetic study's member with `role` (one per role, reused)."""
        if role not in self._clients:
            self._clients[role] = signed_in_client(self.users[role])
        return self._clients[role]


def signed_in_client(user):
    """A test client whose session is `user`'s, second factor passed, as allauth's login with TOTP leaves it."""
    client = Client()
    client.force_login(user)
    session = client.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [{"method": "mfa", "at": time.time(), "type": "totp"}]
    session[AUTHENTICATION_USER_SESSION_KEY] = str(user.pk)
    session.save()
    return client


def builder(func):
    """Register the function that adds its module's rows to the synthetic study (one per module)."""
    _builders[_module_key(func)] = func
    return func


def op(name):
    """Register a named operation (see the module docstring)."""

    def register(func):
        _ops[name] = Op(name, _module_key(func), func)
        return func

    return register


def _module_key(func):
    return func.__module__.rsplit(".", 1)[-1]


def discover():
    """All registered ops by name, in layer order then definition order."""
    for module in MODULES:
        importlib.import_module(f"{__name__}.{module}")
    return dict(sorted(_ops.items(), key=lambda item: MODULES.index(item[1].module)))


def load_demo_study():
    """Load the demo study into the scratch database (untimed; idempotent): (study, close).

    The demo publishes two sheets, whose PDFs go to a media folder of the op's own; `close` removes it.
    """
    from sites.models import Study  # models load once the apps are ready

    folder = tempfile.mkdtemp(prefix="hlm-bench-media-")
    media = override_settings(MEDIA_ROOT=folder)
    media.enable()
    call_command("load_demo", "--allow-known-passwords", stdout=StringIO())

    def close():
        media.disable()
        shutil.rmtree(folder, ignore_errors=True)

    return Study.objects.get(slug="demo"), close


def expect_page(response, fragments):
    """Check that a response is a 200 whose HTML holds every fragment (escape text with django.utils.html.escape)."""
    if response.status_code != 200:
        raise BenchError(f"{response.request['PATH_INFO']} answered {response.status_code}")
    body = response.content.decode()
    missing = [fragment for fragment in fragments if fragment not in body]
    if missing:
        raise BenchError(f"{response.request['PATH_INFO']} lacks {missing!r}")
    return response


def percentile(samples, p):
    """Nearest-rank percentile: the smallest sample with at least p % of the samples at or below it."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def measure(run_once, *, repeat):
    """Run `run_once` WARMUP times untimed (caches, connections), then `repeat` times timed.

    Besides the wall-clock percentiles, it reports what the machine's load does not change: the queries one
    run sends on this thread's connection and the CPU time of this thread (the test client runs the view in
    it, so that is the server's CPU, without PostgreSQL's), both as medians.
    """
    for _ in range(WARMUP):
        run_once()
    samples, cpu, queries = [], [], []

    def count(execute, sql, params, many, context):
        queries[-1] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        for _ in range(repeat):
            queries.append(0)
            start, start_cpu = time.perf_counter(), time.thread_time()
            reported = run_once()
            elapsed = (time.perf_counter() - start) * 1000
            cpu.append((time.thread_time() - start_cpu) * 1000)
            samples.append(reported if isinstance(reported, float) else elapsed)
    return {
        "n": len(samples),
        "p50_ms": round(percentile(samples, 50), 3),
        "p95_ms": round(percentile(samples, 95), 3),
        "cpu_p50_ms": round(percentile(cpu, 50), 3),
        "queries": percentile(queries, 50),
    }


@contextmanager
def scratch_database(*, keep_as=None):
    """Point the default connection at a new, empty, migrated database and drop it afterwards.

    It lives on the configured backend (a PostgreSQL database named after the configured one and this
    process, or an SQLite file in a temporary folder); the configured database itself is never opened.
    With `keep_as` (a name suffix), the database is named after it instead, reused (and migrated) when it
    exists and kept at the end, so that a large study is built once for many runs.
    """
    test_settings = connection.settings_dict["TEST"]
    saved_test_name, configured_name = test_settings.get("NAME"), connection.settings_dict["NAME"]
    with tempfile.TemporaryDirectory(prefix="hlm-bench-") as folder:
        if connection.vendor == "sqlite":
            kept_folder = Path(settings.DATA_DIR) if keep_as else Path(folder)
            test_settings["NAME"] = str(kept_folder / f"bench{'-' + keep_as if keep_as else ''}.sqlite3")
        else:
            # One per process, so that two runs against the same server never drop each other's database.
            test_settings["NAME"] = f"{configured_name}_bench_{keep_as or os.getpid()}"
        try:
            connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=bool(keep_as))
            yield
        finally:
            # Drop only what was created: destroy_test_db drops the database the connection points at, and
            # if creation failed before switching, that is still the configured one.
            if connection.settings_dict["NAME"] != configured_name:
                connection.creation.destroy_test_db(configured_name, verbosity=0, keepdb=bool(keep_as))
            test_settings["NAME"] = saved_test_name


KEPT_TABLE = "bench_kept_build"  # in a kept scratch database: one row per builder that ran, with the Bench state


def _kept_builds():
    """{module: state} of the builders that already ran in this (kept) scratch database."""
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE IF NOT EXISTS {KEPT_TABLE} (module varchar(40) PRIMARY KEY, state text)")
        cursor.execute(f"SELECT module, state FROM {KEPT_TABLE}")  # noqa: S608 (a constant)
        return {module: json.loads(state) for module, state in cursor.fetchall()}


def _keep_build(module, bench):
    """Record that `module`'s builder ran, with the Bench's study, users and model-instance data as primary keys."""

    def ref(instance):
        return [instance._meta.label, instance.pk]

    state = {
        "study": ref(bench.study) if bench.study else None,
        "users": {role: ref(user) for role, user in bench.users.items()},
        "data": {key: ref(value) for key, value in bench.data.items() if isinstance(value, models.Model)},
    }
    with connection.cursor() as cursor:
        sql = f"INSERT INTO {KEPT_TABLE} (module, state) VALUES (%s, %s)"  # noqa: S608 (a constant)
        cursor.execute(sql, [module, json.dumps(state)])


def _restore(bench, state):
    def load(ref):
        return apps.get_model(ref[0])._default_manager.get(pk=ref[1])

    bench.study = load(state["study"]) if state["study"] else None
    bench.users = {role: load(ref) for role, ref in state["users"].items()}
    bench.data.update({key: load(ref) for key, ref in state["data"].items()})


def _build(bench, modules, *, keep, log):
    """Run the builders of `modules`; with `keep`, skip those that already ran in the kept database."""
    kept = _kept_builds() if keep else {}
    for module in modules:
        if module not in _builders:
            continue
        if module in kept:
            _restore(bench, kept[module])
            log(f"kept {module} from an earlier run")
            continue
        start = time.perf_counter()
        built = _builders[module](bench)
        log(f"built {module} in {time.perf_counter() - start:.1f} s: {built}")
        if keep:
            _keep_build(module, bench)


def run(names, *, scale, repeat, log, keep=False):
    """Build the synthetic study for the ops in `names` and time them; returns the report as a dict.

    With `keep`, the scratch database (one per scale) survives the run and the next run with `keep` reuses it.
    """
    selected = [registered for name, registered in discover().items() if name in names]
    last = max(MODULES.index(registered.module) for registered in selected)
    # Measured as in production: no query log (DEBUG), no HTTPS redirect; the test client's host allowed.
    quiet = override_settings(
        DEBUG=False, SECURE_SSL_REDIRECT=False, ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"]
    )
    keep_as = f"keep_{scale:g}".replace(".", "_") if keep else None
    with scratch_database(keep_as=keep_as), quiet:
        bench = Bench(scale=scale)
        _build(bench, MODULES[: last + 1], keep=keep, log=log)
        results = {}
        for registered in selected:
            run_once = registered.setup(bench)
            try:
                results[registered.name] = measure(run_once, repeat=repeat)
            finally:
                # An op holding resources (a server thread, a browser) hangs a `close` on its callable.
                getattr(run_once, "close", lambda: None)()
            log(f"{registered.name}: {results[registered.name]}")
        vendor = connection.vendor
    return {"scale": int(scale) if float(scale).is_integer() else scale, "database": vendor, "ops": results}
