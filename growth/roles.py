"""Who may do what with growth records and rewards: every set of roles this app checks, in one place.

Growth records (courses, certification, contests, open events, publications, rewards) are personal
data (152-ФЗ). Their readers, decided from the regulation and DOMAIN.md:
- the person themself reads and adds their own (any employee with a staff record, with or without a
  role in mentoring);
- the curator keeps them for everyone (3.4: the personified record of mentors and mentees) — adds,
  edits and confirms;
- the head reads them all (rewards, certification and the annual report are the head's decisions);
- a mentor reads the records of the mentees of his current pairs (fixed or active): the mentor's final
  report recommends courses and describes the mentee's growth; he does not edit them;
- the council and the system administrator read no one's records but their own: the council prepares
  people for contests through programs, not through the personal record; the administrator keeps the
  system running and has no business with the staff's achievements.
"""

from people.roles import Role

# Who reads every person's records.
READERS = frozenset({Role.HEAD, Role.CURATOR})
# Who keeps every person's records: adds them for anyone, edits and confirms them (confirmed at once).
KEEPERS = frozenset({Role.CURATOR})
# Who opens the list of other people's records (a mentor: his current mentees' only).
LIST_ROLES = READERS | {Role.MENTOR}

# Rewarding mentors: the curator proposes and keeps the rewarding rule, the head approves by order.
PROPOSERS = frozenset({Role.CURATOR})
APPROVERS = frozenset({Role.HEAD})
REWARD_ROLES = PROPOSERS | APPROVERS
