"""A shared office PC: a session ends after a settable time without requests, and at browser close
when «Чужой компьютер» is ticked at login."""

import time
from datetime import timedelta

from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from accounts.sessions import SEEN
from accounts.tests.test_auth import post_login


def test_a_session_ends_after_an_hour_without_requests_by_default(world, client):
    assert post_login(client, "curator", "pass").status_code == 302
    assert settings.SESSION_COOKIE_AGE == 60 * 60
    assert client.session.get_expiry_age() == 60 * 60
    assert not client.session.get_expire_at_browser_close()
    # An hour and a minute later without a request: the next page asks to sign in again.
    Session.objects.update(expire_date=timezone.now() - timedelta(minutes=1))
    response = client.get(reverse("dashboard:home"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


def test_use_starts_the_count_again_with_one_write_every_few_minutes(world, client):
    post_login(client, "curator", "pass")
    # Right after signing in: pages do not write the session.
    expires = Session.objects.get().expire_date
    assert client.get(reverse("dashboard:home")).status_code == 200
    assert Session.objects.get().expire_date == expires
    # Last seen ten minutes ago, five minutes left: the next page starts a new hour.
    session = client.session
    session[SEEN] = int(time.time()) - 10 * 60
    session.save()
    Session.objects.update(expire_date=timezone.now() + timedelta(minutes=5))
    assert client.get(reverse("dashboard:home")).status_code == 200
    assert Session.objects.get().expire_date > timezone.now() + timedelta(minutes=55)


def test_on_a_public_computer_the_session_ends_with_the_browser(world, client):
    response = client.post(
        reverse("accounts:login"),
        {"username": "curator", "password": "pass", "public_computer": "on"},
        REMOTE_ADDR="10.0.0.5",
    )
    assert response.status_code == 302
    assert client.session.get_expire_at_browser_close()
    assert client.cookies[settings.SESSION_COOKIE_NAME]["expires"] == ""  # a browser-session cookie
    assert client.get(reverse("dashboard:home")).status_code == 200


def test_the_login_page_offers_the_choice_with_the_time_in_words(world, client, settings):
    settings.SESSION_COOKIE_AGE = 30 * 60
    page = client.get(reverse("accounts:login")).content.decode()
    assert "Чужой компьютер: выйти, когда закрою браузер" in page
    assert "через 30 минут без действий" in page
