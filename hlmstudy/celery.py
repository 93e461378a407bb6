import logging
import os

from celery import Celery
from celery.signals import worker_ready

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hlmstudy.settings")

app = Celery("hlmstudy")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_ready.connect
def sweep_when_a_worker_starts(**kwargs):
    """A worker that starts (after a crash, a deploy) sends again at once the jobs that lost their worker."""
    from django.db import connections

    from sites.jobs import sweep

    try:
        sweep()
    except Exception:  # a database still starting must not stop the worker; beat sweeps again soon
        logging.getLogger(__name__).exception("the start-up job sweep failed")
    finally:
        connections.close_all()  # the pool's processes open their own
