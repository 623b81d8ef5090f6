"""The monthly list for the accountant: the extra pay for mentoring (ТК РФ ст. 351.8).

A row is one additional agreement in force during the month: our own mentor, the pair (group),
the days mentored in the month and the pay due. The pay is the one the agreement states — per
mentee per month, a fixed sum or a percentage of the mentor's salary — for the calendar days of
the month the mentor mentored under it:

    pay = monthly sum × mentees × days mentored ÷ days in the month, rounded to kopecks (half up);

days mentored run from the later of the agreement's start and the month's first day to the
earliest of its end, the day before the mentor was replaced, the pair's actual end (the last day
of a completed or terminated pair counts) and the month's last day. Partner organizations'
mentors are not paid by us: they are listed apart, without pay. A pair under order whose own
mentor has no agreement in the system is listed as a warning, not paid by guess.
"""

import calendar
import io
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from core.spreadsheets import append_row
from core.text import lower_first, plural, rubles_in_words
from people.models import Organization

from .models import Mentor, MentoringAgreement, Pairing
from .models.agreements import KOPECK, percent, rubles
from .selectors import agreements_in_month, pairings_under_order_in_month

MONTHS = (
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
)
RULE_NOTE = (
    "Доплата — по дополнительным соглашениям к трудовым договорам (ст. 351.8 ТК РФ), за каждого наставляемого "
    "в месяц; за неполный месяц — пропорционально календарным дням наставничества: размер в месяц × дни "
    "наставничества ÷ дней в месяце, с округлением до копеек. Наставникам из организаций-партнёров доплата не "
    "начисляется."
)


# A number not given yet prints as a line to write it on.
UNNUMBERED = "______"


@dataclass(frozen=True)
class Compiled:
    """Who compiled the list and when: printed under it, next to the head's signature."""

    on: date
    position: str
    name: str  # «И.А. Морозова»
    key: str  # whose: each compiler's PDF is kept apart

    @classmethod
    def by(cls, user, on: date) -> "Compiled":
        from core.declension import signature_name
        from people.roles import person_of

        person = person_of(user)
        if person is None:
            return cls(on=on, position="", name=user.get_full_name() or user.get_username(), key=f"user-{user.pk}")
        return cls(
            on=on,
            position=lower_first(str(person.position)) if person.position_id else "",
            name=signature_name(person.last_name, person.first_name, person.middle_name),
            key=f"user-{user.pk}",
        )


def month_title(year: int, month: int) -> str:
    return f"{MONTHS[month - 1]} {year} г."


@dataclass
class PayrollRow:
    agreement: MentoringAgreement
    mentees: list[str]
    first_day: date
    last_day: date
    days: int
    monthly: Decimal | None
    pay: Decimal | None
    size: str  # how the monthly sum is made: «3 000,00 руб. × 2»
    problem: str = ""

    @property
    def pairing(self) -> Pairing:
        return self.agreement.pairing

    @property
    def agreement_text(self) -> str:
        """«от 01.09.2025 № 12», or «от 01.09.2025 № ______» while the clerk has not numbered it."""
        agreement = self.agreement
        return f"от {agreement.date:%d.%m.%Y} № {agreement.number or UNNUMBERED}"

    @property
    def term(self) -> str:
        """«с 01.11.2026 по 30.11.2026», as the order and the agreement word a term."""
        return f"с {self.first_day:%d.%m.%Y} по {self.last_day:%d.%m.%Y}"

    @property
    def basis(self) -> str:
        """The order that assigned the mentor and set the pay: «приказ от 01.09.2025 № 5-ОД»."""
        order = self.agreement.order
        return f"приказ от {order.date:%d.%m.%Y} № {order.number_text or UNNUMBERED}"


@dataclass
class PayrollMentor:
    mentor: Mentor
    rows: list[PayrollRow] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return sum((row.pay for row in self.rows if row.pay is not None), Decimal("0.00"))


@dataclass
class Payroll:
    year: int
    month: int
    first: date
    last: date
    days_in_month: int
    mentors: list[PayrollMentor]
    without_agreement: list[Pairing]
    partners: list[Pairing]

    @property
    def title(self) -> str:
        return month_title(self.year, self.month)

    @property
    def rows(self) -> list[PayrollRow]:
        return [row for mentor in self.mentors for row in mentor.rows]

    @property
    def total(self) -> Decimal:
        return sum((mentor.total for mentor in self.mentors), Decimal("0.00"))

    @property
    def total_in_words(self) -> str:
        return rubles_in_words(self.total)

    @property
    def problems(self) -> list[PayrollRow]:
        return [row for row in self.rows if row.pay is None]

    @property
    def unnumbered(self) -> list[PayrollRow]:
        """Rows whose agreement the clerk has not numbered yet: the list prints «№ ______» for them."""
        return [row for row in self.rows if not row.agreement.number]


def month_bounds(year: int, month: int) -> tuple[date, date, int]:
    """First day, last day, number of days. ValueError for a month that does not exist."""
    if not (1 <= month <= 12 and 1900 <= year <= 2200):
        raise ValueError("Нет такого месяца.")
    days = calendar.monthrange(year, month)[1]
    return date(year, month, 1), date(year, month, days), days


def prorate(monthly: Decimal, days: int, days_in_month: int) -> Decimal:
    """The month's sum for `days` of it, to the kopeck, half up (0,005 → 0,01)."""
    return (monthly * days / days_in_month).quantize(KOPECK, rounding=ROUND_HALF_UP)


def _size(agreement: MentoringAgreement, salary) -> tuple[str, str]:
    """How the monthly sum is made, and what stops computing it."""
    count = agreement.mentees_count
    if agreement.pay_rule == Organization.PayRule.FIXED and agreement.pay_amount:
        return f"{rubles(agreement.pay_amount)} руб. × {count}", ""
    if agreement.pay_rule == Organization.PayRule.PERCENT and agreement.pay_percent:
        if not salary:
            return f"{percent(agreement.pay_percent)} % оклада × {count}", "не указан оклад наставника"
        return f"{percent(agreement.pay_percent)} % от {rubles(salary)} руб. × {count}", ""
    return "—", "размер доплаты не задан в системе: смотрите подписанное соглашение"


def payroll_for_month(year: int, month: int) -> Payroll:
    """Everything the pay list shows for a month, in three queries whatever the number of rows."""
    first, last, days_in_month = month_bounds(year, month)
    mentors: dict[int, PayrollMentor] = {}
    for agreement in agreements_in_month(first, last):
        start, end = max(agreement.starts_on, first), min(agreement.last_day, last)
        if end < start:
            continue  # replaced on the very first day: never mentored under it
        days = (end - start).days + 1
        salary = agreement.mentor.salary
        size, problem = _size(agreement, salary)
        monthly = agreement.monthly_pay(salary)
        row = PayrollRow(
            agreement=agreement,
            mentees=[mentee.person.full_name for mentee in agreement.pairing.mentees.all()],
            first_day=start,
            last_day=end,
            days=days,
            monthly=monthly,
            pay=prorate(monthly, days, days_in_month) if monthly is not None else None,
            size=size,
            problem=problem,
        )
        mentors.setdefault(agreement.mentor_id, PayrollMentor(agreement.mentor)).rows.append(row)
    without, partners = [], []
    for pairing in pairings_under_order_in_month(first, last):
        if not pairing.mentor.person.organization.is_own:
            partners.append(pairing)
        elif not pairing.has_agreement:
            without.append(pairing)
    return Payroll(
        year=year,
        month=month,
        first=first,
        last=last,
        days_in_month=days_in_month,
        mentors=list(mentors.values()),
        without_agreement=without,
        partners=partners,
    )


# --- the files for the accountant ---------------------------------------------------------------

XLSX_HEADERS = [
    "№ п/п",
    "Наставник (ФИО)",
    "Табельный номер",
    "Должность",
    "Наставляемые",
    "Дополнительное соглашение",
    "Основание",
    "Период в месяце",
    "Дней",
    "Размер в месяц",
    "Доплата в месяц, руб.",
    "Начислено, руб.",
]


def payroll_xlsx(payroll: Payroll, organization: Organization | None, compiled: Compiled) -> bytes:
    """The list as a workbook: title, one row per agreement with its basis, a subtotal for a mentor
    with several pairs, the total, the signatures; sums are numbers (the accountant adds them up)
    formatted to kopecks; printed on A4 landscape, one page wide, the header repeated on each page."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.page import PageMargins

    from core.declension import signature_name

    money = "#,##0.00"
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = f"{MONTHS[payroll.month - 1].capitalize()} {payroll.year}"
    append_row(sheet, [organization.full_name if organization else ""])
    append_row(sheet, [f"Список на доплату за наставничество за {payroll.title}"])
    append_row(sheet, [f"{RULE_NOTE} Дата составления: {compiled.on:%d.%m.%Y}."])
    append_row(sheet, [])
    sheet["A1"].font = Font(bold=True)
    sheet["A2"].font = Font(bold=True, size=13)
    sheet["A3"].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.merge_cells(start_row=3, start_column=1, end_row=3, end_column=len(XLSX_HEADERS))
    sheet.row_dimensions[3].height = 48
    append_row(sheet, XLSX_HEADERS)
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    number = 0
    for entry in payroll.mentors:
        person = entry.mentor.person
        for row in entry.rows:
            number += 1
            append_row(
                sheet,
                [
                    number,
                    person.full_name,
                    person.personnel_number,
                    str(person.position),
                    "; ".join(row.mentees),
                    row.agreement_text,
                    row.basis,
                    row.term,
                    row.days,
                    row.size,
                    row.monthly.quantize(KOPECK, ROUND_HALF_UP) if row.monthly is not None else None,
                    row.pay if row.pay is not None else row.problem,
                ],
            )
        if len(entry.rows) > 1:
            append_row(sheet, [None, f"Итого: {person.full_name}", *[None] * 9, entry.total])
            sheet.cell(sheet.max_row, 2).font = Font(italic=True)
    append_row(sheet, [None, "ИТОГО", *[None] * 9, payroll.total])
    last_row = sheet.max_row
    for cell in sheet[last_row]:
        cell.font = Font(bold=True)
    for row in sheet.iter_rows(min_row=header_row + 1, min_col=11, max_col=12):
        for cell in row:
            if isinstance(cell.value, Decimal):
                cell.number_format = money
    for row in sheet.iter_rows(min_row=header_row + 1):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    head = organization.head if organization else None
    append_row(sheet, [])
    append_row(
        sheet,
        [
            None,
            str(head.position) if head else "Руководитель",
            None,
            None,
            "____________________",
            None,
            signature_name(head.last_name, head.first_name, head.middle_name) if head else "",
        ],
    )
    append_row(sheet, [])
    append_row(
        sheet,
        [None, f"Составил(а): {compiled.position}".rstrip(), None, None, "____________________", None, compiled.name],
    )
    for index, width in enumerate([6, 30, 10, 18, 34, 18, 20, 23, 7, 24, 14, 14], start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)
    # Print setup: A4 landscape, one page wide, the table's header on every page, margins of 20 mm,
    # page numbers at the bottom.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.print_area = f"A1:{get_column_letter(len(XLSX_HEADERS))}{sheet.max_row}"
    inch = 25.4
    sheet.page_margins = PageMargins(left=30 / inch, right=20 / inch, top=20 / inch, bottom=20 / inch)
    sheet.oddFooter.center.text = "Страница &P из &N"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def payroll_pdf(payroll: Payroll, organization: Organization | None, compiled: Compiled) -> bytes:
    """The list as the accountant prints it, dated and signed by whoever compiled it. The PDF is kept
    while its text stays the same (core.pdf.render_pdf_cached): a municipality's month is 53 pages
    and about 10 s of rendering, so it is written once after a change (or at night for those who
    compile it, payroll_prepare) and then given at once."""
    from core.declension import signature_name
    from core.pdf import render_pdf_cached

    head = organization.head if organization else None
    return render_pdf_cached(
        "mentorship/pdf/payroll.html",
        {
            "payroll": payroll,
            "organization": organization,
            "note": RULE_NOTE,
            "head": head,
            "head_signature": signature_name(head.last_name, head.first_name, head.middle_name) if head else "",
            "compiled": compiled,
        },
        name=f"payroll/{payroll.year}-{payroll.month:02d}/{compiled.key}",
    )


# What the export log says of a pay list's download (people.services.personal_data_exported).
EXPORT_TITLE = "Список на доплату за наставничество"


def payroll_prepare(today: date) -> str:
    """The daily run: this month's and last month's lists written ahead as PDF, dated today, for each
    person who downloaded a pay list in the last 45 days (the list bears its compiler's name), so
    their download in the morning does not wait for the rendering. One line for the log."""
    from django.contrib.auth import get_user_model

    from people.models import ExportLog

    since = today - timedelta(days=45)
    compilers = get_user_model().objects.filter(
        is_active=True,
        pk__in=ExportLog.objects.filter(what__startswith=EXPORT_TITLE, exported_at__date__gte=since).values(
            "exported_by"
        ),
    )
    own = Organization.own()
    previous = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    months = [payroll_for_month(year, month) for year, month in ((today.year, today.month), previous)]
    written = 0
    for user in compilers:
        compiled = Compiled.by(user, today)
        for payroll in months:
            payroll_pdf(payroll, own, compiled)
            written += 1
    if not written:
        return "Списки на доплату в PDF: заранее готовить не для кого (за 45 дней их никто не выгружал)."
    titles = ", ".join(
        f"{payroll.title} ({plural(len(payroll.rows), 'строка', 'строки', 'строк')})" for payroll in months
    )
    whom = plural(compilers.count(), "составителя", "составителей", "составителей")
    return f"Списки на доплату готовы в PDF: {titles}; для {whom}."
