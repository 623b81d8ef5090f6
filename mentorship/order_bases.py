"""Documents that lead to a pair order, offered by higher apps (the council's decision on an appeal).

The head replaces a mentor or ends a pair early through the pair's own forms (services.pair_orders).
When another app's document is the reason — the methodological council heard an appeal and proposed
it — that app registers a provider here from its AppConfig.ready(); mentorship names none of them.
The pair page lists what waits, the form offers it as the order's basis, the service names it in the
order's preamble; the order's project holds it (no second project is offered it) and, when the order
is registered, tells the provider which order carried it out, in the same transaction. A withdrawn
project frees it.
"""

from collections.abc import Callable
from dataclasses import dataclass

REPLACE, TERMINATE = "replace", "terminate"


@dataclass(frozen=True)
class OrderBasis:
    key: str  # unique among the providers: «appeal:12»
    action: str  # REPLACE or TERMINATE
    label: str  # on the pair page and in the form: what it is and what it proposes
    preamble: str  # in the order, after «на основании»: «решения методического объединения (протокол …)»
    reason: str  # the reason the form starts with
    carried_out: Callable  # (order, actor) -> None, called once the order is registered


_PROVIDERS: list[Callable] = []


def register_provider(provider: Callable) -> None:
    """`provider(pairing)` returns the OrderBasis items that wait for an order on that pair."""
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)


def bases_for(pairing, action: str | None = None) -> list[OrderBasis]:
    found = [basis for provider in _PROVIDERS for basis in provider(pairing)]
    return [basis for basis in found if action is None or basis.action == action]


def basis_by_key(pairing, action: str, key: str) -> OrderBasis | None:
    return next((basis for basis in bases_for(pairing, action) if basis.key == key), None)
