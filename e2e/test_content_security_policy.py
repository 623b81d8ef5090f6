"""The pages work under the Content-Security-Policy (only our own origin): the browser refuses
nothing on the busiest pages of each role, and the menu's dropdown (Bootstrap's script) opens."""

import pytest
from playwright.sync_api import expect

from e2e.conftest import E2E, login

pytestmark = E2E


@pytest.mark.parametrize(
    ("username", "paths"),
    [
        ("head", ["/", "/bank/queue/", "/bank/orders/", "/roadmap/"]),
        ("curator", ["/", "/bank/people/", "/bank/organizations/", "/programs/"]),
        ("mentor", ["/", "/programs/"]),
        ("admin", ["/", "/admin/", "/admin/people/person/", "/admin/people/person/1/change/"]),
    ],
)
def test_no_page_breaks_the_policy(page, live_server, demo, username, paths):
    refused = []
    page.on(
        "console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None
    )
    login(page, live_server, username)
    for path in paths:
        response = page.goto(f"{live_server.url}{path}")
        assert "default-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state()
    page.goto(f"{live_server.url}/")
    page.get_by_role("button", name="Ещё").click()
    expect(page.locator(".dropdown-menu.show")).to_be_visible()
    assert refused == []
