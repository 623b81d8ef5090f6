"""The head replaces a mentor as a person does it: the form with the outgoing mentor's notice and the
mentee's consent to the new mentor, a project of the order first (the pair unchanged, its page says
a project waits), then the registration, after which the pair has its new mentor."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from e2e.conftest import E2E, login, register_the_waiting_project, shot

pytestmark = E2E


def test_the_head_replaces_a_mentor_through_a_project_of_the_order(page, live_server, demo):
    from mentorship.models import Mentor, Pairing
    from records.models import Order

    pairing = Pairing.objects.get(status=Pairing.Status.ACTIVE, mentees__person__last_name="Зайцева")
    old_mentor = pairing.mentor
    new_mentor = Mentor.objects.get(person__last_name="Петрова")
    mentee = pairing.mentees.get()
    today = timezone.localdate()
    login(page, live_server, "head")
    page.goto(f"{live_server.url}{pairing.get_absolute_url()}")
    page.get_by_role("link", name="Заменить наставника").click()

    # A notice dated today keeps the outgoing mentor three working days more: the form says so and keeps what was typed.
    page.get_by_label("Новый наставник").select_option(
        label=f"{new_mentor.person.full_name} — {new_mentor.person.position}"
    )
    page.get_by_label("В связи с обоснованной просьбой наставника или наставляемого").check()
    page.get_by_label("Наставник", exact=True).check()
    page.get_by_label("Дата письменного уведомления").fill(today.isoformat())
    page.get_by_label("Письменное согласие нового наставника от").fill(today.isoformat())
    page.get_by_label(f"Письменное согласие на нового наставника: {mentee.person.full_name}, от").fill(
        today.isoformat()
    )
    page.get_by_label("Заменить с").fill(today.isoformat())
    page.get_by_role("button", name="Подготовить проект приказа").click()
    expect(page.locator("main")).to_contain_text("3 рабочих дня (ст. 351.8 ТК РФ)")
    expect(page.get_by_label("Дата письменного уведомления")).to_have_value(today.isoformat())
    shot(page, "replacement-notice-refused")
    assert not Order.objects.filter(kind="replacement").exists()

    # The notice given a week ago has run out: the project is written, the pair is not changed yet.
    week_ago = today - timedelta(days=7)
    page.get_by_label("Дата письменного уведомления").fill(week_ago.isoformat())
    page.get_by_role("button", name="Подготовить проект приказа").click()
    expect(page.locator(".alert-success")).to_contain_text("Решение о замене наставника записано")
    expect(page.locator("main")).to_contain_text("ПРОЕКТ")
    shot(page, "replacement-project")
    project = Order.objects.get(kind="replacement")
    assert project.is_draft
    pairing.refresh_from_db()
    assert pairing.mentor == old_mentor
    assert "письменного уведомления наставника" in project.preamble and f"{week_ago:%d.%m.%Y}" in project.preamble

    register_the_waiting_project(page, live_server, pairing, change_link="Заменить наставника")
    shot(page, "replacement-registered")
    pairing.refresh_from_db()
    assert pairing.mentor == new_mentor
    page.goto(f"{live_server.url}{pairing.get_absolute_url()}")
    expect(page.locator("main")).to_contain_text(new_mentor.person.full_name)
    expect(page.locator("#pending-change")).to_have_count(0)
