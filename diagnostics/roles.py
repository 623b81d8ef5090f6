"""Who may do what with the diagnostics. A diagnostic is as sensitive as the program's difficulties,
so it is read by exactly those who read the program (programs.roles.PROGRAM_ROLES, scoped by
programs.selectors.programs_for) — never by the system administrator."""

from people.roles import Role
from programs.roles import CREATOR_ROLES, PROGRAM_ROLES

# Who opens a program's diagnostics (a mentor or a mentee only of their own pair).
READERS = PROGRAM_ROLES
# Who fills one: the mentee rates herself, the pair's mentor rates each mentee.
RATERS = frozenset({Role.MENTOR, Role.MENTEE})
# Who adds suggested activities to the plan and carries the start diagnostics into the program's
# difficulties: those who write the program (programs' own rule).
PLAN_WRITERS = CREATOR_ROLES
# Who extends the competencies and their typical activities (reference lists; the issue names both).
KEEPERS = frozenset({Role.CURATOR, Role.COUNCIL})
