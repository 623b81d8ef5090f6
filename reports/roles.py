"""Who may do what with monitoring and the annual analytic report. The council and the system
administrator read figures, never the names behind them; the administrator exports the approved
report (one of the four things the product exists for)."""

from people.roles import Role

# Who opens the monitoring page and the annual reports' figures.
READERS = frozenset({Role.HEAD, Role.CURATOR, Role.COUNCIL, Role.ADMIN})
# Who sees the people behind each number.
NAME_READERS = frozenset({Role.HEAD, Role.CURATOR})
# Who writes the report's texts and sends it to the head (3.4).
WRITERS = frozenset({Role.CURATOR})
# Who approves or returns it (the moves in AnnualReport.TRANSITIONS name the same roles).
APPROVERS = frozenset({Role.HEAD})
