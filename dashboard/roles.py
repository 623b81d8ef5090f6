"""Which sections of the home page each role gets: every set of roles the home page checks, in one
place, so that its template asks the view (`sections`) and names no role."""

from mentorship.roles import PROPOSERS
from people.roles import Role
from programs.roles import LOG_OVERSEERS

# The bank's counts: those who run the system.
SUMMARY_READERS = frozenset({Role.HEAD, Role.CURATOR, Role.COUNCIL})
# Every program in work, overdue first: those who oversee the log.
ALL_PROGRAMS = LOG_OVERSEERS
# Mentees waiting for a mentor and pairs returned by the head: those who propose pairs.
PAIR_MAKERS = PROPOSERS
