"""Fixtures for journeys in headless Chromium: the browser, and the app as a real process."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import CHROMIUM_ARGS, AppProcess, find_chromium

E2E_DIR = Path(__file__).resolve().parent
# One more go for a journey that failed: these run a real browser and a real server on a shared
# 2-core machine, where a frame can come late. A journey that fails twice fails the run, and
# every rerun is listed in the summary ("R"), with the page's accessibility tree kept from the
# first failure (tests/e2e/browser.py: keep_evidence), so a flaky journey is seen and fixed.
RERUNS = 1


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if E2E_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.e2e)
            item.add_marker(pytest.mark.flaky(reruns=RERUNS, reruns_delay=2))


# Each expectation still has to come true; on a busy 2-core machine the client can take longer
# than Playwright's default 5 s to draw after a save, and that is slowness, not a failure.
expect.set_options(timeout=15_000)


# Per module, not per session: Playwright's sync API keeps an event loop running while it is
# open, and the async view tests that follow in the same run need the loop to themselves.
@pytest.fixture(scope="module")
def browser():
    executable = find_chromium()
    if executable is None:
        # Never a skip: a journey that did not run has proven nothing. `make test` installs
        # the browser; to run only the fast tests, leave out tests/e2e.
        pytest.fail(
            "no Chromium found for the browser journeys: run `make test`, or install "
            "Debian's `chromium`"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def app(tmp_path: Path) -> Iterator[AppProcess]:
    """The real app on a free port with a fresh data folder, stopped after the test."""
    process = AppProcess(data_dir=tmp_path / "data").start()
    yield process
    process.stop()
