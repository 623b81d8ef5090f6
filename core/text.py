"""Text helpers shared by every app."""


def normalize_for_search(value: str) -> str:
    """Fold a string the way people type a search: case, «ё»/«е» and spacing ignored.

    SQLite folds ASCII only, so case-insensitive Cyrillic search is done against a column
    that holds this form, filled on every write path; the query is folded the same way.
    """
    return " ".join((value or "").lower().replace("ё", "е").split())


def sentence(text: str) -> str:
    """One full stop at the end, also after initials: «… Морозову И. А.»."""
    return text.rstrip(".") + "."


def lower_first(text: str) -> str:
    """«Воспитатель» → «воспитатель» inside a sentence; an abbreviation («ИЗО», «МКДОУ») stays."""
    first = text.split()[0] if text.split() else ""
    if first.isupper() and len(first) > 1:
        return text
    return text[:1].lower() + text[1:]


def two_lines(text: str, width: int) -> list[str]:
    """A label in at most two lines of `width` characters, cut with «…» (a chart's label column)."""
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    if len(lines) > 2:
        lines = [lines[0], " ".join(lines[1:])[: width - 1] + "…"]
    return lines
