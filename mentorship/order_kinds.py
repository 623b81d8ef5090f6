"""The kinds of orders mentorship issues, registered with the records office (records.kinds) from
the app config, and what mentorship shows on an order's page: the pairs it fixed or changed and the
additional agreements written with it (the slot «records.order.side»)."""

from core import extensions
from records import kinds
from records.selectors import register_audience

from .selectors import agreements_for, pairings_for
from .services.orders import (
    COUNCIL,
    CURATOR,
    EXTENSION,
    INTRODUCTION,
    PAIRING,
    REPLACEMENT,
    TERMINATION,
    draft_council_order,
    draft_curator_order,
    draft_introduction_order,
)
from .services.pair_orders import pairs_table_rows
from .services.regulation import regulations_adopted_by, regulations_released_by


def pairs_table_docx(rows: list[dict]) -> tuple[list[str], list[list[str]], list[int]]:
    """The table of pairs fixed by an order, as the DOCX copy prints it."""
    headers = [
        "№ п/п",
        "Наставник: ФИО, должность, категория, педстаж",
        "Наставляемый: ФИО, должность",
        "Форма",
        "Вид",
        "Срок",
        "Доплата",
    ]
    cells = [
        [
            str(number),
            f"{row['mentor']}\n"
            + ", ".join(
                part
                for part in (row["mentor_position"], row["mentor_category"], f"педстаж {row['mentor_experience']}")
                if part
            ),
            f"{row['mentee']}\n{row['mentee_position']}",
            row["forms"],
            row["kind"],
            f"{row['starts_on']}–\n{row['ends_on']}",
            row["payment"],
        ]
        for number, row in enumerate(rows, start=1)
    ]
    return headers, cells, [9, 35, 35, 22, 20, 22, 22]


def pairs_table_on_date(order) -> list[dict]:
    """A project's pairs table written again on its date (records.kinds.rows_on_date)."""
    return pairs_table_rows(order.pairings.order_by("starts_on", "pk"), on=order.date)


PAIRS_TABLE = kinds.OrderTable(
    page_template="mentorship/orders/pairs_table_page.html",
    pdf_template="mentorship/orders/pairs_table_pdf.html",
    docx=pairs_table_docx,
    rows=pairs_table_on_date,
)


def _order_side(request, order) -> dict | None:
    """The pairs of the order the user may see, and its additional agreements (to their readers)."""
    user = request.user
    pairings = order.pairings.filter(pk__in=pairings_for(user)).select_related("mentor__person", "direction")
    agreements = agreements_for(user).filter(order=order)
    return {"order_pairings": pairings, "order_agreements": agreements}


def _order_regulation(request, order) -> dict | None:
    """The regulation the introduction order adopts (its annex 1), on the order's page."""
    if order.kind != INTRODUCTION:
        return None
    return {"order_regulations": order.regulations.all()}


def orders_about_own_pairs(user) -> dict:
    """A mentor or a mentee reads the orders about their own pairs."""
    return {"pairings__in": pairings_for(user)}


def register() -> None:
    for value, label, order, draft in (
        (INTRODUCTION, "О внедрении системы наставничества и утверждении положения", 10, draft_introduction_order),
        (CURATOR, "О назначении куратора", 20, draft_curator_order),
        (COUNCIL, "Об утверждении состава методического объединения", 30, draft_council_order),
    ):
        kinds.register(kinds.OrderKind(value, label, draft=draft, order=order))
    # The regulation the introduction order carries as annex 1 is adopted when the order is registered,
    # and is a project again when the order's project is withdrawn.
    kinds.extend(INTRODUCTION, on_register=regulations_adopted_by, on_void=regulations_released_by)
    kinds.register(kinds.OrderKind(PAIRING, "О закреплении наставнических пар (групп)", table=PAIRS_TABLE, order=40))
    kinds.register(kinds.OrderKind(REPLACEMENT, "О замене наставника", order=50))
    kinds.register(kinds.OrderKind(EXTENSION, "О продлении срока наставничества", order=60))
    kinds.register(kinds.OrderKind(TERMINATION, "О досрочном прекращении наставничества", order=70))
    extensions.register(
        extensions.Extension(
            slot="records.order.side", template="mentorship/orders/order_side.html", context=_order_side, order=10
        )
    )
    extensions.register(
        extensions.Extension(
            slot="records.order.side",
            template="mentorship/orders/order_regulation.html",
            context=_order_regulation,
            order=15,
        )
    )
    register_audience(orders_about_own_pairs)
