"""Who reads a mentor's portfolio: every set of roles this app checks, in one place.

The portfolio gathers what the records already say about one mentor, for her certification as
«педагог-наставник». Its readers, as decided for the issue:
- the mentor herself, her own portfolio only (another mentor's is a 404, as any record out of scope);
- the curator (keeps the bank and the personified record, 3.4) and the head (certification and rewards
  are the head's decisions): any mentor's;
- a mentee, the council and the system administrator: none (403). The portfolio names the mentees and
  their later achievements; the council reviews programs, not people's records, and the administrator
  keeps the system running.
"""

from people.roles import Role

# Who reads every mentor's portfolio.
READERS = frozenset({Role.HEAD, Role.CURATOR})
# Who reads her own.
OWNERS = frozenset({Role.MENTOR})
# Who may open a portfolio at all (a mentor only her own).
PORTFOLIO_ROLES = READERS | OWNERS

# The mentees' answers about this mentor are averaged only over at least this many mentees: with
# fewer, the mentor could work out one person's answer (issue: «a single answer must never be inferable»).
MIN_RESPONDENTS = 3
