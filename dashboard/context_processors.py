from mentorship.roles import BANK_KEEPERS, BANK_READERS, HISTORY_READERS
from people.roles import Role, ordered_roles, person_of, roles_of


def roles(request):
    """Roles for the site's navigation (base.html); computed once per request and shared with the views."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"user_roles": [], "user_role_values": set(), "nav": {}}
    held = roles_of(user)
    queue = 0
    if Role.HEAD in held:
        from mentorship.queue import pending_count

        # One count per queue section on the head's pages: what waits for a decision shows in the menu.
        queue = pending_count()
    return {
        "user_roles": ordered_roles(held),
        "user_role_values": {role.value for role in held},
        "current_person": person_of(user),
        "nav": {
            "bank": bool(held & BANK_READERS),
            "keep_bank": bool(held & BANK_KEEPERS),
            "admin": Role.ADMIN in held,
            "settings": bool(held & {Role.HEAD, Role.ADMIN}),
            "export": bool(held & HISTORY_READERS),
            # The monthly list of mentors' extra pay (the same people keep pay terms: selectors.PAY_READERS).
            "payroll": bool(held & HISTORY_READERS),
            "queue": queue,
        },
    }
