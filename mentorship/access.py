"""Record-level rules of mentorship on top of the permission layer (people.access)."""

from people.roles import Role, person_of, roles_of

from .roles import DIFFICULTY_READERS


def can_see_mentee_difficulties(user, mentee) -> bool:
    """Difficulties and the request: the mentee, their current mentor, the curator and the head.

    Council members see them in the programs they review (programs); the system administrator
    never does.
    """
    roles = roles_of(user)
    if roles & DIFFICULTY_READERS:
        return True
    person = person_of(user)
    if person is None:
        return False
    if mentee.person_id == person.pk:
        return True
    return Role.MENTOR in roles and mentee.pairings.current().filter(mentor__person=person).exists()
