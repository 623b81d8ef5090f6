"""Who may do what with orders."""

from people.roles import STAFF_READERS, Role

# The register of orders: the staff registry's readers; a mentor or a mentee reads the orders
# about them (the issuing apps register that audience: records.selectors.register_audience).
ORDER_READERS = STAFF_READERS | {Role.MENTOR, Role.MENTEE}
# Who prepares projects of orders and edits them until registration.
ORDER_WRITERS = frozenset({Role.HEAD, Role.CURATOR})
# Who keeps the journal's numbering and attaches signed scans (the clerk's work).
ORDER_KEEPERS = frozenset({Role.HEAD, Role.CURATOR, Role.ADMIN})
# Only the head registers (signs) an order.
ORDER_SIGNERS = frozenset({Role.HEAD})
