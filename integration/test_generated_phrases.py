"""Phrases the application puts together read as written by hand: the noun agrees with the number
(«Исправьте 2 строки»), the word with the person («уволена», «принята»), and a sentence that ends
with initials has one full stop («… Иванова А.И.», not «И.И..»)."""

from datetime import date

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.urls import reverse

from mentorship.models import Direction, MentoringForm
from mentorship.services.pairs import pairing_propose
from people.models import Person
from people.tests.factories import PersonFactory
from surveys.tests.factories import running_program

HAND_MADE = ("(а)", "(и)", "(ов)", "..")


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_a_declined_survey_is_recorded_in_a_sentence_with_one_full_stop(world, client_as):
    program = running_program(world.pairing)
    response = client_as("mentee").post(reverse("surveys:decline-mid", args=[program.pk]), {"reason": "устно"})
    assert _messages(response) == [f"Записан отказ от ответа: {world.mentee.person.short_name}"]
    assert world.mentee.person.short_name.endswith("И.")


def test_a_pair_with_a_dismissed_woman_says_she_is_dismissed(world):
    world.mentee.person.status, world.mentee.person.left_on = Person.Status.LEFT, date(2026, 8, 31)
    world.mentee.person.save()
    with pytest.raises(ValidationError) as refused:
        pairing_propose(
            mentor=world.other_mentor,
            mentees=[world.mentee],
            direction=Direction.objects.get(name="Режимные моменты"),
            forms=[MentoringForm.objects.get(name="Педагог – педагог")],
            starts_on=date(2026, 9, 1),
            planned_end_on=date(2027, 5, 31),
            actor=world.users["curator"],
        )
    text = " ".join(refused.value.messages)
    assert f"{world.mentee.person.full_name} уволена: в пару включить нельзя." in text
    assert not any(mark in text for mark in HAND_MADE)


@pytest.mark.parametrize(
    ("count", "expected"), [(1, "Исправьте 1 строку"), (2, "Исправьте 2 строки"), (5, "Исправьте 5 строк")]
)
def test_the_staff_file_asks_to_fix_rows_with_the_noun_agreeing(world, client_as, count, expected):
    header = "Табельный номер,Фамилия,Имя,Отчество,Должность,Дата приёма,Педстаж,Категория"
    bad_rows = [f"{100 + n},Кротова,Анна,,Воспитатель,31.02.2024,," for n in range(count)]
    content = "\r\n".join([header, *bad_rows]).encode()
    response = client_as("curator").post(reverse("people:import"), {"file": SimpleUploadedFile("s.csv", content)})
    body = response.content.decode()
    assert expected + " и загрузите файл снова" in body and "строк(и)" not in body


def test_a_woman_with_no_patronymic_that_tells_is_still_agreed_with_by_her_first_name(db):
    woman = PersonFactory.build(last_name="Черных", first_name="Анна", middle_name="")
    nobody_knows = PersonFactory.build(last_name="Черных", first_name="Саша", middle_name="")
    assert woman.gendered("уволен", "уволена") == "уволена"
    assert nobody_knows.gendered("уволен", "уволена") == "уволен(а)"
    rendered = Template('{{ person|gendered:"принят,принята" }}; {{ n }} {{ n|plural_form:"строка,строки,строк" }}')
    assert rendered.render(Context({"person": woman, "n": 22})) == "принята; 22 строки"


def test_the_staff_list_filters_people_and_a_card_agrees_with_its_person(world, client_as):
    client = client_as("curator")
    listing = client.get(reverse("people:person-list")).content.decode()
    assert '<option value="working">Работающие</option>' in listing
    assert '<option value="left">Уволенные</option>' in listing
    card = client.get(reverse("people:person-update", args=[world.other_person.pk])).content.decode()
    assert '<option value="left">Уволена</option>' in card and "Уволен(а)" not in card
