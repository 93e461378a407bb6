"""Browser tests drive Debian's Chromium (/usr/bin/chromium) through Playwright, against pytest-django's live_server.

Run them with `pytest -m browser`; they are marked `@pytest.mark.browser`.
"""

import pytest

CHROMIUM = "/usr/bin/chromium"
# Headless without a GPU, and no traffic of Chromium's own: the tests must not touch the network.
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}
