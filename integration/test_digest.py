"""The daily run sends the demo's digests through a real SMTP server started by the test (aiosmtpd):
the head gets one letter listing the queue, a second run sends nothing, the link in the letter stops
the next one, and a server that refuses leaves nothing recorded, so the next run sends. Without a mail
server the demo's people (each has an address) get their letters as files, as in sent-mail/."""

import email
import re
import socket
from email import policy
from io import StringIO

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from accounts.models import User
from demo.kindergarten import load_demo
from mentorship.models import Pairing
from notices.models import Delivery
from people.models import Person

HEAD_ADDRESS = "sokolova.ev@lastochka.example"


class Inbox:
    """An SMTP server's handler that keeps what it is sent, or refuses it while `refusing`."""

    def __init__(self):
        self.letters = []
        self.refusing = False

    async def handle_DATA(self, server, session, envelope):
        if self.refusing:
            return "451 4.3.0 Сервер временно недоступен"
        self.letters.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def inbox(demo, db, settings):
    handler = Inbox()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    # Only the head keeps her address in these tests: the letters are hers.
    Person.objects.exclude(user__username="head").update(email="")
    yield handler
    controller.stop()


def letters_in(folder) -> list:
    """The letters Django's file backend wrote. It names a file by the second and the connection's id(), so two
    connections opened in the same second may share an id() and append to one file: split on its separator line."""
    separator = b"\n" + b"-" * 79 + b"\n"
    return [
        email.message_from_bytes(chunk, policy=policy.default)
        for path in sorted(folder.iterdir())
        for chunk in path.read_bytes().split(separator)
        if chunk.strip()
    ]


def daily() -> str:
    output = StringIO()
    call_command("daily", stdout=output)
    return output.getvalue()


def text_of(letter) -> str:
    return letter.get_body(preferencelist=("plain",)).get_content()


def test_the_head_gets_one_letter_listing_the_queue_and_nothing_twice(inbox):
    assert "Письма с уведомлениями: 1." in daily()
    [letter] = inbox.letters
    assert letter["To"] == HEAD_ADDRESS
    assert re.fullmatch(r"Наставник: \d+ новых? уведомлени[еяй]", str(letter["Subject"]).strip())
    text = text_of(letter)
    assert "Очередь «На утверждение»" in text
    assert "Пары и группы: ждут вашего решения — 3 записи" in text
    assert "Персонализированные программы: ждут вашего решения — 1 запись" in text
    html = letter.get_body(preferencelist=("html",)).get_content()
    assert "Пары и группы: ждут вашего решения" in html
    assert "Письма с уведомлениями: 0." in daily()
    assert len(inbox.letters) == 1


def test_the_link_in_the_letter_stops_the_next_one(inbox):
    daily()
    stop = re.search(r"http://localhost:8000(/notices/stop/[^/\s]+/)", text_of(inbox.letters[0]))[1]
    # Something new for the head: one more pair waits for her.
    waiting = Pairing.objects.filter(status=Pairing.Status.AWAITING_APPROVAL).first()
    Pairing.objects.filter(status=Pairing.Status.AWAITING_APPROVAL).exclude(pk=waiting.pk).update(
        status=Pairing.Status.PROPOSED
    )
    daily()
    assert len(inbox.letters) == 2 and "1 запись" in text_of(inbox.letters[1])
    assert Client().post(stop).status_code == 200
    Pairing.objects.filter(status=Pairing.Status.PROPOSED).update(status=Pairing.Status.AWAITING_APPROVAL)
    assert "Письма с уведомлениями: 0." in daily()
    assert len(inbox.letters) == 2


def test_a_refusing_server_leaves_nothing_recorded_and_the_next_run_sends(inbox, caplog):
    head = User.objects.get(username="head")
    inbox.refusing = True
    assert "не отправлено (повтор завтра): 1" in daily()
    assert inbox.letters == [] and not Delivery.objects.filter(user=head).exists()
    assert "повтор при следующем запуске" in caplog.text
    inbox.refusing = False
    assert "Письма с уведомлениями: 1." in daily()
    assert len(inbox.letters) == 1 and Delivery.objects.filter(user=head).exists()


def test_the_daily_run_still_starts_pairs(inbox):
    assert "Начались пары: " in daily()


def test_without_a_mail_server_the_demo_people_get_their_letters_as_files(demo, db, settings, tmp_path):
    # What config.settings chooses when EMAIL_HOST is not set (the demo, a first run).
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = tmp_path
    output = daily()
    letters = {str(letter["To"]): letter for letter in letters_in(tmp_path)}
    assert f"Письма с уведомлениями: {len(letters)}." in output
    head, curator, mentor = (
        letters[f"{name}@lastochka.example"] for name in ("sokolova.ev", "morozova.ia", "petrova.sn")
    )
    assert "Очередь «На утверждение»" in text_of(head)
    assert text_of(curator).startswith("Здравствуйте, Ирина Александровна!")
    assert "Сроки пунктов плана" in text_of(mentor)
    assert Delivery.objects.filter(user__username="mentor").exists()
