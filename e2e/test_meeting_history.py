"""A one-off meeting's history where people look for it: the mentor corrects a meeting (another
colleague was there too, and the result), then opens its history from its row in «Разовые встречи»
and reads who was there and what changed; the curator reads the same from her list."""

from playwright.sync_api import expect

from e2e.conftest import E2E, login, shot

pytestmark = E2E


def test_the_mentor_reads_her_meetings_correction_in_words(page, live_server, demo):
    from django.utils import timezone

    from accounts.models import User
    from mentorship.models import MentoringForm
    from people.models import Person
    from programs.services.logging import meeting_save

    semyonova = Person.objects.get(last_name="Семёнова", first_name="Дарья")
    ivanova = Person.objects.get(last_name="Иванова", first_name="Анна")
    meeting = meeting_save(
        held_on=timezone.localdate(),
        form=MentoringForm.objects.get(name="Ситуационное"),
        participants=[semyonova],
        topic="Как успокоить плачущего ребёнка при расставании с мамой",
        actor=User.objects.get(username="mentor"),
    ).obj

    login(page, live_server, "mentor")
    page.goto(f"{live_server.url}/programs/meetings/{meeting.pk}/edit/")
    page.get_by_label("С кем").select_option(value=[str(semyonova.pk), str(ivanova.pk)])
    page.get_by_label("Результат").fill("Составили памятку для родителей группы")
    page.get_by_role("button", name="Записать").click()
    expect(page.locator("main h1")).to_contain_text("Разовые встречи")

    page.get_by_role("link", name="история изменений").first.click()
    expect(page.locator("main h1")).to_have_text("История изменений")
    latest = page.locator(".history-entry").first
    expect(latest).to_contain_text("Петрова С.Н., ")
    expect(page.locator("main")).to_contain_text(
        "с кем «Семёнова Дарья Игоревна» → «Иванова Анна Дмитриевна, Семёнова Дарья Игоревна»"
    )
    expect(page.locator("main")).to_contain_text("результат: «Составили памятку для родителей группы»")
    shot(page, "mentor-meeting-history")

    page.get_by_role("button", name="Выйти").click()
    login(page, live_server, "curator")
    page.goto(f"{live_server.url}/programs/meetings/")
    page.get_by_role("link", name="история изменений").first.click()
    expect(page.locator("main")).to_contain_text(
        "вопрос, тема: «Как успокоить плачущего ребёнка при расставании с мамой»"
    )
