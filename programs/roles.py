"""Who may do what with programs, their log and releases from duty: every set of roles this app uses,
in one place. The moves of a life cycle name their roles in their own tables (`Program.TRANSITIONS`,
`ReleaseRequest.TRANSITIONS`); a mentor or a mentee acts only in their own pair (`services.program.roles_on`).

A program carries the mentee's professional difficulties (152-ФЗ), so no set here names the system
administrator.
"""

from people.roles import Role

# --- programs -----------------------------------------------------------------------------------------

# Who reads every program: the head, the curator and the council that reviews programs.
PROGRAM_READERS = frozenset({Role.HEAD, Role.CURATOR, Role.COUNCIL})
# Roles that may open programs at all (a mentor or a mentee only their own).
PROGRAM_ROLES = PROGRAM_READERS | {Role.MENTOR, Role.MENTEE}
# Who writes a program and its plan: the pair's mentor (with the mentee), the council, the curator (3.5).
CREATOR_ROLES = frozenset({Role.MENTOR, Role.COUNCIL, Role.CURATOR})
# Who writes a program for any pair (not only their own) and starts one from a best practice.
ANY_PAIR_CREATORS = frozenset({Role.CURATOR, Role.COUNCIL})
# Who agrees a program under review: the curator, and a council member on the council's behalf.
AGREERS = frozenset({Role.CURATOR, Role.COUNCIL})
# Marks are put on the plan while the program runs; the pair's mentor and the curator put them.
MARKERS = frozenset({Role.MENTOR, Role.CURATOR})
# Who closes a running program with the final assessment and the conclusion (Program.TRANSITIONS).
COMPLETERS = frozenset({Role.CURATOR})
# Who marks a completed program as a best practice of the bank (3.4).
BEST_PRACTICE_KEEPERS = frozenset({Role.CURATOR})

# --- the log ------------------------------------------------------------------------------------------

# Who sees the log of every program on the home page; a mentor or a mentee sees their own.
LOG_OVERSEERS = frozenset({Role.HEAD, Role.CURATOR})
# Evidence files of every program: those running the programs, not the council.
EVIDENCE_READERS = frozenset({Role.HEAD, Role.CURATOR})
# Who may open evidence files at all (a mentor or a mentee only those of their own program).
EVIDENCE_ROLES = EVIDENCE_READERS | {Role.MENTOR, Role.MENTEE}
# Who records activities of their program and one-off meetings.
LOGGERS = frozenset({Role.MENTOR})
# Who confirms or comments on a record of their program.
RESPONDERS = frozenset({Role.MENTEE})
# Who reads one-off meetings: the head and the curator all of them, a mentor their own.
MEETING_ROLES = LOG_OVERSEERS | LOGGERS

# --- release from duty (1.4) -----------------------------------------------------------------------

# A program's participants, in their own pair only: they follow its log on the home page, ask to be
# released for its events and withdraw the request.
PARTICIPANTS = frozenset({Role.MENTOR, Role.MENTEE})
# Who decides or follows requests for release from duty: the head decides, the curator plans.
RELEASE_OVERSEERS = frozenset({Role.HEAD, Role.CURATOR})
# Who decides (ReleaseRequest.TRANSITIONS names the same role for the decisions).
RELEASE_DECIDERS = frozenset({Role.HEAD})
# Who may open the list of requests (a participant only those of their own programs).
RELEASE_ROLES = RELEASE_OVERSEERS | PARTICIPANTS
