"""The monthly pay list on a hand-made month: March 2027, 31 days.

Every pair goes through the real order services (approval, replacement, extension, termination),
so the agreements behind the rows are the ones the system writes. Sums are worked out by hand in
the comments: monthly sum × mentees × days ÷ 31, rounded to kopecks half up.
"""

import io
from datetime import date, datetime, time
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from core.text import lower_first
from mentorship.models import MentoringAgreement, Pairing
from mentorship.payroll import Compiled, month_bounds, payroll_for_month, payroll_pdf, payroll_xlsx, prorate
from mentorship.services.pair_orders import (
    pairing_extend,
    pairing_replace_mentor,
    pairing_terminate,
    pairings_activate_due,
)
from mentorship.services.pairs import pairing_move
from mentorship.tests.factories import (
    MenteeFactory,
    MentorFactory,
    PartnerFactory,
    PersonFactory,
    mentee_consents,
    registered,
)
from mentorship.tests.test_orders import approve, ready_pair
from people.models import Organization
from people.roles import Role
from people.services import personal_data_exported

HEAD = {Role.HEAD}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def set_rule(rule, *, amount=None, pct=None):
    own = Organization.own()
    own.mentor_pay_rule, own.mentor_pay_amount, own.mentor_pay_percent = rule, amount, pct
    own.full_clean()
    own.save()


def mentor(last_name, *, salary=None, partner=None):
    person = PersonFactory(last_name=last_name, first_name="Анна", middle_name="Петровна")
    if partner is not None:
        person.organization = partner
        person.save()
    return MentorFactory(person=person, salary=salary)


def pair(world, mentor_, *, starts_on, ends_on=date(2027, 8, 31), mentees=1):
    pairing = ready_pair(world, mentor=mentor_, mentees=[MenteeFactory() for _ in range(mentees)], starts_on=starts_on)
    Pairing.objects.filter(pk=pairing.pk).update(planned_end_on=ends_on)
    pairing.refresh_from_db()
    approve(world, [pairing], date=min(starts_on, date(2027, 1, 10)))
    pairing.refresh_from_db()
    return pairing


def rows_by_mentor(payroll):
    return {entry.mentor.person.last_name: entry for entry in payroll.mentors}


@pytest.fixture
def march(world):
    """The hand-made month, under the fixed rule of 3 000 ₽ per mentee a month."""
    set_rule(Organization.PayRule.FIXED, amount=Decimal("3000.00"))
    people = {}
    # Whole month, a group of two: 3000 × 2 = 6000,00.
    people["whole"] = pair(world, mentor("Целый"), starts_on=date(2027, 1, 11), mentees=2)
    # Started mid-month, on 15.03: 17 days; 3000 × 17 / 31 = 1645,161… → 1645,16.
    people["started"] = pair(world, mentor("Начавшая"), starts_on=date(2027, 3, 15))
    # Ended early: terminated, the last day 10.03 counts: 10 days; 3000 × 10 / 31 = 967,741… → 967,74.
    people["ended"] = pair(world, mentor("Досрочная"), starts_on=date(2027, 1, 11))
    registered(
        pairing_terminate,
        pairing=people["ended"],
        initiator=Pairing.Initiator.MENTOR,
        reason="Переезд",
        notice_on=date(2027, 3, 3),
        ends_on=date(2027, 3, 10),
        actor=world.users["head"],
        order_date=date(2027, 3, 3),
    )
    # A partner's mentor: no agreement, no pay.
    people["partner"] = pair(world, mentor("Колледжева", partner=PartnerFactory()), starts_on=date(2027, 1, 11))
    # Outside the month: ended in February, starts in April.
    people["february"] = pair(world, mentor("Февральская"), starts_on=date(2027, 1, 11), ends_on=date(2027, 2, 28))
    people["april"] = pair(world, mentor("Апрельская"), starts_on=date(2027, 4, 1))
    return people


def test_sums_of_a_hand_made_month(march):
    payroll = payroll_for_month(2027, 3)
    by_mentor = rows_by_mentor(payroll)
    assert set(by_mentor) == {"Целый", "Начавшая", "Досрочная"}
    whole, started, ended = by_mentor["Целый"].rows[0], by_mentor["Начавшая"].rows[0], by_mentor["Досрочная"].rows[0]
    assert (whole.days, whole.pay) == (31, Decimal("6000.00"))
    assert (started.first_day, started.days, started.pay) == (date(2027, 3, 15), 17, Decimal("1645.16"))
    assert (ended.last_day, ended.days, ended.pay) == (date(2027, 3, 10), 10, Decimal("967.74"))
    # The termination order says the same: paid through the last day.
    termination = march["ended"].orders.get(kind="termination")
    assert any("после 10.03.2027 — последнего дня наставничества" in clause for clause in termination.clauses)
    assert payroll.total == Decimal("8612.90")
    assert [p.mentor.person.last_name for p in payroll.partners] == ["Колледжева"]
    # The fixture's two pairs were made active directly, not by an order's services: no agreement.
    assert {p.mentor.person.last_name for p in payroll.without_agreement} == {"Петрова", "Новикова"}


def test_percentage_of_salary_and_a_missing_salary(world):
    set_rule(Organization.PayRule.PERCENT, pct=Decimal("12.5"))
    # 12,5 % of 41 234,00 = 5154,25 a month; from 15.03: × 17 / 31 = 2826,524… → 2826,52.
    pair(world, mentor("Окладная", salary=Decimal("41234.00")), starts_on=date(2027, 3, 15))
    pair(world, mentor("Безокладная"), starts_on=date(2027, 1, 11))
    payroll = payroll_for_month(2027, 3)
    by_mentor = rows_by_mentor(payroll)
    row = by_mentor["Окладная"].rows[0]
    assert row.pay == Decimal("2826.52")
    assert row.size == "12,5 % от 41 234,00 руб. × 1"
    unpaid = by_mentor["Безокладная"].rows[0]
    assert unpaid.pay is None and unpaid.problem == "не указан оклад наставника"
    assert payroll.total == Decimal("2826.52")
    assert payroll.problems == [unpaid]


def test_the_salary_of_the_month_is_used_and_the_percentage_stays_as_agreed(world):
    set_rule(Organization.PayRule.PERCENT, pct=Decimal("10"))
    teacher = mentor("Повышенная", salary=Decimal("30000.00"))
    pair(world, teacher, starts_on=date(2027, 1, 11))
    set_rule(Organization.PayRule.FIXED, amount=Decimal("9999.00"))  # a later change: new agreements only
    teacher.salary = Decimal("40000.00")
    teacher.save()
    assert payroll_for_month(2027, 3).total == Decimal("4000.00")


def test_a_replaced_mentor_is_paid_to_the_day_before_and_the_new_one_from_the_day(world):
    set_rule(Organization.PayRule.FIXED, amount=Decimal("3100.00"))
    pairing = pair(world, mentor("Прежняя"), starts_on=date(2027, 1, 11))
    registered(
        pairing_replace_mentor,
        pairing=pairing,
        new_mentor=mentor("Новая"),
        grounds="leaves",
        left_on=date(2027, 3, 19),
        consent_on=date(2027, 3, 1),
        mentee_consents=mentee_consents(pairing, date(2027, 3, 1)),
        starts_on=date(2027, 3, 20),
        actor=world.users["head"],
        order_date=date(2027, 3, 15),
    )
    by_mentor = rows_by_mentor(payroll_for_month(2027, 3))
    # 3100 a month is 100 a day in March: 19 days and 12 days.
    assert (by_mentor["Прежняя"].rows[0].days, by_mentor["Прежняя"].rows[0].pay) == (19, Decimal("1900.00"))
    assert (by_mentor["Новая"].rows[0].days, by_mentor["Новая"].rows[0].pay) == (12, Decimal("1200.00"))


def test_an_extension_keeps_one_row_with_the_longer_term(world):
    set_rule(Organization.PayRule.FIXED, amount=Decimal("3100.00"))
    pairing = pair(world, mentor("Продлённая"), starts_on=date(2027, 1, 11), ends_on=date(2027, 4, 10))
    registered(
        pairing_extend,
        pairing=pairing,
        new_end_on=date(2027, 6, 30),
        agreed_on=date(2027, 3, 1),
        actor=world.users["head"],
        order_date=date(2027, 3, 2),
    )
    april = payroll_for_month(2027, 4)
    rows = april.rows
    assert len(rows) == 1 and rows[0].days == 30
    assert rows[0].agreement.kind == MentoringAgreement.Kind.TERM


def test_a_completed_pair_counts_to_its_last_day(world):
    set_rule(Organization.PayRule.FIXED, amount=Decimal("3100.00"))
    pairing = pair(world, mentor("Завершённая"), starts_on=date(2027, 1, 11))
    pairings_activate_due(today=date(2027, 1, 11))
    pairing_move(
        pairing=pairing,
        target=Pairing.Status.COMPLETED,
        actor=world.users["curator"],
        ended_on=date(2027, 3, 5),
    )
    (row,) = payroll_for_month(2027, 3).rows
    assert (row.days, row.pay) == (5, Decimal("500.00"))


def test_a_pair_under_order_without_an_agreement_is_a_warning_not_a_guess(world, march):
    MentoringAgreement.objects.filter(pairing=march["whole"]).delete()
    payroll = payroll_for_month(2027, 3)
    assert march["whole"] in payroll.without_agreement
    assert "Целый" not in rows_by_mentor(payroll)


def test_no_rule_means_no_sum(world):
    pair(world, mentor("Безправила"), starts_on=date(2027, 1, 11))
    (row,) = payroll_for_month(2027, 3).rows
    assert row.pay is None
    assert "не задан" in row.problem


def test_rounding_is_half_up_to_kopecks():
    # 1,00 × 1 / 8 = 0,125 exactly: half up gives 0,13 (banker's rounding would give 0,12).
    assert prorate(Decimal("1.00"), 1, 8) == Decimal("0.13")
    assert prorate(Decimal("3000.00"), 17, 31) == Decimal("1645.16")


@pytest.mark.parametrize(("year", "month"), [(2027, 13), (2027, 0), (99999, 1)])
def test_a_month_that_does_not_exist_is_refused(year, month):
    with pytest.raises(ValueError):
        month_bounds(year, month)


def compiled_by(world, role="curator", on=date(2027, 3, 31)):
    return Compiled.by(world.users[role], on)


def test_the_workbook_and_the_pdf_carry_the_same_sums(world, march):
    payroll = payroll_for_month(2027, 3)
    own = Organization.own()
    sheet = load_workbook(io.BytesIO(payroll_xlsx(payroll, own, compiled_by(world)))).active
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[1][0] == "Список на доплату за наставничество за март 2027 г."
    total_row = values[-1]
    total_row = next(row for row in values if row[1] == "ИТОГО")
    assert Decimal(str(total_row[11])) == Decimal("8612.90")
    names = [row[1] for row in values]
    assert "Колледжева Анна Петровна" not in names
    pays = {row[1]: row[11] for row in values if row[1] and row[0] and isinstance(row[0], int)}
    assert Decimal(str(pays["Начавшая Анна Петровна"])) == Decimal("1645.16")

    pdf = payroll_pdf(payroll, own, compiled_by(world))
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())
    for expected in (
        "Список на доплату за наставничество за март 2027 г.",
        "Начавшая Анна Петровна",
        "1 645,16",
        "8 612,90",
    ):
        assert expected in text, expected
    assert "Колледжева" not in text


# --- the month's PDF kept while its rows stay the same ---------------------------------------------


@pytest.fixture
def renders(monkeypatch):
    """How many times WeasyPrint wrote a PDF."""
    from core import pdf

    count = {"n": 0}

    class Counted(pdf.HTML):
        def write_pdf(self, *args, **kwargs):
            count["n"] += 1
            return super().write_pdf(*args, **kwargs)

    monkeypatch.setattr(pdf, "HTML", Counted)
    return count


@pytest.fixture
def cache(settings, tmp_path):
    settings.PDF_CACHE_DIR = tmp_path / "pdf-cache"
    return settings.PDF_CACHE_DIR


def test_the_same_month_is_rendered_once_and_given_again(world, march, renders, cache):
    own = Organization.own()
    first = payroll_pdf(payroll_for_month(2027, 3), own, compiled_by(world))
    again = payroll_pdf(payroll_for_month(2027, 3), own, compiled_by(world))
    assert renders["n"] == 1 and again == first
    kept = list((cache / "payroll" / "2027-03" / f"user-{world.users['curator'].pk}").iterdir())
    assert [path.suffix for path in kept] == [".pdf"]
    assert kept[0].stat().st_mode & 0o077 == 0  # salaries: the server's user alone reads them


def test_a_change_of_the_records_writes_the_list_again(world, march, renders, cache):
    own = Organization.own()
    before = payroll_pdf(payroll_for_month(2027, 3), own, compiled_by(world))
    person = march["whole"].mentor.person
    person.last_name = "Цельная"  # married: the list must not print the old name
    person.save()
    after = payroll_pdf(payroll_for_month(2027, 3), own, compiled_by(world))
    assert renders["n"] == 2 and after != before
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(after)).pages).split())
    assert "Цельная Анна Петровна" in text and "Целый" not in text
    # The older PDF of the month is not kept beside the new one.
    assert len(list((cache / "payroll" / "2027-03").rglob("*.pdf"))) == 1
    # Another month is another file.
    payroll_pdf(payroll_for_month(2027, 4), own, compiled_by(world))
    assert renders["n"] == 3


def test_the_download_gives_the_kept_pdf(client, world, march, renders, cache):
    client.force_login(world.users["head"])
    url = reverse("mentorship:payroll-pdf", args=[2027, 3])
    first, second = client.get(url), client.get(url)
    assert first.status_code == second.status_code == 200
    assert first.content == second.content and renders["n"] == 1


def test_the_daily_run_writes_this_month_and_the_last_ahead_for_those_who_compile_them(world, march, renders, cache):
    from core import daily
    from mentorship.payroll import payroll_prepare

    assert payroll_prepare(date(2027, 4, 2)) == (
        "Списки на доплату в PDF: заранее готовить не для кого (за 45 дней их никто не выгружал)."
    )
    assert renders["n"] == 0
    downloads = [
        personal_data_exported(
            what="Список на доплату за наставничество за март 2027 г. (PDF)", rows=3, actor=world.users["curator"]
        ),
        personal_data_exported(what="Выгрузка банка наставников", rows=3, actor=world.users["head"]),
        personal_data_exported(
            what="Список на доплату за наставничество за январь 2027 г. (XLSX)", rows=3, actor=world.users["admin"]
        ),
    ]
    when = {0: date(2027, 3, 31), 1: date(2027, 3, 31), 2: date(2027, 2, 15)}  # the admin's: 46 days before
    for n, download in enumerate(downloads):
        type(download).objects.filter(pk=download.pk).update(
            exported_at=timezone.make_aware(datetime.combine(when[n], time(12)))
        )
    line = payroll_prepare(date(2027, 4, 2))
    assert line == (
        "Списки на доплату готовы в PDF: апрель 2027 г. (3 строки), март 2027 г. (3 строки); для 1 составителя."
    )
    assert renders["n"] == 2
    payroll_pdf(payroll_for_month(2027, 3), Organization.own(), compiled_by(world, on=date(2027, 4, 2)))
    assert renders["n"] == 2  # the curator's download did not wait for WeasyPrint
    payroll_pdf(payroll_for_month(2027, 3), Organization.own(), compiled_by(world, "head", on=date(2027, 4, 2)))
    assert renders["n"] == 3  # the head's list bears the head's name
    job = next(job for job in daily.jobs() if job.name == "payroll-pdf")
    assert job.order > next(job for job in daily.jobs() if job.name == "pairs-start").order


def test_the_list_names_its_basis_its_date_and_who_compiled_it(world, march, cache):
    payroll = payroll_for_month(2027, 3)
    own = Organization.own()
    row = next(row for row in payroll.rows if row.agreement.pairing == march["started"])
    order = row.agreement.order
    basis = f"приказ от {order.date:%d.%m.%Y} № {order.number_text}"
    assert row.basis == basis and row.agreement_text.endswith("№ ______")  # not numbered by the clerk yet
    row.agreement.number = "7"
    row.agreement.save()
    payroll = payroll_for_month(2027, 3)
    compiled = compiled_by(world)
    curator = world.person("curator")
    pdf = payroll_pdf(payroll, own, compiled)
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())
    assert basis in text and "№ 7" in text
    assert "Дата составления: 31.03.2027" in text
    assert "Всего начислено: 8 612,90 руб. (восемь тысяч шестьсот двенадцать рублей 90 копеек)" in text
    assert f"Составил(а): {lower_first(str(curator.position))}" in text and compiled.name in text
    assert "с 15.03.2027 по 31.03.2027" in text
    sheet = load_workbook(io.BytesIO(payroll_xlsx(payroll, own, compiled))).active
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert "Дата составления: 31.03.2027." in values[2][0]
    started = next(row for row in values if row[1] == "Начавшая Анна Петровна")
    assert started[5] == f"от {row.agreement.date:%d.%m.%Y} № 7" and started[6] == basis
    signatures = [row for row in values if row[4] == "____________________"]
    assert [row[1] for row in signatures] == [
        str(own.head.position),
        f"Составил(а): {lower_first(str(curator.position))}",
    ]
    assert started[7] == "с 15.03.2027 по 31.03.2027"
    assert signatures[1][6] == compiled.name
    # Printed as the accountant files it: A4 landscape, one page wide, the header on each page.
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    assert sheet.print_title_rows == "$5:$5" and "&P" in sheet.oddFooter.center.text
    assert round(sheet.page_margins.top * 25.4) >= 20 and round(sheet.page_margins.left * 25.4) >= 20


def test_the_page_names_the_agreements_to_number(world, march, client_as):
    page = client_as("head").get(reverse("mentorship:payroll") + "?month=2027-03").content.decode()
    assert "Соглашений без номера: 3" in page
    assert reverse("mentorship:agreement-update", args=[march["started"].agreements.get().pk]) in page
