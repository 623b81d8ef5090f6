"""Monitoring and the annual analytic report as people use them: the curator opens monitoring, starts
last year's report and writes the conclusions, sends it; the head approves it from the queue; the
system administrator downloads it."""

from playwright.sync_api import expect

from e2e.conftest import E2E, login, shot

pytestmark = E2E


def test_curator_writes_head_approves_admin_downloads(page, live_server, demo):
    from django.utils import timezone

    from core.dates import academic_start_year
    from reports.models import AnnualReport

    year = academic_start_year(timezone.localdate()) - 1
    AnnualReport.objects.filter(start_year=year).delete()

    login(page, live_server, "curator")
    page.goto(f"{live_server.url}/reports/")
    expect(page.locator("main h1")).to_have_text("Мониторинг наставничества")
    page.get_by_label("Учебный год").select_option(str(year))
    page.get_by_role("button", name="Показать").click()
    expect(page.locator("main")).to_contain_text(f"{year}/{year + 1} учебный год")
    expect(page.locator("main")).to_contain_text("Охват молодых специалистов наставничеством")
    shot(page, "monitoring-curator")

    page.goto(f"{live_server.url}/reports/annual/")
    page.locator("tr", has_text=f"{year}/{year + 1}").get_by_role("button", name="Начать отчёт").click()
    expect(page.locator("main h1")).to_contain_text(f"Итоговый аналитический отчёт за {year}/{year + 1}")
    page.get_by_label("Выводы").fill("Система наставничества работает: все молодые специалисты с наставником.")
    page.get_by_label("Риски и проблемы").fill("Наставников по ИКТ недостаточно.")
    page.get_by_label("Предложения на следующий год").fill("Обучить двух наставников по ИКТ.")
    page.get_by_role("button", name="Сохранить текст").click()
    expect(page.locator(".alert-success")).to_contain_text("Текст отчёта сохранён")
    page.get_by_role("button", name="Отправить руководителю").click()
    expect(page.locator(".alert-success")).to_contain_text("Отчёт отправлен руководителю")
    shot(page, "annual-report-sent")

    page.context.clear_cookies()
    login(page, live_server, "head")
    page.get_by_role("link", name="На утверждение").click()
    section = page.locator(f"#annual-report-{year}")
    expect(section).to_contain_text(f"Итоговый аналитический отчёт за {year}/{year + 1}")
    shot(page, "annual-report-queue")
    section.get_by_role("button", name="Утвердить отчёт").click()
    expect(page.locator("main .alert")).to_contain_text("Отчёт будет утверждён")
    page.get_by_role("button", name="Утвердить", exact=True).click()
    expect(page.locator(".alert-success")).to_contain_text("Отчёт утверждён")
    report = AnnualReport.objects.get(start_year=year)
    assert report.is_approved and report.figures and report.pdf

    page.context.clear_cookies()
    login(page, live_server, "admin")
    page.goto(f"{live_server.url}/reports/annual/")
    row = page.locator("tr", has_text=f"{year}/{year + 1}")
    expect(row).to_contain_text("Утверждён")
    with page.expect_download() as download:
        row.get_by_role("link", name="XLSX").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    with page.expect_download() as download:
        row.get_by_role("link", name="DOCX").click()
    assert download.value.suggested_filename.endswith(".docx")
    response = page.request.get(f"{live_server.url}/reports/annual/{year}/pdf/")
    assert response.status == 200 and response.body()[:5] == b"%PDF-"
    shot(page, "annual-report-admin")
