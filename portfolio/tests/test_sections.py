"""What each section of the portfolio shows, from records made here; what it never shows (the mentees'
difficulties, a single survey answer); and what an empty section says."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from growth.models import GrowthRecord, Kind, Level, RewardKind
from mentorship.models import MentoringForm, Pairing
from mentorship.tests.factories import MenteeFactory, PairingFactory
from programs.models import Program
from programs.tests.factories import program_with_plan
from surveys.models import Response
from surveys.tests.factories import written_answer

from .factories import former_mentee_pair, full_pair, growth_record, registered_order


def page(client_as, world, role="curator") -> str:
    response = client_as(role).get(reverse("portfolio:detail", args=[world.mentor.person.pk]))
    assert response.status_code == 200
    return " ".join(response.content.decode().split())


@pytest.fixture
def pair(world):
    return full_pair(world, pairing=world.pairing, number=12)


def test_the_mentor_section_names_her_position_experience_and_category(world, client_as):
    person = world.mentor.person
    person.qualification_category = "highest"
    person.teaching_since = date(2008, 9, 1)
    person.save()
    body = page(client_as, world)
    assert person.full_name in body
    assert str(person.position) in body
    assert person.teaching_experience in body
    assert "Высшая" in body


def test_pairs_show_mentees_forms_term_orders_and_why_a_pair_ended(world, client_as, pair):
    group = PairingFactory(
        mentor=world.mentor,
        mentees=[MenteeFactory(), MenteeFactory()],
        forms=[MentoringForm.objects.get(name="Педагог – педагог")],
        status=Pairing.Status.TERMINATED,
        starts_on=date(2025, 9, 1),
        planned_end_on=date(2026, 5, 31),
        ended_on=date(2026, 2, 10),
        termination_initiator=Pairing.Initiator.MENTOR,
        termination_reason="Наставник переведён в другой корпус",
    )
    registered_order(group, number=3, day=date(2025, 8, 28), author=world.users["head"])
    PairingFactory(mentor=world.mentor, mentees=[MenteeFactory()], status=Pairing.Status.PROPOSED)  # not under order
    body = page(client_as, world)
    assert world.mentee.person.full_name in body
    assert "№ 12-ОД от " + (world.pairing.starts_on - timedelta(days=3)).strftime("%d.%m.%Y") in body
    assert "01.09.2026 – 31.05.2027" in body.replace("–<br>", "– ")
    assert "Группа" in body and "Педагог – педагог" in body
    assert "№ 3-ОД от 28.08.2025" in body
    assert "Прекращена досрочно" in body and "Наставник переведён в другой корпус" in body
    assert body.count("Предложена") == 0


def test_programs_show_term_status_plan_and_the_outcome_of_closed_ones(world, client_as, pair):
    completed_pair = former_mentee_pair(world)
    program_with_plan(
        completed_pair,
        Program.Status.COMPLETED,
        items=4,
        done=4,
        final_assessment="Программа выполнена, наставляемая ведёт утренний круг сама",
        curator_conclusion="Рекомендовано представить опыт на МО",
    )
    ended = PairingFactory(mentor=world.mentor, mentees=[MenteeFactory()], status=Pairing.Status.TERMINATED)
    program_with_plan(
        ended, Program.Status.TERMINATED, items=2, done=1, termination_reason="Смена наставника по просьбе наставляемой"
    )
    program_with_plan(PairingFactory(mentor=world.mentor, mentees=[MenteeFactory()]), Program.Status.DRAFT, items=1)
    body = page(client_as, world)
    assert "выполнено 2 из 3" in body  # the running one
    assert "выполнено 4 из 4" in body
    assert "Программа выполнена, наставляемая ведёт утренний круг сама" in body
    assert "Рекомендовано представить опыт на МО" in body
    assert "Смена наставника по просьбе наставляемой" in body
    assert "Черновик" not in body


def test_growth_shows_average_start_and_end_and_how_many_competencies_grew(world, client_as, pair):
    body = page(client_as, world)
    competencies = pair.program.diagnostics.get(stage="start", author="mentee").ratings.count()
    assert competencies >= 2
    assert "2,0 → 4,0" in body  # the mentee's own rating: 2 at the start, 4 at the end
    assert "2,0 → 3,0" in body  # the mentor's rating
    assert f"по самооценке {competencies} из {competencies}" in body


def test_growth_leaves_out_a_draft_diagnostic(world, client_as, pair):
    pair.program.diagnostics.filter(stage="end", author="mentee").update(submitted_at=None)
    body = page(client_as, world)
    assert "2,0 → —" in body
    assert "по самооценке 0 из" in body


def _mentees_answer(world, count, score=6):
    """`count` mentees of the mentor, each in a running program of hers, answer the end survey."""
    for n in range(count):
        pairing = PairingFactory(mentor=world.mentor, mentees=[MenteeFactory()])
        program = program_with_plan(pairing, Program.Status.RUNNING, items=1)
        written_answer(program, Response.Stage.END, pairing.mentees.get().person, score=score + 2 * n)
        written_answer(program, Response.Stage.END, world.mentor.person, score=1)


def test_two_mentees_answers_are_not_averaged(world, client_as):
    _mentees_answer(world, 2)
    for role in ("mentor", "curator"):
        body = page(client_as, world, role)
        assert "Недостаточно ответов (нужно не меньше трёх), чтобы не раскрыть ответ одного человека." in body
        assert "Средняя" not in body


def test_three_mentees_answers_are_averaged_per_question(world, client_as):
    _mentees_answer(world, 3)  # 6, 8 and 10: 8 on every scale; the mentor's own 1s are not counted
    body = page(client_as, world, "mentor")
    assert "Недостаточно ответов" not in body
    assert "ответили наставляемых: 3" in body
    assert body.count('<td class="text-end">8,0</td>') >= 3
    assert "Свободный ответ" not in body  # free text is never shown


def test_a_declined_survey_does_not_count_towards_three(world, client_as):
    _mentees_answer(world, 2)
    pairing = PairingFactory(mentor=world.mentor, mentees=[MenteeFactory()])
    program = program_with_plan(pairing, Program.Status.RUNNING, items=1)
    written_answer(program, Response.Stage.END, pairing.mentees.get().person, declined=True)
    assert "Недостаточно ответов" in page(client_as, world, "mentor")


def test_later_results_count_from_the_start_with_her_and_retention_shows_who_left(world, client_as, pair):
    stayed = former_mentee_pair(world)
    left = former_mentee_pair(world, left_on=date(2026, 8, 31))
    left.mentees.get().person.__class__.objects.filter(pk=left.mentees.get().person_id).update(last_name="Уехавшая")
    growth_record(
        stayed.mentees.get().person,
        kind=Kind.CERTIFICATION,
        category="first",
        date=date(2026, 3, 1),
    )
    body = page(client_as, world)
    assert "Педагогический дебют — 12" in body and "победитель" in body
    assert "Статья до наставничества — 12" not in body  # before the program with her
    assert "Квалификационная категория: первая" in body
    assert "Бывших наставляемых: 2, из них продолжают работать: 1." in body
    assert "уволена 31.08.2026" in body
    assert world.mentee.person.full_name not in body.split("Закрепление в профессии")[1].split("7. Собственный")[0]


def test_her_own_confirmed_records_by_kind_with_the_hours_of_courses(world, client_as):
    person = world.mentor.person
    growth_record(
        person, kind=Kind.COURSE, title="Наставничество в ДОО", organizer="ИРО", hours=36, date=date(2025, 3, 12)
    )
    growth_record(
        person, kind=Kind.COURSE, title="ИКТ в работе воспитателя", organizer="УрГПУ", hours=72, date=date(2026, 2, 1)
    )
    growth_record(
        person,
        kind=Kind.OPEN_EVENT,
        title="Мастер-класс «Утренний круг»",
        level=Level.KINDERGARTEN,
        date=date(2026, 4, 1),
    )
    growth_record(
        person,
        kind=Kind.REWARD,
        reward_kind=RewardKind.GRATITUDE,
        title="За наставничество",
        organizer="Детский сад",
        date=date(2026, 6, 1),
    )
    growth_record(
        person,
        kind=Kind.CONTEST,
        title="Ещё не подтверждён",
        level=Level.MUNICIPAL,
        date=date(2026, 5, 1),
        status=GrowthRecord.Status.PROPOSED,
    )
    body = page(client_as, world, "mentor")
    assert 'Курсы повышения квалификации <small class="text-muted">(всего 108 ч)</small>' in body
    assert "Наставничество в ДОО, ИРО, 36 ч" in body
    assert "Мастер-класс «Утренний круг»" in body
    assert "Благодарность — За наставничество" in body
    assert "Ещё не подтверждён" not in body


def test_evidence_lists_the_files_and_links_to_the_protected_download_only(world, client_as, pair):
    body = page(client_as, world, "mentor")
    assert "Конспект консультации 12.pdf" in body
    assert reverse("programs:evidence-file", args=[pair.evidence.pk]) in body
    assert pair.evidence.file.url not in body
    download = client_as("mentor").get(reverse("programs:evidence-file", args=[pair.evidence.pk]))
    assert download.status_code == 200


def test_the_mentees_difficulties_are_never_shown(world, client_as, pair):
    body = page(client_as, world)
    assert world.mentee.difficulties not in body
    assert world.mentee.request not in body
    assert pair.program.difficulties not in body


def test_every_empty_section_says_so(world, client_as):
    world.pairing.status = Pairing.Status.AWAITING_CONSENTS  # not under order yet: no pair to show
    world.pairing.save(update_fields=["status"])
    body = page(client_as, world)
    for text in (
        "Пар и групп, закреплённых приказом, пока нет.",
        "Утверждённых программ пока нет.",
        "Отправленных самодиагностик по программам пока нет.",
        "Недостаточно ответов (нужно не меньше трёх)",
        "Подтверждённых достижений наставляемых",
        "Бывших наставляемых пока нет",
        "Подтверждённых куратором курсов, аттестаций, конкурсов",
        "файлы-подтверждения пока не приложены",
    ):
        assert text in body, text
