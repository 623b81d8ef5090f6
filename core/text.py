"""Text helpers shared by every app."""

import re
from decimal import ROUND_HALF_UP, Decimal


def normalize_for_search(value: str) -> str:
    """Fold a string the way people type a search: case, «ё»/«е» and spacing ignored.

    SQLite folds ASCII only, so case-insensitive Cyrillic search is done against a column
    that holds this form, filled on every write path; the query is folded the same way.
    """
    return " ".join((value or "").lower().replace("ё", "е").split())


def sentence(text: str) -> str:
    """A text as a printed sentence: a capital first letter and one full stop at the end, also after
    initials («… Морозову И.А.», not «И.А..»); a question, an exclamation or «…» keeps its own mark."""
    text = text.strip()
    for index, char in enumerate(text):
        if char.isalpha():
            text = text[:index] + char.upper() + text[index + 1 :]
            break
    if not text or text.endswith(("?", "!", "…")):
        return text
    return text.rstrip(".") + "."


def plural_form(n: int, one: str, few: str, many: str) -> str:
    """The noun's form that agrees with the number: 1 строка, 2 строки, 5 строк (21 строка, 11 строк)."""
    n = abs(n) % 100
    if 11 <= n <= 19:
        return many
    n %= 10
    if n == 1:
        return one
    if 2 <= n <= 4:
        return few
    return many


def plural(n: int, one: str, few: str, many: str) -> str:
    """The number with its noun: plural(2, "строка", "строки", "строк") → «2 строки»."""
    return f"{n} {plural_form(n, one, few, many)}"


def by_gender(gender: str | None, male: str, female: str) -> str:
    """The word that agrees with a person: «уволен» / «уволена»; when the name does not tell
    (gender None), both in the form documents use: «уволен(а)», «действующего(ей)»."""
    if gender == "male":
        return male
    if gender == "female":
        return female
    common = 0
    while common < min(len(male), len(female)) and male[common] == female[common]:
        common += 1
    if common < len(male):
        # Endings that differ (an adjective's): the bracket holds the whole ending, «(ей)», not «(й)».
        common = min(common, len(female) - 2)
    return f"{male}({female[common:]})"


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


def decimal_text(value: Decimal, places: int | None = None) -> str:
    """A number as Russian documents write it: with `places` (a sum: 2) «12 345,67», a gap between
    thousands and the kopecks always shown; without, «2», «12,5», «1 500» — no trailing zeros."""
    if places is not None:
        text = f"{value.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP):,.{places}f}"
    else:
        text = f"{value.normalize():,f}"
    whole, _, fraction = text.partition(".")
    whole = whole.replace(",", " ")
    return f"{whole},{fraction}" if fraction else whole


# --- numbers in words, as sums are written out in agreements and lists («3 000,00 руб. (три тысячи
# рублей 00 копеек)») -------------------------------------------------------------------------------

_ONES = ("", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять")
_ONES_FEMININE = ("", "одна", "две", *_ONES[3:])
_TEENS = (
    "десять",
    "одиннадцать",
    "двенадцать",
    "тринадцать",
    "четырнадцать",
    "пятнадцать",
    "шестнадцать",
    "семнадцать",
    "восемнадцать",
    "девятнадцать",
)
_TENS = ("", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят", "девяносто")
_HUNDREDS = ("", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот", "восемьсот", "девятьсот")
# (scale, its forms, whether the number before it is feminine: «две тысячи», «два миллиона»)
_SCALES = (
    (10**9, ("миллиард", "миллиарда", "миллиардов"), False),
    (10**6, ("миллион", "миллиона", "миллионов"), False),
    (10**3, ("тысяча", "тысячи", "тысяч"), True),
)


def _below_thousand(n: int, feminine: bool) -> list[str]:
    hundreds, rest = divmod(n, 100)
    words = [_HUNDREDS[hundreds]]
    if 10 <= rest <= 19:
        words.append(_TEENS[rest - 10])
    else:
        tens, units = divmod(rest, 10)
        words += [_TENS[tens], (_ONES_FEMININE if feminine else _ONES)[units]]
    return [word for word in words if word]


def number_in_words(n: int, *, feminine: bool = False) -> str:
    """«три тысячи двести одиннадцать»; `feminine` for a feminine noun after it («одна копейка»)."""
    if n < 0:
        raise ValueError("a sum in words is never negative")
    if n == 0:
        return "ноль"
    words = []
    for scale, forms, scale_feminine in _SCALES:
        count, n = divmod(n, scale)
        if count:
            words += [*_below_thousand(count, scale_feminine), plural_form(count, *forms)]
    words += _below_thousand(n, feminine)
    return " ".join(words)


def rubles_in_words(value: Decimal) -> str:
    """«три тысячи рублей 00 копеек»: a sum as it is written out after its figures."""
    value = value.quantize(Decimal("0.01"))
    whole = int(value)
    kopecks = int((value - whole) * 100)
    return (
        f"{number_in_words(whole)} {plural_form(whole, 'рубль', 'рубля', 'рублей')} "
        f"{kopecks:02d} {plural_form(kopecks, 'копейка', 'копейки', 'копеек')}"
    )


NBSP = "\u00a0"

# Where a line must not break, as Russian typesetting (and ГОСТ Р 7.0.97's tables) wants it: after
# «№»; between a number and its unit or the next group of its digits («9 лет», «2 мес.», «3 000»,
# «12 ч», «2026 г.»); between «лет», «мес.», «стаж» and the number that follows («стаж 9 лет 2 мес.»);
# after a one- or two-letter preposition or conjunction («с 01.09.2025», «по 31.08.2026»); between
# initials and the surname («И.А. Морозова», «Морозову И.А.»).
_UNITS = r"(?:лет|года?|мес\.|месяц\w*|дн\.|дн(?:я|ей|ь)|ч\.?|час\w*|руб\.?|рубл\w*|коп\.|г\.|гг\.|мм|см|%|л\.|экз\.)"
_NBSP_RULES = (
    re.compile(r"(№|§)\s+"),
    re.compile(rf"(?<=\d)\s+(?={_UNITS}(?!\w))"),
    re.compile(r"(?<=\d)\s+(?=\d{3}(?!\d))"),
    re.compile(r"(?<!\w)((?:пед)?стаж|лет|года?|мес\.)\s+(?=\d)"),
    re.compile(r"(?<!\w)([вкосуиВКОСУИ]|во|со|ко|об|по|на|от|до|за|из|не|Во|Со|По|На|От|До|За|Из|Не)\s+(?=\S)"),
    re.compile(r"(?<![\w.])((?:[А-ЯЁ]\.\s?){1,2})\s+(?=[А-ЯЁ][а-яё])"),
    re.compile(r"(?<![\w.])([А-ЯЁ]\.)\s+(?=[А-ЯЁ]\.)"),
    re.compile(r"([А-ЯЁ][а-яё]+)\s+(?=[А-ЯЁ]\.)"),
)


def nbsp(text) -> str:
    """The text with non-breaking spaces where a printed line must not break: «№ п/п», «стаж 9 лет
    2 мес.», «с 01.09.2025», «3 000 руб.», «И.А. Морозова» keep together in a narrow table column."""
    text = str(text if text is not None else "")
    for rule in _NBSP_RULES:
        text = rule.sub(lambda match: (match.group(1) if match.groups() else "") + NBSP, text)
    return text


def nested_quotes(text: str) -> str:
    """Quotes inside quotes as Russian typography prints them: outer «ёлочки», inner „лапки“ —
    «МКДОУ «Детский сад «Ласточка»»» → «МКДОУ „Детский сад „Ласточка““».

    Quotes that close together may be written with one closing mark for all of them, as names
    often are («Детский сад «Ласточка» у дома, «Режимные моменты»): when the marks do not pair up,
    the first closing mark that, closing every level then open, leaves the whole text paired is
    taken for such a mark. A text that cannot be paired so (a quote opened in one piece of a
    document and closed in another) is returned as it is."""
    if "«" not in text:
        return text
    paired = _paired_quotes(text)
    if paired is not None:
        return paired
    for index, char in enumerate(text):
        if char == "»":
            paired = _paired_quotes(text, closing_all_at=index)
            if paired is not None:
                return paired
    return text


def _paired_quotes(text: str, closing_all_at: int | None = None) -> str | None:
    result = []
    depth = 0
    for index, char in enumerate(text):
        if char == "«":
            result.append("«" if depth == 0 else "„")
            depth += 1
        elif char == "»" and index == closing_all_at:
            if depth < 2:
                return None
            result.append("“" * (depth - 1) + "»")
            depth = 0
        elif char == "»":
            if depth == 0:
                return None
            depth -= 1
            result.append("»" if depth == 0 else "“")
        else:
            result.append(char)
    return None if depth else "".join(result)
