"""Who may do what with the reports that close a program. A report tells of the mentee's difficulties
and growth, so it is read by exactly those who read the program (programs.roles.PROGRAM_ROLES, scoped
by programs.selectors.programs_for) once sent, by its author alone while a draft, and never by the
system administrator."""

from people.roles import Role
from programs.roles import PROGRAM_ROLES

# Who opens a sent report (a mentor or a mentee only of their own pair).
READERS = PROGRAM_ROLES
# Who writes one: the pair's mentor her report, each mentee her own.
WRITERS = frozenset({Role.MENTOR, Role.MENTEE})
# Who returns a sent report to its author with a comment, while the program is open.
RETURNERS = frozenset({Role.CURATOR})
