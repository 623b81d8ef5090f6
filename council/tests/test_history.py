"""The history pages of a meeting (with its agenda) and of a program review: opened by exactly those
who open the meeting's or the review's page, the changes told in words, a draft review's text kept
from everyone but its reviewer, and a cost in queries that does not grow with the history; who
attended a meeting too, also for the meetings recorded before it was kept."""

from datetime import date
from importlib import import_module

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import reverse

from conftest import ROLES, expect, page_text, queries_of
from council.models import AgendaItem, Meeting
from council.services import agenda_item_save, meeting_sign, meeting_update, review_save, review_send, reviews_assign
from mentorship.models import CouncilMembership
from mentorship.tests.factories import PersonFactory, UserFactory

from .conftest import MEETING_DAY

READERS = {"head", "curator", "council"}


def meeting_history(meeting) -> str:
    return reverse("council:meeting-history", args=[meeting.pk])


def review_history(review) -> str:
    return reverse("council:review-history", args=[review.pk])


@pytest.fixture
def review(world, member, program):
    """A draft by «member», assigned by the chair («council»)."""
    review = reviews_assign(program=program, reviewers=[member], actor=world.users["council"]).obj[0]
    review_save(review=review, text="Черновик: цели размыты", actor=world.users["member"])
    return review


@pytest.fixture
def other_member(world):
    """A member of the council who neither chairs nor reviews."""
    person = PersonFactory(user=UserFactory(username="other_member"), last_name="Лебедева", first_name="Ольга")
    CouncilMembership.objects.create(person=person, status="member", joined_on=date(2025, 9, 1))
    return person.user


# --- who opens them -------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_meeting_history_for_every_role(client_as, meeting, role):
    statuses = expect(READERS)
    response = client_as(role).get(meeting_history(meeting))
    assert response.status_code == statuses[role]
    if role == "anonymous":
        assert response["Location"].startswith(reverse(settings.LOGIN_URL))


@pytest.mark.parametrize("role", ROLES)
def test_the_meeting_history_opens_for_whoever_opens_the_meeting(client_as, meeting, role):
    client = client_as(role)
    assert client.get(meeting_history(meeting)).status_code == client.get(meeting.get_absolute_url()).status_code


@pytest.mark.parametrize("role", ROLES)
def test_review_history_for_every_role(client_as, review, role):
    # The chair («council») reads a draft's page, so its history too.
    statuses = expect(READERS)
    response = client_as(role).get(review_history(review))
    assert response.status_code == statuses[role]
    if role == "anonymous":
        assert response["Location"].startswith(reverse(settings.LOGIN_URL))


@pytest.mark.parametrize("role", ROLES)
def test_the_review_history_opens_for_whoever_opens_the_review(client_as, review, role):
    client = client_as(role)
    assert client.get(review_history(review)).status_code == client.get(review.get_absolute_url()).status_code


def test_the_reviewer_and_the_members_read_the_history_of_a_member_only_as_the_page(
    client, world, review, other_member
):
    client.force_login(world.users["member"])
    assert client.get(review_history(review)).status_code == 200
    client.force_login(other_member)
    # Another member's draft is not hers to see: 404, as its page.
    assert client.get(review.get_absolute_url()).status_code == 404
    assert client.get(review_history(review)).status_code == 404
    review_send(review=review, actor=world.users["member"])
    # Sent, it goes to the meeting: every member reads it and its history.
    assert client.get(review_history(review)).status_code == 200


def test_a_member_without_the_chairs_flag_reads_the_meeting_history(client, world, meeting):
    client.force_login(world.users["member"])
    assert client.get(meeting_history(meeting)).status_code == 200


def test_a_meeting_that_does_not_exist_has_no_history(client_as, meeting):
    assert client_as("head").get(reverse("council:meeting-history", args=[meeting.pk + 100])).status_code == 404


# --- what they tell -------------------------------------------------------------------------------


def test_the_pages_link_to_their_histories(client_as, meeting, review):
    assert meeting_history(meeting) in page_text(client_as("head"), meeting.get_absolute_url())
    assert review_history(review) in page_text(client_as("curator"), review.get_absolute_url())


def test_the_meeting_history_tells_its_agenda_and_signing_in_words(client_as, world, meeting, member, chair):
    meeting_update(
        meeting=meeting,
        date=MEETING_DAY,
        place="Музыкальный зал",
        secretary=member,
        attendees=[chair, member],
        actor=world.users["curator"],
    )
    item = meeting.items.get()
    item.decided = "Согласовать программу с замечаниями рецензента"
    agenda_item_save(item=item, actor=world.users["council"])
    meeting_sign(meeting=meeting, actor=world.users["council"])

    text = page_text(client_as("head"), meeting_history(meeting))
    assert "место проведения «Методический кабинет» → «Музыкальный зал»" in text
    assert "Повестка: вопрос 1 «О согласовании программы наставничества»" in text
    assert "Решили «Согласовать программу» → «Согласовать программу с замечаниями рецензента»" in text
    assert "состояние «Запланировано» → «Протокол подписан»" in text
    assert "номер протокола: «1»" in text
    assert "Морозова И.И., " in text and "Волкова Н.И., " in text


def test_the_review_history_keeps_a_drafts_text_from_all_but_its_reviewer(client, client_as, world, review):
    review_save(review=review, text="Цели конкретны, план реалистичен", actor=world.users["member"])
    review_send(review=review, actor=world.users["member"])

    client.force_login(world.users["member"])
    own = page_text(client, review_history(review))
    assert "текст рецензии «Черновик: цели размыты» → «Цели конкретны, план реалистичен»" in own
    assert "состояние «Пишется» → «Отправлена»" in own

    for role in ("council", "curator", "head"):
        text = page_text(client_as(role), review_history(review))
        assert "текст рецензии: скрыто" in text, role
        assert "Черновик" not in text and "Цели конкретны" not in text, role
        assert "состояние «Пишется» → «Отправлена»" in text and "Орлова М.И., " in text, role
        # Who assigned it: the chair.
        assert "создание" in text and "Волкова Н.И., " in text, role


def test_a_change_of_who_attended_reads_with_who_and_when(client_as, world, meeting, member, chair):
    meeting_update(
        meeting=meeting,
        date=MEETING_DAY,
        place="Музыкальный зал",
        secretary=member,
        attendees=[chair],
        actor=world.users["curator"],
    )
    text = page_text(client_as("council"), meeting_history(meeting))
    # The correction is one entry, newest first: who made it, who attended and the place together.
    correction = text.split('class="history-entry')[1]
    assert "Морозова И.И., " in correction
    assert (
        "присутствовали «Волкова Наталья Ивановна, Орлова Марина Ивановна» → «Волкова Наталья Ивановна»"
    ) in correction
    assert "место проведения «Методический кабинет» → «Музыкальный зал»" in correction


def test_meetings_recorded_before_their_attendees_were_kept_read_without_a_false_change(
    client_as, world, meeting, member, chair
):
    kept = Meeting.history.model.__dict__[Meeting.history.model._history_m2m_fields[0].name].model
    kept.objects.all().delete()  # as before the migration that began keeping them
    import_module("council.migrations.0005_meeting_attendees_known_so_far").fill_in(apps, None)
    meeting_update(
        meeting=meeting,
        date=MEETING_DAY,
        place="Музыкальный зал",
        secretary=member,
        attendees=[chair, member],
        actor=world.users["curator"],
    )
    text = page_text(client_as("head"), meeting_history(meeting))
    # Known from the meeting as it is now, they read as there from the start (its creation's row), not
    # as marked present by the first edit after the migration.
    assert text.count("присутствовали") == 1
    assert "присутствовали: «Волкова Наталья Ивановна, Орлова Марина Ивановна»" in text.rsplit("создание", 1)[1]


# --- what they cost -------------------------------------------------------------------------------


def test_the_meeting_history_costs_the_same_however_long(client_as, world, meeting, member, chair):
    url = meeting_history(meeting)
    client = client_as("curator")
    few = queries_of(client, url)
    for n in range(3):
        AgendaItem.objects.create(meeting=meeting, position=n + 2, title=f"Отчёт № {n}", kind="report")
    for item in meeting.items.all():
        item.decided = "Принять к сведению"
        agenda_item_save(item=item, actor=world.users["council"])
    for place in ("Зал", "Кабинет"):
        meeting_update(
            meeting=meeting,
            date=MEETING_DAY,
            place=place,
            secretary=chair,
            attendees=[chair],
            actor=world.users["curator"],
        )
    # Session, user, roles, the meeting; its rows with their authors and who attended at each row, its
    # agenda's rows with their authors; the names of the secretary and the attendees (one query, both
    # members of the council), the users, and the program on the agenda (its pair's mentees and their
    # persons).
    assert few == 12
    assert queries_of(client, url) == few
    assert "Отчёт № 2" in page_text(client, url)


def test_the_review_history_costs_the_same_however_long(client, client_as, world, review):
    url = review_history(review)
    client = client_as("council")
    few = queries_of(client, url)
    for n in range(4):
        review_save(review=review, text=f"Редакция {n}", actor=world.users["member"])
    review_send(review=review, actor=world.users["member"])
    # Session, user, roles, the chair's flag, the review (its pair's mentees and their persons, for
    # the title); its rows with their authors; the names of the program (with its pair's mentees and
    # their persons), the reviewer and the users.
    assert few == 13
    assert queries_of(client, url) == few
