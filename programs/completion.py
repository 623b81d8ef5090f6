"""What a program needs before the curator completes it, beyond its own plan and texts. The apps
that close the cycle (diagnostics, surveys, the reports) register their conditions here, so that
programs names none of them; the completion page lists what is missing and the move refuses it.

A condition is a function of the program returning the sentences of what is still missing, each
naming who must do it («Наставляемый (Иванова И.И.) не заполнил итоговую самодиагностику.»)."""

from collections.abc import Callable
from contextlib import contextmanager
from datetime import date

from django.utils import timezone

from core.dates import add_months

_CONDITIONS: dict[str, tuple[int, Callable]] = {}


def register_condition(name: str, missing: Callable, *, order: int = 100) -> None:
    """`missing(program) -> list[str]`; registering the same name again replaces it."""
    _CONDITIONS[name] = (order, missing)


def unregister_condition(name: str) -> None:
    _CONDITIONS.pop(name, None)


def missing_for_completion(program) -> list[str]:
    """Every registered condition's sentences, in their order."""
    sentences = []
    for _order, missing in sorted(_CONDITIONS.values(), key=lambda item: item[0]):
        sentences.extend(missing(program))
    return sentences


@contextmanager
def conditions_suspended():
    """Inside the block no registered condition applies: for the tests of programs' own rules of
    completion, which must not depend on which higher apps are installed."""
    saved = dict(_CONDITIONS)
    _CONDITIONS.clear()
    try:
        yield
    finally:
        _CONDITIONS.clear()
        _CONDITIONS.update(saved)


# --- the closing stage ------------------------------------------------------------------------------


def closing_opens_on(program) -> date:
    """The first day of the program's last month: from then the end diagnostics and the reports are
    written (01.09.2025–31.05.2026 → 30.04.2026)."""
    return add_months(program.ends_on, -1)


def closing_closed(program, today: date | None = None) -> str | None:
    """Why the closing work of a program (the end diagnostics, the mentor's and the mentees' reports)
    may not be done now, or None: it is done while the program runs, in its last month or once every
    activity of the plan is marked done (the curator completes a program when its plan is done, so the
    closing work must not wait for the calendar then). Reads the prefetched plan, or one query."""
    if program.status in program.CLOSED_STATUSES:
        return f"Программа «{program.get_status_display().lower()}»: итоги больше не подводят."
    if program.status != program.Status.RUNNING:
        return "Итоги подводят, когда программа реализуется (не во время корректировки)."
    today = today or timezone.localdate()
    opens_on = closing_opens_on(program)
    items = list(program.items.all())
    if today >= opens_on or (items and all(item.is_done for item in items)):
        return None
    return (
        f"Итоги подводят в последний месяц программы (с {opens_on:%d.%m.%Y}) "
        "или когда все мероприятия плана отмечены выполненными."
    )
