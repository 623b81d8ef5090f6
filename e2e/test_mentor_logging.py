"""The mentor's log: Петрова records an activity with a photo on Иванова's program, the overdue item
is done and the progress moves; Иванова confirms it from her home page."""

import io

from PIL import Image
from playwright.sync_api import expect

from e2e.conftest import E2E, login, shot

pytestmark = E2E


def _photo(path) -> str:
    """A phone photo: with the maker, the model and the place in its EXIF."""
    from core.tests.files import jpeg_with_exif

    path.write_bytes(jpeg_with_exif(size=(640, 480)))
    return str(path)


def _ivanova_program():
    from demo.programs import load as load_programs
    from programs.models import Program

    load_programs()  # idempotent: the demo's programs, if the demo loader has not made them yet
    return Program.objects.get(
        pairing__mentor__person__last_name="Петрова",
        pairing__mentees__person__last_name="Иванова",
        status__in=Program.IN_WORK_STATUSES,
    )


def test_mentor_logs_an_activity_with_a_photo_and_the_mentee_confirms(page, live_server, demo, tmp_path):
    from django.utils import timezone

    from programs.models import ActivityRecord, Evidence
    from programs.progress import progress_for

    program = _ivanova_program()
    before = progress_for([program])[program.pk]
    assert before.overdue >= 1, "the demo program has an overdue activity"
    overdue = program.items.filter(done_on__isnull=True, deadline__lt=timezone.localdate()).order_by("deadline")[0]

    # The mentor's home: the program with its progress and the overdue activity in red.
    login(page, live_server, "mentor")
    card = page.locator(f'.program-card[data-program="{program.pk}"]')
    expect(card).to_contain_text("Иванова")
    expect(card).to_contain_text(f"Выполнено {before.done} из {before.total}")
    expect(card.locator(".badge.text-bg-danger")).to_have_text(f"просрочено {before.overdue}")
    expect(card.locator("ul.text-danger")).to_contain_text(overdue.activity[:40])
    shot(page, "mentor-home-progress")

    # Иванова's program: the page itself, then its journal with the same section.
    card.get_by_role("link", name="Петрова С.Н. → Иванова А.Д.").click()
    expect(page.locator("main h1")).to_contain_text("Иванова Анна Дмитриевна")
    page.goto(f"{live_server.url}/programs/{program.pk}/log/")
    log = page.locator("#log")
    expect(log.locator(".badge.text-bg-danger")).to_have_text(f"просрочено {before.overdue}")
    shot(page, "mentor-program-log")

    # Record the overdue activity from the red list: the form comes with the plan item chosen.
    log.locator(".alert-danger").get_by_role("link", name="записать выполнение").first.click()
    expect(page.locator("main h1")).to_have_text("Записать мероприятие")
    expect(page.locator("main")).to_contain_text("Фото с детьми никогда не публикуются")
    expect(page.locator("#id_item")).to_have_value(str(overdue.pk))
    page.locator("#id_description").fill("Взаимопосещение: утренний приём детей в группе наставляемой, разбор после.")
    page.locator("#id_result").fill("Наставляемая сама провела утренний круг; договорились о приёмах переключения.")
    page.locator("#id_item_done").check()
    page.locator("#id_files").set_input_files(_photo(tmp_path / "утренний-круг.jpg"))
    shot(page, "mentor-log-form")
    page.get_by_role("button", name="Записать", exact=True).click()

    expect(page.locator(".alert-success")).to_contain_text("Мероприятие записано")
    record = ActivityRecord.objects.filter(program=program).latest("logged_at")
    entry = page.locator(f"#record-{record.pk}")
    expect(entry).to_contain_text("Взаимопосещение: утренний приём детей")
    expect(entry).to_contain_text("ждёт подтверждения наставляемого")
    expect(entry.locator("img")).to_have_attribute("alt", "Фото: утренний-круг.jpg")
    after = progress_for([program])[program.pk]
    assert (after.done, after.overdue) == (before.done + 1, before.overdue - 1)
    expect(page.locator("#progress .progress-text")).to_contain_text(f"Выполнено {after.done} из {after.total}")
    shot(page, "mentor-log-recorded")

    # The stored photo has lost its EXIF (the phone and the place).
    photo = Evidence.objects.get(record=record)
    with photo.file.open("rb") as handle, Image.open(io.BytesIO(handle.read())) as image:
        assert len(image.getexif()) == 0

    page.get_by_role("link", name="Главная").click()
    expect(card).to_contain_text(f"Выполнено {after.done} из {after.total}")
    page.get_by_role("button", name="Выйти").click()

    # The mentee: the record waits for her on the home page; she confirms it with a comment.
    login(page, live_server, "mentee")
    waiting = page.locator(".card.border-warning")
    expect(waiting).to_contain_text("Ждут вашего подтверждения")
    shot(page, "mentee-home-confirmations")
    waiting.get_by_role("link", name="Взаимопосещение: утренний приём детей", exact=False).click()
    expect(page.locator("main h1")).to_contain_text("Мероприятие")
    thumbnail = page.locator("main img").first
    expect(thumbnail).to_be_visible()
    # The mentee may see it: the picture loads (waited for, since "visible" comes before "loaded").
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=thumbnail.element_handle())
    page.locator("#id_comment").fill("Спасибо, приём с колокольчиком сработал.")
    page.get_by_role("button", name="Подтверждаю").click()
    expect(page.locator(".alert-success")).to_contain_text("Вы подтвердили")
    expect(page.locator("main")).to_contain_text("✓ подтвердила Иванова А.Д.")
    expect(page.locator("main")).to_contain_text("Спасибо, приём с колокольчиком сработал.")
    shot(page, "mentee-record-confirmed")
    record.refresh_from_db()
    assert record.confirmed_by.last_name == "Иванова" and record.mentee_comment.startswith("Спасибо")
