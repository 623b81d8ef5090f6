"""Conditions other apps register for completing a program (programs.completion): the completion
page lists what they find missing, and the move refuses with the same sentences."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from programs.completion import missing_for_completion, register_condition, unregister_condition
from programs.models import Program
from programs.services.program import program_move
from programs.tests.factories import program_in_work


@pytest.fixture
def condition():
    def missing(program):
        return [f"Наставляемый не заполнил итоговую самодиагностику (программа № {program.pk})."]

    register_condition("test.diagnostics", missing)
    yield missing
    unregister_condition("test.diagnostics")


def test_a_registered_condition_is_listed_and_refuses_completion(world, client_as, condition):
    program = program_in_work(world.pairing, done=1, due=0)
    sentence = condition(program)[0]
    assert missing_for_completion(program) == [sentence]

    page = client_as("curator").get(reverse("programs:program-complete", args=[program.pk]))
    assert sentence in page.content.decode()

    with pytest.raises(ValidationError) as refusal:
        program_move(
            program=program,
            target=Program.Status.COMPLETED,
            actor=world.users["curator"],
            final_assessment="Цели достигнуты.",
            curator_conclusion="Программа выполнена.",
        )
    assert sentence in refusal.value.messages
    program.refresh_from_db()
    assert program.status != Program.Status.COMPLETED


def test_without_conditions_nothing_more_is_missing(world):
    program = program_in_work(world.pairing, done=1, due=0)
    assert missing_for_completion(program) == []
