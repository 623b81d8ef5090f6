"""The daily letter, the e-mail preferences and the signed link that stops letters, with sources
registered by the test; the letter through a real SMTP server on the demo is integration/test_digest.py."""

import smtplib
from unittest import mock

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone

from conftest import ROLES, expect
from notices import sources
from notices.models import Delivery, Preference
from notices.services import digests_send, stop_token
from people.roles import Role

LOGGED_IN = set(ROLES) - {"anonymous"}


@pytest.fixture
def plan(world):
    """The mentor (with an address) has plan items to act on; `plan.add(n)` makes a new one."""
    saved = dict(sources._SOURCES)
    sources._SOURCES.clear()
    numbers = [1, 2]

    def mentor_items(user, today):
        return [
            sources.Item(key=f"plan:{n}", text=f"Пункт плана № {n}", url=f"/programs/{n}/", kind="plan")
            for n in numbers
        ]

    def mentor_surveys(user, today):
        return [sources.Item(key="survey:1", text="Заполните анкету", url="/surveys/1/", kind="surveys")]

    sources.register(sources.Source("plan", "Сроки пунктов плана", frozenset({Role.MENTOR}), mentor_items))
    sources.register(sources.Source("surveys", "Анкеты", frozenset({Role.MENTOR}), mentor_surveys, order=200))
    person = world.person("mentor")
    person.email = "petrova@lastochka.example"
    person.save()
    yield numbers
    sources._SOURCES.clear()
    sources._SOURCES.update(saved)


def test_one_letter_with_the_new_items_in_russian_html_and_text(plan, world):
    run = digests_send()
    assert (run.sent, run.failed) == (1, 0)
    [letter] = mail.outbox
    assert letter.to == ["petrova@lastochka.example"]
    assert letter.subject == "Наставник: 3 новых уведомления"
    assert "Здравствуйте, Светлана" in letter.body and "Пункт плана № 2" in letter.body
    assert "http://localhost:8000/programs/2/" in letter.body
    html, mimetype = letter.alternatives[0]
    assert mimetype == "text/html" and '<a href="http://localhost:8000/programs/1/">Пункт плана № 1</a>' in html
    stop = reverse("notices:stop", args=[stop_token(world.users["mentor"])])
    assert stop in letter.body and letter.extra_headers["List-Unsubscribe"] == f"<http://localhost:8000{stop}>"


def test_nothing_is_sent_twice_and_a_new_item_comes_alone(plan):
    digests_send()
    assert digests_send().sent == 0 and len(mail.outbox) == 1
    plan.append(3)
    digests_send()
    assert len(mail.outbox) == 2
    assert "Пункт плана № 3" in mail.outbox[1].body and "Пункт плана № 1" not in mail.outbox[1].body
    assert mail.outbox[1].subject == "Наставник: 1 новое уведомление"


def test_a_failed_send_records_nothing_and_the_next_run_sends(plan, caplog):
    with mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=smtplib.SMTPServerDisconnected("нет")):
        run = digests_send()
    assert (run.sent, run.failed) == (0, 1) and "не отправлено" in str(run)
    assert not Delivery.objects.exists()
    assert "повтор при следующем запуске" in caplog.text
    assert digests_send().sent == 1 and Delivery.objects.count() == 3


def test_people_without_an_address_get_no_letter(plan, world):
    person = world.person("mentor")
    person.email = ""
    person.save()
    assert digests_send().sent == 0 and mail.outbox == []


def test_a_kind_left_out_does_not_come(plan, world, client_as):
    client = client_as("mentor")
    page = client.get(reverse("notices:preferences")).content.decode()
    assert "petrova@lastochka.example" in page and "Сроки пунктов плана" in page
    response = client.post(reverse("notices:preferences"), {"wants_email": "on", "email_kinds": ["surveys"]})
    assert response.status_code == 302
    assert Preference.objects.get(user=world.users["mentor"]).muted_kinds == ["plan"]
    digests_send()
    [letter] = mail.outbox
    assert "Заполните анкету" in letter.body and "Пункт плана" not in letter.body


def test_a_kind_not_offered_is_refused(plan, client_as):
    response = client_as("mentor").post(reverse("notices:preferences"), {"wants_email": "on", "email_kinds": ["queue"]})
    assert response.status_code == 200 and not Preference.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_the_preferences_page_for_every_role(world, client_as, role):
    response = client_as(role).get(reverse("notices:preferences"))
    assert response.status_code == expect(LOGGED_IN)[role]


def test_the_link_in_the_letter_stops_letters_without_logging_in(plan, client, world):
    digests_send()
    plan.append(3)
    url = reverse("notices:stop", args=[stop_token(world.users["mentor"])])
    page = client.get(url)
    assert page.status_code == 200 and "Не присылать писем" in page.content.decode()
    assert digests_send().sent == 1  # opening the link (a mail scanner does) stops nothing
    plan.append(4)
    done = client.post(url)
    assert (
        done.status_code == 200
        and "писем из системы «Наставник» на этот адрес больше не будет" in done.content.decode()
    )
    assert Preference.objects.get(user=world.users["mentor"]).stopped_at is not None
    assert digests_send().sent == 0
    assert "больше не будет" in client.get(url).content.decode()


@pytest.mark.parametrize(
    "token",
    [
        "abc",
        "1:abc:def",
        signing.dumps("mentor", salt="notices.stop"),
        signing.dumps(1, salt="другая"),
        "\x00",
        "9" * 500,
    ],
    # Named, not by their value: a signed token carries the second it was made, and the workers of
    # pytest-xdist must collect the same test names.
    ids=["garbage", "forged", "a-username-not-a-user-id", "another-salt", "nul", "too-long"],
)
def test_a_bad_link_is_404_never_500(world, client, token):
    assert client.get(f"/notices/stop/{token}/").status_code == 404
    assert client.post(f"/notices/stop/{token}/").status_code == 404


def test_turning_letters_back_on(plan, world, client_as):
    Preference.objects.create(user=world.users["mentor"], stopped_at=timezone.now())
    assert digests_send().sent == 0
    client_as("mentor").post(reverse("notices:preferences"), {"wants_email": "on", "email_kinds": ["plan", "surveys"]})
    assert digests_send().sent == 1
