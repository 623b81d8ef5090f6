"""Russian full names in the cases an order needs: «назначить Петрову Светлану Николаевну»,
«Петровой Светлане Николаевне».

The rules are petrovich's (pytrovich). They decline Russian names well and leave indeclinable
ones (Черных, Бондаренко, Дюма, a woman's Шевчук) alone; where they cannot know the answer —
a surname that is also a noun (a woman's Сова declines as Совы, not Совой), a name whose
declension the bearer decides (Айгуль) — the person's record carries a manual form, passed here
as `override`, which always wins. We never guess a gender silently: without a patronymic,
a first name or a surname that tells, the caller gets `UnknownGenderError`.
"""

from enum import Enum
from typing import Literal

from pytrovich.detector import PetrovichGenderDetector
from pytrovich.enums import Case as PetrovichCase
from pytrovich.enums import Gender as PetrovichGender
from pytrovich.enums import NamePart
from pytrovich.maker import PetrovichDeclinationMaker

Gender = Literal["male", "female"]


class Case(Enum):
    NOMINATIVE = "nominative"
    GENITIVE = "genitive"
    DATIVE = "dative"
    ACCUSATIVE = "accusative"
    INSTRUMENTAL = "instrumental"
    PREPOSITIONAL = "prepositional"

    @property
    def label(self) -> str:
        return _CASE_LABELS[self]


_CASE_LABELS = {
    Case.NOMINATIVE: "именительный (кто?)",
    Case.GENITIVE: "родительный (кого?)",
    Case.DATIVE: "дательный (кому?)",
    Case.ACCUSATIVE: "винительный (кого?)",
    Case.INSTRUMENTAL: "творительный (кем?)",
    Case.PREPOSITIONAL: "предложный (о ком?)",
}


class UnknownGenderError(ValueError):
    """Neither the patronymic nor the names tell whether to decline as a man or a woman."""


_maker = PetrovichDeclinationMaker()
_detector = PetrovichGenderDetector()

# Azerbaijani, Kazakh, Kyrgyz patronymics end in a separate word: «Рашид оглы», «Лутфияр кызы».
_MALE_PATRONYMIC_WORDS = {"оглы", "оглу", "улы", "уулу"}
_FEMALE_PATRONYMIC_WORDS = {"кызы", "гызы", "кизи"}


def gender_of(first_name: str, middle_name: str | None, *, last_name: str | None = None) -> Gender | None:
    """Gender from the patronymic (-вна/-чна/-кызы, -ич/-оглы), else from the first name
    (Никита, Илья — "male"; Любовь — "female"), else from the surname when given (Иванова);
    None when nothing tells (Саша Черных)."""
    middle = " ".join((middle_name or "").lower().split())
    if middle:
        last_word = middle.split()[-1]
        if middle.endswith(("вна", "чна", "шна")) or last_word in _FEMALE_PATRONYMIC_WORDS:
            return "female"
        if middle.endswith("ич") or last_word in _MALE_PATRONYMIC_WORDS:
            return "male"
    for part, value in (("firstname", first_name), ("lastname", last_name)):
        if value and value.strip():
            detected = _detector.detect(**{part: value.strip()})
            if detected == PetrovichGender.MALE:
                return "male"
            if detected == PetrovichGender.FEMALE:
                return "female"
    return None


def decline_full_name(
    last_name: str,
    first_name: str,
    middle_name: str | None,
    case: Case,
    *,
    gender: Gender | None = None,
    override: str | None = None,
) -> str:
    """«Фамилия Имя Отчество» in `case`. `override` (the form typed by hand on the person's
    record) wins when given; the patronymic may be empty."""
    if override and override.strip():
        return _squeeze(override)
    parts = [_squeeze(last_name), _squeeze(first_name), _squeeze(middle_name or "")]
    if case is Case.NOMINATIVE:
        return " ".join(part for part in parts if part)
    gender = _resolve_gender(gender, *parts)
    declined = (
        _decline(NamePart.LASTNAME, parts[0], gender, case),
        _decline(NamePart.FIRSTNAME, parts[1], gender, case),
        _decline(NamePart.MIDDLENAME, parts[2], gender, case),
    )
    return " ".join(part for part in declined if part)


def short_name_in_case(
    last_name: str,
    first_name: str,
    middle_name: str | None,
    case: Case,
    *,
    gender: Gender | None = None,
    override: str | None = None,
) -> str:
    """«Петровой С.Н.»: the surname in `case`, then the initials. `override` is the same
    full form `decline_full_name` takes; its first words (as many as the surname has) are used."""
    full = decline_full_name(last_name, first_name, middle_name, case, gender=gender, override=override)
    surname = " ".join(full.split()[: len(_squeeze(last_name).split()) or 1])
    return " ".join(part for part in (surname, initials(first_name, middle_name)) if part)


def signature_name(last_name: str, first_name: str, middle_name: str | None) -> str:
    """«С.Н. Петрова»: initials before the surname, as under a signature (ГОСТ Р 7.0.97-2016)."""
    return " ".join(part for part in (initials(first_name, middle_name), _squeeze(last_name)) if part)


def initials(first_name: str, middle_name: str | None) -> str:
    """«С.Н.»: together, without a space between them — the one style of every page and document
    (ГОСТ Р 7.0.97-2016); the surname goes before or after them with a space."""
    return "".join(f"{part[0].upper()}." for part in (_squeeze(first_name), _squeeze(middle_name or "")) if part)


def _squeeze(value: str) -> str:
    return " ".join(value.split())


def _resolve_gender(gender: Gender | None, last_name: str, first_name: str, middle_name: str) -> Gender:
    if gender is None:
        gender = gender_of(first_name, middle_name, last_name=last_name)
    if gender is None:
        raise UnknownGenderError(
            f"Не удалось определить, склонять ли «{last_name} {first_name}» как мужское или женское имя: "
            "укажите пол или впишите форму имени вручную."
        )
    if gender not in ("male", "female"):
        raise ValueError(f"gender must be 'male' or 'female', not {gender!r}")
    return gender


# Adjectival men's surnames on -гий (Долгий, Строгий) fall through petrovich's -ий rule
# (Георгий → Георгия) instead of its -кий/-хий one.
_ADJECTIVE_GIY = {
    Case.GENITIVE: "ого",
    Case.DATIVE: "ому",
    Case.ACCUSATIVE: "ого",
    Case.INSTRUMENTAL: "им",
    Case.PREPOSITIONAL: "ом",
}


def _decline(part: NamePart, value: str, gender: Gender, case: Case) -> str:
    if not value:
        return value
    petrovich_gender = PetrovichGender.MALE if gender == "male" else PetrovichGender.FEMALE
    result = _maker.make(part, petrovich_gender, PetrovichCase[case.name], value)
    pieces = []
    # Both sides split alike: petrovich declines a double surname piece by piece.
    for original, declined in zip(value.split("-"), result.split("-"), strict=True):
        if part is NamePart.LASTNAME and gender == "male" and original.lower().endswith("гий"):
            declined = original[:-2] + _ADJECTIVE_GIY[case]
        if original.isupper() and len(original) > 1:
            declined = declined.upper()  # petrovich appends lowercase endings: ИВАНОВой
        pieces.append(declined)
    return "-".join(pieces)


# --- organizations: «Муниципальное казённое … учреждение «…»» → «Муниципального казённого … учреждения «…»» --

# The head nouns of Russian organization names, with their genitive and dative. The words before
# the head are adjectives that agree with it; everything after it (a complement, a name in quotes,
# «высшего образования», «№ 5», «города …») never changes.
_ORGANIZATION_HEADS = {
    "учреждение": ("учреждения", "учреждению"),
    "предприятие": ("предприятия", "предприятию"),
    "общество": ("общества", "обществу"),
    "объединение": ("объединения", "объединению"),
    "организация": ("организации", "организации"),
    "гимназия": ("гимназии", "гимназии"),
    "академия": ("академии", "академии"),
    "консерватория": ("консерватории", "консерватории"),
    "школа": ("школы", "школе"),
    "библиотека": ("библиотеки", "библиотеке"),
    "лицей": ("лицея", "лицею"),
    "музей": ("музея", "музею"),
    "колледж": ("колледжа", "колледжу"),
    "техникум": ("техникума", "техникуму"),
    "университет": ("университета", "университету"),
    "институт": ("института", "институту"),
    "центр": ("центра", "центру"),
    "комбинат": ("комбината", "комбинату"),
    "сад": ("сада", "саду"),
    "дом": ("дома", "дому"),
    "театр": ("театра", "театру"),
}


def organization_name_in_case(name: str, case: Case) -> str | None:
    """«Муниципальное казённое дошкольное образовательное учреждение «Детский сад «Ласточка»» →
    «Муниципального казённого дошкольного образовательного учреждения «Детский сад «Ласточка»»
    (genitive) / «… учреждению …» (dative).

    Only the genitive and the dative, only for names that begin with adjectives and a head noun
    we know; None otherwise (an abbreviation «МКДОУ …», a name in quotes alone, an unknown shape):
    the caller then words its sentence around the name as registered, never printing a guess."""
    if case is Case.NOMINATIVE:
        return name
    if case not in (Case.GENITIVE, Case.DATIVE):
        return None
    words = name.split(" ")
    declined = []
    for i, word in enumerate(words):
        lowered = word.lower()
        if lowered in _ORGANIZATION_HEADS:
            genitive, dative = _ORGANIZATION_HEADS[lowered]
            head = genitive if case is Case.GENITIVE else dative
            if word[:1].isupper():
                head = head[:1].upper() + head[1:]
            return " ".join([*declined, head, *words[i + 1 :]])
        adjective = _organization_adjective(word, case)
        if adjective is None:
            return None
        declined.append(adjective)
    return None


def _organization_adjective(word: str, case: Case) -> str | None:
    if len(word) < 4 or not word.replace("-", "").isalpha() or word.isupper():
        return None
    stem, ending = word[:-2], word[-2:]
    genitive = case is Case.GENITIVE
    if ending in ("ая", "яя"):
        # Feminine: genitive = dative; «-ей» after a soft or a hushing stem («общая» → «общей»).
        return stem + ("ой" if ending == "ая" and stem[-1] not in "жшщч" else "ей")
    if ending in ("ое", "ый", "ой") or (ending == "ий" and stem[-1] in "гкх"):
        return stem + ("ого" if genitive else "ому")
    if ending in ("ее", "ий"):
        return stem + ("его" if genitive else "ему")
    return None
