"""An anonymous visitor reaches nothing but the login page and the website's section «Наставничество»
(issue 18): every other address of the demo kindergarten sends them to the login or is a 404. Two
addresses open without a login only by a secret in the address (a calendar feed, the stop link of a
letter); the favicon is a picture."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from integration.test_fuzz_every_url import ROUTES, demo, urls_of  # noqa: F401 — the module's demo

PUBLIC_SECTION = "nastavnichestvo/"
PREVIEW = "nastavnichestvo/predprosmotr/"
# Open without a login, each for its reason.
OPEN_BY_SECRET = {"calendar/<str:token>.ics", "notices/stop/<str:token>/"}
OPEN = {"accounts/login/", "favicon.ico"} | OPEN_BY_SECRET


def _open_routes(patterns=None, prefix="") -> set[str]:
    found = set()
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            found |= _open_routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern) and getattr(pattern.callback, "login_required", True) is False:
            found.add(prefix + str(pattern.pattern))
    return found


def _is_public_section(route: str) -> bool:
    return route.startswith(PUBLIC_SECTION) and not route.startswith(PREVIEW) and "upravlenie/" not in route


def test_only_the_login_the_public_section_and_the_secret_links_open_without_a_login():
    opened = {route for route in _open_routes() if not route.startswith("admin/")}
    assert {route for route in opened if not _is_public_section(route)} == OPEN
    assert {route for route in opened if _is_public_section(route)}, "the section's pages open without a login"


@pytest.mark.parametrize("route", [r for r in ROUTES if not _is_public_section(r) and r not in OPEN])
def test_an_anonymous_visitor_is_sent_to_the_login(route, demo, db):  # noqa: F811
    client = Client()
    login = reverse(settings.LOGIN_URL)
    for url in urls_of(route) or []:
        response = client.get(url)
        assert response.status_code in (302, 404, 405), (url, response.status_code)
        if response.status_code == 302:
            assert response["Location"].startswith(login), url


def test_an_anonymous_visitor_reads_the_public_section_of_the_demo(demo, db):  # noqa: F811
    client = Client()
    for route in ROUTES:
        if _is_public_section(route):
            for url in urls_of(route):
                assert client.get(url).status_code in (200, 404), url
    assert client.get("/nastavnichestvo/").status_code == 200
