"""What a new report starts with, from the records: the plan as planned and done, and the growth of
competencies from the diagnostics (only sent ratings count). Nothing here is saved: the author reads
it in the form and edits it before saving."""

from datetime import date

from django.utils import timezone

from core.text import plural, plural_form
from diagnostics.growth import growth_of
from diagnostics.models import DIFFICULTY_MAX, Score
from diagnostics.selectors import diagnostics_of

from .models import Report

MENTEE_END, MENTOR_END = 1, 3  # diagnostics.growth.COLUMNS: the end self-rating, the end expert rating
MENTEE_START, MENTOR_START = 0, 2


def _number(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def _listed(lines: list[str]) -> str:
    """«— a;\n— b.»: a list as a Russian document writes it."""
    return "\n".join(f"— {line}{'.' if n == len(lines) else ';'}" for n, line in enumerate(lines, start=1))


def _average(scores) -> float | None:
    scores = [score for score in scores if score is not None]
    return sum(scores) / len(scores) if scores else None


def activities_text(program) -> str:
    """«Запланировано мероприятий: 6, выполнено: 5 (в срок — 4).» and the plan, one line per item."""
    items = sorted(program.items.all(), key=lambda item: (item.position, item.pk))
    done = [item for item in items if item.done_on]
    in_time = [item for item in done if item.done_on <= item.deadline]
    lines = [f"Запланировано мероприятий: {len(items)}, выполнено: {len(done)} (в срок — {len(in_time)})."]
    for item in items:
        mark = f"выполнено {item.done_on:%d.%m.%Y}" if item.done_on else f"не выполнено (срок {item.deadline:%d.%m.%Y})"
        lines.append(f"{item.position}. {_bare(item.activity)} — {mark}.")
    return "\n".join(lines)


def growth_text(growths) -> str:
    """Per mentee: the average of the self-rating and of the mentor's rating at the start and at the
    end, and how many competencies grew in the mentor's rating."""
    lines = []
    for growth in growths:
        if not growth.rows:
            lines.append(f"{growth.person.short_name}: самодиагностика не проводилась.")
            continue
        parts = []
        for label, start, end in (
            ("самооценка", MENTEE_START, MENTEE_END),
            ("оценка наставника", MENTOR_START, MENTOR_END),
        ):
            before = _average(row.scores[start] for row in growth.rows)
            after = _average(row.scores[end] for row in growth.rows)
            if before is not None and after is not None:
                parts.append(f"{label} {_number(before)} → {_number(after)}")
            elif before is not None:
                parts.append(f"{label} на входе {_number(before)}, итоговой нет")
        rated = [row for row in growth.rows if row.mentor_growth is not None]
        grew = [row for row in rated if row.mentor_growth > 0]
        sentence = f"{growth.person.short_name}: {'; '.join(parts) or 'оценок нет'} (по шкале от 1 до 5)"
        if rated:
            sentence += (
                f"; по оценке наставника {plural_form(len(grew), 'выросла', 'выросли', 'выросли')} {len(grew)} "
                f"из {plural(len(rated), 'компетенции', 'компетенций', 'компетенций')}"
            )
            if grew:
                sentence += ": " + ", ".join(row.competency for row in grew)
        lines.append(sentence + ".")
    return "\n".join(lines)


def difficulties_text(growths, column: int, *, named: bool) -> str:
    """The competencies still rated at a difficulty (≤ DIFFICULTY_MAX) at the end, by the given column."""
    lines = []
    for growth in growths:
        weak = [row for row in growth.rows if row.scores[column] is not None and row.scores[column] <= DIFFICULTY_MAX]
        for row in weak:
            score = row.scores[column]
            text = f"{row.competency} ({score} — {Score(score).label})"
            lines.append(f"{growth.person.short_name}: {text}" if named else text)
    return _listed(lines)


def learned_text(growth) -> str:
    """The mentee's competencies that grew in her own rating, start → end."""
    grew = [row for row in growth.rows if row.self_growth is not None and row.self_growth > 0]
    return _listed(
        [f"{row.competency}: было {row.scores[MENTEE_START]}, стало {row.scores[MENTEE_END]}" for row in grew]
    )


def _bare(text: str) -> str:
    """A plan's phrase without its closing punctuation, to stand inside a sentence."""
    return text.strip().rstrip(".;")


def products_text(program) -> str:
    """The results of the plan's done activities, as the plan names them."""
    return _listed(
        [
            f"{_bare(item.expected_result)} ({_bare(item.activity)}, {item.done_on:%d.%m.%Y})"
            for item in sorted(program.items.all(), key=lambda item: (item.position, item.pk))
            if item.done_on
        ]
    )


def report_period(program, today: date | None = None) -> dict:
    """The period a report covers: the program's term up to today (all of it once the term is over)."""
    today = today or timezone.localdate()
    return {"period_from": program.starts_on, "period_to": min(program.ends_on, max(today, program.starts_on))}


def initial(program, kind: str, author, today: date) -> dict:
    """The fields of a new report of `kind` by `author` about `program`."""
    mentees = [mentee.person for mentee in program.pairing.mentees.all()]
    period = report_period(program, today)
    if kind == Report.Kind.MENTOR:
        growths = growth_of(program, mentees, diagnostics_of(program))
        named = len(mentees) > 1
        return {
            **period,
            "activities": activities_text(program),
            "growth": growth_text(growths),
            "remaining_difficulties": difficulties_text(growths, MENTOR_END, named=named),
        }
    growths = growth_of(program, [author], diagnostics_of(program).filter(person=author))
    growth = growths[0]
    return {
        **period,
        "learned": learned_text(growth),
        "products": products_text(program),
        "remaining_difficulties": difficulties_text(growths, MENTEE_END, named=False),
    }
