import pytest

from people.roles import Role, roles_of


@pytest.mark.parametrize(
    ("username", "expected"),
    [
        ("head", {Role.HEAD}),
        ("curator", {Role.CURATOR}),
        ("council", {Role.COUNCIL}),
        ("mentor", {Role.MENTOR}),
        ("mentee", {Role.MENTEE}),
        ("admin", {Role.ADMIN}),
        ("norole", set()),
    ],
)
def test_roles_follow_from_records(world, username, expected):
    assert roles_of(world.users[username]) == expected


def test_a_person_holds_several_roles(world):
    from mentorship.tests.factories import MentorFactory

    MentorFactory(person=world.person("council"))
    assert roles_of(world.users["council"]) == {Role.COUNCIL, Role.MENTOR}


def test_a_person_who_left_holds_no_role(world):
    from datetime import date

    person = world.person("mentor")
    person.status = person.Status.LEFT
    person.left_on = date(2026, 10, 1)
    person.save()
    user = type(world.users["mentor"]).objects.get(pk=world.users["mentor"].pk)
    assert roles_of(user) == set()


def test_roles_are_computed_in_one_query(world, django_assert_num_queries):
    user = type(world.users["curator"]).objects.get(username="curator")
    with django_assert_num_queries(1):
        roles_of(user)
        roles_of(user)
