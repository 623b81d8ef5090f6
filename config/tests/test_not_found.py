"""The demo (`make run`, DEBUG on) answers a missing page with our Russian page, not Django's
technical one, and every page has an icon (/favicon.ico answered, base.html links one)."""

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

NOT_FOUND = "Страница не найдена"


@pytest.mark.parametrize("debug", [True, False])
def test_an_address_that_matches_nothing_shows_our_page(client_as, world, settings, debug):
    settings.DEBUG = debug
    response = client_as("curator").get("/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert NOT_FOUND in html and "Using the URLconf" not in html
    assert 'href="/bank/' in html  # the menu of base.html: the page is ours, with the user signed in


@pytest.mark.parametrize("debug", [True, False])
def test_a_record_outside_the_users_scope_shows_our_page(client_as, world, settings, debug):
    settings.DEBUG = debug
    response = client_as("mentor").get(reverse("mentorship:mentee-detail", args=[world.other_mentee.pk]))
    html = response.content.decode()
    assert response.status_code == 404
    assert NOT_FOUND in html and "Page not found" not in html and "Raised by" not in html


def test_an_anonymous_visitor_of_a_missing_page_gets_it_too(client, db, settings):
    settings.DEBUG = True
    response = client.get("/no-such-page/")
    assert response.status_code == 404 and NOT_FOUND in response.content.decode()


def test_a_missing_slash_is_still_added_with_debug_on(client_as, world, settings):
    settings.DEBUG = True
    response = client_as("curator").get("/bank/people")
    assert response.status_code == 301 and response["Location"] == "/bank/people/"


def test_a_record_that_does_not_exist_shows_our_page(client_as, world, settings):
    settings.DEBUG = True
    response = client_as("curator").get(reverse("mentorship:mentor-detail", args=[999_999]))
    assert response.status_code == 404 and NOT_FOUND in response.content.decode()


def test_favicon_is_answered_for_anyone(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"].endswith("favicon.ico")
    with open(finders.find("favicon.ico"), "rb") as icon:
        assert icon.read(4) == b"\x00\x00\x01\x00"  # an ICO file


def test_every_page_links_the_icon(client_as, world):
    html = client_as("curator").get(reverse("dashboard:home")).content.decode()
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in html
    with open(finders.find("favicon.svg"), encoding="utf-8") as icon:
        assert icon.read().startswith("<svg")
