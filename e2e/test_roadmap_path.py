"""The roadmap's path: the curator makes next year's roadmap as a copy of this year's, adds an
activity and sends it; the head approves it from the queue and the order is registered.

Starts from the demo: this year's roadmap approved (with overdue activities once their dates
have passed), no roadmap for the next year. `demo.roadmap.load` is idempotent, so calling it
here changes nothing once the demo loader calls it too.
"""

import re

from playwright.sync_api import expect

from e2e.conftest import E2E, login, shot

pytestmark = E2E

NEW_ACTIVITY = "Стажировка наставников в МАОУ «СШ № 5»: сетевое взаимодействие"


def test_curator_drafts_next_years_roadmap_and_head_approves_it(page, live_server, demo):
    from django.utils import timezone

    from accounts.models import User
    from demo.roadmap import load
    from records.models import Order
    from roadmap.models import Roadmap, academic_start_year

    load(curator=User.objects.get(username="curator"), head=User.objects.get(username="head"))
    year = academic_start_year(timezone.localdate())
    this_year, next_year = f"{year}/{year + 1}", f"{year + 1}/{year + 2}"

    # The curator: the list of roadmaps, this year's approved one.
    login(page, live_server, "curator")
    page.goto(f"{live_server.url}/roadmap/")
    expect(page.locator("main h1")).to_have_text("Дорожные карты")
    row = page.locator("main tbody tr", has_text=this_year)
    expect(row).to_contain_text("Утверждена")
    expect(row).to_contain_text("№ ")
    shot(page, "roadmap-list")
    row.get_by_role("link", name=this_year).click()
    expect(page.locator("main h1")).to_have_text(f"Дорожная карта на {this_year} учебный год")
    expect(page.locator(".alert-success")).to_contain_text("Утверждена приказом")
    current = Roadmap.objects.get(start_year=year)
    overdue = sum(a.is_overdue() for s in current.stages.all() for a in s.activities.all())
    expect(page.locator("tr.roadmap-overdue")).to_have_count(overdue)
    shot(page, "roadmap-current-year")

    # Next year as a copy of this one: dates move a year on, marks are cleared.
    page.goto(f"{live_server.url}/roadmap/")
    page.get_by_role("link", name="Составить дорожную карту").click()
    expect(page.locator("#id_start_year")).to_have_value(str(year + 1))
    expect(page.get_by_label(re.compile(f"Копия дорожной карты на {this_year}"))).to_be_checked()
    shot(page, "roadmap-create")
    page.get_by_role("button", name="Составить черновик").click()
    expect(page.locator("main h1")).to_have_text(f"Дорожная карта на {next_year} учебный год")
    expect(page.locator("main")).to_contain_text(f"составлена на основе дорожной карты на {this_year}")
    expect(page.locator("main table")).to_contain_text(f"01.09.{year + 1}")
    expect(page.locator("main table")).not_to_contain_text("выполнено")

    # An activity in stage 4, with a date outside the year first: refused, the text stays.
    page.get_by_role("link", name="+ мероприятие в этап 4").click()
    page.locator("#id_text").fill(NEW_ACTIVITY)
    page.locator("#id_starts_on").fill(f"{year + 1}-08-15")
    page.locator("#id_ends_on").fill(f"{year + 1}-11-30")
    page.locator("#id_responsible").fill("Куратор, методическое объединение")
    page.locator("#id_expected_result").fill("Наставники познакомились с опытом школы")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.locator("main")).to_contain_text("Начало — в пределах")
    expect(page.locator("#id_text")).to_have_value(NEW_ACTIVITY)
    shot(page, "roadmap-activity-refused")
    page.locator("#id_starts_on").fill(f"{year + 1}-11-10")
    page.get_by_role("button", name="Сохранить").click()
    row = page.locator("main tbody tr", has_text=NEW_ACTIVITY)
    expect(row).to_contain_text(f"10.11.{year + 1}–30.11.{year + 1}")
    expect(row.locator("td").first).to_have_text(re.compile(r"4\.\d+"))

    page.get_by_role("button", name="Отправить руководителю").click()
    expect(page.locator("main")).to_contain_text("На утверждении")
    expect(page.get_by_role("button", name="Забрать на доработку")).to_be_visible()
    shot(page, "roadmap-sent")
    page.get_by_role("button", name="Выйти").click()

    # The head: the queue, the roadmap section, approval by order.
    login(page, live_server, "head")
    page.locator("nav.navbar").get_by_role("link", name="На утверждение").click()
    section = page.locator("#queue-roadmap")
    expect(section).to_contain_text(f"Дорожная карта на {next_year} учебный год")
    shot(page, "roadmap-head-queue")
    section.get_by_role("button", name="Утвердить дорожную карту приказом").click()
    expect(page.locator("main .alert")).to_contain_text("Будет подготовлен проект приказа об утверждении")
    shot(page, "roadmap-head-confirm")
    page.get_by_role("button", name="Утвердить приказом").click()
    # A project of the order first: the head reads it and registers it; the roadmap is approved then.
    expect(page.locator(".alert-success")).to_contain_text(
        f"Проект приказа об утверждении дорожной карты на {next_year} учебный год подготовлен"
    )
    assert Roadmap.objects.get(start_year=year + 1).status == Roadmap.Status.AWAITING_APPROVAL
    shot(page, "roadmap-head-project")
    page.get_by_role("button", name="Зарегистрировать").click()
    expect(page.locator(".alert-success")).to_contain_text("Приказ зарегистрирован")
    page.locator("nav.navbar").get_by_role("link", name="На утверждение").click()
    expect(page.locator("#queue-roadmap")).to_have_count(0)
    shot(page, "roadmap-head-approved")

    roadmap = Roadmap.objects.get(start_year=year + 1)
    assert roadmap.status == Roadmap.Status.APPROVED
    order = roadmap.order
    assert order.kind == "roadmap" and order.status == Order.Status.REGISTERED
    assert f"на {next_year} учебный год" in order.heading
    page.goto(f"{live_server.url}{order.get_absolute_url()}")
    expect(page.locator("main h1")).to_contain_text(f"Приказ № {order.number_text}")

    page.goto(f"{live_server.url}{roadmap.get_absolute_url()}")
    expect(page.locator(".alert-success")).to_contain_text(f"Утверждена приказом № {order.number_text}")
    expect(page.locator("main table")).to_contain_text(NEW_ACTIVITY)
    shot(page, "roadmap-approved")
    pdf = page.request.get(f"{live_server.url}/roadmap/{roadmap.pk}/pdf/")
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")
