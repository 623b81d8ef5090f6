"""The council keeps the records of mentors and mentees together with the curator (3.5): on its own
page, only the professional part — a mentor's directions, competencies and note, a mentee's strengths
and note. Personnel data (the person, the category, the consent, the salary, the capacity, being in
the bank) stays with the curator; a mentee's difficulties and request are not the council's to read
in the bank, so not to edit either."""

from decimal import Decimal

import pytest
from django.urls import reverse

from conftest import ROLES, expect
from mentorship.models import Direction

COUNCIL = {"council"}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", ["mentor", "mentee"])
def test_the_professional_page_for_every_role(kind, role, world, client_as):
    record = getattr(world, f"other_{kind}")
    response = client_as(role).get(reverse(f"mentorship:{kind}-professional", args=[record.pk]))
    assert response.status_code == expect(COUNCIL)[role]


def test_a_council_member_edits_a_mentors_professional_fields_only(world, client_as):
    mentor = world.other_mentor
    mentor.salary, mentor.capacity, mentor.consent_given_on = Decimal("30000.00"), 2, None
    mentor.save()
    ict = Direction.objects.get(name="ИКТ")
    client = client_as("council")
    page = client.get(mentor.get_absolute_url()).content.decode()
    assert reverse("mentorship:mentor-professional", args=[mentor.pk]) in page
    assert reverse("mentorship:mentor-update", args=[mentor.pk]) not in page
    response = client.post(
        reverse("mentorship:mentor-professional", args=[mentor.pk]),
        {
            "directions": [ict.pk],
            "competencies": "Интерактивная доска, LEGO-конструирование",
            "note": "Готова вести открытые показы",
            # Whatever else is posted is not the council's and is ignored.
            "salary": "99999",
            "capacity": "9",
            "consent_given_on": "2025-09-01",
            "is_active": "",
        },
    )
    assert response.status_code == 302
    mentor.refresh_from_db()
    assert list(mentor.directions.all()) == [ict]
    assert mentor.competencies == "Интерактивная доска, LEGO-конструирование"
    assert mentor.note == "Готова вести открытые показы"
    assert (mentor.salary, mentor.capacity, mentor.consent_given_on, mentor.is_active) == (
        Decimal("30000.00"),
        2,
        None,
        True,
    )
    assert mentor.history.first().history_user == world.users["council"]


def test_a_council_member_edits_a_mentees_strengths_but_never_sees_her_difficulties(world, client_as):
    mentee = world.other_mentee
    mentee.difficulties, mentee.request = "Не успевает с планированием", "Помочь с конспектами"
    mentee.save()
    client = client_as("council")
    url = reverse("mentorship:mentee-professional", args=[mentee.pk])
    page = client.get(url).content.decode()
    assert "Сильные стороны" in page
    assert "Не успевает с планированием" not in page and "Помочь с конспектами" not in page
    assert "затруднения" not in page.lower().split("<main", 1)[1].split("</form>", 1)[0]
    response = client.post(
        url,
        {"strengths": "Хорошо ладит с родителями", "note": "Просится на конкурс", "difficulties": "", "request": ""},
    )
    assert response.status_code == 302
    mentee.refresh_from_db()
    assert mentee.strengths == "Хорошо ладит с родителями" and mentee.note == "Просится на конкурс"
    assert mentee.difficulties == "Не успевает с планированием" and mentee.request == "Помочь с конспектами"


def test_the_curator_keeps_the_whole_record_and_is_not_offered_the_councils_page(world, client_as):
    page = client_as("curator").get(world.other_mentee.get_absolute_url()).content.decode()
    assert reverse("mentorship:mentee-update", args=[world.other_mentee.pk]) in page
    assert reverse("mentorship:mentee-professional", args=[world.other_mentee.pk]) not in page
