"""The text helpers: a sentence's capital and full stop, a number's noun, a word that agrees with
a person — so that no message is put together by hand («строк(и)», «И.А..»)."""

from decimal import Decimal

import pytest

from core.text import (
    NBSP,
    by_gender,
    decimal_text,
    nbsp,
    nested_quotes,
    plural,
    plural_form,
    rubles_in_words,
    sentence,
)


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "год"),
        (2, "года"),
        (4, "года"),
        (5, "лет"),
        (11, "лет"),
        (12, "лет"),
        (14, "лет"),
        (21, "год"),
        (22, "года"),
        (25, "лет"),
        (101, "год"),
        (111, "лет"),
        (0, "лет"),
        (-1, "год"),
    ],
)
def test_plural_form_chooses_the_russian_form(n, expected):
    assert plural_form(n, "год", "года", "лет") == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1, "1 строка"), (2, "2 строки"), (4, "4 строки"), (5, "5 строк"), (11, "11 строк"), (21, "21 строка")],
)
def test_plural_puts_the_number_before_its_noun(n, expected):
    assert plural(n, "строка", "строки", "строк") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Записан отказ от ответа: Семёнова Д.И.", "Записан отказ от ответа: Семёнова Д.И."),
        ("Куратор — Морозова И. А", "Куратор — Морозова И. А."),
        ("пара закреплена", "Пара закреплена."),
        ("«входная» анкета отправлена", "«Входная» анкета отправлена."),
        ("Отправить анкету?", "Отправить анкету?"),
        ("  Сохранено.  ", "Сохранено."),
        ("", ""),
    ],
)
def test_sentence_starts_with_a_capital_and_ends_with_one_full_stop(text, expected):
    assert sentence(text) == expected


@pytest.mark.parametrize(
    ("gender", "male", "female", "expected"),
    [
        ("male", "уволен", "уволена", "уволен"),
        ("female", "уволен", "уволена", "уволена"),
        (None, "уволен", "уволена", "уволен(а)"),
        (None, "действующего", "действующей", "действующего(ей)"),
        (None, "зарегистрированный", "зарегистрированная", "зарегистрированный(ая)"),
        (None, "принял", "приняла", "принял(а)"),
    ],
)
def test_by_gender_agrees_with_the_person_and_writes_both_when_the_name_does_not_tell(gender, male, female, expected):
    assert by_gender(gender, male, female) == expected


def test_messages_of_a_service_reach_the_page_as_sentences(rf):
    from django.contrib.messages import get_messages
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.signed_cookies import SessionStore
    from django.core.exceptions import ValidationError

    from core.services import Outcome
    from core.views import report_errors, show_outcome

    request = rf.post("/")
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    show_outcome(request, Outcome(None, ["у наставника уже трое наставляемых"]), "Согласие записано: Иванова А.И.")
    report_errors(request, ValidationError(["пара в состоянии «Завершена»", "Проверьте даты."]))
    assert [str(message) for message in get_messages(request)] == [
        "Согласие записано: Иванова А.И.",
        "У наставника уже трое наставляемых.",
        "Пара в состоянии «Завершена».",
        "Проверьте даты.",
    ]


def test_decimal_text_writes_sums_with_kopecks_and_other_numbers_without_trailing_zeros():
    assert decimal_text(Decimal("3000"), 2) == "3 000,00"
    assert decimal_text(Decimal("1234567.895"), 2) == "1 234 567,90"  # half up
    assert decimal_text(Decimal("2.0")) == "2"
    assert decimal_text(Decimal("1.50")) == "1,5"
    assert decimal_text(Decimal("100")) == "100"
    assert decimal_text(Decimal("1500")) == "1 500"


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("0", "ноль рублей 00 копеек"),
        ("1.01", "один рубль 01 копейка"),
        ("2.02", "два рубля 02 копейки"),
        ("11.11", "одиннадцать рублей 11 копеек"),
        ("21.50", "двадцать один рубль 50 копеек"),
        ("3000.00", "три тысячи рублей 00 копеек"),
        ("1645.16", "одна тысяча шестьсот сорок пять рублей 16 копеек"),
        ("2112.90", "две тысячи сто двенадцать рублей 90 копеек"),
        ("41000", "сорок одна тысяча рублей 00 копеек"),
        ("2000000.05", "два миллиона рублей 05 копеек"),
        ("1214999.99", "один миллион двести четырнадцать тысяч девятьсот девяносто девять рублей 99 копеек"),
    ],
)
def test_a_sum_in_words(value, words):
    assert rubles_in_words(Decimal(value)) == words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("№ п/п", "№~п/п"),
        ("стаж 9 лет 2 мес., молодой специалист", "стаж~9~лет~2~мес., молодой специалист"),
        ("педстаж 12 лет 3 мес.", "педстаж~12~лет~3~мес."),
        ("с 01.09.2025 по 31.08.2026", "с~01.09.2025 по~31.08.2026"),
        ("3 000,00 руб.", "3~000,00~руб."),
        ("2026 г.", "2026~г."),
        ("И.А. Морозова", "И.А.~Морозова"),
        ("Морозову И.А.", "Морозову~И.А."),
        ("Морозову И. А.", "Морозову~И.~А."),
        ("Работа в группе", "Работа в~группе"),
        ("", ""),
    ],
)
def test_nbsp_keeps_numbers_units_and_initials_on_one_line(text, expected):
    assert nbsp(text) == expected.replace("~", NBSP)


def test_nbsp_filter_is_the_same_helper_for_templates():
    from django.template import Context, Template

    rendered = Template("{% load text %}{{ value|nbsp }}").render(Context({"value": "стаж 9 лет 2 мес."}))
    assert rendered == f"стаж{NBSP}9{NBSP}лет{NBSP}2{NBSP}мес."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("МКДОУ «Детский сад «Ласточка»»", "МКДОУ «Детский сад „Ласточка“»"),
        ("«МКДОУ «Детский сад «Ласточка»»»", "«МКДОУ „Детский сад „Ласточка““»"),
        # One closing mark for all the levels that close together.
        ("МКДОУ «Детский сад «Ласточка»", "МКДОУ «Детский сад „Ласточка“»"),
        ("МКДОУ «Детский сад «Ласточка»\n  ", "МКДОУ «Детский сад „Ласточка“»\n  "),
        ("«А «Б «В»", "«А „Б „В““»"),
        ("приказ «О наставничестве» и «Положение»", "приказ «О наставничестве» и «Положение»"),
        ("a «b «c» d» e «f»", "a «b „c“ d» e «f»"),
        ("без кавычек", "без кавычек"),
    ],
)
def test_nested_quotes_become_lapki_inside_yolochki(text, expected):
    assert nested_quotes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Заведующему МКДОУ «Детский сад «Ласточка» Е.И. Соколовой",
            "Заведующему МКДОУ «Детский сад „Ласточка“» Е.И. Соколовой",
        ),
        (
            "МКДОУ «Детский сад «Ласточка» по направлению «Режимные моменты»",
            "МКДОУ «Детский сад „Ласточка“» по направлению «Режимные моменты»",
        ),
        ("«Приказ» МКДОУ «Детский сад «Ласточка»", "«Приказ» МКДОУ «Детский сад „Ласточка“»"),
    ],
)
def test_one_closing_mark_may_close_the_levels_that_close_together(text, expected):
    assert nested_quotes(text) == expected


@pytest.mark.parametrize("text", ["сад «Ласточка» у дома", "а » б", "«а» и «б", "«а «б» в «г"])
def test_nested_quotes_leave_a_flat_or_broken_text_as_it_is(text):
    # The first one is balanced and flat; the others cannot tell where a quote closes.
    assert nested_quotes(text) == text
