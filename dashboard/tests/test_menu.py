"""The site's menu (core.menu) offers each role exactly the pages that role may open: every entry
shown opens, and every page whose entry is hidden from a role answers that role 403."""

import pytest
from django.urls import reverse

from conftest import ROLES
from core import menu

SIGNED_IN = [role for role in ROLES if role != "anonymous"]


def _shown(client) -> list[dict]:
    context = client.get(reverse("dashboard:home")).context
    return [*context["menu_main"], *context["menu_more"]]


@pytest.mark.parametrize("role", SIGNED_IN)
def test_every_entry_a_role_is_shown_opens_for_it(world, client_as, role):
    client = client_as(role)
    for entry in _shown(client):
        # An entry may lead through a redirect to the user's own page («Моё портфолио» → /portfolio/<her>/),
        # never to the login page.
        response = client.get(entry["url"], follow=True)
        assert response.status_code == 200, (role, entry["label"])
        assert all(reverse("accounts:login") not in url for url, _ in response.redirect_chain), (role, entry["label"])


@pytest.mark.parametrize("role", SIGNED_IN)
def test_a_page_whose_entry_is_hidden_is_refused(world, client_as, role):
    client = client_as(role)
    shown = {entry["url"] for entry in _shown(client)}
    for entry in [*menu.entries(menu.MAIN), *menu.entries(menu.MORE)]:
        if entry.url in shown or entry.roles is not None or entry.for_every_employee:
            continue  # a narrower menu than the page (records' list) is the entry's own choice
        assert client.get(entry.url).status_code == 403, (role, entry.label)


def test_the_head_sees_what_waits_for_him_and_the_menu_keeps_its_order(world, client_as):
    from mentorship.models import Pairing

    world.pairing.status = Pairing.Status.AWAITING_APPROVAL
    world.pairing.save(update_fields=["status"])
    context = client_as("head").get(reverse("dashboard:home")).context
    queue = next(entry for entry in context["menu_main"] if entry["label"] == "На утверждение")
    assert queue["count"] >= 1
    labels = [entry["label"] for entry in context["menu_main"]]
    assert labels[:4] == ["Сотрудники", "Наставники", "Наставляемые", "На утверждение"]


def test_no_template_names_a_role_to_build_the_menu():
    from pathlib import Path

    base = (Path(__file__).resolve().parents[2] / "templates" / "base.html").read_text()
    navigation = base[base.index('<ul class="navbar-nav') : base.index("</ul>\n      <div")]
    assert "user_role_values" not in navigation and "nav." not in navigation


def test_no_template_decides_by_a_role_name():
    """Permissions come from the views' role sets (one permission layer): a template asks for `can_*` or
    `sections.*`, never whether the user is «head» or «curator»."""
    import re
    from pathlib import Path

    roles = "head|curator|council|mentor|mentee|admin"
    # («"head" not in form.fields» asks about a form's field, not about the user.)
    pattern = re.compile(rf"""["'](?:{roles})["']\s+(?:not\s+)?in\s+(?!form\b)\w+|user_role_values""")
    offenders = [
        f"{path.relative_to(path.parents[2])}: {match.group(0)}"
        for path in (Path(__file__).resolve().parents[2] / "templates").rglob("*.html")
        for match in pattern.finditer(path.read_text())
    ]
    assert offenders == []
