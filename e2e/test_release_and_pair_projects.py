"""Orders that are projects first, walked as people do them: the mentor asks to be released from duty
for an event of her program and the head releases her with a substitute's written consent (ст. 60.2
ТК РФ); the head extends a pair and ends another early. Each time the project waits, nothing changes
until the head registers it, and the registered order cites what it rests on."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from e2e.conftest import E2E, login, pdf_text, register_the_waiting_project, shot

pytestmark = E2E


def _working_day(day, step: int):
    """`day` itself if a working day, else the nearest one going `step` days at a time."""
    from core.workdays import is_working_day

    while not is_working_day(day):
        day += timedelta(days=step)
    return day


def _open_pair(page, pairing) -> None:
    """The head's way to a pair: «Пары» in the menu, then the running pair's row."""
    mentee = pairing.mentees.get().person
    page.locator("nav.navbar").get_by_role("link", name="Пары", exact=True).click()
    row = page.locator("main tbody tr", has_text=mentee.short_name).filter(has_text="Активна")
    row.get_by_role("link", name=pairing.mentor.person.full_name).click()
    expect(page.locator("main h1")).to_contain_text(mentee.full_name)


def test_the_mentor_asks_for_a_release_and_the_head_releases_her_with_a_substitutes_consent(page, live_server, demo):
    from programs.models import Program, ReleaseRequest
    from records.models import Order

    program = Program.objects.get(
        pairing__mentor__person__last_name="Петрова",
        pairing__mentees__person__last_name="Иванова",
        status=Program.Status.RUNNING,
    )
    today = timezone.localdate()
    item = program.items.filter(done_on__isnull=True, deadline__gt=today + timedelta(days=3)).order_by("deadline")[0]
    on = _working_day(item.deadline, -1)
    if on <= today:
        on = _working_day(item.deadline, 1)
    assert today < on <= program.ends_on

    # The mentor, from her home page, opens the program and asks to be released for the plan's event.
    login(page, live_server, "mentor")
    page.locator(f'.program-card[data-program="{program.pk}"]').get_by_role(
        "link", name="Петрова С.Н. → Иванова А.Д."
    ).click()
    page.locator("#log").get_by_role("link", name="Попросить освобождение от работы").click()
    expect(page.locator("main h1")).to_have_text("Попросить освобождение от работы")
    page.get_by_label("Пункт плана").select_option(value=str(item.pk))
    page.get_by_label("Мероприятие программы").fill("Посещение прогулки в группе наставляемой, 10:00–12:00")
    page.get_by_label("Дата").fill(on.isoformat())
    page.get_by_label("Часов").fill("2")
    page.get_by_label("Кто заменит").select_option(label="Лебедева Марина Юрьевна — воспитатель")
    page.get_by_role("button", name="Подать руководителю").click()
    expect(page.locator(".alert-success")).to_contain_text("Просьба подана руководителю")
    shot(page, "release-requested")
    release = ReleaseRequest.objects.get(person__last_name="Петрова")
    assert release.status == ReleaseRequest.Status.REQUESTED
    assert (release.date, release.item, release.substitute.last_name) == (on, item, "Лебедева")

    # The head's queue: a consent dated after the order (today) is refused, and what was typed stays.
    page.context.clear_cookies()
    login(page, live_server, "head")
    page.locator("nav.navbar").get_by_role("link", name="На утверждение").click()
    card = page.locator(f"#release-{release.pk}")
    expect(card).to_contain_text("Петрова Светлана Николаевна")
    expect(card).to_contain_text("Замена: Лебедева Марина Юрьевна")
    tomorrow = today + timedelta(days=1)
    card.get_by_label("Письменное согласие замены от").fill(tomorrow.isoformat())
    card.get_by_role("button", name="Освободить приказом").click()
    expect(page.locator("main h1")).to_have_text("Освободить от работы")
    expect(page.locator("main")).to_contain_text(
        f"Приказ от {today:%d.%m.%Y} не может ссылаться на документы, датированные позже него: "
        f"согласие Лебедевой М.Ю. от {tomorrow:%d.%m.%Y}."
    )
    consent = page.get_by_label("Письменное согласие заменяющего от")
    expect(consent).to_have_value(tomorrow.isoformat())
    shot(page, "release-consent-refused")
    release.refresh_from_db()
    assert release.order is None and release.substitute_consent_on is None
    assert not Order.objects.filter(kind="release").exists()

    # Лебедева has not signed; Новикова has, today: the head names her and the project is written.
    page.get_by_label("Кто заменит").select_option(label="Новикова Ольга Владимировна — воспитатель")
    consent.fill(today.isoformat())
    page.get_by_role("button", name="Освободить приказом").click()
    expect(page.locator(".alert-success")).to_contain_text(f"{on:%d.%m.%Y} подготовлен")
    expect(page.locator("main h1")).to_contain_text("ПРОЕКТ приказа")
    expect(page.get_by_role("button", name="Зарегистрировать")).to_be_visible()
    shot(page, "release-project")
    release.refresh_from_db()
    project = release.order
    assert project.is_draft and project.kind == "release"
    assert release.status == ReleaseRequest.Status.REQUESTED  # released only when the order is registered
    assert (release.substitute.last_name, release.substitute_consent_on) == ("Новикова", today)
    assert set(project.acquainted.values_list("last_name", flat=True)) >= {"Петрова", "Новикова"}

    # The queue says the decision waits for the order; the head registers it.
    page.locator("nav.navbar").get_by_role("link", name="На утверждение").click()
    expect(card).to_contain_text("ожидает регистрации приказа")
    card.get_by_role("link", name=f"Проект приказа от {today:%d.%m.%Y}").click()
    page.get_by_role("button", name="Зарегистрировать").click()
    expect(page.locator(".alert-success")).to_contain_text("Приказ зарегистрирован")
    expect(page.locator("main h1")).to_contain_text("Приказ №")
    cited = f"письменного согласия Новиковой О.В. от {today:%d.%m.%Y}"
    expect(page.locator("main")).to_contain_text(cited)
    expect(page.locator("main")).to_contain_text(
        f"Поручить Новиковой О.В. (воспитатель) с её письменного согласия выполнение "
        f"дополнительной работы — обязанностей Петровой С.Н. — {on:%d.%m.%Y}"
    )
    shot(page, "release-registered")
    release.refresh_from_db()
    project.refresh_from_db()
    assert release.status == ReleaseRequest.Status.APPROVED and release.decided_by.username == "head"
    assert project.number is not None and not project.is_draft
    assert cited in project.preamble


def test_the_head_extends_a_pair_through_a_project_of_the_order(page, live_server, demo):
    from mentorship.models import Pairing
    from mentorship.services.pairs import latest_end
    from records.models import Order

    pairing = Pairing.objects.get(status=Pairing.Status.ACTIVE, mentees__person__last_name="Иванова")
    old_end = pairing.planned_end_on
    longest = latest_end(pairing.starts_on)
    assert longest > old_end, "the demo pair has room to be extended"
    fixing = pairing.orders.get(kind="pairing", number__isnull=False)
    today = timezone.localdate()
    login(page, live_server, "head")
    _open_pair(page, pairing)
    page.get_by_role("link", name="Продлить", exact=True).click()
    expect(page.locator("main h1")).to_have_text("Продление срока наставничества")

    # Past 12 months in all: refused, and the dates typed stay.
    too_far = longest + timedelta(days=1)
    page.get_by_label("Продлить до").fill(too_far.isoformat())
    page.get_by_label("Взаимное согласие сторон от").fill(today.isoformat())
    page.get_by_role("button", name="Подготовить проект приказа").click()
    expect(page.locator("main")).to_contain_text(
        f"Всего не больше 12 месяцев: продлить можно не дальше {longest:%d.%m.%Y}."
    )
    expect(page.get_by_label("Продлить до")).to_have_value(too_far.isoformat())
    expect(page.get_by_label("Взаимное согласие сторон от")).to_have_value(today.isoformat())
    shot(page, "extension-refused")
    assert not Order.objects.filter(kind="extension").exists()

    # To the longest term allowed: the project is written, the pair's end stays as it was.
    page.get_by_label("Продлить до").fill(longest.isoformat())
    page.get_by_role("button", name="Подготовить проект приказа").click()
    expect(page.locator(".alert-success")).to_contain_text("Решение о продлении записано")
    expect(page.locator("main h1")).to_contain_text("ПРОЕКТ приказа")
    shot(page, "extension-project")
    project = Order.objects.get(kind="extension")
    assert project.is_draft
    pairing.refresh_from_db()
    assert pairing.planned_end_on == old_end
    assert f"по взаимному согласию сторон от {today:%d.%m.%Y}" in project.preamble

    page.goto(f"{live_server.url}{pairing.get_absolute_url()}")
    expect(page.locator("main")).to_contain_text(f"{pairing.starts_on:%d.%m.%Y} – {old_end:%d.%m.%Y}")
    shot(page, "extension-pending")
    register_the_waiting_project(
        page, live_server, pairing, change_link="Продлить", order_title="О продлении срока наставничества"
    )
    expect(page.locator("main")).to_contain_text(
        "Продлить срок наставничества Петровой С.Н. в отношении Ивановой А.Д., "
        f"закреплённого приказом от {fixing.date:%d.%m.%Y} № {fixing.number_text}, до {longest:%d.%m.%Y}."
    )
    shot(page, "extension-registered")
    pairing.refresh_from_db()
    project.refresh_from_db()
    assert pairing.planned_end_on == longest
    assert project.number is not None and not project.is_draft
    page.goto(f"{live_server.url}{pairing.get_absolute_url()}")
    expect(page.locator("main")).to_contain_text(f"{pairing.starts_on:%d.%m.%Y} – {longest:%d.%m.%Y}")
    expect(page.locator("#pending-change")).to_have_count(0)


def test_the_head_ends_a_pair_early_through_a_project_of_the_order(page, live_server, demo):
    from core.workdays import notice_end_date
    from mentorship.models import Pairing
    from records.models import Order

    pairing = Pairing.objects.get(status=Pairing.Status.ACTIVE, mentees__person__last_name="Зайцева")
    fixing = pairing.orders.get(kind="pairing", number__isnull=False)
    today = timezone.localdate()
    login(page, live_server, "head")
    _open_pair(page, pairing)
    page.get_by_role("link", name="Прекратить досрочно", exact=True).click()
    expect(page.locator("main h1")).to_have_text("Досрочное прекращение наставничества")

    # The mentor's notice given today: she mentors three working days more; the form keeps what was typed.
    reason = "Наставник переходит на работу в другую возрастную группу"
    page.get_by_label("Наставник", exact=True).check()
    page.get_by_label("Дата письменного уведомления").fill(today.isoformat())
    page.get_by_label("Последний день наставничества").fill(today.isoformat())
    page.get_by_label("Причина").fill(reason)
    page.get_by_role("button", name="Подготовить проект приказа").click()
    expect(page.locator("main")).to_contain_text(
        f"последний день наставничества — не раньше {notice_end_date(today):%d.%m.%Y}, через 3 рабочих дня"
    )
    expect(page.get_by_label("Дата письменного уведомления")).to_have_value(today.isoformat())
    expect(page.get_by_label("Причина")).to_have_value(reason)
    expect(page.get_by_label("Наставник", exact=True)).to_be_checked()
    shot(page, "termination-notice-refused")
    assert not Order.objects.filter(kind="termination", status=Order.Status.DRAFT).exists()

    # The notice given a week ago has run out: the project is written, the pair still runs.
    notice_on = _working_day(today - timedelta(days=7), -1)
    ends_on = max(today, notice_end_date(notice_on))
    page.get_by_label("Дата письменного уведомления").fill(notice_on.isoformat())
    page.get_by_label("Последний день наставничества").fill(ends_on.isoformat())
    page.get_by_role("button", name="Подготовить проект приказа").click()
    expect(page.locator(".alert-success")).to_contain_text("Решение о досрочном прекращении записано")
    expect(page.locator("main h1")).to_contain_text("ПРОЕКТ приказа")
    shot(page, "termination-project")
    project = Order.objects.get(kind="termination", status=Order.Status.DRAFT)
    pairing.refresh_from_db()
    assert pairing.status == Pairing.Status.ACTIVE and pairing.ended_on is None
    assert f"письменного уведомления наставника Новиковой О.В. от {notice_on:%d.%m.%Y}" in (project.preamble)
    assert reason not in project.preamble + " ".join(project.clauses)  # the reason stays on the pair

    register_the_waiting_project(
        page,
        live_server,
        pairing,
        change_link="Прекратить досрочно",
        order_title="О досрочном прекращении наставничества",
    )
    main = page.locator("main")
    expect(main).to_contain_text(
        "Прекратить досрочно наставничество Новиковой О.В. в отношении Зайцевой А.Р., "
        f"закреплённое приказом от {fixing.date:%d.%m.%Y} № {fixing.number_text}; последний день наставничества — "
        f"{ends_on:%d.%m.%Y}."
    )
    expect(main).to_contain_text("Контроль за исполнением приказа возложить на куратора наставничества Морозову И.А.")
    shot(page, "termination-registered")

    # The registered PDF: its acquaintance sheet names the curator the control clause charges.
    sheet = page.request.get(f"{live_server.url}{page.get_by_role('link', name='Открыть PDF').get_attribute('href')}")
    assert sheet.status == 200
    text = pdf_text(sheet.body())
    assert "Лист ознакомления" in text
    acquaintance = text[text.index("Лист ознакомления") :]
    for name in ("Новикова Ольга Владимировна", "Зайцева Алина Руслановна", "Морозова Ирина Александровна"):
        assert name in acquaintance

    pairing.refresh_from_db()
    project.refresh_from_db()
    assert pairing.status == Pairing.Status.TERMINATED
    assert (pairing.ended_on, pairing.notice_on, pairing.termination_reason) == (ends_on, notice_on, reason)
    assert project.number is not None and not project.is_draft
    assert "Морозова" in set(project.acquainted.values_list("last_name", flat=True))
    page.goto(f"{live_server.url}{pairing.get_absolute_url()}")
    expect(page.locator("main")).to_contain_text(f"окончена {ends_on:%d.%m.%Y}")
    expect(page.locator("main")).to_contain_text(reason)
    expect(page.locator("#pending-change")).to_have_count(0)
