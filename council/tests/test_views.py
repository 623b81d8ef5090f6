"""Every page of the council's meetings for every role, and what the pages do. The meetings and their
protocols are read by the council, the curator and the head; the curator and the chair of the council
keep them; a member without the chair's flag only reads; a signed protocol is never edited."""

import pytest
from django.urls import reverse

from conftest import ROLES, expect
from council.models import AgendaItem, Meeting
from programs.models import Program

from .conftest import MEETING_DAY, held_meeting

READERS = {"head", "curator", "council"}
KEEPERS = {"curator", "council"}

GET_PAGES = [
    ("list", lambda m: reverse("council:meeting-list"), expect(READERS)),
    ("create", lambda m: reverse("council:meeting-create"), expect(KEEPERS)),
    ("detail", lambda m: m.get_absolute_url(), expect(READERS)),
    ("update", lambda m: reverse("council:meeting-update", args=[m.pk]), expect(KEEPERS)),
    ("item-create", lambda m: reverse("council:item-create", args=[m.pk]), expect(KEEPERS)),
    ("item-update", lambda m: reverse("council:item-update", args=[m.items.get().pk]), expect(KEEPERS)),
    # GET of an action shows the page that asks first.
    ("item-delete", lambda m: reverse("council:item-delete", args=[m.items.get().pk]), expect(KEEPERS)),
    ("sign", lambda m: reverse("council:meeting-sign", args=[m.pk]), expect(KEEPERS)),
    ("pdf", lambda m: reverse("council:meeting-pdf", args=[m.pk]), expect(READERS)),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "url", "statuses"), GET_PAGES, ids=[page[0] for page in GET_PAGES])
def test_pages_for_every_role(client_as, meeting, role, name, url, statuses):
    response = client_as(role).get(url(meeting))
    assert response.status_code == statuses[role], (name, role)


MEMBER_PAGES = {"list": 200, "detail": 200, "pdf": 200, "create": 403, "update": 403, "item-create": 403, "sign": 403}


@pytest.mark.parametrize(("name", "status"), MEMBER_PAGES.items())
def test_member_without_chair_flag_reads_but_does_not_keep(client, world, meeting, name, status):
    url = {page[0]: page[1] for page in GET_PAGES}[name]
    client.force_login(world.users["member"])
    assert client.get(url(meeting)).status_code == status


def test_member_cannot_sign(client, world, meeting):
    client.force_login(world.users["member"])
    response = client.post(reverse("council:meeting-sign", args=[meeting.pk]), {"confirmed": "1"})
    assert response.status_code == 403
    meeting.refresh_from_db()
    assert meeting.number is None


def test_chair_schedules_a_meeting(client_as, world):
    response = client_as("council").post(
        reverse("council:meeting-create"), {"date": "2026-12-10", "place": "Музыкальный зал"}
    )
    meeting = Meeting.objects.get()
    assert response.url == meeting.get_absolute_url()
    assert meeting.place == "Музыкальный зал" and meeting.status == "scheduled"
    assert meeting.created_by == world.users["council"]


def test_curator_records_attendance_and_an_item(client_as, member, chair, program):
    client = client_as("curator")
    client.post(reverse("council:meeting-create"), {"date": "2026-11-20", "place": "Кабинет"})
    meeting = Meeting.objects.get()
    response = client.post(
        reverse("council:meeting-update", args=[meeting.pk]),
        {"date": "2026-11-20", "place": "Кабинет", "secretary": member.pk, "attendees": [chair.pk, member.pk]},
    )
    assert response.status_code == 302
    assert set(meeting.attendees.all()) == {chair, member}
    response = client.post(
        reverse("council:item-create", args=[meeting.pk]),
        {
            "kind": "program",
            "title": "О программе",
            "program": program.pk,
            "decided": "Согласовать",
            "votes_for": 2,
            "votes_against": 0,
            "votes_abstained": 0,
            "agrees_program": "on",
        },
    )
    assert response.status_code == 302
    item = meeting.items.get()
    assert item.position == 1 and item.program == program and item.agrees_program
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Кворум есть" in page and "Присутствовали: 2 из 2" in page


def test_a_program_item_needs_its_program(client_as, meeting):
    response = client_as("council").post(
        reverse("council:item-create", args=[meeting.pk]), {"kind": "program", "title": "О программе"}
    )
    assert response.status_code == 200
    assert "Выберите программу" in response.content.decode()
    assert meeting.items.count() == 1


def test_removing_an_item_renumbers_the_rest(client_as, meeting):
    second = AgendaItem.objects.create(meeting=meeting, position=2, title="Разное", decided="Принять к сведению")
    first = meeting.items.get(position=1)
    client_as("curator").post(reverse("council:item-delete", args=[first.pk]), {"confirmed": "1"})
    second.refresh_from_db()
    assert list(meeting.items.all()) == [second] and second.position == 1


def test_signing_numbers_freezes_and_agrees_the_program(client_as, meeting, program):
    client = client_as("council")
    response = client.post(reverse("council:meeting-sign", args=[meeting.pk]), {"confirmed": "1"})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == "signed" and meeting.number == 1 and meeting.academic_year == 2026
    assert meeting.pdf and "Волкова" in meeting.chair_name and "Орлова" in meeting.secretary_name
    program.refresh_from_db()
    assert program.council_agreed_at is not None
    # The signed protocol's pages that change it are gone.
    for name in ("council:meeting-update", "council:item-create", "council:meeting-sign"):
        assert client.get(reverse(name, args=[meeting.pk])).status_code == 404
    item = meeting.items.get()
    assert client.get(reverse("council:item-update", args=[item.pk])).status_code == 404
    assert client.post(reverse("council:item-delete", args=[item.pk]), {"confirmed": "1"}).status_code == 404


def test_the_program_shows_the_protocol_in_its_agreement(client_as, meeting, program):
    client_as("curator").post(reverse("council:meeting-sign", args=[meeting.pk]), {"confirmed": "1"})
    page = client_as("head").get(program.get_absolute_url()).content.decode()
    assert f"протокол заседания МО от {MEETING_DAY:%d.%m.%Y} № 1" in page


def test_signing_without_quorum_is_refused(client_as, world, meeting, chair):
    meeting.attendees.set([chair])  # 1 of 2: more than half is 2
    response = client_as("council").post(
        reverse("council:meeting-sign", args=[meeting.pk]), {"confirmed": "1"}, follow=True
    )
    assert "Нет кворума" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.number is None and meeting.status == "scheduled"
    assert Program.objects.get().council_agreed_at is None


def test_signed_protocol_pdf_is_the_stored_one(client_as, meeting):
    client = client_as("curator")
    client.post(reverse("council:meeting-sign", args=[meeting.pk]), {"confirmed": "1"})
    meeting.refresh_from_db()
    stored = meeting.pdf.read()
    response = client_as("head").get(reverse("council:meeting-pdf", args=[meeting.pk]))
    assert b"".join(response.streaming_content) == stored


def test_meeting_list_queries_are_pinned(client_as, world, member, chair, django_assert_num_queries):
    for _ in range(3):
        held_meeting(world, [chair, member])
    client = client_as("head")
    client.get(reverse("council:meeting-list"))
    # The session, the user, the roles, the chair's flag, the count and the page of meetings with
    # their counts: as many for six meetings as for three.
    with django_assert_num_queries(6) as first:
        client.get(reverse("council:meeting-list"))
    for _ in range(3):
        held_meeting(world, [chair, member])
    with django_assert_num_queries(len(first.captured_queries)):
        response = client.get(reverse("council:meeting-list"))
    assert len(response.context["meetings"]) == 6


@pytest.mark.parametrize(("role", "shown"), [("council", True), ("curator", True), ("head", True), ("mentor", False)])
def test_the_menu_offers_the_meetings_to_their_readers(client_as, role, shown):
    page = client_as(role).get("/").content.decode()
    assert (f'href="{reverse("council:meeting-list")}"' in page) is shown
    assert ("Заседания МО" in page) is shown
