"""An id no integer column holds, in a list of ids (core.lookups): no row, on either database."""

import pytest

from mentorship.models import Direction
from people.models import Person
from people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

TOO_BIG = 99_999_999_999_999_999_999


def test_an_id_past_every_column_in_a_list_matches_nothing_and_keeps_the_others():
    person = PersonFactory()
    assert list(Person.objects.filter(pk__in=[TOO_BIG])) == []
    assert list(Person.objects.filter(pk__in=[TOO_BIG, person.pk, -TOO_BIG])) == [person]
    assert list(Person.objects.exclude(pk__in=[TOO_BIG])) == [person]


def test_a_form_offering_several_records_refuses_such_an_id_in_russian():
    from mentorship.forms import MentorForm

    direction = Direction.objects.filter(is_active=True).first()
    form = MentorForm(data={"directions": [str(TOO_BIG), str(direction.pk)]})
    assert not form.is_valid()
    assert "directions" in form.errors
