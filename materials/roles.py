"""Who may do what with the methodological materials: every set of roles this app checks, in one place.

Decided from the regulation (3.5: the methodological council gives methodological support to the forms
of mentoring) and DOMAIN.md:
- the council's members and the curator publish, correct and withdraw materials: the council prepares
  them, the curator organizes the mentoring and often brings the typical programs herself;
- the head reads every material, withdrawn ones too (she answers for the mentoring as a whole);
- a mentor reads the published materials addressed to mentors or to everyone, a mentee those addressed
  to mentees or to everyone; a withdrawn material is no longer theirs to read;
- the system administrator keeps the system running and reads none of them: the library is the
  teachers' working material, not his business.
"""

from people.roles import Role

PUBLISHERS = frozenset({Role.COUNCIL, Role.CURATOR})
# Who reads every material, withdrawn ones included.
OVERSEERS = PUBLISHERS | {Role.HEAD}
# Who opens the library at all (a mentor and a mentee: the materials of their audience).
READERS = OVERSEERS | {Role.MENTOR, Role.MENTEE}
