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
import math
import os
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.test import Client, override_settings

# In layer order: a module's builder may use what the builders before it made. Later apps add theirs here.
MODULES = ("sites", "interviews", "coding", "refi", "reports", "exports", "sheets")
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
            client = Client()
            client.force_login(self.users[role])
            self._clients[role] = client
        return self._clients[role]


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
    """Run `run_once` WARMUP times untimed (caches, connections), then `repeat` times timed."""
    for _ in range(WARMUP):
        run_once()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        reported = run_once()
        elapsed = (time.perf_counter() - start) * 1000
        samples.append(reported if isinstance(reported, float) else elapsed)
    return {"n": len(samples), "p50_ms": round(percentile(samples, 50), 3), "p95_ms": round(percentile(samples, 95), 3)}


@contextmanager
def scratch_database():
    """Point the default connection at a new, empty, migrated database and drop it afterwards.

    It lives on the configured backend (a PostgreSQL database named after the configured one and this
    process, or an SQLite file in a temporary folder); the configured database itself is never opened.
    """
    test_settings = connection.settings_dict["TEST"]
    saved_test_name, configured_name = test_settings.get("NAME"), connection.settings_dict["NAME"]
    with tempfile.TemporaryDirectory(prefix="hlm-bench-") as folder:
        if connection.vendor == "sqlite":
            test_settings["NAME"] = str(Path(folder) / "bench.sqlite3")
        else:
            # One per process, so that two runs against the same server never drop each other's database.
            test_settings["NAME"] = f"{configured_name}_bench_{os.getpid()}"
        try:
            connection.creation.create_test_db(verbosity=0, autoclobber=True)
            yield
        finally:
            # Drop only what was created: destroy_test_db drops the database the connection points at, and
            # if creation failed before switching, that is still the configured one.
            if connection.settings_dict["NAME"] != configured_name:
                connection.creation.destroy_test_db(configured_name, verbosity=0)
            test_settings["NAME"] = saved_test_name


def run(names, *, scale, repeat, log):
    """Build the synthetic study for the ops in `names` and time them; returns the report as a dict."""
    selected = [registered for name, registered in discover().items() if name in names]
    last = max(MODULES.index(registered.module) for registered in selected)
    # Measured as in production: no query log (DEBUG), no HTTPS redirect; the test client's host allowed.
    quiet = override_settings(
        DEBUG=False, SECURE_SSL_REDIRECT=False, ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"]
    )
    with scratch_database(), quiet:
        bench = Bench(scale=scale)
        for module in MODULES[: last + 1]:
            if module in _builders:
                start = time.perf_counter()
                built = _builders[module](bench)
                log(f"built {module} in {time.perf_counter() - start:.1f} s: {built}")
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
