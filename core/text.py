"""Text helpers shared by every app."""


def normalize_for_search(value: str) -> str:
    """Fold a string the way people type a search: case, «ё»/«е» and spacing ignored.

    SQLite folds ASCII only, so case-insensitive Cyrillic search is done against a column
    that holds this form, filled on every write path; the query is folded the same way.
    """
    return " ".join((value or "").lower().replace("ё", "е").split())
