"""The processes the reliability suite starts, each on a loopback port of its own, and stops or kills.

A private PostgreSQL cluster (initdb in a temporary folder), a private redis-server, gunicorn and a Celery
worker and beat, all pointed at them: the suite can restart PostgreSQL and stop Redis without touching the
servers other test runs use.
"""

import glob
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import redis

ROOT = Path(__file__).resolve().parents[2]
START_DEADLINE = 30


class StackError(RuntimeError):
    pass


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(check, *, timeout, what, poll=0.05):
    """Poll `check()` every `poll` seconds until it returns something true; StackError after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            result = check()
        except Exception:
            result = None
        if result:
            return result
        if time.monotonic() > deadline:
            raise StackError(f"{what}: not within {timeout} s")
        time.sleep(poll)


def postgres_bindir():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda path: int(path.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb else None


def missing_programs():
    missing = [] if postgres_bindir() else ["initdb (postgresql)"]
    return missing + ([] if shutil.which("redis-server") else ["redis-server"])


class Postgres:
    """A cluster of its own: fsync off (the suite restarts it cleanly, it never crashes the machine)."""

    def __init__(self, folder):
        self.folder = folder
        self.data = folder / "data"
        self.port = free_port()
        self.bindir = postgres_bindir()
        # initdb refuses to run as root: the cluster then belongs to the postgres account.
        self.run_as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def _run(self, *command):
        subprocess.run([*self.run_as, *command], check=True, capture_output=True, timeout=120)

    def init(self):
        self.folder.mkdir(parents=True)
        if self.run_as:
            shutil.chown(self.folder, "postgres")
        self._run(
            str(self.bindir / "initdb"),
            "-D",
            str(self.data),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        settings = {
            "listen_addresses": "'127.0.0.1'",
            "port": self.port,
            "unix_socket_directories": f"'{self.folder}'",
            "max_connections": 80,
            "shared_buffers": "'64MB'",
            "fsync": "off",
            "synchronous_commit": "off",
            "full_page_writes": "off",
        }
        with open(self.data / "postgresql.conf", "a") as conf:
            conf.writelines(f"{key} = {value}\n" for key, value in settings.items())
        self.start()
        with psycopg.connect(self.url("postgres"), autocommit=True) as connection:
            connection.execute("CREATE DATABASE hlmstudy")

    def url(self, name="hlmstudy"):
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def start(self):
        self._run(
            str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.folder / "server.log"), "-w", "start"
        )

    def stop(self):
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def restart(self):
        self._run(
            str(self.bindir / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.folder / "server.log"),
            "-m",
            "fast",
            "-w",
            "restart",
        )

    def connect(self):
        return psycopg.connect(self.url(), autocommit=True)


class Redis:
    """Append-only like docker-compose.yml's, so queued messages survive a stop."""

    def __init__(self, folder):
        self.folder = folder
        self.port = free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.folder.mkdir(parents=True, exist_ok=True)
        command = [
            "redis-server",
            "--port",
            str(self.port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "yes",
            "--dir",
            str(self.folder),
            "--logfile",
            str(self.folder / "redis.log"),
        ]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        client = redis.Redis(port=self.port, socket_connect_timeout=1)
        wait_for(client.ping, timeout=START_DEADLINE, what="redis-server")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)
        self.process = None


class Service:
    """A Python process of the app (gunicorn, a worker, beat) in its own process group, logging to a file."""

    def __init__(self, name, command, *, env, folder):
        self.name, self.command, self.env = name, command, env
        self.log_path = folder / f"{name}.log"
        self.process = None

    def start(self):
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                self.command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )

    def kill(self):
        """SIGKILL the whole group, as when a machine or container is lost."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=20)

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.kill()

    def log(self, tail=4000):
        return self.log_path.read_text(errors="replace")[-tail:]


class Stack:
    def __init__(self, folder):
        self.folder = folder
        self.postgres = Postgres(folder / "postgres")
        self.redis = Redis(folder / "redis")
        self.web_port = free_port()
        self.media = folder / "media"
        self.services = {}

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.web_port}"

    def env(self):
        env = {key: value for key, value in os.environ.items() if not key.startswith(("DATABASE_", "REDIS_"))}
        env.update(
            DEBUG="true",  # the development key and plain-HTTP cookies; the code paths are production's
            DATA_DIR=str(self.folder / "data"),
            MEDIA_ROOT=str(self.media),
            DATABASE_URL=self.postgres.url(),
            REDIS_URL=self.redis.url,
            LOG_LEVEL="WARNING",
            # Short delays so a lost worker is noticed in seconds, not the production minute.
            JOB_HEARTBEAT_SECONDS="1",
            JOB_STALE_AFTER_SECONDS="4",
            JOB_SWEEP_SECONDS="1",
            JOB_RESEND_AFTER_SECONDS="30",
        )
        return env

    def manage(self, *args, module=None):
        command = [sys.executable, "-m", module] if module else [sys.executable, "manage.py", *args]
        done = subprocess.run(command, cwd=ROOT, env=self.env(), capture_output=True, text=True, timeout=300)
        if done.returncode:
            raise StackError(f"{' '.join(command)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
        return done.stdout

    def start(self):
        """Start everything; the seconds each step took, for the summary."""
        timings, started = {}, time.monotonic()

        def lap(step):
            nonlocal started
            timings[step] = round(time.monotonic() - started, 1)
            started = time.monotonic()

        self.postgres.init()
        self.redis.start()
        lap("postgres_and_redis")
        self.manage("migrate", "--no-input", "-v0")
        lap("migrate")
        python = sys.executable
        self.services = {
            "web": Service(
                "web",
                [
                    python,
                    "-m",
                    "gunicorn",
                    "hlmstudy.wsgi:application",
                    "--bind",
                    f"127.0.0.1:{self.web_port}",
                    "--worker-class",
                    "gthread",
                    "--workers",
                    "2",
                    "--threads",
                    "8",
                    "--timeout",
                    "60",
                ],
                env=self.env(),
                folder=self.folder,
            ),
            # One pool process: the suite kills the very process that runs a task.
            "worker": Service(
                "worker",
                [
                    python,
                    "-m",
                    "celery",
                    "-A",
                    "hlmstudy",
                    "worker",
                    "--pool",
                    "prefork",
                    "--concurrency",
                    "1",
                    "--loglevel",
                    "INFO",
                    "--without-gossip",
                    "--without-mingle",
                    "--hostname",
                    "reliability@%h",
                ],
                env=self.env(),
                folder=self.folder,
            ),
            "beat": Service(
                "beat",
                [
                    python,
                    "-m",
                    "celery",
                    "-A",
                    "hlmstudy",
                    "beat",
                    "--loglevel",
                    "INFO",
                    "--schedule",
                    str(self.folder / "beat-schedule"),
                ],
                env=self.env(),
                folder=self.folder,
            ),
        }
        for service in self.services.values():
            service.start()
        # They need only the schema: the seed is written while they boot.
        self.seed = json.loads(self.manage(module="tests.reliability.seed").strip().splitlines()[-1])
        lap("seed")
        self.wait_for_web()
        self.wait_for_worker()
        lap("services")
        return timings

    def wait_for_web(self, timeout=START_DEADLINE):
        import requests

        wait_for(
            lambda: requests.get(self.base_url + "/accounts/login/", timeout=2).status_code == 200,
            timeout=timeout,
            what="gunicorn",
        )

    def wait_for_worker(self, timeout=START_DEADLINE):
        wait_for(lambda: "ready." in self.services["worker"].log(tail=100_000), timeout=timeout, what="celery worker")

    def restart_worker(self):
        worker = self.services["worker"]
        worker.log_path.rename(worker.log_path.with_suffix(f".{int(time.time() * 1000)}.log"))
        worker.start()
        self.wait_for_worker()

    def stop(self):
        for service in reversed(list(self.services.values())):
            service.stop()
        self.redis.stop()
        try:
            self.postgres.stop()
        except (subprocess.SubprocessError, OSError):
            pass
