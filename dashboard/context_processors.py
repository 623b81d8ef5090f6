from core import menu
from mentorship.roles import BANK_KEEPERS, BANK_READERS, HISTORY_READERS
from people.roles import Role, ordered_roles, person_of, roles_of


def roles(request):
    """Roles for the site's navigation (base.html); computed once per request and shared with the views."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"user_roles": [], "nav": {}}
    held = roles_of(user)
    person = person_of(user)
    shown = menu.visible(frozenset(held), has_card=person is not None)
    path = request.path
    return {
        "menu_main": [
            {
                "label": entry.label,
                "url": entry.url,
                "active": bool(entry.section) and path.startswith(entry.section),
                # What waits for the head's decision: one count over every queue section.
                "count": entry.count() if entry.count else 0,
            }
            for entry in shown[menu.MAIN]
        ],
        "menu_more": [
            {"label": entry.label, "url": entry.url, "divider_before": entry.divider_before}
            for entry in shown[menu.MORE]
        ],
        "user_roles": ordered_roles(held),
        "current_person": person,
        "nav": {
            "bank": bool(held & BANK_READERS),
            "keep_bank": bool(held & BANK_KEEPERS),
            "admin": Role.ADMIN in held,
            "settings": bool(held & {Role.HEAD, Role.ADMIN}),
            "export": bool(held & HISTORY_READERS),
            # The monthly list of mentors' extra pay (the same people keep pay terms: selectors.PAY_READERS).
            "payroll": bool(held & HISTORY_READERS),
        },
    }
