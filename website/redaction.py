"""Names off the public texts: every text the section shows that someone typed or the system wrote
(an order's clauses, a roadmap's «ответственные», a program's goal, a news item) passes through
`Redactor`, which hides the name of every person of the bank without a consent in force to publish
their name — in any case and as initials.

The consents themselves decide who is listed; this is the second line, for a name that slipped into
a free text («открытое занятие провела Лебедева А.И.»)."""

import re
from collections.abc import Iterable

from core.declension import Case, UnknownGenderError
from records.wording import full_name_in_case

HIDDEN = "(ФИО не публикуется)"
# «А. И.», «А.И.», «А.»
_INITIALS = r"(?:[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.)?)"


def _stem(word: str) -> str:
    """The part of a surname every case form shares: «Лебедева» → «Лебед», «Ким» → «Ким»."""
    if len(word) >= 6:
        return word[:-2]
    if len(word) >= 4:
        return word[:-1]
    return word


class Redactor:
    def __init__(self, people: Iterable):
        exact: set[str] = set()
        stems: set[str] = set()
        for person in people:
            exact.add(person.full_name)
            for case in Case:
                exact.add(full_name_in_case(person, case))
                try:
                    exact.add(person.in_case(case))
                except UnknownGenderError:  # the stem below still finds the surname
                    continue
            if person.last_name:
                stems.add(_stem(person.last_name))
        exact = {name for name in exact if name.strip()}
        self._exact = (
            re.compile("|".join(re.escape(name) for name in sorted(exact, key=len, reverse=True))) if exact else None
        )
        self._stems = (
            re.compile(
                rf"(?:{_INITIALS}\s?)?\b(?:{'|'.join(map(re.escape, sorted(stems, key=len, reverse=True)))})"
                rf"[а-яё]*(?:\s{_INITIALS})?"
            )
            if stems
            else None
        )

    def __call__(self, text: str) -> str:
        if not text:
            return text
        if self._exact is not None:
            text = self._exact.sub(HIDDEN, text)
        if self._stems is not None:
            text = self._stems.sub(HIDDEN, text)
        return text
