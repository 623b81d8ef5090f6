"""What a program needs before the curator completes it, beyond its own plan and texts. The apps
that close the cycle (diagnostics, surveys, the reports) register their conditions here, so that
programs names none of them; the completion page lists what is missing and the move refuses it.

A condition is a function of the program returning the sentences of what is still missing, each
naming who must do it («Наставляемый (Иванова И. И.) не заполнил итоговую самодиагностику.»)."""

from collections.abc import Callable
from contextlib import contextmanager

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
