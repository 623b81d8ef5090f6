"""The reference lists a kindergarten extends (posts here; directions, forms, categories and the
forms of plan activities in the apps that own them), registered under a slug so that one set of
pages lists and edits them all."""

_LISTS: dict[str, tuple[int, type]] = {}


def register_reference_list(slug: str, model: type, *, order: int = 100) -> None:
    _LISTS[slug] = (order, model)


def reference_lists() -> dict[str, type]:
    """slug → model, in the order the pages show them."""
    return {slug: model for slug, (order, model) in sorted(_LISTS.items(), key=lambda item: (item[1][0], item[0]))}
