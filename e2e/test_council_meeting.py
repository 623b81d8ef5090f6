"""The council's chair in a real browser: schedules a meeting with a program on the agenda, records
who attended and the decision, signs the protocol, and the program's «СОГЛАСОВАНО» names it."""

from django.utils import timezone
from playwright.sync_api import expect

from e2e.conftest import E2E, login, shot

pytestmark = E2E


def test_chair_holds_a_meeting_and_the_program_shows_the_protocol(page, live_server, demo):
    from council.models import Meeting
    from programs.models import Program

    program = Program.objects.filter(status=Program.Status.REVIEW).order_by("pk").first()
    # The program waits for the council: its earlier agreement is taken back for this walk.
    Program.objects.filter(pk=program.pk).update(council_agreed_at=None, council_agreed_by=None)
    today = timezone.localdate()
    signed_before = Meeting.objects.filter(status="signed").count()

    login(page, live_server, "council")
    page.goto(f"{live_server.url}/council/")
    expect(page.locator("main h1")).to_have_text("Заседания методического объединения")
    shot(page, "council-meetings")
    page.get_by_role("link", name="Запланировать заседание").click()
    page.locator("#id_date").fill(today.isoformat())
    page.locator("#id_place").fill("Музыкальный зал")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.locator(".alert-success")).to_contain_text("Заседание запланировано")

    # Who attended: the whole composition; the secretary from it.
    page.get_by_role("link", name="Дата, место, присутствующие").click()
    for box in page.locator("input[name=attendees]").all():
        box.check()
    page.locator("#id_secretary").select_option(index=2)
    shot(page, "council-attendance")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.locator("main")).to_contain_text("Кворум есть")

    # The program on the agenda, and what the meeting decided about it.
    page.get_by_role("link", name="Добавить вопрос").click()
    page.locator("#id_kind").select_option("program")
    page.locator("#id_title").fill("О согласовании персонализированной программы наставничества")
    page.locator("#id_program").select_option(str(program.pk))
    page.locator("#id_heard").fill("Председателя МО о программе и рецензии на неё.")
    page.locator("#id_decided").fill("Согласовать программу наставничества.")
    page.locator("#id_votes_for").fill("3")
    page.locator("#id_agrees_program").check()
    shot(page, "council-item")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.locator("main")).to_contain_text("будет согласована при подписании протокола")
    shot(page, "council-meeting")

    # Signing is legally meaningful: the page says first what it does.
    page.locator("main").get_by_role("button", name="Подписать протокол").click()
    expect(page.locator("main")).to_contain_text("изменить протокол больше будет нельзя")
    shot(page, "council-sign-confirm")
    page.locator("main").get_by_role("button", name="Подписать протокол").click()
    number = signed_before + 1
    expect(page.locator(".alert-success")).to_contain_text(f"Протокол № {number} подписан")
    expect(page.locator("main h1")).to_contain_text(f"Протокол № {number} заседания МО")
    expect(page.get_by_role("link", name="Дата, место, присутствующие")).to_have_count(0)
    shot(page, "council-signed")
    pdf = page.request.get(f"{live_server.url}/council/{Meeting.objects.latest('signed_at').pk}/protocol.pdf")
    assert pdf.status == 200 and pdf.body().startswith(b"%PDF")

    # The program's agreement names the protocol.
    page.goto(f"{live_server.url}{program.get_absolute_url()}")
    expect(page.locator("main")).to_contain_text(f"протокол заседания МО от {today:%d.%m.%Y} № {number}")
    shot(page, "council-program-agreed")
