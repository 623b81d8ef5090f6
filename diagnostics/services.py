"""Filling and sending a diagnostic, carrying the start diagnostics into the program's difficulties,
and adding typical activities of the weakest competencies to the plan. The program's own writes go
through programs.services, so the program's rules (who writes, when, the term) hold here too."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from core.services import Outcome, authored, validated_save
from people.models import Person
from people.roles import Role, person_of
from programs.completion import closing_closed, closing_opens_on
from programs.models import PlanItem, Program
from programs.services.program import plan_item_save, program_update, roles_on

from .models import DIFFICULTY_MAX, Competency, Diagnostic, Rating, Score, TypicalActivity
from .roles import PLAN_WRITERS

S = Program.Status
Stage, Author = Diagnostic.Stage, Diagnostic.Author
# How many of the weakest competencies the plan suggestions draw on.
SUGGESTED_COMPETENCIES = 3


def mentees_of(program) -> list[Person]:
    return [mentee.person for mentee in program.pairing.mentees.all()]


def author_for(program, user, person) -> str | None:
    """As whom `user` rates `person` in this program: the mentee herself, or the pair's mentor; None
    if the user may not rate this person here."""
    if person.pk not in {p.pk for p in mentees_of(program)}:
        return None
    roles = roles_on(program, user)
    me = person_of(user)
    if Role.MENTEE in roles and me is not None and me.pk == person.pk:
        return Author.MENTEE
    if Role.MENTOR in roles:
        return Author.MENTOR
    return None


def stage_closed(program, stage: str, today: date | None = None) -> str | None:
    """Why a stage may not be filled now, or None. The start: until the program closes. The end: the
    program's closing stage (programs.completion.closing_closed: while it runs, in the last month of
    its term or once every activity of the plan is marked done)."""
    if program.status in Program.CLOSED_STATUSES:
        return f"Программа «{program.get_status_display().lower()}»: диагностику больше не заполняют."
    if stage == Stage.START:
        return None
    if program.status != S.RUNNING:
        return "Итоговую диагностику заполняют, когда программа реализуется."
    if closing_closed(program, today) is None:
        return None
    return (
        f"Итоговую диагностику заполняют в последний месяц программы (с {closing_opens_on(program):%d.%m.%Y}) "
        "или когда все мероприятия плана отмечены выполненными."
    )


@dataclass
class Answer:
    """What was chosen for one competency: a score (None: not chosen yet) and a comment."""

    competency: Competency
    score: int | None
    comment: str = ""


@transaction.atomic
def diagnostic_save(
    *, program: Program, stage: str, person: Person, answers: list[Answer], submit: bool, actor: User
) -> Outcome:
    """Save the ratings as a draft or, with `submit`, send them: every competency scored, and from then
    on the diagnostic is frozen (its author changes nothing; it is a record of the moment)."""
    program = Program.objects.select_for_update(of=("self",)).select_related("pairing__mentor").get(pk=program.pk)
    author = author_for(program, actor, person)
    if author is None:
        raise PermissionDenied("Эту диагностику заполняет сам наставляемый или его наставник.")
    if reason := stage_closed(program, stage):
        raise ValidationError(reason)
    diagnostic, _ = Diagnostic.objects.select_for_update().get_or_create(
        program=program, stage=stage, author=author, person=person
    )
    if diagnostic.is_submitted:
        raise ValidationError(
            f"Диагностика отправлена {timezone.localtime(diagnostic.submitted_at):%d.%m.%Y}: её не изменить."
        )
    errors = {}
    for answer in answers:
        if answer.score is not None and answer.score not in Score.values:
            errors[f"score_{answer.competency.pk}"] = ["Выберите оценку от 1 до 5."]
        elif submit and answer.score is None:
            errors[f"score_{answer.competency.pk}"] = ["Выберите оценку, чтобы отправить диагностику."]
    if errors:
        raise ValidationError(errors)
    existing = {rating.competency_id: rating for rating in diagnostic.ratings.all()}
    for answer in answers:
        rating = existing.get(answer.competency.pk)
        if answer.score is None:
            if rating is not None:
                with authored(rating, actor):
                    rating.delete()
            continue
        rating = rating or Rating(diagnostic=diagnostic, competency=answer.competency)
        rating.score, rating.comment = answer.score, answer.comment.strip()
        validated_save(rating, actor=actor)
    if submit:
        diagnostic.submitted_at, diagnostic.submitted_by = timezone.now(), actor
    validated_save(diagnostic, actor=actor)
    return Outcome(diagnostic)


def start_difficulties(program) -> list[tuple[Person, list[Rating]]]:
    """The competencies each mentee rated herself at 1–2 in her sent start diagnostics."""
    result = []
    diagnostics = (
        Diagnostic.objects.filter(program=program, stage=Stage.START, author=Author.MENTEE, submitted_at__isnull=False)
        .select_related("person")
        .prefetch_related("ratings__competency")
    )
    for diagnostic in diagnostics:
        low = [r for r in diagnostic.ratings.all() if r.score <= DIFFICULTY_MAX]
        if low:
            result.append((diagnostic.person, sorted(low, key=lambda r: (r.score, r.competency.name))))
    return result


def difficulties_text(program) -> str:
    """The lines the start diagnostics add to the program's difficulties (those not there yet)."""
    group = program.pairing.mentees.count() > 1
    lines = []
    for person, ratings in start_difficulties(program):
        for rating in ratings:
            line = f"{rating.competency.name} — {Score(rating.score).label} (самодиагностика)"
            if group:
                line = f"{person.short_name}: {line}"
            if line not in program.difficulties:
                lines.append(line)
    return "\n".join(lines)


@transaction.atomic
def difficulties_transfer(*, program: Program, actor: User) -> Outcome:
    """«Перенести в затруднения программы»: the start diagnostics' difficulties are added after the
    program's text (never replacing what is written), through programs' own update service."""
    program = Program.objects.select_for_update(of=("self",)).select_related("pairing__mentor").get(pk=program.pk)
    if not set(roles_on(program, actor)) & PLAN_WRITERS:
        raise PermissionDenied("Перенести затруднения: это действие недоступно для вашей роли.")
    addition = difficulties_text(program)
    if not addition:
        raise ValidationError("Всё, что наставляемые отметили в самодиагностике как затруднения, уже в программе.")
    difficulties = f"{program.difficulties.rstrip()}\n{addition}".strip()
    return program_update(
        program=program,
        starts_on=program.starts_on,
        ends_on=program.ends_on,
        difficulties=difficulties,
        strengths=program.strengths,
        goal=program.goal,
        tasks=program.tasks,
        expected_results=program.expected_results,
        actor=actor,
    )


def weakest(program) -> list[tuple[Competency, int]]:
    """The competencies rated lowest in this program's latest sent diagnostics (the end ones if any,
    else the start ones; the lowest score of any author for any mentee), at most
    SUGGESTED_COMPETENCIES, those rated 1–2 first. Only this program's ratings are read."""
    sent = Diagnostic.objects.filter(program=program, submitted_at__isnull=False)
    stage = Stage.END if sent.filter(stage=Stage.END).exists() else Stage.START
    lowest: dict[int, tuple[Competency, int]] = {}
    for rating in Rating.objects.filter(diagnostic__in=sent.filter(stage=stage)).select_related("competency"):
        known = lowest.get(rating.competency_id)
        if known is None or rating.score < known[1]:
            lowest[rating.competency_id] = (rating.competency, rating.score)
    ranked = sorted(lowest.values(), key=lambda pair: (pair[1], pair[0].sort_order, pair[0].name))
    ranked = [pair for pair in ranked if pair[1] < Score.TEACH]
    return ranked[:SUGGESTED_COMPETENCIES]


@dataclass
class Pick:
    """A typical activity the mentor chose for the plan, as adjusted: its text and deadline."""

    activity: TypicalActivity
    text: str
    deadline: date | None


@transaction.atomic
def suggestions_add(*, program: Program, picks: list[Pick], actor: User) -> Outcome:
    """Add the chosen activities to the plan, each through programs' plan service (who, when, the
    term); one refused adds none. The responsible is the pair's mentor."""
    if not set(roles_on(program, actor)) & PLAN_WRITERS:
        raise PermissionDenied("Добавить мероприятия: это действие недоступно для вашей роли.")
    if not picks:
        raise ValidationError("Отметьте мероприятия, которые добавить в план.")
    errors = {}
    for pick in picks:
        key = pick.activity.pk
        if not pick.text.strip():
            errors[f"text_{key}"] = ["Напишите мероприятие."]
        if pick.deadline is None:
            errors[f"deadline_{key}"] = ["Укажите срок."]
        elif not program.starts_on <= pick.deadline <= program.ends_on:
            errors[f"deadline_{key}"] = [
                f"Срок — в пределах программы: с {program.starts_on:%d.%m.%Y} по {program.ends_on:%d.%m.%Y}."
            ]
    if errors:
        raise ValidationError(errors)
    responsible = program.pairing.mentor.person.short_name
    items = []
    for pick in picks:
        item = PlanItem(
            program=program,
            direction=pick.activity.competency.direction,
            activity=pick.text.strip(),
            form=pick.activity.form,
            deadline=pick.deadline,
            responsible=responsible,
            expected_result=pick.activity.expected_result,
        )
        items.append(plan_item_save(item=item, actor=actor).obj)
    return Outcome(items)


def missing_sentences(program) -> list[str]:
    """The completion condition (programs.completion): every mentee's end self-diagnostics and the
    mentor's end rating of every mentee are sent; each sentence names the person who must act."""
    sent = set(
        Diagnostic.objects.filter(program=program, stage=Stage.END, submitted_at__isnull=False).values_list(
            "author", "person_id"
        )
    )
    mentor = program.pairing.mentor.person
    sentences = []
    for person in mentees_of(program):
        if (Author.MENTEE, person.pk) not in sent:
            sentences.append(f"Итоговая самодиагностика наставляемого ({person.short_name}) не отправлена.")
        if (Author.MENTOR, person.pk) not in sent:
            sentences.append(
                f"Итоговая оценка компетенций наставляемого ({person.short_name}) не отправлена "
                f"наставником ({mentor.short_name})."
            )
    return sentences
