"""Who may do what with the council's meetings: every set of roles this app checks, in one place.

The council's protocols are its own documents (3.5), read by its members, the curator and the head
(the head approves what the council agrees). Meetings are scheduled and their protocols kept and
signed by the chair of the council — a member with the chair's flag in the approved composition, not
a role of its own — or by the curator, who works together with the council (3.4, 3.5). The system
administrator has no business with them: the agenda names programs, which carry personal data.
"""

from mentorship.models import CouncilMembership
from people.roles import Role, person_of, roles_of

# Who reads the meetings and their protocols.
READERS = frozenset({Role.HEAD, Role.CURATOR, Role.COUNCIL})
# Who may keep them: the curator, and the council's chair (checked by `keeps_meetings`).
KEEPER_ROLES = frozenset({Role.CURATOR, Role.COUNCIL})
# Program reviews: the chair assigns them (checked by `is_chair`), a member writes the ones assigned.
REVIEWER_ROLES = frozenset({Role.COUNCIL})


def is_chair(user) -> bool:
    """The user is the chair of the council in its approved composition (asked once per request)."""
    person = person_of(user)
    if person is None or Role.COUNCIL not in roles_of(user):
        return False
    cached = getattr(user, "_council_chair", None)
    if cached is None:
        cached = user._council_chair = CouncilMembership.objects.filter(
            person=person, status=CouncilMembership.Status.MEMBER, is_chair=True
        ).exists()
    return cached


def keeps_meetings(user) -> bool:
    """The curator or the chair: schedules meetings, records the protocol and signs it."""
    return Role.CURATOR in roles_of(user) or is_chair(user)


# Mediation (3.5): a side of a pair writes an appeal; its readers are decided per appeal by
# council.selectors.appeals_for — the curator, the chair, the members the chair names, the author. The
# head is not among them: the head acts on the council's decision, read in the protocol.
APPEAL_AUTHORS = frozenset({Role.MENTOR, Role.MENTEE})
APPEAL_READERS = frozenset({Role.CURATOR, Role.COUNCIL, Role.MENTOR, Role.MENTEE})
