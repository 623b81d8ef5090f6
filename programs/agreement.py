"""What a program's «СОГЛАСОВАНО» of the council rests on, told by a higher app.

The council's agreement of a program may be a decision of its meeting: then the program's page and
its printed copy read «протокол заседания МО от 15.10.2026 № 2» under the council's stamp. Programs
do not know the meetings; the app that keeps them registers a function (program → the words, or None)
from its AppConfig.ready(), and programs asks it here.
"""

from collections.abc import Callable
from contextlib import contextmanager

_BASES: list[Callable] = []


def register_council_basis(basis: Callable) -> None:
    """`basis(program) -> str | None`: the document the council's agreement of `program` rests on."""
    if basis not in _BASES:
        _BASES.append(basis)


def unregister_council_basis(basis: Callable) -> None:
    if basis in _BASES:
        _BASES.remove(basis)


def council_basis(program) -> str | None:
    """«протокол заседания МО от … № …», or None where no app knows of one."""
    for basis in _BASES:
        text = basis(program)
        if text:
            return text
    return None


@contextmanager
def bases_suspended():
    """Programs' own tests see programs alone (no higher app's words, no query of theirs)."""
    saved = list(_BASES)
    _BASES.clear()
    try:
        yield
    finally:
        _BASES[:] = saved
