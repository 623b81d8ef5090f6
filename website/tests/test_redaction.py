"""The redactor hides a person's name in any case, in full or with initials, and leaves other words."""

from people.models import Person
from website.redaction import HIDDEN, Redactor


def test_a_name_is_hidden_in_any_form():
    redact = Redactor([Person(last_name="Лебедева", first_name="Анна", middle_name="Игоревна")])
    for text in (
        "Открытое занятие провела Лебедева Анна Игоревна.",
        "Назначить наставником Лебедеву А.И.",
        "Благодарность А.И. Лебедевой за работу.",
        "Вопросы Лебедевой Анне Игоревне.",
    ):
        hidden = redact(text)
        assert "Лебед" not in hidden and HIDDEN in hidden, hidden
        assert "А.И." not in hidden and "А.И." not in hidden, hidden


def test_other_words_and_other_people_stay():
    redact = Redactor([Person(last_name="Ким", first_name="Ирина", middle_name="")])
    assert redact("Наставник Петрова провела занятие по кимвальной игре.") == (
        "Наставник Петрова провела занятие по кимвальной игре."
    )
    assert redact("Занятие вела Ким И.") == f"Занятие вела {HIDDEN}"
    assert Redactor([])("Любой текст") == "Любой текст"
