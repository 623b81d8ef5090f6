"""Checks of Russian organization requisites, with their control digits."""

import re

from django.core.exceptions import ValidationError


def validate_inn(value: str) -> None:
    """ИНН: 10 digits (organization) or 12 (person), control digits per ФНС."""
    if not value.isdigit() or len(value) not in (10, 12):
        raise ValidationError("ИНН состоит из 10 цифр (организация) или 12 цифр (физическое лицо).")
    digits = [int(c) for c in value]

    def control(weights):
        return sum(w * d for w, d in zip(weights, digits, strict=False)) % 11 % 10

    if len(value) == 10:
        ok = control([2, 4, 10, 3, 5, 9, 4, 6, 8]) == digits[9]
    else:
        ok = (
            control([7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == digits[10]
            and control([3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == digits[11]
        )
    if not ok:
        raise ValidationError("ИНН с ошибкой: не сходится контрольная цифра. Проверьте номер по документам.")


def validate_ogrn(value: str) -> None:
    """ОГРН: 13 digits (ОГРН) or 15 (ОГРНИП); the last is the remainder of the rest by 11 (13 for ОГРНИП)."""
    if not value.isdigit() or len(value) not in (13, 15):
        raise ValidationError("ОГРН состоит из 13 цифр (ОГРНИП — из 15).")
    divisor = 11 if len(value) == 13 else 13
    if int(value[:-1]) % divisor % 10 != int(value[-1]):
        raise ValidationError("ОГРН с ошибкой: не сходится контрольная цифра. Проверьте номер по документам.")


# A part of a name: letters of any alphabet, joined by a space, a hyphen, an apostrophe or a dot
# («Петрова-Водкина», «д'Артаньян», «Мамин-Сибиряк»); digits and signs like «=», «+», «@» are no name's.
_NAME_PART = re.compile(r"^[^\W\d_]+(?:[ \-'’.]+[^\W\d_]+)*\.?$")


def validate_person_name(value: str) -> None:
    """A surname, a first name or a patronymic: letters, and a space, hyphen, apostrophe or dot between them."""
    if value and not _NAME_PART.match(value.strip()):
        raise ValidationError("В имени допустимы только буквы, пробел, дефис, апостроф и точка.")
