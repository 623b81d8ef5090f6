"""The annual analytic report (итоговый аналитический отчёт) as PDF, XLSX and DOCX, and the interim
monitoring справка as PDF. Every format prints the sections of reports.sections, built from plain data
(`reports.annual.report_data(report)`, `reports.annual.interim_figures(period)`): a view, a service or
the `annual_report` command passes the data and gets the bytes back."""

import io
import re
from datetime import date

from django.utils.text import slugify
from docx.shared import Emu

from core.declension import signature_name
from core.docx import DocxDocument
from core.letters import BLANK_DATE
from core.pdf import render_pdf
from core.spreadsheets import append_row
from core.text import by_gender

from .sections import (
    AVERAGE,
    COUNT,
    DASH,
    POINTS,
    SHARE,
    Num,
    Section,
    Table,
    annual_sections,
    chart_html,
    interim_sections,
)

ANNUAL_TEMPLATE = "reports/pdf/annual.html"
INTERIM_TEMPLATE = "reports/pdf/interim.html"
TITLE = "Итоговый аналитический отчёт о реализации системы наставничества педагогических работников"
INTERIM_TITLE = "Справка по итогам промежуточного мониторинга реализации системы наставничества"
NUMBER_FORMATS = {
    COUNT: "0",
    SHARE: "0.0%",
    AVERAGE: "0.0",
    POINTS: '+0.0" п. п.";-0.0" п. п.";0.0" п. п."',
}
CHANGE_FORMAT = "+0.0;-0.0;0.0"
SHORT_TABLE = 12  # rows: a table this short is not split across pages
DATE = re.compile(r"^\d{2}\.\d{2}\.\d{4}$")


def _day(iso: str | None) -> str:
    return f"{date.fromisoformat(iso):%d.%m.%Y}" if iso else ""


def _sign(full_name: str) -> str:
    """«Соколова Елена Викторовна» → «Е.В. Соколова»."""
    parts = (full_name or "").split()
    if not parts:
        return ""
    return signature_name(parts[0], parts[1] if len(parts) > 1 else "", " ".join(parts[2:]))


def _signers(figures: dict) -> dict:
    """Who signs, as the figures name them (a report frozen before they were kept names nobody)."""
    signers = figures.get("signers") or {}
    blank = {"name": "", "sign": "", "position": "", "acquainted": by_gender(None, "Ознакомлен", "Ознакомлена")}
    return {role: {**blank, **(signers.get(role) or {})} for role in ("curator", "head")}


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


# --- PDF -------------------------------------------------------------------------------------------------


def _printed(sections: list[Section]) -> list[dict]:
    """The sections as the PDF templates and the DOCX print them: each cell as its text, marked when it is
    a number or a date (centred, never wrapped); a short table and an introduction kept together."""
    result = []
    for section in sections:
        blocks = []
        for index, block in enumerate(section.blocks):
            following = section.blocks[index + 1].kind if index + 1 < len(section.blocks) else ""
            entry = {
                "kind": block.kind,
                "text": block.text,
                "items": block.items,
                "table": block.table,
                # An introduction stays on the page of the table or chart it introduces.
                "keep": following in ("table", "chart"),
            }
            if block.kind == "chart":
                entry["svg"] = chart_html(block.svg)
            if block.kind == "table":
                entry["short"] = len(block.table.rows) <= SHORT_TABLE
                entry["rows"] = [
                    [{"text": str(cell), "num": isinstance(cell, Num) or bool(DATE.match(str(cell)))} for cell in row]
                    for row in block.table.rows
                ]
            blocks.append(entry)
        result.append({"heading": section.heading, "number": section.number, "blocks": blocks})
    return result


def _annual_context(data: dict) -> dict:
    figures = data["figures"]
    approved = data.get("approved")
    signers = _signers(figures)
    return {
        "organization": figures.get("organization", ""),
        "title": TITLE,
        "year_label": data["year_label"],
        "period": figures["period"],
        "computed_on": _day(figures.get("computed_on")),
        "approved": approved,
        "approve": {
            "position": approved["position"] if approved and approved.get("position") else "Руководитель",
            "sign": _sign(approved["by"]) if approved else "",
            "date": f"{date.fromisoformat(approved['on']):%d.%m.%Y}" if approved else BLANK_DATE,
        },
        "curator": signers["curator"],
        "head": signers["head"],
        "sections": _printed(annual_sections(data)),
    }


def annual_pdf(data: dict) -> bytes:
    """The report as the records office prints it: ГОСТ Р 7.0.97 layout, «ПРОЕКТ» until approved."""
    return render_pdf(ANNUAL_TEMPLATE, _annual_context(data))


def interim_pdf(data: dict) -> bytes:
    """The interim monitoring справка for `interim_figures(period)`; decisions are lines to fill in."""
    signers = _signers(data)
    return render_pdf(
        INTERIM_TEMPLATE,
        {
            "organization": data.get("organization", ""),
            "title": INTERIM_TITLE,
            "period": data["period"],
            "end": _day(data["period"]["end"]),
            "computed_on": _day(data.get("computed_on")),
            "curator": signers["curator"],
            "head": signers["head"],
            "sections": _printed(interim_sections(data)),
        },
    )


# --- XLSX ------------------------------------------------------------------------------------------------


def _xlsx_value(cell):
    """A number stays a number (a share as a fraction under a % format); None is «—»; text is text."""
    if isinstance(cell, Num):
        if cell.value is None:
            return DASH, None
        if cell.kind == SHARE:
            return cell.value / 100, NUMBER_FORMATS[SHARE]
        if cell.signed:
            return cell.value, CHANGE_FORMAT
        if cell.kind == COUNT:
            return int(cell.value), NUMBER_FORMATS[COUNT]
        return float(cell.value), NUMBER_FORMATS[cell.kind]
    return ("" if cell is None else str(cell)), None


def _sheet_name(name: str, taken: set) -> str:
    for char in "[]:*?/\\":
        name = name.replace(char, " ")
    name = name[:31].strip()
    candidate, number = name, 2
    while candidate in taken:
        suffix = f" ({number})"
        candidate, number = name[: 31 - len(suffix)] + suffix, number + 1
    taken.add(candidate)
    return candidate


def _print_setup(sheet, *, landscape: bool, header_row: int | None) -> None:
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as it takes
    sheet.print_options.horizontalCentered = True
    if header_row:
        sheet.print_title_rows = f"{header_row}:{header_row}"


def _title_rows(sheet, organization: str, title: str) -> None:
    from openpyxl.styles import Font

    append_row(sheet, [organization])
    append_row(sheet, [title])
    append_row(sheet, [])
    sheet["A1"].font = Font(bold=True)
    sheet["A2"].font = Font(bold=True, size=13)


def _write_table(sheet, table, *, freeze: bool) -> int:
    """The table under the sheet's last row: its caption, the bold header, the rows. The header's row."""
    from openpyxl.styles import Alignment, Font

    if table.caption:
        append_row(sheet, [table.caption])
        sheet.cell(sheet.max_row, 1).font = Font(italic=True)
    append_row(sheet, table.headers)
    header = sheet.max_row
    for cell in sheet[header]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    if freeze:
        sheet.freeze_panes = f"A{header + 1}"  # a name, not sheet.cell(): that would create the row below
    for index, row in enumerate(table.rows, start=1):
        values = [_xlsx_value(cell) for cell in row]
        append_row(sheet, [value for value, _format in values])
        for cell, (_value, number_format) in zip(sheet[sheet.max_row], values, strict=False):
            if number_format:
                cell.number_format = number_format
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if table.total and index == len(table.rows):
                cell.font = Font(bold=True)
    append_row(sheet, [])
    return header


def _raw_rows(data: dict) -> list[list]:
    """Every figure of the report one a row: section, row, value, numerator, denominator."""
    figures = data["figures"]
    rows = []

    def count(section, label, value):
        rows.append([section, label, Num(value), None, None])

    staff, mentees, mentors, pairs = figures["staff"], figures["mentees"], figures["mentors"], figures["pairs"]
    count("1. Кадровый состав", "Педагогических работников", staff["pedagogical"])
    count("1. Кадровый состав", "Молодых специалистов", staff["young"])
    for key, label in (("total", "Всего"), ("own", "Сотрудники организации"), ("partner", "Из организаций-партнёров")):
        count("2. Наставляемые", label, mentees[key])
    for label, n in mentees["by_category"]:
        count("2. Наставляемые по категориям", label, n)
    for key, label in (("total", "Всего"), ("own", "Сотрудники организации"), ("partner", "Из организаций-партнёров")):
        count("3. Наставники", label, mentors[key])
    for key, label in (("total", "Всего"), ("individual", "Индивидуальных"), ("group", "Групповых")):
        count("4. Пары и группы", label, pairs[key])
    for label, n in pairs["by_form"]:
        count("4. Пары по формам", label, n)
    for label, n_pairs, n_mentees, n_completed in pairs["by_direction"]:
        count("4. Пары по направлениям", f"{label}: пар (групп)", n_pairs)
        count("4. Пары по направлениям", f"{label}: наставляемых", n_mentees)
        count("4. Пары по направлениям", f"{label}: программ завершено", n_completed)
    programs = figures["programs"]
    for key, label in (
        ("started", "Начато"),
        ("completed", "Завершено"),
        ("terminated", "Прекращено досрочно"),
        ("in_work", "Реализуется"),
    ):
        count("5. Программы", label, programs[key])
    for label, n in programs["reasons"]:
        count("5. Прекращены досрочно по причинам", label, n)
    activities = figures["activities"]
    for key, label in (
        ("plan_total", "Мероприятий планов со сроком в году"),
        ("plan_in_time", "Выполнено в срок"),
        ("records", "Записей в журналах"),
        ("records_confirmed", "Подтверждено наставляемыми"),
    ):
        count("6. Мероприятия", label, activities[key])
    for indicator in figures["indicators"]:
        share = indicator["kind"] == "share"
        rows.append(
            [
                "7. Показатели",
                indicator["title"],
                Num(indicator["value"], SHARE if share else AVERAGE),
                Num(indicator["numerator"]) if share else None,
                Num(indicator["denominator"]),
            ]
        )
        for label, n in indicator["breakdown"]:
            count(f"7. {indicator['title']}: по видам", label, n)
    for row in figures["diagnostics"]["rows"]:
        rows.append(["8. Самодиагностика", f"{row['label']}: в начале", Num(row["start"], AVERAGE), None, None])
        rows.append(["8. Самодиагностика", f"{row['label']}: в конце", Num(row["end"], AVERAGE), None, None])
    growth = figures["growth"]
    for key, label in (
        ("courses", "Курсы (записей)"),
        ("course_people", "Прошли курсы (человек)"),
        ("course_hours", "Часов обучения"),
        ("certifications", "Аттестация"),
        ("contests", "Конкурсы"),
        ("open_events", "Открытые мероприятия"),
        ("publications", "Публикации"),
        ("rewards", "Награды"),
    ):
        count("10. Профессиональный рост", label, growth[key])
    for label, n in growth["contests_by_level"]:
        count("10. Конкурсы по уровням", label, n)
    count("12. Лучшие практики", "Программ — лучших практик", len(figures["best_practices"]))
    for row in figures["regional_check"]:
        rows.append(["13. Региональная проверка", row["title"], "да" if row["exists"] else "нет", None, None])
    return rows


def annual_xlsx(data: dict) -> bytes:
    """A sheet per section (its tables, numbers as numbers), the texts, and «Данные»: every figure a row."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    figures = data["figures"]
    organization = figures.get("organization", "")
    title = f"{TITLE} за {data['year_label']} учебный год"
    if not data.get("approved"):
        title += " (проект: показатели на " + _day(figures.get("computed_on")) + ")"
    workbook = Workbook()
    workbook.remove(workbook.active)
    taken: set = set()
    sections = annual_sections(data)
    for section in (section for section in sections if section.number):
        sheet = workbook.create_sheet(_sheet_name(section.sheet, taken))
        _title_rows(sheet, organization, title)
        append_row(sheet, [section.heading])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True, size=12)
        widest = max(section.tables, key=lambda table: len(table.headers), default=None)
        columns = max(len(widest.headers) if widest else 2, 2)
        widths = widest.widths if widest and len(widest.headers) == columns else [70, 30]
        characters = 150 if columns > 2 else 90  # across the printed width
        header_row = None
        for block in section.blocks:
            if block.kind == "text":
                # A paragraph across the table's width, wrapped, its row as tall as its lines.
                append_row(sheet, [block.text])
                row = sheet.max_row
                sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
                sheet.cell(row, 1).alignment = Alignment(wrap_text=True, vertical="top")
                sheet.row_dimensions[row].height = 15 * (len(block.text) // characters + 1)
            elif block.kind == "definitions":
                _write_table(
                    sheet,
                    Table(["Показатель", "Определение"], [list(item) for item in block.items], [35, 65]),
                    freeze=False,
                )
            elif block.kind == "table":
                header = _write_table(sheet, block.table, freeze=header_row is None)
                header_row = header_row or header
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = max(8, round(characters * width / 100))
        _print_setup(sheet, landscape=columns > 4, header_row=header_row)
    texts = workbook.create_sheet(_sheet_name("Выводы и предложения", taken))
    _title_rows(texts, organization, title)
    header = _write_table(
        texts,
        Table(
            ["Раздел", "Текст"],
            [
                [section.title, "\n".join(block.text for block in section.blocks)]
                for section in sections
                if not section.number
            ],
            [25, 75],
        ),
        freeze=True,
    )
    texts.column_dimensions["A"].width, texts.column_dimensions["B"].width = 30, 100
    _print_setup(texts, landscape=False, header_row=header)
    raw = workbook.create_sheet(_sheet_name("Данные", taken))
    _title_rows(raw, organization, title)
    header = _write_table(
        raw,
        Table(["Раздел", "Строка", "Значение", "Числитель", "Знаменатель"], _raw_rows(data), [25, 45, 10, 10, 10]),
        freeze=True,
    )
    for letter, width in zip("ABCDE", (34, 70, 14, 14, 14), strict=True):
        raw.column_dimensions[letter].width = width
    _print_setup(raw, landscape=True, header_row=header)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- DOCX ------------------------------------------------------------------------------------------------


def annual_docx(data: dict) -> bytes:
    """The same sections as the PDF, editable (the head's report to the department): tables as Word tables;
    the charts stay in the PDF (their figures are in the tables)."""
    context = _annual_context(data)
    document = DocxDocument(draft_mark="")
    if context["organization"]:
        document.paragraph(context["organization"], align="center", bold=True, indent=False, space_after=12)
    approve = context["approve"]
    stamp = ["УТВЕРЖДАЮ", approve["position"], f"_____________ {approve['sign'] or '_______________'}", approve["date"]]
    document.lines(stamp, left_indent=Emu(int(document.width * 0.55)), size=12)
    if not context["approved"]:
        document.paragraph("ПРОЕКТ", align="right", bold=True, indent=False, space_before=6)
    document.paragraph(
        "ИТОГОВЫЙ АНАЛИТИЧЕСКИЙ ОТЧЁТ", align="center", bold=True, indent=False, space_before=12, keep_with_next=True
    )
    document.paragraph(
        f"о реализации системы наставничества педагогических работников за {context['year_label']} учебный год",
        align="center",
        indent=False,
        space_after=12,
    )
    text_width = document.width / 36000  # EMU in a millimetre
    for section in context["sections"]:
        document.paragraph(section["heading"], bold=True, indent=False, space_before=10, keep_with_next=True)
        for block in section["blocks"]:
            if block["kind"] == "text":
                for line in block["text"].split("\n"):
                    document.paragraph(line)
            elif block["kind"] == "table":
                table = block["table"]
                if table.caption:
                    document.paragraph(table.caption, italic=True, indent=False, space_before=4, keep_with_next=True)
                document.table(
                    table.headers,
                    [[cell["text"] for cell in row] for row in block["rows"]],
                    widths=[text_width * width / 100 for width in table.widths],
                    size=11,
                )
            elif block["kind"] == "definitions":
                document.paragraph(block["text"], italic=True, indent=False, space_before=6, keep_with_next=True)
                for title, definition in block["items"]:
                    document.paragraph(f"{title}: {_lower_first(definition)}")
    document.paragraph(space_before=18)
    curator, head = context["curator"], context["head"]
    document.signature("Куратор реализации программ наставничества", curator["sign"], hint=True)
    document.paragraph(space_before=12)
    document.signature(head["position"] or "Руководитель", head["sign"], hint=True)
    return document.to_bytes()


# --- names -----------------------------------------------------------------------------------------------


def file_name(data: dict, extension: str) -> str:
    """«Аналитический отчёт 2025-2026.pdf», «Справка мониторинга 01.09.2026-30.11.2026.pdf»."""
    extension = slugify(extension) or "bin"
    if "year" in data:
        year = int(data["year"])
        return f"Аналитический отчёт {year}-{year + 1}.{extension}"
    period = data["period"]
    start, end = (date.fromisoformat(str(period[key])) for key in ("start", "end"))
    return f"Справка мониторинга {start:%d.%m.%Y}-{end:%d.%m.%Y}.{extension}"
