"""Issue 16's whole path in a real browser: a mentee writes an appeal about her pair; the chair names a
member to it and to review a program; the member writes the review; the chair schedules a meeting with
the program and the appeal on the agenda, records the decisions and signs the protocol; the program's
«СОГЛАСОВАНО» names the protocol, the appeal shows the decision, and the mentor never sees the appeal."""

from django.utils import timezone
from playwright.sync_api import expect

from e2e.conftest import DEMO_PASSWORD, E2E, login, shot

pytestmark = E2E

APPEAL_TEXT = "Встречи переносятся вторую неделю подряд, план на декабрь не обсуждали."


def _member_login(program, pairing):
    """A login for a council member who is neither the chair nor a side of the two pairs walked."""
    from accounts.models import User
    from mentorship.models import CouncilMembership

    sides = {program.pairing.mentor.person_id, pairing.mentor.person_id}
    sides |= set(program.pairing.mentees.values_list("person_id", flat=True))
    sides |= set(pairing.mentees.values_list("person_id", flat=True))
    membership = (
        CouncilMembership.objects.filter(status="member", is_chair=False)
        .exclude(person__in=sides)
        .order_by("pk")
        .first()
    )
    person = membership.person
    if person.user is None:
        person.user = User.objects.create_user("member", password=DEMO_PASSWORD)
        person.save(update_fields=["user"])
    return person.user.username, membership


def test_an_appeal_and_a_program_heard_by_the_council(page, live_server, demo):
    from council.models import Appeal, Meeting, academic_year
    from mentorship.models import Pairing
    from programs.models import Program

    program = Program.objects.filter(status=Program.Status.REVIEW).order_by("pk").first()
    Program.objects.filter(pk=program.pk).update(council_agreed_at=None, council_agreed_by=None)
    program.council_reviews.all().delete()  # reviewed afresh in this walk
    pairing = Pairing.objects.filter(
        status__in=Pairing.CURRENT_STATUSES, mentees__person__user__username="mentee"
    ).first()
    member_username, membership = _member_login(program, pairing)
    today = timezone.localdate()
    number = Meeting.objects.filter(status="signed", academic_year=academic_year(today)).count()

    # The mentee writes to the council from her pair's page; the mentor will not see it.
    login(page, live_server, "mentee")
    page.goto(f"{live_server.url}{pairing.get_absolute_url()}")
    page.get_by_role("link", name="Обратиться в методическое объединение").click()
    expect(page.locator("main h1")).to_have_text("Обращение в методическое объединение")
    page.locator("#id_text").fill(APPEAL_TEXT)
    page.locator("#id_wish").fill("Помочь договориться о постоянном времени встреч.")
    shot(page, "mediation-appeal-form")
    page.get_by_role("button", name="Отправить обращение").click()
    expect(page.locator(".alert-success")).to_contain_text("Обращение передано")
    expect(page.locator("main")).to_contain_text("Другая сторона пары обращение не видит")
    shot(page, "mediation-appeal")
    appeal = Appeal.objects.get(text=APPEAL_TEXT)
    page.get_by_role("button", name="Выйти").click()

    # The chair: the appeal waits on the home page; she names the member to it and to the program.
    login(page, live_server, "council")
    expect(page.locator("main")).to_contain_text("Обращения в МО ждут рассмотрения")
    page.goto(f"{live_server.url}{appeal.get_absolute_url()}")
    page.get_by_role("link", name="Поручить членам МО").click()
    page.locator(f"input[name=members][value='{membership.pk}']").check()
    page.get_by_role("button", name="Сохранить").click()
    expect(page.locator("main")).to_contain_text(membership.person.full_name)
    page.goto(f"{live_server.url}{program.get_absolute_url()}")
    page.get_by_role("link", name="Назначить рецензентов").click()
    page.locator(f"input[name=reviewers][value='{membership.pk}']").check()
    page.get_by_role("button", name="Сохранить").click()
    expect(page.locator(".alert-success")).to_contain_text("Рецензенты назначены")
    page.get_by_role("button", name="Выйти").click()

    # The member reads the appeal named to her and writes the review.
    login(page, live_server, member_username)
    page.goto(f"{live_server.url}{appeal.get_absolute_url()}")
    expect(page.locator("main")).to_contain_text(APPEAL_TEXT)
    page.goto(f"{live_server.url}{program.get_absolute_url()}")
    page.get_by_role("link", name="Написать рецензию").click()
    page.locator("#id_text").fill(
        "Программа отвечает затруднениям наставляемого; план реалистичен. Рекомендую согласовать."
    )
    page.get_by_role("button", name="Сохранить").click()
    page.get_by_role("button", name="Отправить рецензию").click()
    page.locator("main").get_by_role("button", name="Отправить рецензию").click()
    expect(page.locator(".alert-success")).to_contain_text("Рецензия отправлена")
    shot(page, "mediation-review-sent")
    page.get_by_role("button", name="Выйти").click()

    # The chair holds the meeting: attendance, the program and the appeal on the agenda, decisions.
    login(page, live_server, "council")
    page.goto(f"{live_server.url}/council/")
    expect(page.locator("main h1")).to_have_text("Заседания методического объединения")
    shot(page, "council-meetings")
    page.get_by_role("link", name="Запланировать заседание").click()
    page.locator("#id_date").fill(today.isoformat())
    page.locator("#id_place").fill("Методический кабинет")
    page.get_by_role("button", name="Сохранить").click()
    page.get_by_role("link", name="Дата, место, присутствующие").click()
    # `all()` does not wait: the boxes are counted only once the form is on the screen.
    expect(page.locator("input[name=attendees]")).to_have_count(3)
    for box in page.locator("input[name=attendees]").all():
        box.check()
    page.locator("#id_secretary").select_option(str(membership.pk))
    shot(page, "council-attendance")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.locator("main")).to_contain_text("Кворум есть")

    page.get_by_role("link", name="Добавить вопрос").click()
    page.locator("#id_kind").select_option("program")
    page.locator("#id_title").fill("О согласовании персонализированной программы наставничества")
    page.locator("#id_program").select_option(str(program.pk))
    page.locator("#id_heard").fill("Члена МО о рецензии на программу.")
    page.locator("#id_decided").fill("Согласовать программу наставничества.")
    page.locator("#id_votes_for").fill("3")
    page.locator("#id_agrees_program").check()
    page.get_by_role("button", name="Сохранить").click()

    page.get_by_role("link", name="Добавить вопрос").click()
    page.locator("#id_kind").select_option("appeal")
    page.locator("#id_title").fill("О рассмотрении обращения наставляемого")
    page.locator("#id_appeal").select_option(str(appeal.pk))
    page.locator("#id_heard").fill("Куратора о затруднении в паре.")
    page.locator("#id_decided").fill("Рекомендовать паре еженедельную встречу по четвергам в 13:30.")
    page.locator("#id_appeal_outcome").select_option("recommendations")
    page.locator("#id_votes_for").fill("3")
    shot(page, "mediation-agenda-appeal")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.locator("main")).to_contain_text("Рекомендации сторонам")
    expect(page.locator(".card", has_text="Рецензии")).to_contain_text(membership.person.short_name)  # with its review
    shot(page, "mediation-meeting")

    # Signing is legally meaningful: the page says first what it does.
    page.locator("main").get_by_role("button", name="Подписать протокол").click()
    expect(page.locator("main")).to_contain_text("изменить протокол больше будет нельзя")
    shot(page, "council-sign-confirm")
    page.locator("main").get_by_role("button", name="Подписать протокол").click()
    number += 1
    expect(page.locator(".alert-success")).to_contain_text(f"Протокол № {number} подписан")
    expect(page.get_by_role("link", name="Дата, место, присутствующие")).to_have_count(0)
    shot(page, "mediation-signed")
    meeting = Meeting.objects.get(status="signed", number=number, date=today)
    assert meeting.pdf
    pdf = page.request.get(f"{live_server.url}/council/{meeting.pk}/protocol.pdf")
    assert pdf.status == 200 and pdf.body().startswith(b"%PDF")

    page.goto(f"{live_server.url}{program.get_absolute_url()}")
    expect(page.locator("main")).to_contain_text(f"протокол заседания МО от {today:%d.%m.%Y} № {number}")
    shot(page, "mediation-program-agreed")
    page.goto(f"{live_server.url}{appeal.get_absolute_url()}")
    expect(page.locator("main")).to_contain_text("Решение методического объединения")
    expect(page.locator("main")).to_contain_text("по четвергам в 13:30")
    shot(page, "mediation-appeal-decided")
    page.get_by_role("button", name="Выйти").click()

    # The other side of the pair never sees it.
    login(page, live_server, "mentor")
    response = page.goto(f"{live_server.url}{appeal.get_absolute_url()}")
    assert response.status == 404
    page.goto(f"{live_server.url}{pairing.get_absolute_url()}")
    expect(page.locator("main")).not_to_contain_text("Обращение наставляемого")
