"""What the annual analytic report and the interim monitoring справка say, as sections of typed blocks
(text, tables, charts, definitions), built from the plain data of reports.annual. The PDF, the XLSX and
the DOCX (reports.documents) all print these sections, so the three formats never disagree; a number
keeps its value and its kind (a count, a share, an average), so the spreadsheet gets a number and the
page a Russian string with a decimal comma."""

from dataclasses import dataclass, field
from datetime import date

from django.utils.safestring import mark_safe

from .charts import COLOURS, Series, bars_svg

COUNT, SHARE, AVERAGE, POINTS = "count", "share", "average", "points"
DASH = "—"
TEXTS = (
    ("conclusions", "Выводы"),
    ("risks", "Риски и проблемы"),
    ("proposals", "Предложения на следующий учебный год"),
)


def decimal(value: float, places: int = 1) -> str:
    return f"{value:.{places}f}".replace(".", ",").replace("-", "−")


@dataclass(frozen=True)
class Num:
    """A figure: `value` None prints «—». A share is kept in per cent (40.0 → «40,0 %»), a change of a share
    in percentage points; `signed` writes «+» before a positive average (a change)."""

    value: float | int | None
    kind: str = COUNT
    signed: bool = False

    def __str__(self) -> str:
        value = self.value
        if value is None:
            return DASH
        if self.kind == COUNT:
            return str(int(value))
        if self.kind == SHARE:
            return f"{decimal(value)} %"
        plus = "+" if value > 0 and (self.signed or self.kind == POINTS) else ""
        return f"{plus}{decimal(value)}" + (" п. п." if self.kind == POINTS else "")


@dataclass
class Table:
    headers: list[str]
    rows: list[list]
    widths: list[int]  # per cent of the text width
    caption: str = ""
    total: bool = False  # the last row sums the others (printed bold)
    wide: bool = False  # a spreadsheet prints it landscape


@dataclass
class Block:
    kind: str  # text | table | chart | definitions | lines
    text: str = ""
    table: Table | None = None
    svg: str = ""
    items: list = field(default_factory=list)


@dataclass
class Section:
    number: str
    title: str
    blocks: list[Block]
    sheet: str  # the spreadsheet's sheet name (at most 31 characters)

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.title}" if self.number else self.title

    @property
    def tables(self) -> list[Table]:
        return [block.table for block in self.blocks if block.kind == "table"]


def text(value: str) -> Block:
    return Block("text", text=value)


def table(headers, rows, widths, **options) -> Block:
    return Block("table", table=Table(list(headers), [list(row) for row in rows], list(widths), **options))


def _day(iso: str) -> str:
    return f"{date.fromisoformat(iso):%d.%m.%Y}"


def _share(numerator: int, denominator: int) -> Num:
    return Num(100 * numerator / denominator if denominator else None, SHARE)


def _change(indicator: dict) -> Num:
    if indicator["change"] is None:
        return Num(None)
    if indicator["kind"] == "share":
        return Num(indicator["change"], POINTS)
    return Num(indicator["change"], AVERAGE, signed=True)


def _value(indicator: dict) -> Num:
    return Num(indicator["value"], SHARE if indicator["kind"] == "share" else AVERAGE)


def _previous(indicator: dict) -> Num:
    return Num(indicator["previous_value"], SHARE if indicator["kind"] == "share" else AVERAGE)


def _counts(rows, empty: str) -> list[list]:
    return [[label, Num(count)] for label, count in rows] or [[empty, Num(0)]]


# --- the annual report ---------------------------------------------------------------------------------


def annual_sections(data: dict) -> list[Section]:
    """The report's thirteen numbered sections (DOMAIN.md), then the curator's texts."""
    figures = data["figures"]
    indicators = {indicator["key"]: indicator for indicator in figures["indicators"]}
    end = _day(figures["period"]["end"])
    previous_label = figures["previous_label"].replace(" учебный год", "")
    staff, mentees, mentors = figures["staff"], figures["mentees"], figures["mentors"]
    pairs, programs, activities = figures["pairs"], figures["programs"], figures["activities"]
    growth, diagnostics = figures["growth"], figures["diagnostics"]
    sections = []

    def add(title, blocks, sheet):
        sections.append(Section(str(len(sections) + 1), title, blocks, sheet))

    add(
        "Кадровый состав",
        [
            text(
                f"Педагогические работники организации на {end} (без помощников воспитателя и обслуживающего "
                "персонала; сотрудники организаций-партнёров учтены отдельно в разделах 2 и 3)."
            ),
            table(
                ["Показатель", "Значение"],
                [
                    ["Педагогических работников", Num(staff["pedagogical"])],
                    ["из них молодых специалистов (педагогический стаж до 3 лет)", Num(staff["young"])],
                    ["Доля молодых специалистов", _share(staff["young"], staff["pedagogical"])],
                ],
                [75, 25],
            ),
        ],
        "1. Кадровый состав",
    )
    add(
        "Наставляемые по категориям",
        [
            text(
                f"Наставляемых в парах (группах) учебного года: {mentees['total']}, из них сотрудников организации "
                f"— {mentees['own']}, из организаций-партнёров — {mentees['partner']}."
            ),
            table(
                ["Категория наставляемых", "Человек"],
                [*_counts(mentees["by_category"], "Наставляемых не было"), ["Всего", Num(mentees["total"])]],
                [75, 25],
                total=True,
            ),
        ],
        "2. Наставляемые",
    )
    add(
        "Наставники",
        [
            table(
                ["Наставники", "Человек"],
                [
                    ["Сотрудники организации", Num(mentors["own"])],
                    ["Представители организаций-партнёров", Num(mentors["partner"])],
                    ["Всего", Num(mentors["total"])],
                ],
                [75, 25],
                total=True,
            )
        ],
        "3. Наставники",
    )
    direction_chart = bars_svg(
        [(row[0], [row[1], row[2]]) for row in pairs["by_direction"]],
        [Series("Пары (группы)", COLOURS[0]), Series("Наставляемые", COLOURS[2])],
        title="Пары (группы) и наставляемые по направлениям",
    )
    add(
        "Наставнические пары и группы",
        [
            text(
                f"Пар и групп, закреплённых приказом и работавших в учебном году: {pairs['total']} "
                f"(индивидуальных — {pairs['individual']}, групповых — {pairs['group']})."
            ),
            table(
                ["Форма наставничества", "Пар (групп)"],
                _counts(pairs["by_form"], "Пар не было"),
                [75, 25],
                caption="По формам наставничества (у пары может быть несколько форм)",
            ),
            table(
                ["Направление", "Пар (групп)", "Наставляемых", "Программ завершено"],
                [[row[0], Num(row[1]), Num(row[2]), Num(row[3])] for row in pairs["by_direction"]]
                or [["Пар не было", Num(0), Num(0), Num(0)]],
                [49, 17, 17, 17],
                caption="По направлениям",
            ),
            *([Block("chart", svg=direction_chart)] if direction_chart else []),
        ],
        "4. Пары и группы",
    )
    add(
        "Персонализированные программы наставничества",
        [
            table(
                ["Программы", "Количество"],
                [
                    ["Начато в учебном году", Num(programs["started"])],
                    ["Завершено", Num(programs["completed"])],
                    ["Прекращено досрочно", Num(programs["terminated"])],
                    [f"Реализуется на {_day(figures['computed_on'])}", Num(programs["in_work"])],
                ],
                [75, 25],
            ),
            table(
                ["Причина досрочного прекращения", "Программ"],
                _counts(programs["reasons"], "Досрочно прекращённых программ нет"),
                [75, 25],
                caption="Досрочное прекращение по причинам",
            ),
        ],
        "5. Программы",
    )
    add(
        "Мероприятия",
        [
            table(
                ["Мероприятия", "Количество"],
                [
                    ["Мероприятий планов со сроком в учебном году", Num(activities["plan_total"])],
                    ["из них выполнено в срок", Num(activities["plan_in_time"])],
                    ["Доля выполненных в срок", _share(activities["plan_in_time"], activities["plan_total"])],
                    ["Записей в журналах проведённых мероприятий", Num(activities["records"])],
                    ["из них подтверждено наставляемыми", Num(activities["records_confirmed"])],
                ],
                [75, 25],
            )
        ],
        "6. Мероприятия",
    )
    shares = [indicator for indicator in figures["indicators"] if indicator["kind"] == "share"]
    indicator_chart = bars_svg(
        [(indicator["title"], [indicator["value"], indicator["previous_value"]]) for indicator in shares],
        [
            Series(figures["period"]["label"].replace(" учебный год", ""), COLOURS[0]),
            Series(previous_label, COLOURS[1]),
        ],
        title=f"Показатели мониторинга (доли, %): {figures['period']['label']} и предыдущий год",
        maximum=100,
        suffix=" %",
    )
    add(
        "Показатели мониторинга",
        [
            text(
                f"Показатели измерены на последний день периода ({end}) по собственным педагогическим работникам; "
                "доли — в процентах, удовлетворённость — средний балл по шкале от 1 до 10, изменение долей — "
                "в процентных пунктах (п. п.)."
            ),
            table(
                ["№", "Показатель", "Значение", "Из", previous_label, "Изменение"],
                [
                    [
                        Num(number),
                        indicator["title"],
                        _value(indicator),
                        indicator["fraction"],
                        _previous(indicator),
                        _change(indicator),
                    ]
                    for number, indicator in enumerate(figures["indicators"], start=1)
                ],
                [6, 40, 13, 15, 13, 13],
                wide=True,
            ),
            *([Block("chart", svg=indicator_chart)] if indicator_chart else []),
            Block(
                "definitions",
                text="Определения показателей",
                items=[(indicator["title"], indicator["definition"]) for indicator in figures["indicators"]],
            ),
        ],
        "7. Показатели",
    )
    add(
        "Результаты самодиагностики",
        [
            text(
                "Средние оценки профессиональных компетенций (шкала самодиагностики) по программам, завершённым "
                f"в учебном году: {diagnostics['programs']}."
            ),
            table(
                ["Оценка", "В начале программы", "В конце программы", "Изменение"],
                [
                    [
                        row["label"],
                        Num(row["start"], AVERAGE),
                        Num(row["end"], AVERAGE),
                        Num(row["end"] - row["start"], AVERAGE, signed=True)
                        if row["start"] is not None and row["end"] is not None
                        else Num(None),
                    ]
                    for row in diagnostics["rows"]
                ],
                [40, 20, 20, 20],
            ),
        ],
        "8. Самодиагностика",
    )
    satisfaction = [indicators[key] for key in ("satisfaction_mentor", "satisfaction_mentee") if key in indicators]
    add(
        "Удовлетворённость участников",
        [
            text("Средний балл итоговых анкет по шкале от 1 до 10."),
            table(
                ["Показатель", "Средний балл", "Анкет", previous_label, "Изменение"],
                [
                    [
                        indicator["title"],
                        _value(indicator),
                        Num(indicator["denominator"]),
                        _previous(indicator),
                        _change(indicator),
                    ]
                    for indicator in satisfaction
                ],
                [40, 15, 15, 15, 15],
            ),
        ],
        "9. Удовлетворённость",
    )
    rewarded = indicators.get("mentors_rewarded", {})
    mentee_results = indicators.get("mentee_results", {})
    add(
        "Профессиональный рост",
        [
            text("Подтверждённые куратором записи о профессиональном росте участников за учебный год."),
            table(
                ["Показатель", "Количество"],
                [
                    ["Курсы повышения квалификации (записей)", Num(growth["courses"])],
                    ["человек прошли курсы", Num(growth["course_people"])],
                    ["часов обучения", Num(growth["course_hours"])],
                    ["Аттестация", Num(growth["certifications"])],
                    ["Участие в конкурсах", Num(growth["contests"])],
                    ["Открытые мероприятия", Num(growth["open_events"])],
                    ["Публикации", Num(growth["publications"])],
                    ["Награды и поощрения", Num(growth["rewards"])],
                ],
                [75, 25],
            ),
            table(
                ["Уровень конкурса", "Участий"],
                _counts(growth["contests_by_level"], "Участия в конкурсах нет"),
                [75, 25],
                caption="Конкурсы по уровням",
            ),
            table(
                ["Поощрение наставников", "Наставников"],
                _counts(rewarded.get("breakdown", []), "Поощрений не было"),
                [75, 25],
                caption="Поощрения наставников по видам",
            ),
            text(
                f"Наставляемые, аттестованные или участвовавшие в конкурсах: {_value(mentee_results)} "
                f"({mentee_results.get('fraction', '')}); наставники, получившие поощрение: {_value(rewarded)} "
                f"({rewarded.get('fraction', '')})."
                if mentee_results and rewarded
                else ""
            ),
        ],
        "10. Профессиональный рост",
    )
    retention = [indicators[key] for key in ("retention_12", "retention_36") if key in indicators]
    add(
        "Закрепление в профессии",
        [
            table(
                ["Показатель", "Значение", "Из", previous_label],
                [
                    [indicator["title"], _value(indicator), indicator["fraction"], _previous(indicator)]
                    for indicator in retention
                ],
                [46, 18, 18, 18],
            ),
        ],
        "11. Закрепление",
    )
    best = figures["best_practices"]
    add(
        "Лучшие практики наставничества",
        [
            table(
                ["№", "Наставник", "Направление", "Срок программы"],
                [[Num(n), row["mentor"], row["direction"], row["term"]] for n, row in enumerate(best, start=1)],
                [6, 34, 34, 26],
            )
            if best
            else text("Программ, отмеченных как лучшие практики, в учебном году нет."),
        ],
        "12. Лучшие практики",
    )
    add(
        "Региональная проверка",
        [
            table(
                ["№", "Что проверяется", "Есть", "Документ (номер и дата)"],
                [
                    [Num(n), row["title"], "да" if row["exists"] else "нет", row["document"] or "нет"]
                    for n, row in enumerate(figures["regional_check"], start=1)
                ],
                [6, 42, 10, 42],
            )
        ],
        "13. Региональная проверка",
    )
    texts = data.get("texts") or {}
    for key, title in TEXTS:
        lines = [line.strip() for line in (texts.get(key) or "").splitlines() if line.strip()]
        sections.append(Section("", title, [text(line) for line in lines] or [text(DASH)], title[:31]))
    for section in sections:
        section.blocks = [block for block in section.blocks if block.kind != "text" or block.text]
    return sections


# --- the interim справка -------------------------------------------------------------------------------


def interim_sections(data: dict) -> list[Section]:
    period, pairs, programs, plan = data["period"], data["pairs"], data["programs"], data["plan"]
    end = _day(period["end"])
    sections = []

    def add(title, blocks):
        sections.append(Section(str(len(sections) + 1), title, blocks, title[:31]))

    add(
        "Период мониторинга",
        [text(f"С {_day(period['start'])} по {end}; показатели — на {end}.")],
    )
    add(
        "Пары (группы) и программы в работе",
        [
            table(
                ["Показатель", "Количество"],
                [
                    ["Пар и групп в работе", Num(pairs["in_work"])],
                    ["из них индивидуальных", Num(pairs["individual"])],
                    ["групповых", Num(pairs["group"])],
                    ["Наставников в них", Num(pairs["mentors"])],
                    ["Наставляемых в них", Num(pairs["mentees"])],
                    ["Программ реализуется", Num(programs["in_work"])],
                    ["из них на корректировке", Num(programs["correction"])],
                    ["Программ начато с начала периода", Num(programs["started"])],
                    ["Завершено", Num(programs["completed"])],
                    ["Прекращено досрочно", Num(programs["terminated"])],
                ],
                [75, 25],
            ),
            table(
                ["Направление", "Пар (групп)"],
                _counts(pairs["by_direction"], "Пар в работе нет"),
                [75, 25],
                caption="Пары (группы) в работе по направлениям",
            ),
        ],
    )
    add(
        "Выполнение планов на дату",
        [
            table(
                ["Мероприятия планов со сроком в периоде", "Количество"],
                [
                    ["Всего", Num(plan["total"])],
                    ["Выполнено в срок", Num(plan["in_time"])],
                    ["Выполнено позже срока", Num(plan["late"])],
                    ["Не выполнено", Num(plan["not_done"])],
                    ["Доля выполненных в срок", Num(plan["value"], SHARE)],
                ],
                [75, 25],
            )
        ],
    )
    overdue = data["overdue"]
    add(
        "Просроченные мероприятия",
        [
            text(
                f"Мероприятия программ, которые реализуются, со сроком до {end} без отметки о выполнении. "
                "Причину, которой нет в записях системы, куратор вписывает от руки."
            ),
            table(
                ["№", "Наставник, наставляемые", "Мероприятие", "Срок", "Дней", "Причина"],
                [
                    [
                        Num(n),
                        f"{row['mentor']} — {', '.join(row['mentees']) or DASH}",
                        row["activity"],
                        _day(row["deadline"]),
                        Num(row["days"]),
                        row["reason"],
                    ]
                    for n, row in enumerate(overdue, start=1)
                ],
                [5, 23, 28, 14, 7, 23],
            )
            if overdue
            else text("Просроченных мероприятий нет."),
        ],
    )
    add(
        "Анкетирование участников",
        [
            text("Анкеты пар, заполненные в периоде; средний балл по шкале от 1 до 10, без имён."),
            table(
                ["Участники", "Анкета", "Заполнено", "Отказов", "Средний балл"],
                [
                    [row["who"], row["stage"], Num(row["answered"]), Num(row["declined"]), Num(row["average"], AVERAGE)]
                    for row in data["surveys"]
                ],
                [26, 22, 16, 16, 20],
            ),
        ],
    )
    add("Решения", [Block("lines", items=list(range(1, 5)))])
    return sections


def chart_html(svg: str) -> str:
    """bars_svg escapes every text it draws: safe to put in a template as it is."""
    return mark_safe(svg)
