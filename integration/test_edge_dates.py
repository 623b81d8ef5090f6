"""Dates at the edges of what a browser's date picker accepts (0001-01-01, 9999-12-31) are refused
with a Russian message on every form that takes a date, never a 500 (core.forms.validate_sane_date)."""

import pytest
from django.urls import reverse

from mentorship.models import Direction, MentoringForm
from mentorship.tests.factories import MenteeFactory, MentorFactory
from people.models import Organization, Person

EDGES = ["9999-12-31", "0001-01-01"]


def posts(world, day):
    """(role, url, data) of the forms where a date starts month arithmetic."""
    mentor, mentee = MentorFactory(), MenteeFactory()
    pair = {
        "mentor": mentor.pk,
        "mentees": [mentee.pk],
        "direction": Direction.objects.first().pk,
        "forms": [MentoringForm.objects.filter(needs_group=False, is_one_off=False).first().pk],
    }
    person = {
        "last_name": "Иванова",
        "first_name": "Анна",
        "organization": Organization.own().pk,
        "position": Person.objects.first().position_id,
        "qualification_category": "none",
        "status": "working",
    }
    pairing = world.pairing.pk
    return [
        ("curator", reverse("people:person-create"), {**person, "hired_on": day, "position_since": day}),
        ("curator", reverse("people:person-create"), {**person, "experience_years": 1, "experience_on": day}),
        ("curator", reverse("mentorship:pairing-create"), {**pair, "starts_on": day, "planned_end_on": day}),
        ("curator", reverse("mentorship:pairing-create"), {**pair, "starts_on": "2026-09-01", "planned_end_on": day}),
        ("head", reverse("mentorship:pairing-extend", args=[pairing]), {"new_end_on": day, "agreed_on": day}),
        (
            "head",
            reverse("mentorship:pairing-terminate", args=[pairing]),
            {"initiator": "mentor", "reason": "x", "notice_on": day, "ends_on": day},
        ),
        (
            "curator",
            reverse("programs:program-create", args=[pairing]),
            {"starts_on": day, "ends_on": day, "goal": "x", "tasks": "x", "expected_results": "x"},
        ),
    ]


@pytest.mark.parametrize("day", EDGES)
def test_an_edge_date_is_refused_in_russian_and_never_a_500(world, client_as, settings, tmp_path, day):
    settings.MEDIA_ROOT = tmp_path
    for role, url, data in posts(world, day):
        response = client_as(role).post(url, data)
        assert response.status_code == 200, (url, data, response.status_code)
        assert "Проверьте дату: допустимы даты с 01.01.1900 по 31.12.2100." in response.content.decode(), url
