"""Mentorship's roles and who may do what with its records.

The roles themselves (people.roles.Role) follow from records: this app registers the rules for the
curator (the current appointment), the council (its composition) and the banks (mentor, mentee), so
that `roles_of(user)` still computes every role in one query.
"""

from django.db.models import Exists

from people.roles import HISTORY_READERS, STAFF_KEEPERS, STAFF_READERS, Role, register_rule

# Who may open the bank (lists and cards of people, mentors, mentees).
BANK_READERS = STAFF_READERS
# The curator keeps the bank together with the system administrator (3.4).
BANK_KEEPERS = STAFF_KEEPERS
# The council keeps the records of mentors and mentees together with the curator (3.5), on its own
# page: only their professional part — a mentor's directions and competencies, a mentee's strengths,
# the note (MentorProfessionalForm, MenteeProfessionalForm). Personnel data stays with the curator: the
# person, the mentee's category, the consent and its scan, the salary, being in the bank; so does the
# capacity (the limit of the mentor's load: an organizational decision, not a methodological one). A
# mentee's difficulties and request neither: her consent opens them to the members who review her
# program, not to the whole council.
PROFESSIONAL_KEEPERS = frozenset({Role.COUNCIL})
# A mentor opens their own card and their mentees'; a mentee their own and their mentor's.
MENTOR_CARD_READERS = BANK_READERS | {Role.MENTOR, Role.MENTEE}
# Pairs: proposed by the curator or a council member (3.5); read by the bank's readers and the pair.
PROPOSERS = frozenset({Role.CURATOR, Role.COUNCIL})
PAIR_READERS = BANK_READERS | {Role.MENTOR, Role.MENTEE}
# Difficulties and the request: the mentee, their current mentor, the curator and the head.
DIFFICULTY_READERS = frozenset({Role.CURATOR, Role.HEAD})
# Pay terms are the employee's personal data: the head, the curator and the administrator keep
# them; a mentor sees their own; colleagues and mentees do not.
PAY_READERS = HISTORY_READERS
AGREEMENT_READERS = PAY_READERS | {Role.MENTOR}
# Who fills in an agreement's requisites (the clerk's work) and who records a partner's agreement.
AGREEMENT_CLERKS = frozenset({Role.HEAD, Role.CURATOR, Role.ADMIN})
COOPERATION_RECORDERS = frozenset({Role.HEAD, Role.CURATOR})
# A participant's printed consent form: the bank's readers and the pair itself.
CONSENT_FORM_READERS = BANK_READERS | {Role.MENTOR, Role.MENTEE}
# The register of pairs and groups on a date: whoever reads every pair (the bank's readers). It prints
# the orders' and agreements' requisites, not the pay.
REGISTER_READERS = BANK_READERS
# A printable consent to distribute personal data (152-ФЗ ст. 10.1), prefilled from the bank and the
# recorded publication consents: whoever reads those consents' scans (the bank's readers).
PUBLICATION_FORM_READERS = BANK_READERS
# The head decides: approves pairs and the council, appoints the curator, signs pair orders.
DECIDERS = frozenset({Role.HEAD})
# The organization's requisites and mentoring settings.
SETTINGS_KEEPERS = frozenset({Role.HEAD, Role.ADMIN})
# The curator's yearly refresh of who needs a mentor (3.4).
REFRESHERS = frozenset({Role.CURATOR, Role.ADMIN})
# Who proposes a member of the council (3.4).
COUNCIL_PROPOSERS = frozenset({Role.CURATOR})


def register_rules() -> None:
    """Called from the app config: how each of mentorship's roles follows from its records."""
    from .models import CouncilMembership, CuratorAppointment, Mentee, Mentor

    register_rule(
        Role.CURATOR, lambda person: Exists(CuratorAppointment.objects.filter(person=person, ended_on__isnull=True))
    )
    register_rule(
        Role.COUNCIL,
        lambda person: Exists(CouncilMembership.objects.filter(person=person, status=CouncilMembership.Status.MEMBER)),
    )
    register_rule(Role.MENTOR, lambda person: Exists(Mentor.objects.filter(person=person, is_active=True)))
    register_rule(Role.MENTEE, lambda person: Exists(Mentee.objects.filter(person=person, is_active=True)))


# The regulation on mentoring: every employee with a login reads it (the rules they work by, ТК РФ
# ст. 22); the head, the curator and the administrator keep its text until an order adopts it.
REGULATION_KEEPERS = frozenset({Role.HEAD, Role.CURATOR, Role.ADMIN})
