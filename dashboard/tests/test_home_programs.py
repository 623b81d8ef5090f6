"""The home pages show the programs in work with their progress; overdue activities stand out.
Query counts stay the same with 2 or 10 programs and 3 or 30 plan items each."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mentorship.tests.factories import MenteeFactory, MentorFactory, PairingFactory
from programs.models import Program
from programs.progress import HOME_PROGRAMS_SHOWN
from programs.tests.factories import ActivityRecordFactory, program_in_work, program_with_plan


@pytest.fixture
def programs(world):
    mine = program_in_work(world.pairing, done=2, due=2, overdue=1)
    other = program_in_work(world.other_mentor.pairings.get(), done=1, due=1)
    return mine, other


def home(client) -> str:
    response = client.get(reverse("dashboard:home"))
    assert response.status_code == 200
    return response.content.decode()


def test_mentor_sees_own_program_progress_and_the_overdue_item(client_as, programs):
    mine, _ = programs
    overdue = mine.items.get(done_on__isnull=True, deadline__lt=timezone.localdate())
    page = home(client_as("mentor"))
    assert "Мои программы в работе" in page
    assert "Выполнено <strong>2</strong> из 5" in page and "предстоит <strong>2</strong>" in page
    assert '<span class="badge text-bg-danger ms-1">просрочено 1</span>' in page
    assert f"{overdue.position}. {overdue.activity}" in page
    assert reverse("programs:record-create", args=[mine.pk]) + f"?item={overdue.pk}" in page
    assert "Новикова" not in page  # another mentor's program


def test_mentee_sees_the_program_and_what_waits_for_confirmation(client_as, world, programs):
    mine, _ = programs
    record = ActivityRecordFactory(program=mine, description="Консультация о режиме дня")
    page = home(client_as("mentee"))
    assert "Моя программа" in page and "Выполнено <strong>2</strong> из 5" in page
    assert "Ждут вашего подтверждения: 1" in page
    assert reverse("programs:record-detail", args=[record.pk]) in page
    assert "Консультация о режиме дня" in page


def test_curator_and_head_see_every_program_overdue_first(client_as, programs):
    mine, other = programs
    for role in ("curator", "head"):
        page = home(client_as(role))
        assert "Программы в работе" in page and "с просрочкой: 1" in page
        assert page.index(f'data-program="{mine.pk}"') < page.index(f'data-program="{other.pk}"')


def test_council_and_admin_do_not_get_the_programs_section(client_as, programs):
    for role in ("council", "admin", "norole"):
        page = home(client_as(role))
        assert "Программы в работе" not in page and "Мои программы в работе" not in page


def test_a_program_not_in_work_is_not_on_the_home_page(client_as, world):
    program_with_plan(world.pairing, Program.Status.APPROVED, items=2)
    page = home(client_as("mentor"))
    assert "Программ в работе нет" in page


def add_programs(world, count: int, items: int) -> None:
    """Programs for the world's mentor and mentee too, so their sections grow with the rows."""
    for n in range(count):
        if n % 2:
            pairing = PairingFactory(mentor=world.mentor, mentees=[world.mentee, MenteeFactory()])
        else:
            pairing = PairingFactory(mentor=MentorFactory(), mentees=[MenteeFactory()])
        program = program_in_work(pairing, done=items // 3, overdue=items // 3, due=items - 2 * (items // 3))
        for _ in range(2):
            ActivityRecordFactory(program=program)


def queries(client) -> int:
    client.get(reverse("dashboard:home"))  # warm the session
    with CaptureQueriesContext(connection) as context:
        assert client.get(reverse("dashboard:home")).status_code == 200
    return len(context.captured_queries)


# Session, user, roles (3), the page's own sections, and the programs: with their counts, the mentees
# and their people, the overdue items (3); a mentee also the records awaiting confirmation (1). The
# curator: + the bank summary (4), mentees waiting for a mentor, our organization, its last refresh,
# returned pairs. The head: + the bank summary (4), council proposals, and the menu badge: one count
# over every section of the head's queue together (mentorship.queue.pending_count).
# Curator and head: + this year's roadmap, its stage counts, overdue activities (and, for the curator,
# those due soon) — roadmap/snippets/home.html.
# growth adds one query to everyone's home page (records returned to the person, and to the curator
# those waiting for confirmation).
# The home tasks of diagnostics (diagnostics to fill or rate) and surveys (surveys open to answer,
# the needs survey) look through the user's open programs, read once for both
# (programs.selectors.open_programs_of: the programs, their mentees with people, their plans), then one
# query each for what was sent or answered, and the needs survey sent to the user.
# The head and the curator: + one count of the programs in work and of those overdue (the page shows
# only the first few: programs.progress.HOME_PROGRAMS_SHOWN).
# materials adds one to a mentor's and a mentee's: the new methodological materials of their audience.
PINNED = {"mentor": 17, "mentee": 18, "curator": 22, "head": 18}


@pytest.mark.parametrize("role", list(PINNED))
def test_home_query_count_is_pinned_and_does_not_grow(world, client_as, role):
    client = client_as(role)
    add_programs(world, 2, 3)
    few = queries(client)
    add_programs(world, 8, 30)  # 10 programs, of 30 plan items the new ones
    many = queries(client)
    assert Program.objects.count() == 10
    assert (few, many) == (PINNED[role], PINNED[role])


def test_head_and_curator_see_the_first_programs_and_a_link_to_all(world, client_as):
    add_programs(world, HOME_PROGRAMS_SHOWN + 2, 3)
    for role in ("curator", "head"):
        page = home(client_as(role))
        assert page.count('class="card card-body shadow-sm mb-2 program-card') == HOME_PROGRAMS_SHOWN
        shown = f"Показаны {HOME_PROGRAMS_SHOWN} из {HOME_PROGRAMS_SHOWN + 2}"
        assert shown in page and f'href="{reverse("programs:program-list")}">Все программы</a>' in page
        assert f"с просрочкой: {HOME_PROGRAMS_SHOWN + 2}" in page  # counted over all, not over those shown


def test_all_programs_shown_when_few(world, client_as, programs):
    page = home(client_as("curator"))
    assert page.count('class="card card-body shadow-sm mb-2 program-card') == 2
    assert "Показаны" not in page
