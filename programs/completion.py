"""What a program needs before the curator completes it, beyond its own plan and texts. The apps
that close the cycle (diagnostics, surveys, the reports) register their conditions here, so that
programs names none of them; the completion page lists what is missing and the move refuses it.

A condition is a function of the program returning the sentences of what is still missing, each
naming who must do it («Наставляемый (Иванова И. И.) не заполнил итоговую самодиагностику.»)."""

from collections.abc import Callable

_CONDITIONS: dict[str, tuple[int, Callable]] = {}


def register_condition(name: str, missing: Callable, *, order: int = 100) -> None:
    """`missing(program) -> list[str]`; registering the same name again replaces it."""
    _CONDITIONS[name] = (order, missing)


def registered_conditions() -> dict[str, tuple[int, Callable]]:
    """name → (order, missing): what is registered now (a test that sets them aside and back)."""
    return dict(_CONDITIONS)


def unregister_condition(name: str) -> None:
    _CONDITIONS.pop(name, None)


def missing_for_completion(program) -> list[str]:
    """Every registered condition's sentences, in their order."""
    sentences = []
    for _order, missing in sorted(_CONDITIONS.values(), key=lambda item: item[0]):
        sentences.extend(missing(program))
    return sentences
