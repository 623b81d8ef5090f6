"""Who may do what with the roadmap: every set of roles the app checks, in one place (the table of
moves in `Roadmap.TRANSITIONS`, the services, the views and the selectors all read them from here)."""

from people.roles import Role

# Who reads the roadmap: the head approves it, the curator drafts it, the council takes part in
# the work (3.5) and the system administrator publishes it on the website. Mentors and mentees
# see it there, on the website, like everyone else.
READERS = frozenset({Role.HEAD, Role.CURATOR, Role.COUNCIL, Role.ADMIN})
# The curator drafts the roadmap, sends it to the head and, once it is approved, marks its
# execution (3.4 of the regulation).
DRAFTERS = frozenset({Role.CURATOR})
# The head approves it by order or returns it with a comment (3.3).
APPROVERS = frozenset({Role.HEAD})
# Who presses a button of the life cycle on the roadmap's page.
MOVERS = DRAFTERS | APPROVERS
# Whose home page tells about this year's roadmap and its deadlines.
HOME_READERS = DRAFTERS | APPROVERS
