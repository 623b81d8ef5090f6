"""What a new login is made of: a username proposed from the person's name in Latin letters, and a
one-time password the system makes up."""

import re
import secrets

from accounts.models import User

# Russian passports' transliteration (ГОСТ Р 52535.1-2006 / ICAO Doc 9303, as in the
# foreign passport since 2014): what employees already see as their name in Latin letters.
_LATIN = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "ie",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "iu",
    "я": "ia",
}
# Letters and digits nobody confuses when reading the password off a screen: no l/1/I, O/0, etc.
PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
PASSWORD_GROUPS = 3
PASSWORD_GROUP_LENGTH = 4


def to_latin(text: str) -> str:
    """The text in lowercase Latin letters; what is neither a letter nor a hyphen is dropped."""
    latin = "".join(_LATIN.get(char, char) for char in text.lower())
    return re.sub(r"[^a-z0-9-]", "", latin).strip("-")


def proposed_username(*, last_name: str, first_name: str, middle_name: str = "") -> str:
    """«Петрова Светлана Николаевна» → «petrova.sn»; a digit is added when the name is taken
    (petrova.sn2, petrova.sn3, …)."""
    initials = "".join(to_latin(name)[:1] for name in (first_name, middle_name) if name)
    base = ".".join(part for part in (to_latin(last_name), initials) if part) or "user"
    taken = set(User.objects.filter(username__iregex=rf"^{re.escape(base)}[0-9]*$").values_list("username", flat=True))
    taken = {name.lower() for name in taken}
    if base not in taken:
        return base
    number = 2
    while f"{base}{number}" in taken:
        number += 1
    return f"{base}{number}"


def one_time_password() -> str:
    """Twelve random characters in three groups of four, e.g. «k7mp-3xqa-h9tw» (~59 bits)."""
    return "-".join(
        "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(PASSWORD_GROUP_LENGTH)) for _ in range(PASSWORD_GROUPS)
    )
