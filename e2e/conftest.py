"""Browser tests: Debian's chromium driven by Playwright's sync API against pytest-django's live_server.

Never `playwright install`: the browser is /usr/bin/chromium (TOOLCHAIN.md, pitfall 4).
"""

import io
import os
import re
from pathlib import Path

# Playwright's sync API runs an event loop in this thread; Django's ORM would then refuse
# synchronous queries from the tests (TOOLCHAIN.md, pitfall 3).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

import pytest
from django.core.servers.basehttp import WSGIServer
from django.test.testcases import LiveServerThread
from playwright.sync_api import Page, expect, sync_playwright
from pypdf import PdfReader


class OneRequestAtATime(WSGIServer):
    """The live server answers one request at a time. On SQLite the test database lives in memory and
    every request thread of Django's threaded live server shares its one connection: a page whose
    script asks the server something (the bell's count) while the page itself is being read ran two
    queries on that connection at once, and both threads waited for each other for ever (it hung CI).
    A server that is not threaded closes each connection after its answer, so the browser's parallel
    requests simply queue; the requests run in the live server's thread, which has the test's
    connections (LiveServerThread.run)."""

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)


LiveServerThread.server_class = OneRequestAtATime

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
DEMO_PASSWORD = "demo"

# Every browser test: marked e2e, real transactions (the live server thread commits and reads
# them). serialized_rollback brings back the reference lists seeded by migrations, which the
# flush after each transactional test would otherwise wipe out for the next one.
E2E = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    # WhiteNoise warns that STATIC_ROOT (collectstatic's output) is missing; in tests the
    # static files come from the finders.
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]


@pytest.fixture(scope="session")
def browser(django_db_setup):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing: `make chromium` installs Debian's chromium")
    from django.db import connections

    # Playwright's sync API keeps an asyncio loop running in this thread. Django's connection
    # handler then stops using the thread-local connections and hands out fresh ones (asgiref
    # Local, thread_critical) — without the serialized reference lists that serialized_rollback
    # restores, and apart from the connection the test database was created on. Keep using the
    # test database's own connection objects.
    test_connections = {alias: connections[alias] for alias in connections}
    with sync_playwright() as p:
        for alias, connection in test_connections.items():
            connections[alias] = connection
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-gpu",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    # An English-speaking browser: the UI must stay Russian all the same (TOOLCHAIN.md, pitfall 5).
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploaded scans go to a temporary folder, not the project's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def demo(transactional_db, media_root):
    """The demo kindergarten «Ласточка» in the test database (logins with the password «demo»)."""
    from demo.kindergarten import load_demo

    return load_demo()


def login(page: Page, live_server, username: str, password: str = DEMO_PASSWORD) -> None:
    """Log in through the real form, the way a person does it."""
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="Войти").click()
    page.wait_for_load_state()


def expect_home(page: Page, live_server) -> None:
    expect(page).to_have_url(f"{live_server.url}/")
    expect(page).to_have_title(re.compile(r"^Главная"))


def shot(page: Page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def register_the_waiting_project(page: Page, live_server, pairing, *, change_link: str, order_title: str = "") -> None:
    """A change of a pair waits as a project of its order: its page says so and no longer offers the
    change (`change_link`); the head follows the link to the project and registers it."""
    page.goto(f"{live_server.url}{pairing.get_absolute_url()}")
    pending = page.locator("#pending-change")
    expect(pending).to_contain_text("ждёт регистрации приказа")
    expect(pending).to_contain_text(order_title)
    expect(page.get_by_role("link", name=change_link, exact=True)).to_have_count(0)
    pending.get_by_role("link").click()
    page.get_by_role("button", name="Зарегистрировать").click()
    expect(page.locator(".alert-success")).to_contain_text("Приказ зарегистрирован")


def pdf_text(body: bytes) -> str:
    """A downloaded PDF's text, its whitespace squeezed, for the walks that read a document back."""
    assert body[:5] == b"%PDF-"
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages).split())
