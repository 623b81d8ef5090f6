"""Filling and sending diagnostics, the end's window, the completion condition, the difficulties
carried into the program and the plan suggestions."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from programs.completion import conditions_suspended, missing_for_completion, register_condition
from programs.models import PlanItem, Program
from programs.services.program import program_move
from programs.tests.factories import program_in_work, program_with_plan

from ..models import Diagnostic, Rating, TypicalActivity
from ..selectors import competencies_for
from ..services import (
    Answer,
    Pick,
    diagnostic_save,
    difficulties_transfer,
    missing_sentences,
    stage_closed,
    suggestions_add,
    weakest,
)
from .factories import sent

Stage, Author = Diagnostic.Stage, Diagnostic.Author


def answers(program, scores):
    return [Answer(c, s) for c, s in zip(competencies_for(program), scores, strict=False)]


@pytest.fixture
def draft(world):
    return program_with_plan(world.pairing, Program.Status.DRAFT, items=0)


def test_the_mentee_saves_a_draft_then_sends_and_it_is_frozen(world, draft):
    mentee, person = world.users["mentee"], world.mentee.person
    competencies = competencies_for(draft)
    assert [c.name for c in competencies] == ["Организация режимных моментов", "Организация прогулки"]
    diagnostic_save(
        program=draft, stage=Stage.START, person=person, answers=answers(draft, [2]), submit=False, actor=mentee
    )
    diagnostic = Diagnostic.objects.get()
    assert (diagnostic.author, diagnostic.is_submitted) == (Author.MENTEE, False)

    with pytest.raises(ValidationError) as refusal:
        diagnostic_save(
            program=draft,
            stage=Stage.START,
            person=person,
            answers=answers(draft, [2, None]),
            submit=True,
            actor=mentee,
        )
    assert refusal.value.message_dict == {
        f"score_{competencies[1].pk}": ["Выберите оценку, чтобы отправить диагностику."]
    }

    diagnostic_save(
        program=draft, stage=Stage.START, person=person, answers=answers(draft, [2, 1]), submit=True, actor=mentee
    )
    diagnostic.refresh_from_db()
    assert diagnostic.submitted_by == mentee and diagnostic.is_submitted
    assert sorted(diagnostic.ratings.values_list("score", flat=True)) == [1, 2]
    assert diagnostic.history.first().history_user == mentee

    with pytest.raises(ValidationError, match="не изменить"):
        diagnostic_save(
            program=draft, stage=Stage.START, person=person, answers=answers(draft, [5, 5]), submit=False, actor=mentee
        )
    assert sorted(Rating.objects.values_list("score", flat=True)) == [1, 2]


def test_the_mentor_rates_the_mentee_and_nobody_else_may(world, draft):
    person = world.mentee.person
    diagnostic_save(
        program=draft,
        stage=Stage.START,
        person=person,
        answers=answers(draft, [3, 3]),
        submit=True,
        actor=world.users["mentor"],
    )
    assert Diagnostic.objects.get().author == Author.MENTOR
    for role in ("head", "curator", "council", "admin", "norole"):
        with pytest.raises(PermissionDenied):
            diagnostic_save(
                program=draft, stage=Stage.START, person=person, answers=[], submit=False, actor=world.users[role]
            )


def test_a_score_off_the_scale_is_refused(world, draft):
    with pytest.raises(ValidationError, match="от 1 до 5"):
        diagnostic_save(
            program=draft,
            stage=Stage.START,
            person=world.mentee.person,
            answers=answers(draft, [7]),
            submit=False,
            actor=world.users["mentee"],
        )
    assert not Rating.objects.exists()


def test_the_end_opens_in_the_last_month_or_when_the_plan_is_done(world):
    program = program_in_work(world.pairing, done=1, due=1)
    today = timezone.localdate()
    assert "последний месяц" in stage_closed(program, Stage.END, today)
    assert stage_closed(program, Stage.END, program.ends_on - timedelta(days=3)) is None
    program.items.update(done_on=today)
    assert stage_closed(program, Stage.END, today) is None
    assert stage_closed(program, Stage.START, today) is None
    program.status = Program.Status.COMPLETED
    assert "больше не заполняют" in stage_closed(program, Stage.START, today)


@pytest.fixture
def only_diagnostics():
    # The other apps that close the cycle (surveys…) add their own conditions; theirs are tested there.
    with conditions_suspended():
        register_condition("diagnostics.end", missing_sentences, order=10)
        yield


def test_completion_waits_for_both_end_diagnostics_naming_the_people(world, only_diagnostics):
    program = program_in_work(world.pairing, done=2)
    mentee = world.mentee.person.short_name
    mentor = world.mentor.person.short_name
    assert missing_for_completion(program) == [
        f"Итоговая самодиагностика наставляемого ({mentee}) не отправлена.",
        f"Итоговая оценка компетенций наставляемого ({mentee}) не отправлена наставником ({mentor}).",
    ]
    with pytest.raises(ValidationError, match="Итоговая самодиагностика"):
        program_move(
            program=program,
            target=Program.Status.COMPLETED,
            actor=world.users["curator"],
            final_assessment="Цели достигнуты.",
            curator_conclusion="Выполнена.",
        )
    sent(program, Stage.END, Author.MENTEE, world.mentee.person, [4])
    sent(program, Stage.END, Author.MENTOR, world.mentee.person, [4])
    assert missing_for_completion(program) == []
    program_move(
        program=program,
        target=Program.Status.COMPLETED,
        actor=world.users["curator"],
        final_assessment="Цели достигнуты.",
        curator_conclusion="Выполнена.",
    )
    program.refresh_from_db()
    assert program.status == Program.Status.COMPLETED


def test_start_difficulties_are_added_to_the_program_never_replacing_it(world, draft):
    draft.difficulties = "Затрудняется в общении с родителями."
    draft.save()
    sent(draft, Stage.START, Author.MENTEE, world.mentee.person, [1, 4])
    difficulties_transfer(program=draft, actor=world.users["mentor"])
    draft.refresh_from_db()
    assert draft.difficulties == (
        "Затрудняется в общении с родителями.\n"
        "Организация режимных моментов — испытываю серьёзные затруднения (самодиагностика)"
    )
    with pytest.raises(ValidationError, match="уже в программе"):
        difficulties_transfer(program=draft, actor=world.users["mentor"])
    with pytest.raises(PermissionDenied):
        difficulties_transfer(program=draft, actor=world.users["mentee"])


def test_suggestions_read_only_this_programs_lowest_ratings(world, draft):
    other = program_with_plan(world.other_mentor.pairings.get(), Program.Status.DRAFT, items=0)
    sent(other, Stage.START, Author.MENTEE, world.other_mentee.person, [1, 1])  # someone else's difficulties
    assert weakest(draft) == []
    sent(draft, Stage.START, Author.MENTEE, world.mentee.person, [4, 2])
    sent(draft, Stage.START, Author.MENTOR, world.mentee.person, [3, 5])
    assert [(c.name, score) for c, score in weakest(draft)] == [
        ("Организация прогулки", 2),
        ("Организация режимных моментов", 3),
    ]


def test_chosen_suggestions_go_into_the_plan_through_the_plan_service(world, draft):
    activity = TypicalActivity.objects.filter(competency__name="Организация прогулки").first()
    before = draft.items.count()
    with pytest.raises(ValidationError) as refusal:
        suggestions_add(
            program=draft,
            picks=[Pick(activity, "Прогулка", draft.ends_on + timedelta(days=1))],
            actor=world.users["mentor"],
        )
    assert f"deadline_{activity.pk}" in refusal.value.message_dict
    outcome = suggestions_add(
        program=draft,
        picks=[Pick(activity, "Прогулка: картотека на октябрь", draft.starts_on)],
        actor=world.users["mentor"],
    )
    (item,) = outcome.obj
    assert draft.items.count() == before + 1
    assert (item.activity, item.form, item.direction, item.position) == (
        "Прогулка: картотека на октябрь",
        activity.form,
        activity.competency.direction,
        before + 1,
    )
    assert item.responsible == world.mentor.person.short_name
    with pytest.raises(PermissionDenied):
        suggestions_add(program=draft, picks=[Pick(activity, "x", draft.starts_on)], actor=world.users["mentee"])
    running = Program.objects.filter(pk=draft.pk)
    running.update(status=Program.Status.RUNNING)
    with pytest.raises(ValidationError, match="не изменить"):
        suggestions_add(
            program=running.get(), picks=[Pick(activity, "x", draft.starts_on)], actor=world.users["mentor"]
        )
    assert PlanItem.objects.filter(program=draft).count() == before + 1
