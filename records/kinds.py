"""The kinds of orders (приказы), registered by the apps that issue them, as the head's queue
registers its sections: the records office numbers, registers and prints every order and names no
kind of another app.

A kind brings its label (the order journal and the register show it) and, optionally:
- `draft(actor=…, date=…)`: the order written from the app's records as an editable project,
  offered on «Подготовить приказ» (the others are written where the decision is taken: a pair's
  page, the queue);
- `table`: how the rows of `Order.table` print on the order's page, and as the annex «Приложение к
  приказу от … № …» of its PDF and its DOCX copy; and (`rows`) how they are written again from the
  records when a project's date changes: facts stand as of the order's date, and a registered order
  keeps the rows it was registered with.
- `appointments(order)`: what the order appoints and from when, as (Russian phrase, date) pairs
  (records.journal warns when one precedes the order's date);
- `on_register(order, actor)`: the decision the order carries takes effect when it is registered
  (a pair is fixed, a release granted, a roadmap approved): the registered order is the legal act,
  a project decides nothing. It may refuse with ValidationError, and then nothing is registered.
- `on_void(order, actor)`: the head withdraws the project (records.services.order_void, the reason
  is `order.void_reason`): what the project held returns to where it was decided — the pairs to the
  head's approval queue, the release request to the queue, the roadmap to awaiting approval — through
  the app's own services, so its history records it. Called inside the withdrawal's transaction;
  a ValidationError keeps the project as it was.

An issuing app adds the last three to a kind registered elsewhere with `extend`.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class OrderTable:
    page_template: str  # rows on the order's page; gets `order`
    pdf_template: str  # rows in the PDF; gets `order`
    docx: Callable  # (rows) -> (headers, cells, column widths in mm) for the DOCX copy
    rows: Callable | None = None  # (order) -> the rows from the records as of `order.date`

    # The table prints as the order's annex (ГОСТ Р 7.0.97-2016). A clause that names the annex
    # («… согласно приложению к настоящему приказу») says where the table is; one that says only
    # «согласно таблице» gets this line after the clauses instead — never both.
    annex_reference = "Таблица приведена в приложении к настоящему приказу."

    def reference_needed(self, clauses) -> bool:
        """The annex line prints unless a clause already names the annex."""
        return not any(NAMES_ANNEX in clause for clause in clauses)


# The words by which a clause names the annex (templates/records/pdf/order.html checks the same words).
NAMES_ANNEX = "согласно приложению"


@dataclass(frozen=True)
class OrderKind:
    value: str
    label: str
    draft: Callable | None = None
    table: OrderTable | None = None
    order: int = 100
    appointments: Callable | None = None
    on_register: Callable | None = None
    on_void: Callable | None = None


KINDS: dict[str, OrderKind] = {}


def register(kind: OrderKind) -> None:
    KINDS[kind.value] = kind


def extend(value: str, **fields) -> None:
    """Add `appointments`, `on_register` or `on_void` to a kind already registered (by the app's wording module)."""
    KINDS[value] = replace(KINDS[value], **fields)


def get(value: str) -> OrderKind | None:
    return KINDS.get(value)


def choices() -> list[tuple[str, str]]:
    """Every registered kind: the order field's choices (evaluated when asked, after every app is ready)."""
    return [(kind.value, kind.label) for kind in sorted(KINDS.values(), key=lambda kind: (kind.order, kind.value))]


def draftable() -> list[tuple[str, str]]:
    return [(value, label) for value, label in choices() if KINDS[value].draft is not None]


def table_of(order) -> OrderTable | None:
    """How `order`'s table prints, or None when it has no rows or its kind brings no layout."""
    kind = KINDS.get(order.kind)
    return kind.table if kind is not None and order.table else None


def rows_on_date(order) -> list:
    """The rows a project of `order` prints on its (possibly new) date: written again by its kind
    from the records as they stood that day; a registered order's rows, as they were frozen."""
    kind = KINDS.get(order.kind)
    if not order.is_draft or kind is None or kind.table is None or kind.table.rows is None:
        return order.table
    return kind.table.rows(order)
