"""Monitoring and the annual report in the browser, every role: who opens what, who sees the names
behind the numbers, hostile periods, the report's way from the curator to the head and back, and the
monitoring page's queries pinned."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import ROLES, expect
from mentorship.tests.factories import MenteeFactory, PairingFactory

from ..models import AnnualReport

READERS = {"head", "curator", "council", "admin"}
S = AnnualReport.Status


@pytest.fixture
def report(world):
    return AnnualReport.objects.create(start_year=2025, conclusions="Система работает.")


CASES = [
    ("reports:monitoring", "get", (), expect(READERS)),
    ("reports:annual-list", "get", (), expect(READERS)),
    ("reports:annual", "get", (2025,), expect(READERS)),
    ("reports:annual-start", "post", (), expect({"curator"}, ok_status=302)),
    # A draft: the curator sends it; the head has nothing to do with a draft (the move is not his).
    ("reports:annual-move", "post", (2025,), expect({"curator"}, ok_status=302)),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "method", "args", "matrix"), CASES, ids=[case[0] for case in CASES])
def test_who_opens_monitoring_and_the_annual_report(client_as, report, role, name, method, args, matrix):
    data = {"year": "2025", "target": "awaiting_approval"} if method == "post" else None
    response = getattr(client_as(role), method)(reverse(name, args=args), data)
    assert response.status_code == matrix[role], (role, name)


def test_only_the_head_and_the_curator_see_the_names_behind_the_numbers(client_as, world):
    PairingFactory(mentor=world.mentor, mentees=[MenteeFactory(person=world.other_person)], starts_on=date(2025, 9, 1))
    for role in ("head", "curator"):
        page = client_as(role).get(reverse("reports:monitoring") + "?year=2025").content.decode()
        assert "Кто учтён" in page and world.mentor.person.last_name in page
    for role in ("council", "admin"):
        page = client_as(role).get(reverse("reports:monitoring") + "?year=2025").content.decode()
        assert "Кто учтён" not in page and "Показаны только числа" in page
        assert world.other_person.last_name not in page


@pytest.mark.parametrize(
    "query",
    [
        "?year=abc",
        "?year=1900",
        "?year=²",
        "?from=2026-02-30&to=2026-03-01",
        "?from=2026-05-01&to=2026-01-01",
        "?from=a%00b",
        "?to=9999-12-31",
        "?year=2025&from=0001-01-01&to=2026-01-01",
    ],
)
def test_a_hostile_period_falls_back_to_the_current_year_with_a_message(client_as, world, query):
    response = client_as("curator").get(reverse("reports:monitoring") + query)
    assert response.status_code == 200
    assert "учебный год" in response.content.decode()


def test_a_period_of_dates_is_shown(client_as, world):
    page = client_as("head").get(reverse("reports:monitoring") + "?from=2026-01-01&to=2026-03-31").content.decode()
    assert "с 01.01.2026 по 31.03.2026" in page


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_monitoring_page_queries_are_pinned_and_do_not_grow(client_as, world):
    client = client_as("curator")
    url = reverse("reports:monitoring") + "?year=2025"
    few = _queries(client, url)
    for _ in range(5):
        PairingFactory(starts_on=date(2025, 9, 1), planned_end_on=date(2026, 5, 31), mentees=[MenteeFactory()])
    # The session, the user and her staff record (3); two periods of records (13 each); the year's report.
    assert (few, _queries(client, url)) == (30, 30)


def test_the_curator_writes_sends_and_the_head_returns_the_report(client_as, world):
    curator, head = client_as("curator"), None
    curator.post(reverse("reports:annual-start"), {"year": "2025"})
    report = AnnualReport.objects.get(start_year=2025)
    url = report.get_absolute_url()
    move = reverse("reports:annual-move", args=[2025])
    # Sent without conclusions: refused in Russian.
    response = curator.post(move, {"target": "awaiting_approval"}, follow=True)
    assert "Напишите выводы" in response.content.decode()
    curator.post(url, {"conclusions": "Охват вырос.", "risks": "Мало наставников.", "proposals": ""})
    report.refresh_from_db()
    assert (report.conclusions, report.risks) == ("Охват вырос.", "Мало наставников.")
    curator.post(move, {"target": "awaiting_approval"})
    report.refresh_from_db()
    assert report.status == S.AWAITING_APPROVAL
    # Waiting for the head, the texts are closed to the curator.
    response = curator.post(url, {"conclusions": "Иначе."}, follow=True)
    assert "текст меняют в черновике" in response.content.decode()
    head = client_as("head")
    queue = head.get(reverse("mentorship:approval-queue")).content.decode()
    assert "Итоговый аналитический отчёт за 2025/2026" in queue
    response = head.post(move, {"target": "returned", "comment": ""}, follow=True)
    assert "Отчёт вернётся куратору" in response.content.decode()  # it asks first
    report.refresh_from_db()
    assert report.status == S.AWAITING_APPROVAL
    response = head.post(move, {"target": "returned", "comment": "", "confirmed": "1"}, follow=True)
    assert "Напишите комментарий" in response.content.decode()
    head.post(move, {"target": "returned", "comment": "Добавьте выводы о рисках.", "confirmed": "1"})
    report.refresh_from_db()
    assert report.status == S.RETURNED and report.return_comment == "Добавьте выводы о рисках."
    page = client_as("curator").get(url).content.decode()
    assert "Руководитель вернул отчёт" in page and "Добавьте выводы о рисках." in page
    assert [t.target for t in report.transitions.all()] == [S.DRAFT, S.AWAITING_APPROVAL, S.RETURNED]


def test_an_unknown_move_is_refused_and_an_unknown_year_is_a_404(client_as, report):
    response = client_as("head").post(reverse("reports:annual-move", args=[2025]), {"target": "x"}, follow=True)
    assert "Нет такого действия с отчётом." in response.content.decode()
    assert client_as("head").get(reverse("reports:annual", args=[1999])).status_code == 404
    response = client_as("curator").post(reverse("reports:annual-start"), {"year": "1999"}, follow=True)
    assert "Выберите учебный год" in response.content.decode()
