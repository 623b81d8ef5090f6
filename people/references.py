"""The reference lists a kindergarten extends (posts here; directions, forms, categories and the
forms of plan activities in the apps that own them), registered under a slug so that one set of
pages lists and edits them all. A list is edited by the staff's keepers (the curator and the system
administrator, roles.STAFF_KEEPERS) unless its app names its own keepers (the competencies of the
self-diagnostics: the curator and the council)."""

_LISTS: dict[str, tuple[int, type]] = {}
_KEEPERS: dict[str, frozenset] = {}


def register_reference_list(slug: str, model: type, *, order: int = 100, keepers: frozenset | None = None) -> None:
    _LISTS[slug] = (order, model)
    if keepers is None:
        _KEEPERS.pop(slug, None)
    else:
        _KEEPERS[slug] = frozenset(keepers)


def reference_keepers(slug: str) -> frozenset:
    """Who adds to and changes the list `slug`."""
    from .roles import STAFF_KEEPERS

    return _KEEPERS.get(slug, STAFF_KEEPERS)


def reference_lists() -> dict[str, type]:
    """slug → model, in the order the pages show them."""
    return {slug: model for slug, (order, model) in sorted(_LISTS.items(), key=lambda item: (item[1][0], item[0]))}
