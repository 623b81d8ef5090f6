"""Every programs page for every role (anonymous → login; 200 / 403; another pair's program → 404),
the side effects of the buttons, the head's queue, the bank's filters and pinned query counts."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import ROLES, expect
from mentorship.models import Direction, Pairing
from mentorship.tests.factories import MenteeFactory, MentorFactory, PairingFactory

from ..models import PlanItem, Program
from .factories import PlanItemFactory, program_with_plan

S = Program.Status
READERS = {"head", "curator", "council", "mentor", "mentee"}
CREATORS = {"mentor", "council", "curator"}
OWN_ONLY = frozenset({"mentor", "mentee"})


def own(w, status=S.RUNNING, **fields):
    return program_with_plan(w.pairing, status, **fields)


def other(w, status=S.RUNNING, **fields):
    return program_with_plan(w.other_mentor.pairings.get(), status, **fields)


def best_practice(w):
    return other(w, S.COMPLETED, is_best_practice=True)


GET_CASES = [
    ("program-list", lambda w: reverse("programs:program-list"), expect(READERS)),
    ("program-start", lambda w: reverse("programs:program-start"), expect(CREATORS)),
    ("own-program-create", lambda w: reverse("programs:program-create", args=[w.pairing.pk]), expect(CREATORS)),
    (
        "other-program-create",
        lambda w: reverse("programs:program-create", args=[w.other_mentor.pairings.get().pk]),
        expect({"council", "curator"}, not_found=frozenset({"mentor"})),
    ),
    ("own-program-detail", lambda w: own(w).get_absolute_url(), expect(READERS)),
    ("other-program-detail", lambda w: other(w).get_absolute_url(), expect(READERS - OWN_ONLY, not_found=OWN_ONLY)),
    ("own-program-history", lambda w: reverse("programs:program-history", args=[own(w).pk]), expect(READERS)),
    (
        "other-program-history",
        lambda w: reverse("programs:program-history", args=[other(w).pk]),
        expect(READERS - OWN_ONLY, not_found=OWN_ONLY),
    ),
    ("own-program-update", lambda w: reverse("programs:program-update", args=[own(w, S.DRAFT).pk]), expect(CREATORS)),
    (
        "other-program-update",
        lambda w: reverse("programs:program-update", args=[other(w, S.DRAFT).pk]),
        expect({"council", "curator"}, not_found=frozenset({"mentor"})),
    ),
    (
        "own-plan-item-create",
        lambda w: reverse("programs:plan-item-create", args=[own(w, S.CORRECTION).pk]),
        expect(CREATORS),
    ),
    (
        "other-plan-item-update",
        lambda w: reverse("programs:plan-item-update", args=[other(w, S.DRAFT).items.first().pk]),
        expect({"council", "curator"}, not_found=frozenset({"mentor"})),
    ),
    (
        "own-plan-item-update",
        lambda w: reverse("programs:plan-item-update", args=[own(w, S.DRAFT).items.first().pk]),
        expect(CREATORS),
    ),
    ("program-complete", lambda w: reverse("programs:program-complete", args=[own(w).pk]), expect({"curator"})),
    (
        "program-copy",
        lambda w: reverse("programs:program-copy", args=[best_practice(w).pk]),
        expect({"curator", "council"}),
    ),
    ("own-program-compare", lambda w: reverse("programs:program-compare", args=[own(w).pk]), expect(READERS)),
    (
        "other-program-compare",
        lambda w: reverse("programs:program-compare", args=[other(w).pk]),
        expect(READERS - OWN_ONLY, not_found=OWN_ONLY),
    ),
    ("own-program-pdf", lambda w: reverse("programs:program-pdf", args=[own(w).pk]), expect(READERS)),
    (
        "other-program-pdf",
        lambda w: reverse("programs:program-pdf", args=[other(w).pk]),
        expect(READERS - OWN_ONLY, not_found=OWN_ONLY),
    ),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "url", "expected"), GET_CASES, ids=[case[0] for case in GET_CASES])
def test_every_page_for_every_role(world, client_as, name, url, expected, role):
    target = url(world)
    response = client_as(role).get(target)
    assert response.status_code == expected[role], f"{name} as {role}"
    if role == "anonymous":
        assert response["Location"].startswith(reverse("accounts:login"))


def _move(w, role):
    program = own(w, S.DRAFT)
    return reverse("programs:program-move", args=[program.pk]), {"target": "review"}, program


def _move_other(w, role):
    program = other(w, S.DRAFT)
    return reverse("programs:program-move", args=[program.pk]), {"target": "review"}, program


def _agree(w, role):
    program = own(w, S.REVIEW, council_agreed_at=None)
    return reverse("programs:program-agree", args=[program.pk]), {"as": "council"}, program


def _best(w, role):
    program = own(w, S.COMPLETED)
    return reverse("programs:program-best-practice", args=[program.pk]), {"value": "1"}, program


def _delete(w, role):
    program = own(w, S.DRAFT)
    return reverse("programs:plan-item-delete", args=[program.items.first().pk]), {}, program


def _mark(w, role):
    program = own(w, S.RUNNING)
    item = program.items.first()
    return reverse("programs:plan-item-mark", args=[item.pk]), {"done_on": item.deadline.isoformat()}, program


def _mark_other(w, role):
    program = other(w, S.RUNNING)
    item = program.items.first()
    return reverse("programs:plan-item-mark", args=[item.pk]), {"done_on": item.deadline.isoformat()}, program


# (name, what to post, expected status per role, the side effect seen when allowed)
POST_CASES = [
    ("move", _move, expect(CREATORS, ok_status=302), lambda p: p.status == S.REVIEW),
    (
        "move-other",
        _move_other,
        expect({"council", "curator"}, not_found=OWN_ONLY, ok_status=302),
        lambda p: p.status == S.REVIEW,
    ),
    ("agree", _agree, expect({"council"}, ok_status=302), lambda p: p.council_agreed_at is not None),
    ("best-practice", _best, expect({"curator"}, ok_status=302), lambda p: p.is_best_practice),
    ("plan-item-delete", _delete, expect(CREATORS, ok_status=302), lambda p: p.items.count() == 2),
    ("plan-item-mark", _mark, expect({"mentor", "curator"}, ok_status=302), lambda p: p.items.first().is_done),
    (
        "plan-item-mark-other",
        _mark_other,
        expect({"curator"}, not_found=frozenset({"mentor"}), ok_status=302),
        lambda p: p.items.first().is_done,
    ),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "build", "expected", "done"), POST_CASES, ids=[case[0] for case in POST_CASES])
def test_every_action_for_every_role(world, client_as, name, build, expected, done, role):
    url, data, program = build(world, role)
    response = client_as(role).post(url, data)
    assert response.status_code == expected[role], f"{name} as {role}"
    program = Program.objects.get(pk=program.pk)
    allowed = role != "anonymous" and expected[role] == 302
    assert done(program) == allowed, f"{name} as {role}: side effect"


def test_admin_gets_403_on_every_program_page(world, client_as):
    program = own(world)
    client = client_as("admin")
    for url in (
        reverse("programs:program-list"),
        program.get_absolute_url(),
        reverse("programs:program-pdf", args=[program.pk]),
        reverse("programs:program-compare", args=[program.pk]),
    ):
        assert client.get(url).status_code == 403


# --- the program's page ----------------------------------------------------------------------------


@pytest.fixture
def current(world):
    """The mentor's pair running now, so deadlines fall before and after today."""
    today = timezone.localdate()
    Pairing.objects.filter(pk=world.pairing.pk).update(
        starts_on=today - timedelta(days=60), planned_end_on=today + timedelta(days=200)
    )
    world.pairing.refresh_from_db()
    program = program_with_plan(world.pairing, S.RUNNING, items=0)
    PlanItemFactory(
        program=program, position=1, deadline=today - timedelta(days=30), done_on=today - timedelta(days=31)
    )
    PlanItemFactory(
        program=program, position=2, deadline=today - timedelta(days=1), activity="Открытый показ утреннего круга"
    )
    PlanItemFactory(program=program, position=3, deadline=today + timedelta(days=30))
    return program


def test_detail_highlights_overdue_rows_and_counts_progress(client_as, current):
    response = client_as("mentor").get(current.get_absolute_url())
    html = response.content.decode()
    progress = html.split('id="progress"')[1].split("</p>")[0]
    assert "Выполнено <strong>1</strong> из 3 · предстоит <strong>1</strong>" in progress
    assert "просрочено 1" in progress
    assert html.count("progress-text") == 1  # once on the page: the journal does not repeat it
    assert html.count('class="table-danger"') == 1
    overdue_row = html.split('class="table-danger"')[1].split("</tr>")[0]
    assert "Открытый показ утреннего круга" in overdue_row
    assert html.count('class="table-success"') == 1
    assert current.difficulties in html


def test_on_a_phone_the_plan_comes_as_cards_the_next_item_first(client_as, current):
    """The table is for wider screens; a phone gets one card per item, what is to do first, with
    the deadline, the responsible person, the mark and the way to log it on the card itself."""
    html = client_as("mentor").get(current.get_absolute_url()).content.decode()
    wide, cards = html.split("plan-cards")  # the table's block comes first, the cards' block after it
    assert 'class="d-none d-md-block d-print-block"' in wide and "<table" in wide.split('id="plan"')[1]
    assert 'class="d-md-none d-print-none ' in wide.rsplit("<div", 1)[1]
    overdue, future, done = (current.items.get(position=n) for n in (2, 3, 1))
    order = [cards.index(f'id="plan-card-{item.pk}"') for item in (overdue, future, done)]
    assert order == sorted(order)  # the overdue one first, then what is due, the done ones last
    first = cards.split(f'id="plan-card-{overdue.pk}"')[1].split("</article>")[0]
    assert overdue.deadline.strftime("%d.%m.%Y") in first and overdue.responsible in first
    assert "просрочено" in first and "Отметить" in first
    assert f"{reverse('programs:record-create', args=[current.pk])}?item={overdue.pk}" in first
    assert "Выполненные пункты: 1" in cards
    # The plan is the first of the page's sections on a phone (order-1), in its place from md on.
    assert 'class="card shadow-sm mt-md-3 mb-3 order-1 order-md-2" id="plan"' in html


def test_recording_an_activity_is_the_first_action_of_the_program_in_work(world, client_as):
    program = own(world, S.RUNNING)
    html = client_as("mentor").get(program.get_absolute_url()).content.decode()
    record = html.index(f'href="{reverse("programs:record-create", args=[program.pk])}">Записать мероприятие</a>')
    assert record < html.index("Начать корректировку") and record < html.index("PDF для печати")
    for role in ("mentee", "curator", "head"):
        assert "Записать мероприятие" not in client_as(role).get(program.get_absolute_url()).content.decode()


def test_detail_shows_only_the_buttons_of_the_users_roles(world, client_as):
    program = own(world, S.DRAFT)
    assert "Отправить на согласование" in client_as("mentor").get(program.get_absolute_url()).content.decode()
    html = client_as("head").get(program.get_absolute_url()).content.decode()
    assert "Отправить на согласование" not in html and "Изменить текст" not in html
    assert "Отправить на согласование" not in client_as("mentee").get(program.get_absolute_url()).content.decode()


def test_review_page_offers_agreements_and_the_head_sees_what_is_missing(world, client_as):
    program = own(world, S.REVIEW, curator_agreed_at=None, council_agreed_at=None)
    assert "Согласовать</button>" in client_as("curator").get(program.get_absolute_url()).content.decode()
    assert "Согласовать от МО" in client_as("council").get(program.get_absolute_url()).content.decode()
    html = client_as("head").get(program.get_absolute_url()).content.decode()
    assert "Утвердить можно после согласования: куратор, методическое объединение." in html


def test_a_refused_move_is_explained_in_russian(world, client_as):
    program = own(world, S.RUNNING, items=2)
    response = client_as("curator").post(
        reverse("programs:program-move", args=[program.pk]), {"target": "terminated", "comment": ""}, follow=True
    )
    assert "Напишите причину прекращения." in response.content.decode()
    assert Program.objects.get(pk=program.pk).status == S.RUNNING


def test_correction_is_finished_with_the_agreement_checkbox(world, client_as):
    program = own(world, S.CORRECTION)
    client = client_as("mentor")
    url = reverse("programs:program-move", args=[program.pk])
    response = client.post(url, {"target": "running", "comment": "Сдвинуты сроки"}, follow=True)
    assert "Подтвердите, что наставник и наставляемый согласны с изменениями." in response.content.decode()
    client.post(url, {"target": "running", "comment": "Сдвинуты сроки", "agreed": "on"})
    program.refresh_from_db()
    assert program.status == S.RUNNING and program.versions.get().comment == "Сдвинуты сроки"


def test_the_curator_completes_a_program_through_the_form(world, client_as):
    program = own(world, S.RUNNING, items=2, done=1)
    client = client_as("curator")
    url = reverse("programs:program-complete", args=[program.pk])
    response = client.post(url, {"final_assessment": "Освоено", "curator_conclusion": "Выполнено"})
    assert response.status_code == 200
    assert "Не отмечено выполнение пунктов плана № 2." in response.content.decode()
    PlanItem.objects.filter(program=program).update(done_on=program.starts_on)
    assert client.post(url, {"final_assessment": "Освоено", "curator_conclusion": "Выполнено"}).status_code == 302
    assert Program.objects.get(pk=program.pk).status == S.COMPLETED


def test_marking_without_a_date_is_refused_in_russian(world, client_as):
    program = own(world, S.RUNNING, items=1)
    url = reverse("programs:plan-item-mark", args=[program.items.get().pk])
    response = client_as("mentor").post(url, {"done_on": "", "done_note": "Проведено"}, follow=True)
    assert "Укажите дату выполнения." in response.content.decode()
    assert not program.items.get().is_done


def test_plan_item_is_added_and_a_wrong_deadline_keeps_the_form(world, client_as):
    program = own(world, S.DRAFT, items=1)
    client = client_as("mentor")
    url = reverse("programs:plan-item-create", args=[program.pk])
    data = {
        "direction": program.pairing.direction_id,
        "activity": "Взаимопосещение прогулки",
        "form": program.items.first().form_id,
        "deadline": (program.ends_on + timedelta(days=1)).isoformat(),
        "responsible": "Петрова С.",
        "expected_result": "Анализ прогулки",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Срок — в пределах программы" in html and "Взаимопосещение прогулки" in html
    data["deadline"] = program.starts_on.isoformat()
    assert client.post(url, data).status_code == 302
    assert program.items.get(position=2).activity == "Взаимопосещение прогулки"


# --- creating through the form ----------------------------------------------------------------------


@pytest.fixture
def year_pair(world):
    Pairing.objects.filter(pk=world.pairing.pk).update(starts_on=date(2025, 9, 1), planned_end_on=date(2026, 8, 31))
    return world.pairing


def _form(starts_on, ends_on):
    return {
        "starts_on": starts_on,
        "ends_on": ends_on,
        "difficulties": "Трудно удерживать внимание детей",
        "strengths": "Творческий подход",
        "goal": "Уникальная цель программы 42",
        "tasks": "Задачи",
        "expected_results": "Результаты",
    }


@pytest.mark.parametrize(
    ("ends_on", "message"),
    [("2025-11-29", "Программа длится не меньше трёх месяцев"), ("2026-09-01", "Программа длится не больше года")],
)
def test_a_refused_term_keeps_the_form_and_says_why(client_as, year_pair, ends_on, message):
    url = reverse("programs:program-create", args=[year_pair.pk])
    response = client_as("mentor").post(url, _form("2025-09-01", ends_on))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Уникальная цель программы 42" in html and f'value="{ends_on}"' in html
    assert not Program.objects.exists()


@pytest.mark.parametrize("ends_on", ["2025-11-30", "2026-08-31"])
def test_the_boundary_terms_are_accepted_through_the_form(client_as, year_pair, ends_on):
    url = reverse("programs:program-create", args=[year_pair.pk])
    response = client_as("mentor").post(url, _form("2025-09-01", ends_on))
    program = Program.objects.get()
    assert response.status_code == 302 and response["Location"] == program.get_absolute_url()
    assert program.ends_on == date.fromisoformat(ends_on) and program.status == S.DRAFT


def test_the_create_form_is_prefilled_from_the_bank(world, client_as):
    html = client_as("mentor").get(reverse("programs:program-create", args=[world.pairing.pk])).content.decode()
    assert world.mentee.difficulties in html and world.mentee.strengths in html


def test_a_pair_with_a_program_in_work_leads_to_it(world, client_as):
    program = own(world)
    response = client_as("curator").get(reverse("programs:program-create", args=[world.pairing.pk]))
    assert response["Location"] == program.get_absolute_url()


def test_extension_through_the_edit_form(world, client_as, year_pair):
    program = program_with_plan(year_pair, S.CORRECTION, starts_on=date(2025, 9, 1), ends_on=date(2026, 5, 31))
    url = reverse("programs:program-update", args=[program.pk])
    client = client_as("mentor")
    response = client.post(url, _form("2025-09-01", "2026-09-01"))
    assert "не больше года" in response.content.decode()
    assert client.post(url, _form("2025-09-01", "2026-08-31")).status_code == 302
    assert Program.objects.get(pk=program.pk).ends_on == date(2026, 8, 31)


def test_copy_from_a_best_practice_through_the_pages(world, client_as):
    source = best_practice(world)
    source.difficulties = "Чужие затруднения"
    source.save()
    client = client_as("curator")
    html = client.get(reverse("programs:program-copy", args=[source.pk])).content.decode()
    create_url = reverse("programs:program-create", args=[world.pairing.pk]) + f"?from={source.pk}"
    assert create_url.replace("&", "&amp;") in html or create_url in html
    form = client.get(create_url).content.decode()
    assert source.goal in form and "Чужие затруднения" not in form and world.mentee.difficulties in form
    data = _form(world.pairing.starts_on.isoformat(), world.pairing.planned_end_on.isoformat())
    data["from"] = source.pk
    response = client.post(reverse("programs:program-create", args=[world.pairing.pk]), data)
    program = Program.objects.get(pairing=world.pairing)
    assert response["Location"] == program.get_absolute_url()
    assert program.copied_from == source and program.items.count() == source.items.count()


def test_a_mentor_cannot_copy_another_pairs_best_practice(world, client_as):
    source = best_practice(world)
    url = reverse("programs:program-create", args=[world.pairing.pk]) + f"?from={source.pk}"
    assert client_as("mentor").get(url).status_code == 404


# --- the head's queue ----------------------------------------------------------------------------------


def test_agreed_programs_wait_in_the_heads_queue_and_are_approved_there(world, client_as):
    ready = own(world, S.REVIEW)
    waiting = other(world, S.REVIEW, council_agreed_at=None)
    client = client_as("head")
    html = client.get(reverse("mentorship:approval-queue")).content.decode()
    assert 'id="queue-programs"' in html
    assert reverse("programs:program-detail", args=[ready.pk]) in html
    assert reverse("programs:program-detail", args=[waiting.pk]) not in html
    response = client.post(reverse("programs:program-move", args=[ready.pk]), {"target": "approved", "next": "queue"})
    assert response["Location"] == reverse("mentorship:approval-queue")
    ready.refresh_from_db()
    assert ready.status == S.APPROVED and ready.versions.get().number == 1


def test_the_head_returns_a_program_from_the_queue_with_a_comment(world, client_as):
    ready = own(world, S.REVIEW)
    client = client_as("head")
    url = reverse("programs:program-move", args=[ready.pk])
    client.post(url, {"target": "draft", "next": "queue", "comment": ""})
    assert Program.objects.get(pk=ready.pk).status == S.REVIEW
    client.post(url, {"target": "draft", "next": "queue", "comment": "Добавьте работу с семьями"})
    ready.refresh_from_db()
    assert ready.status == S.DRAFT
    assert ready.transitions.get().comment == "Добавьте работу с семьями"


def test_queue_count_counts_only_fully_agreed_programs(world):
    from mentorship.queue import SECTIONS

    own(world, S.REVIEW)
    other(world, S.REVIEW, council_agreed_at=None)
    assert SECTIONS["programs"].pending().count() == 1
    assert [item["program"].pairing_id for item in SECTIONS["programs"].items()] == [world.pairing.pk]


# --- the bank -------------------------------------------------------------------------------------------


def test_the_bank_filters_by_status_year_direction_and_best_practice(world, client_as):
    running = own(world)
    old_pair = PairingFactory(
        mentor=MentorFactory(),
        mentees=[MenteeFactory()],
        status=Pairing.Status.COMPLETED,
        direction=Direction.objects.get(name="ИКТ"),
        starts_on=date(2024, 9, 1),
        planned_end_on=date(2025, 5, 31),
    )
    best = program_with_plan(old_pair, S.COMPLETED, is_best_practice=True)
    client = client_as("curator")
    url = reverse("programs:program-list")

    def listed(**query):
        return {program.pk for program in client.get(url, query).context["object_list"]}

    assert listed() == {running.pk, best.pk}
    assert listed(status="completed") == {best.pk}
    assert listed(best="yes") == {best.pk}
    assert listed(best="no") == {running.pk}
    assert listed(year="2024") == {best.pk}
    assert listed(year="2026") == {running.pk}
    assert listed(direction=old_pair.direction_id) == {best.pk}
    assert listed(year="1999") == set()  # not offered: an invalid filter shows nothing, not an error


def test_mentors_and_mentees_see_only_their_own_programs_in_the_bank(world, client_as):
    mine = own(world)
    best_practice(world)
    for role in ("mentor", "mentee"):
        programs = list(client_as(role).get(reverse("programs:program-list")).context["object_list"])
        assert programs == [mine]


# --- query counts ---------------------------------------------------------------------------------------


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def _grow(program, count: int) -> None:
    start = program.items.count()
    for n in range(count):
        PlanItemFactory(program=program, position=start + n + 1, deadline=program.starts_on + timedelta(days=n))
        program.transitions.create(source=S.RUNNING, target=S.RUNNING, comment=f"Запись {n}")
        program.versions.create(number=start + n + 1, data={"items": []})


@pytest.mark.parametrize("role", ["mentor", "curator", "head"])
def test_detail_query_count_does_not_grow_with_the_plan(world, client_as, role):
    program = own(world, items=3)
    client = client_as(role)
    url = program.get_absolute_url()
    client.get(url)
    few = _queries(client, url)
    _grow(program, 27)
    assert _queries(client, url) == few


@pytest.mark.parametrize("role", ["curator", "mentor"])
def test_list_query_count_does_not_grow_with_programs(world, client_as, role):
    client = client_as(role)
    url = reverse("programs:program-list")
    own(world)
    for _ in range(3):
        program_with_plan(PairingFactory(mentor=MentorFactory(), mentees=[MenteeFactory(), MenteeFactory()]), S.RUNNING)
    client.get(url)
    few = _queries(client, url)
    for _ in range(27):
        program_with_plan(PairingFactory(mentor=MentorFactory(), mentees=[MenteeFactory(), MenteeFactory()]), S.RUNNING)
    assert _queries(client, url) == few


# Session, user, roles (3 on every page), then the page's own queries.
PINNED = {
    # program with its pair, mentor and approver; mentees, their people, positions; forms; plan;
    # log; versions; whether a council exists; the logged activities section (records with their
    # items and people, evidence, releases; progress and overdue items come from the plan above).
    # What higher apps put in the page's slots is pinned in those apps (programs/tests/conftest.py).
    ("mentor", "detail"): 14,
    # years for the filter; count (of the bare programs); directions for the filter; rows; mentees;
    # their people; the plan's counts of the page's rows
    ("curator", "list"): 10,
}


def test_detail_query_count_is_pinned(world, client_as, django_assert_num_queries):
    program = own(world, items=30)
    client = client_as("mentor")
    client.get(program.get_absolute_url())
    with django_assert_num_queries(PINNED[("mentor", "detail")]):
        client.get(program.get_absolute_url())


def test_list_query_count_is_pinned(world, client_as, django_assert_num_queries):
    client = client_as("curator")
    for count in (3, 30):  # a page of three programs, then a full page of a longer list
        for _ in range(count):
            program_with_plan(PairingFactory(mentor=MentorFactory(), mentees=[MenteeFactory()]), S.RUNNING)
        client.get(reverse("programs:program-list"))
        with django_assert_num_queries(PINNED[("curator", "list")]):
            client.get(reverse("programs:program-list"))


def test_list_counts_the_plan_of_each_row_on_the_page(world, client_as):
    program_with_plan(world.pairing, S.RUNNING, items=3, done=1)
    page = client_as("curator").get(reverse("programs:program-list")).content.decode()
    assert "выполнено 1 из 3" in page and "найдено: 1" in page


def test_the_pair_page_links_its_program_for_those_who_see_programs(world, client_as):
    program = program_with_plan(world.pairing, S.RUNNING)
    for role in ("mentor", "mentee", "curator", "head"):
        page = client_as(role).get(world.pairing.get_absolute_url()).content.decode()
        assert program.get_absolute_url() in page, role
    page = client_as("admin").get(world.pairing.get_absolute_url()).content.decode()
    assert program.get_absolute_url() not in page
