"""Reading the staff list the kindergarten already keeps in a spreadsheet.

XLSX, or CSV as UTF-8 with «,» or as Russian Excel writes it (cp1251 with «;»). Rows are
matched on the табельный номер. Nothing is written here: `plan_import()` returns what would
change and every bad row with its line number; `services.staff_import_apply()` writes a clean
plan all at once.
"""

import re
from collections.abc import Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import islice

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone

from core.dates import add_months
from core.text import normalize_for_search, plural_form
from core.validators import validate_person_name
from people.models import Education, Organization, Person, Position, QualificationCategory

from .history import Change  # one «field: old → new» for the history and the import preview
from .import_files import (
    HEADER_ROWS,
    MAX_BLANK_ROWS,
    MAX_IMPORT_COLUMNS,
    MAX_IMPORT_ROWS,
    ImportFileError,
    open_table,
)

MAX_IMPORT_BYTES = 5 * 1024 * 1024

# Canonical column → the headers people write for it (compared case- and «ё»-insensitively).
COLUMNS = {
    "personnel_number": ["табельный номер", "таб. номер", "таб номер", "табельный №", "таб. №", "табельный"],
    "last_name": ["фамилия"],
    "first_name": ["имя"],
    "middle_name": ["отчество"],
    "full_name": ["фио", "ф.и.о.", "ф. и. о.", "сотрудник"],
    "position": ["должность"],
    "hired_on": ["дата приема", "дата приёма", "принят", "дата приема на работу"],
    "position_since": ["в должности с", "дата назначения на должность"],
    "experience": ["педстаж", "педагогический стаж", "педстаж, лет", "педстаж (лет)", "стаж педагогический"],
    "qualification_category": ["категория", "квалификационная категория"],
    "education": ["образование"],
    "phone": ["телефон"],
    "email": ["email", "e-mail", "эл. почта", "электронная почта", "почта"],
    "left_on": ["дата увольнения", "уволен"],
}
TEMPLATE_HEADERS = [
    "Табельный номер",
    "Фамилия",
    "Имя",
    "Отчество",
    "Должность",
    "Дата приёма",
    "В должности с",
    "Педстаж",
    "Категория",
    "Образование",
    "Телефон",
    "Email",
    "Дата увольнения",
]
TEMPLATE_EXAMPLE = [
    "031",
    "Семёнова",
    "Дарья",
    "Игоревна",
    "Воспитатель",
    "01.09.2026",
    "01.09.2026",
    "0,5",
    "Без категории",
    "Высшее педагогическое",
    "+7 900 000-00-00",
    "",
    "",
]
# Fields an import sets on a person, in the order the preview lists changes. On a person already
# in the bank only the cells the row fills are applied.
IMPORTED_FIELDS = [
    "last_name",
    "first_name",
    "middle_name",
    "position",
    "hired_on",
    "position_since",
    "teaching_since",
    "qualification_category",
    "education",
    "phone",
    "email",
    "status",
    "left_on",
]
CATEGORY_ALIASES = {
    "сзд": QualificationCategory.CONFORMITY,
    "нет": QualificationCategory.NONE,
    "": QualificationCategory.NONE,
}


@dataclass
class RowProblem:
    line: int
    reasons: list[str]


@dataclass
class PlannedRow:
    line: int
    values: dict
    person: Person | None = None
    changes: list[Change] = field(default_factory=list)
    # A new табельный номер with the full name and post of someone already in the bank: a probable
    # duplicate (a renumbered employee) that the curator decides — the same person or another one.
    candidates: list[Person] = field(default_factory=list)
    decided: bool = False
    choice: str = ""  # what the preview shows as marked: a person's pk or NEW_PERSON

    @property
    def name(self) -> str:
        return " ".join(
            v for v in (self.values["last_name"], self.values["first_name"], self.values["middle_name"]) if v
        )


@dataclass
class ImportPlan:
    creates: list[PlannedRow] = field(default_factory=list)
    updates: list[PlannedRow] = field(default_factory=list)
    unchanged: list[PlannedRow] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def is_clean(self) -> bool:
        return not self.problems

    @property
    def total(self) -> int:
        return len(self.creates) + len(self.updates) + len(self.unchanged)

    @property
    def probable_duplicates(self) -> list[PlannedRow]:
        return [row for row in self.creates if row.candidates]

    @property
    def undecided(self) -> list[PlannedRow]:
        """Rows that may be a person already in the bank, not yet decided: nothing is imported until
        each is (no silent duplicate)."""
        return [row for row in self.creates if row.candidates and not row.decided]

    # The preview's counts, in words that agree with the number.
    @property
    def creates_label(self) -> str:
        return plural_form(len(self.creates), "новый сотрудник", "новых сотрудника", "новых сотрудников")

    @property
    def updates_label(self) -> str:
        return plural_form(len(self.updates), "карточка обновится", "карточки обновятся", "карточек обновится")

    @property
    def unchanged_label(self) -> str:
        return plural_form(
            len(self.unchanged), "карточка без изменений", "карточки без изменений", "карточек без изменений"
        )


class UndecidedDuplicates(ValidationError):
    """The import is refused until every probable duplicate is decided (ImportPlan.undecided)."""

    def __init__(self, rows: list[PlannedRow]):
        super().__init__(
            [
                f"Строка {row.line}: «{row.name}», таб. № {row.values['personnel_number']} — похоже, этот сотрудник "
                f"уже есть в банке ({', '.join(_described(person) for person in row.candidates)}). Отметьте, "
                "тот же это сотрудник или другой человек."
                for row in rows
            ]
        )


def _described(person: Person) -> str:
    number = f", таб. № {person.personnel_number}" if person.personnel_number else ""
    return f"{person.full_name}, {str(person.position).lower()}{number}"


# --- reading the file ---------------------------------------------------------------------


def read_rows(name: str, content: bytes) -> list[tuple[int, dict[str, object]]]:
    """(line number, {canonical column: raw value}) for every non-empty data row under the header.
    Rows are read one at a time and reading stops at the first limit a file breaks (see import_files)."""
    if len(content) > MAX_IMPORT_BYTES:
        raise ImportFileError(
            f"Файл больше {MAX_IMPORT_BYTES // (1024 * 1024)} МБ: это не похоже на список сотрудников."
        )
    rows = []
    with closing(open_table(name, content)) as table:
        columns = _find_header(table)
        blank = 0
        for line, cells in table:
            values = {key: cells[index] if index < len(cells) else None for index, key in columns.items()}
            if all(_blank(v) for v in values.values()):
                blank += 1
                if blank > MAX_BLANK_ROWS:
                    raise ImportFileError(
                        f"В файле больше {MAX_BLANK_ROWS} пустых строк: это не похоже на список сотрудников. "
                        "Удалите пустые строки и загрузите файл снова."
                    )
                continue
            if len(rows) == MAX_IMPORT_ROWS:
                raise ImportFileError(f"Строк больше {MAX_IMPORT_ROWS}: разбейте файл на части.")
            rows.append((line, values))
    if not rows:
        raise ImportFileError("В файле нет ни одной строки с сотрудниками под заголовком.")
    return rows


def _find_header(table: Iterator[tuple[int, Sequence]]) -> dict[int, str]:
    """Reads the table up to its header, the first of the top rows naming at least ФИО and
    должность; returns {column index: canonical column}."""
    aliases = {normalize_for_search(alias): key for key, names in COLUMNS.items() for alias in names}
    for _, cells in islice(table, HEADER_ROWS):
        columns = {}
        for position, cell in enumerate(cells[:MAX_IMPORT_COLUMNS]):
            key = aliases.get(normalize_for_search(str(cell or "")).rstrip(":"))
            if key and key not in columns.values():
                columns[position] = key
        found = set(columns.values())
        if "position" in found and ({"last_name", "first_name"} <= found or "full_name" in found):
            return columns
    raise ImportFileError(
        "Не найдена строка заголовков: нужны столбцы «Табельный номер», «Фамилия», «Имя», «Должность» "
        "(или «ФИО» вместо трёх столбцов). Скачайте образец."
    )


# --- checking the rows ----------------------------------------------------------------------


def storable_rows(rows: list[tuple[int, dict[str, object]]]) -> list[list]:
    """The rows as JSON keeps them (ImportBatch.rows), so that the preview and the import check
    exactly what was read, without reading the file again: a date cell becomes «ДД.ММ.ГГГГ» (read
    back as the same date), text and numbers stay as they are, anything else becomes its text."""

    def value(cell):
        if isinstance(cell, datetime):
            cell = cell.date()
        if isinstance(cell, date):
            return f"{cell.day:02d}.{cell.month:02d}.{cell.year:04d}"
        if cell is None or isinstance(cell, str | int | float | bool):
            return cell
        return str(cell)

    return [[line, {key: value(cell) for key, cell in values.items()}] for line, values in rows]


def plan_import(*, organization: Organization, name: str, content: bytes, matches=None) -> ImportPlan:
    """What importing the file would do; bad rows are listed and make the plan unusable."""
    return plan_rows(organization=organization, rows=storable_rows(read_rows(name, content)), matches=matches)


NEW_PERSON = "new"


def _same_person_key(last: str, first: str, middle: str, position_id) -> tuple:
    return (normalize_for_search(" ".join(part for part in (last, first, middle) if part)), position_id)


def plan_rows(*, organization: Organization, rows: list, matches: dict | None = None) -> ImportPlan:
    """What importing rows already read (`storable_rows`) would do, checked against the bank as it is
    now: three queries whatever the number of rows.

    A row with a табельный номер the bank does not know, but the full name and post of a person in it,
    is a probable duplicate; `matches` holds the curator's decisions, {line: person pk (the same person:
    the row updates that card, its табельный номер too) or NEW_PERSON (another person)}. The person
    has no birth date in the bank, so the name and the post are what is compared."""
    matches = matches or {}
    positions = {normalize_for_search(p.name): p for p in Position.objects.filter(is_active=True)}
    people = list(Person.objects.filter(organization=organization).select_related("position"))
    existing = {p.personnel_number: p for p in people if p.personnel_number}
    namesakes: dict[tuple, list[Person]] = {}
    for person in people:
        key = _same_person_key(person.last_name, person.first_name, person.middle_name, person.position_id)
        namesakes.setdefault(key, []).append(person)
    plan = ImportPlan()
    seen: dict[str, int] = {}
    for line, raw in rows:
        values, reasons = _clean_row(raw, positions)
        number = values.get("personnel_number")
        if number:
            if number in seen:
                reasons.append(f"табельный номер {number} уже встречался в строке {seen[number]}")
            else:
                seen[number] = line
        row = PlannedRow(line, values, existing.get(number))
        if row.person is None and not reasons:
            position = values["position"]
            key = _same_person_key(values["last_name"], values["first_name"], values["middle_name"], position.pk)
            row.candidates = namesakes.get(key, [])
            decision = matches.get(line)
            chosen = next((p for p in row.candidates if p.pk == decision), None)
            row.decided = bool(row.candidates) and (decision == NEW_PERSON or chosen is not None)
            row.person = chosen
        if reasons:
            plan.problems.append(RowProblem(line, reasons))
            continue
        if row.person is None:
            plan.creates.append(row)
        else:
            row.changes = _changes(row.person, values)
            (plan.updates if row.changes else plan.unchanged).append(row)
    # Two rows for one card (its own табельный номер and a row marked «the same person»): which one is right?
    lines_of: dict[int, list[int]] = {}
    for row in plan.updates + plan.unchanged:
        lines_of.setdefault(row.person.pk, []).append(row.line)
    for rows_of_one in (lines for lines in lines_of.values() if len(lines) > 1):
        plan.problems.append(
            RowProblem(rows_of_one[-1], [f"строки {', '.join(map(str, rows_of_one))} относятся к одному сотруднику"])
        )
    return plan


def _clean_row(raw: dict, positions: dict[str, Position]) -> tuple[dict, list[str]]:
    reasons: list[str] = []
    values: dict = {}

    number = _text(raw.get("personnel_number"))
    if number.endswith(".0") and number[:-2].isdigit():  # Excel turns 31 into 31.0
        number = number[:-2]
    if not number:
        reasons.append("не указан табельный номер: по нему строки сопоставляются с банком")
    elif len(number) > 20:
        reasons.append("табельный номер длиннее 20 знаков")
    values["personnel_number"] = number

    last, first, middle = _text(raw.get("last_name")), _text(raw.get("first_name")), _text(raw.get("middle_name"))
    if not (last or first) and raw.get("full_name"):
        parts = _text(raw.get("full_name")).split()
        last = parts[0] if parts else ""
        first = parts[1] if len(parts) > 1 else ""
        middle = " ".join(parts[2:])
    if not last or not first:
        reasons.append("не указано ФИО (нужны хотя бы фамилия и имя)")
    for part in (last, first, middle):
        try:
            validate_person_name(part)
        except ValidationError:
            reasons.append(f"в ФИО «{part}» есть знаки, которых не бывает в именах: допустимы буквы, пробел, дефис")
            break
    values.update(last_name=last, first_name=first, middle_name=middle)

    position_name = _text(raw.get("position"))
    position = positions.get(normalize_for_search(position_name))
    if not position_name:
        reasons.append("не указана должность")
    elif position is None:
        reasons.append(f"неизвестная должность «{position_name}»: добавьте её в справочник «Должности» или исправьте")
    values["position"] = position

    for key, label in (
        ("hired_on", "дата приёма"),
        ("position_since", "в должности с"),
        ("left_on", "дата увольнения"),
    ):
        parsed, problem = _date(raw.get(key), label)
        values[key] = parsed
        if problem:
            reasons.append(problem)
    if values["hired_on"] and values["left_on"] and values["left_on"] < values["hired_on"]:
        reasons.append("дата увольнения раньше даты приёма")
    values["status"] = Person.Status.LEFT if values["left_on"] else Person.Status.WORKING

    months, problem = _experience(raw.get("experience"))
    if problem:
        reasons.append(problem)
    values["teaching_since"] = add_months(timezone.localdate(), -months) if months is not None else None

    values["qualification_category"], problem = _choice(
        raw.get("qualification_category"), QualificationCategory, "категория"
    )
    if problem:
        reasons.append(problem)
    education = _text(raw.get("education"))
    values["education"], problem = _choice(education, Education, "образование") if education else ("", None)
    if problem:
        reasons.append(problem)

    values["phone"] = _text(raw.get("phone"))[:50]
    email = _text(raw.get("email"))
    if email:
        try:
            validate_email(email)
        except ValidationError:
            reasons.append(f"адрес почты «{email}» записан с ошибкой")
    values["email"] = email
    # What the row actually says. A blank cell keeps what the bank has: a short list with
    # only names and posts must never wipe dates or experience entered by hand.
    given = {"personnel_number", "last_name", "first_name", "position"}
    for name in IMPORTED_FIELDS:
        if name not in given and values.get(name) not in (None, ""):
            given.add(name)
    if values["left_on"]:
        given.add("status")
    values["given"] = given
    return values, reasons


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _blank(value) -> bool:
    return value is None or _text(value) == ""


DATE_PATTERNS = [
    (re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$"), ("day", "month", "year")),
    (re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2})$"), ("day", "month", "year2")),
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), ("year", "month", "day")),
    (re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$"), ("day", "month", "year")),
]


def _date(value, label: str) -> tuple[date | None, str | None]:
    if _blank(value):
        return None, None
    if isinstance(value, datetime):
        return value.date(), None
    if isinstance(value, date):
        return value, None
    text = _text(value).split(" ")[0]
    for pattern, order in DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            parts = dict(zip(order, (int(group) for group in match.groups()), strict=True))
            year = parts.get("year") or 2000 + parts["year2"]
            try:
                parsed = date(year, parts["month"], parts["day"])
            except ValueError:
                return None, f"{label}: даты «{text}» не существует"
            if not 1900 <= parsed.year <= timezone.localdate().year + 1:
                return None, f"{label}: год {parsed.year} похож на опечатку"
            return parsed, None
    return None, f"{label}: «{text}» не похоже на дату (нужно ДД.ММ.ГГГГ)"


EXPERIENCE_TEXT = re.compile(r"^(?:(\d+)\s*(?:г|л)\S*)?\s*(?:(\d+)\s*м\S*)?$")


def _experience(value) -> tuple[int | None, str | None]:
    """Teaching experience as years («5», «2,5») or «5 лет 3 мес.»; returns whole months."""
    if _blank(value):
        return None, None
    if isinstance(value, int | float):
        years = float(value)
    else:
        text = _text(value).lower().replace(",", ".")
        try:
            years = float(text)
        except ValueError:
            match = EXPERIENCE_TEXT.match(text)
            if not match or not any(match.groups()):
                return None, f"педстаж «{_text(value)}»: укажите число лет (например, 5 или 2,5) или «5 лет 3 мес.»"
            return int(match.group(1) or 0) * 12 + int(match.group(2) or 0), None
    if not 0 <= years <= 60:
        return None, f"педстаж {value} лет — вне разумных пределов"
    return round(years * 12), None


def _choice(value, choices, label: str) -> tuple[str, str | None]:
    text = normalize_for_search(_text(value)).removesuffix(" категория")
    if text in CATEGORY_ALIASES and choices is QualificationCategory:
        return CATEGORY_ALIASES[text], None
    for choice_value, choice_label in choices.choices:
        folded = normalize_for_search(choice_label)
        if text in (folded, choice_value) or (folded.startswith(text) and len(text) >= 4):
            return choice_value, None
    allowed = ", ".join(f"«{choice_label}»" for _, choice_label in choices.choices)
    return "", f"{label} «{_text(value)}» не из списка: {allowed}"


def changed_fields(person: Person, values: dict) -> list[str]:
    """What an import row changes on a person already in the bank — the one rule for the preview
    and for the import itself: only the cells the row fills, and experience only when it differs by
    a month or more (spreadsheets keep whole years or months, the bank keeps a date)."""
    names = []
    for name in ("personnel_number", *IMPORTED_FIELDS):  # the number changes when a row is matched by name
        if name not in values["given"]:
            continue
        old, new = getattr(person, name), values[name]
        if name == "teaching_since" and old and new and abs((old - new).days) < 31:
            continue
        if old != new:
            names.append(name)
    return names


def _changes(person: Person, values: dict) -> list[Change]:
    changes = []
    for name in changed_fields(person, values):
        label = str(Person._meta.get_field(name).verbose_name)
        old, new = getattr(person, name), values[name]
        changes.append(Change(label, _display(person, name, old), _display(person, name, new)))
    return changes


def _display(person: Person, name: str, value) -> str:
    if value in (None, ""):
        return "—"
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    model_field = Person._meta.get_field(name)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    return str(value)
