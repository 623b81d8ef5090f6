"""How documents name people and posts inside their sentences: «Петровой Светланы Николаевны»,
«Е.В. Соколовой», «старшему воспитателю». Every document of every app words them this way."""

from datetime import date

from core.declension import Case, UnknownGenderError, decline_full_name
from core.text import lower_first
from people.facts import position_on


def full_name_in_case(person, case: Case) -> str:
    """«Петровой Светланы Николаевны»; the manual form on the record wins; nominative if the
    gender cannot be told (a form is better with an undeclined name than not printed at all)."""
    override = {Case.GENITIVE: person.name_genitive, Case.DATIVE: person.name_dative}.get(case) or None
    try:
        return decline_full_name(person.last_name, person.first_name, person.middle_name, case, override=override)
    except UnknownGenderError:
        return person.full_name


def initials_and_surname(person, case: Case) -> str:
    """«Е.В. Соколовой»: initials first and together, as in an addressee line or under a signature —
    the one style of every document (ГОСТ Р 7.0.97-2016, as core.declension.signature_name)."""
    try:
        declined = person.in_case(case)  # «Соколовой Е.В.»
    except UnknownGenderError:
        declined = person.in_case(Case.NOMINATIVE)
    words = declined.split()
    surname_words = len(person.last_name.split()) or 1
    initials = "".join(words[surname_words:])
    return " ".join(part for part in (initials, *words[:surname_words]) if part)


def position_phrase(person, own, case: Case, *, on: date | None = None) -> str:
    """«воспитатель» / «воспитателя»; a partner's people also get their organization, in brackets:
    its name stays as registered («Педагогический колледж») and so does not have to be declined.
    `on`: the post held that day (a document's date, people.facts), else the post held now."""
    name = str(position_on(person, on) if on is not None else person.position)
    position = position_in_case(name, case) or lower_first(name)
    if own is None or person.organization_id != own.pk:
        return f"{position} ({person.organization.short_name})"
    return position


# Positions as staff lists name them: adjectives, then the head noun, then its complement
# («инструктор по физической культуре», «заместитель заведующего»), which never changes.
_ADJECTIVE_ENDINGS = ("ый", "ий", "ой", "ая", "яя")
_INSTRUMENTAL_ENDINGS = ("ом", "ем", "ём", "ами", "ями")
_HUSHING_OR_VELAR = "гкхжшщч"


def position_in_case(name: str, case: Case) -> str | None:
    """«Старший воспитатель» → «старшего воспитателя» (genitive) / «старшему воспитателю» (dative).

    Only the genitive and the dative, only for the shapes Russian posts take; None whenever the
    phrase is not clearly one of them (the caller then prints the post as it is named), so a
    form never carries an invented word.
    """
    if case not in (Case.GENITIVE, Case.DATIVE):
        return None
    words = name.split()
    if not words or any(word.isupper() and len(word) > 1 for word in words[:2]):
        return None
    lowered = [lower_first(words[0]), *words[1:]]
    result = []
    i = 0
    while i < len(lowered) and _is_adjective(lowered[i]):
        result.append(_adjective(lowered[i], case))
        i += 1
    if i == len(lowered):
        # A noun-like adjective alone: «Заведующий». Two or more are ambiguous («заведующий кафедрой»).
        return result[0] if len(result) == 1 else None
    head = lowered[i]
    if head.endswith(_INSTRUMENTAL_ENDINGS):
        # «Заведующий хозяйством», «управляющий делами»: the adjective is the head itself.
        return " ".join([*result, *lowered[i:]]) if len(result) == 1 else None
    parts = [_noun(part, case) for part in head.split("-")]
    if not all(parts):
        return None
    return " ".join([*result, "-".join(parts), *lowered[i + 1 :]])


def _is_adjective(word: str) -> bool:
    return len(word) > 3 and "-" not in word and word.endswith(_ADJECTIVE_ENDINGS)


def _adjective(word: str, case: Case) -> str:
    stem, ending = word[:-2], word[-2:]
    if ending in ("ая", "яя"):
        # Feminine: genitive = dative; «-ей» after a soft stem or a hushing one (заведующая, старшая).
        return stem + ("ой" if ending == "ая" and stem[-1] not in "жшщч" else "ей")
    hard = ending in ("ый", "ой") or stem[-1] in "гкх"
    if case is Case.GENITIVE:
        return stem + ("ого" if hard else "его")
    return stem + ("ому" if hard else "ему")


def _noun(word: str, case: Case) -> str | None:
    genitive = case is Case.GENITIVE
    if len(word) < 3 or not word.isalpha():
        return None
    if word.endswith(("ец", "ок", "ек")):
        return None  # a fleeting vowel (продавец → продавца): not guessed
    if word.endswith("ия"):
        return word[:-1] + "и"
    if word.endswith(("ь", "й")):
        return word[:-1] + ("я" if genitive else "ю")
    if word.endswith("а"):
        if genitive:
            return word[:-1] + ("и" if word[-2] in _HUSHING_OR_VELAR else "ы")
        return word[:-1] + "е"
    if word.endswith("я"):
        return word[:-1] + ("и" if genitive else "е")
    if word[-1] in "бвгджзклмнпрстфхцчшщ":
        return word + ("а" if genitive else "у")
    return None
