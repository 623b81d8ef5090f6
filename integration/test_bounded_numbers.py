"""A number typed into a form fits the column on every database: SQLite would store 2,147,483,648
in a small integer column that PostgreSQL refuses, and a SQLite backup would then not restore into
PostgreSQL. Such a number is refused in the form (core.forms.StyledModelForm), the record unchanged."""

import pytest
from django.urls import reverse

from mentorship.models import Mentor
from people.models import Organization
from records.models import OrderJournal


@pytest.mark.parametrize("number", ["32768", "2147483648", "99999999999999999999"])
def test_numbers_past_the_column_are_refused_and_nothing_changes(world, client_as, number):
    own = Organization.own()
    response = client_as("head").post(
        reverse("people:organization-settings"),
        {
            "full_name": own.full_name,
            "short_name": own.short_name,
            "head": own.head_id,
            "mentor_capacity": number,
            "mentor_min_experience_years": "5",
            "mentor_pay_rule": "none",
        },
    )
    assert response.status_code == 200 and "Убедитесь, что это значение" in response.content.decode()
    own.refresh_from_db()
    assert own.mentor_capacity == 2

    mentor = world.mentor
    response = client_as("curator").post(
        reverse("mentorship:mentor-update", args=[mentor.pk]), {"capacity": number, "is_active": "on"}
    )
    assert response.status_code == 200
    assert Mentor.objects.get(pk=mentor.pk).capacity is None

    if int(number) > 2**31 - 1:  # the journal's number is a whole integer column
        response = client_as("head").post(reverse("records:order-journal"), {"next_number": number, "suffix": "-ОД"})
        assert response.status_code == 200
        assert not OrderJournal.objects.exists()
