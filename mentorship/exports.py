"""The bank as an XLSX workbook: mentors, mentees, publication consents."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from core.spreadsheets import append_row
from people.roles import Role, roles_of

from .models import PublicationConsent
from .selectors import mentees_for, mentors_for


def _sheet(workbook, title, headers, rows, widths):
    sheet = workbook.create_sheet(title)
    append_row(sheet, headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        append_row(sheet, row)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    return len(rows)


def _date(value):
    return value.strftime("%d.%m.%Y") if value else ""


def bank_workbook(user) -> tuple[bytes, int]:
    """The workbook and the number of rows in it. A mentee's difficulties are included only for
    those who may read them (the curator and the head)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    mentors = list(mentors_for(user))
    count = _sheet(
        workbook,
        "Наставники",
        [
            "ФИО",
            "Должность",
            "Организация",
            "Педстаж",
            "Категория",
            "Направления",
            "Компетенции",
            "Наставляемых сейчас",
            "Согласие на обработку ПД получено",
            "В банке",
        ],
        [
            [
                m.person.full_name,
                str(m.person.position),
                str(m.person.organization),
                m.person.teaching_experience,
                m.person.get_qualification_category_display(),
                "; ".join(str(d) for d in m.directions.all()),
                m.competencies,
                m.current_mentees,
                _date(m.consent_given_on),
                "да" if m.is_active else "нет",
            ]
            for m in mentors
        ],
        [34, 24, 28, 14, 18, 50, 40, 12, 14, 8],
    )
    mentees = list(mentees_for(user))
    # Only the curator and the head read every mentee's difficulties (the administrator never does).
    sensitive = bool(roles_of(user) & {Role.CURATOR, Role.HEAD})
    headers = [
        "ФИО",
        "Должность",
        "Категория",
        "Педстаж",
        "Дата приёма",
        "Наставник",
        "Согласие на обработку ПД получено",
        "Сильные стороны",
        "В банке",
    ]
    if sensitive:
        headers += ["Профессиональные затруднения", "Запрос"]
    rows = []
    for mentee in mentees:
        row = [
            mentee.person.full_name,
            str(mentee.person.position),
            str(mentee.category),
            mentee.person.teaching_experience,
            _date(mentee.person.hired_on),
            ", ".join(p.mentor.person.full_name for p in mentee.current_pairings),
            _date(mentee.consent_given_on),
            mentee.strengths,
            "да" if mentee.is_active else "нет",
        ]
        if sensitive:
            row += [mentee.difficulties, mentee.request]
        rows.append(row)
    count += _sheet(workbook, "Наставляемые", headers, rows, [34, 24, 26, 14, 12, 34, 14, 40, 8, 50, 40])
    consents = PublicationConsent.objects.select_related("person").order_by("person__last_name", "-given_on")
    count += _sheet(
        workbook,
        "Согласия на публикацию",
        ["ФИО", "Что можно публиковать", "Дата согласия", "Действует до", "Отозвано", "Действует сейчас"],
        [
            [
                c.person.full_name,
                ", ".join(c.data_labels),
                _date(c.given_on),
                _date(c.valid_until) or "до отзыва",
                _date(c.withdrawn_on),
                "да" if c.is_in_force() else "нет",
            ]
            for c in consents
        ],
        [34, 50, 14, 14, 14, 10],
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue(), count
