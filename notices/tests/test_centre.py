"""The notification centre and the bell, with sources registered by the test (the domain apps' own
sources are tested in those apps and on the demo kindergarten in integration/test_notices.py)."""

import time

import pytest
from django.urls import reverse

from conftest import ROLES, expect
from notices import selectors, sources
from people.roles import EVERYONE, Role

LOGGED_IN = set(ROLES) - {"anonymous"}


@pytest.fixture
def only_test_sources():
    """The registry with nothing but the test's sources in it, restored afterwards."""
    saved = dict(sources._SOURCES)
    sources._SOURCES.clear()
    yield sources
    sources._SOURCES.clear()
    sources._SOURCES.update(saved)


@pytest.fixture
def tasks(only_test_sources):
    """A mentor's source with three tasks and the head's with two; `done` takes a key out (acted on)."""
    done = set()

    def mentor_items(user, today):
        return [
            sources.Item(key=f"plan:{n}", text=f"Пункт плана № {n}", url=f"/programs/{n}/", kind="plan")
            for n in range(1, 4)
            if f"plan:{n}" not in done
        ]

    def head_items(user, today):
        return [
            sources.Item(key="queue:1", text="Пары на утверждение: 2", url="/bank/queue/", kind="queue"),
            sources.Item(key="queue:2", text="Программы на утверждение: 1", url="/bank/queue/", kind="queue"),
            # The same thing from a second source is told once.
            sources.Item(key="queue:1", text="Пары на утверждение: 2", url="/bank/queue/", kind="queue"),
        ]

    only_test_sources.register(sources.Source("plan", "Сроки пунктов плана", frozenset({Role.MENTOR}), mentor_items))
    only_test_sources.register(sources.Source("queue", "Очередь", frozenset({Role.HEAD}), head_items, order=1))
    return done


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", ["notices:centre", "notices:bell-count"])
def test_centre_and_bell_open_for_everyone_logged_in(world, client_as, tasks, role, name):
    response = client_as(role).get(reverse(name))
    assert response.status_code == expect(LOGGED_IN)[role]
    if role == "anonymous":
        assert response["Location"].startswith(reverse("accounts:login"))


def test_a_role_sees_only_its_sources_grouped_by_kind(world, client_as, tasks):
    page = client_as("mentor").get(reverse("notices:centre")).content.decode()
    assert "Сроки пунктов плана" in page and "Пункт плана № 3" in page and 'href="/programs/2/"' in page
    assert "Очередь" not in page
    head = client_as("head").get(reverse("notices:centre"))
    groups = head.context["groups"]
    assert [(group["kind"], [item.key for item in group["items"]]) for group in groups] == [
        ("queue", ["queue:1", "queue:2"])
    ]


def test_someone_with_nothing_to_do_is_told_so(world, client_as, tasks):
    assert "Новых уведомлений нет" in client_as("norole").get(reverse("notices:centre")).content.decode()


def test_an_item_acted_on_leaves_the_centre(world, client_as, tasks):
    client = client_as("mentor")
    tasks.add("plan:2")
    page = client.get(reverse("notices:centre")).content.decode()
    assert "Пункт плана № 1" in page and "Пункт плана № 2" not in page


def test_the_centres_queries_do_not_grow_with_its_rows(world, client_as, tasks, django_assert_num_queries):
    client = client_as("mentor")
    # The session, the user, the roles with the person (one query), and the session saved with the
    # bell's count (a savepoint, the update, its release); the test's sources ask nothing.
    with django_assert_num_queries(6):
        assert client.get(reverse("notices:centre")).status_code == 200


def test_a_page_asks_no_source_and_the_bell_asks_for_its_count(world, client_as, tasks):
    client = client_as("mentor")
    calls = []
    counting = sources.Source("plan", "Сроки", frozenset({Role.MENTOR}), lambda user, today: calls.append(1) or [])
    home = client.get(reverse("dashboard:home")).content.decode()
    assert 'data-refresh="/notices/count/"' in home  # no count in the session yet: the script asks
    sources.register(counting)
    assert client.get(reverse("dashboard:home")).status_code == 200
    assert calls == []


def test_the_bell_count_is_remembered_for_a_few_minutes(world, client_as, tasks):
    client = client_as("mentor")
    assert client.get(reverse("notices:bell-count")).json() == {"count": 3}
    home = client.get(reverse("dashboard:home")).content.decode()
    assert 'id="bell-count">3</span>' in home and "data-refresh" not in home
    # Acted on: the bell keeps the old number until the centre is opened or a few minutes pass.
    tasks.add("plan:1")
    assert 'id="bell-count">3</span>' in client.get(reverse("dashboard:home")).content.decode()
    client.get(reverse("notices:centre"))
    assert 'id="bell-count">2</span>' in client.get(reverse("dashboard:home")).content.decode()
    session = client.session
    count, _ = session[selectors.BELL]
    session[selectors.BELL] = (count, int(time.time()) - selectors.BELL_FRESH_SECONDS - 1)
    session.save()
    assert "data-refresh" in client.get(reverse("dashboard:home")).content.decode()


def test_everyone_registered_sources_are_read_by_role(db, only_test_sources):
    only_test_sources.register(sources.Source("a", "А", EVERYONE, lambda user, today: [], order=2))
    only_test_sources.register(sources.Source("b", "Б", EVERYONE, lambda user, today: [], order=1))
    assert only_test_sources.kinds() == [("b", "Б"), ("a", "А")]


def test_home_tasks_become_items_whose_key_changes_with_their_words():
    first = sources.from_tasks("reports", [("Напишите отчёт наставника.", "/results/1/")])
    again = sources.from_tasks("reports", [("Напишите отчёт наставника.", "/results/1/")])
    returned = sources.from_tasks("reports", [("Исправьте возвращённый куратором отчёт.", "/results/1/")])
    assert first == again and first[0].key != returned[0].key
    assert first[0].key.startswith("reports:/results/1/:")
