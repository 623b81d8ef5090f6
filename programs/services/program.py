"""Personalized programs: writing, agreeing, approving, running, correcting and closing them.

The life cycle is `Program.TRANSITIONS`; `program_move` consults it and adds the conditions that
depend on the data (agreements before approval, every activity marked before completion…). The
agreements of the curator and of the council are stamps inside «на согласовании», not moves.
A program belongs to a pair; its dates lie within the pair's term and within 3–12 months (1.2).
"""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from accounts.models import User
from core.lifecycle import guard, move
from core.services import Outcome, authored, validated_save
from core.text import plural
from mentorship.models import CouncilMembership, Pairing
from people.roles import Role, person_of, roles_of

from ..completion import missing_for_completion
from ..models import PlanItem, Program, ProgramVersion, longest_end, term_error
from ..roles import BEST_PRACTICE_KEEPERS, CREATOR_ROLES, MARKERS

__all__ = [
    "PAIR_STATUSES_FOR_DRAFT",
    "TEXT_FIELDS",
    "council_exists",
    "pairings_for_new_program",
    "plan_item_delete",
    "plan_item_mark",
    "plan_item_save",
    "program_agree",
    "program_agree_by_council_decision",
    "program_create",
    "program_move",
    "program_prefill",
    "program_set_best_practice",
    "program_snapshot",
    "program_update",
    "roles_on",
]

S = Program.Status
# A draft may be started once every participant has consented and the head is deciding: the order
# fixing the pair asks for the program within a month, so work starts early. Sending it for
# agreement needs the pair fixed by order.
PAIR_STATUSES_FOR_DRAFT = (Pairing.Status.AWAITING_APPROVAL, *Pairing.CURRENT_STATUSES)
# What a program's text is made of: compared between versions, printed, copied.
TEXT_FIELDS = ("starts_on", "ends_on", "difficulties", "strengths", "goal", "tasks", "expected_results")
ITEM_FIELDS = ("position", "direction", "activity", "form", "deadline", "responsible", "expected_result")


def council_exists() -> bool:
    """The council is optional (3.5): it agrees programs only where it has members."""
    return CouncilMembership.objects.filter(status=CouncilMembership.Status.MEMBER).exists()


def roles_on(program_or_pairing, user, *, among=None) -> frozenset[Role]:
    """The user's roles as they apply to this program (or pair): a mentor or a mentee only in their own
    pair. The roles come from `roles_of`, remembered on the user, so they cost no query here.

    `among`: look only at these roles (a question about the mentor alone need not read the mentees)."""
    pairing = program_or_pairing.pairing if isinstance(program_or_pairing, Program) else program_or_pairing
    roles = set(roles_of(user))
    if among is not None:
        roles &= set(among)
    person = person_of(user)
    if Role.MENTOR in roles and (person is None or pairing.mentor.person_id != person.pk):
        roles.discard(Role.MENTOR)
    if Role.MENTEE in roles and (person is None or person.pk not in {m.person_id for m in pairing.mentees.all()}):
        roles.discard(Role.MENTEE)
    return frozenset(roles)


def _require(roles, allowed, action: str) -> None:
    if not set(roles) & set(allowed):
        raise PermissionDenied(f"{action}: это действие недоступно для вашей роли.")


def pairings_for_new_program(pairings):
    """Of the given pairs, those a program may be started for: right state, no program in work."""
    open_programs = Program.objects.exclude(status__in=Program.CLOSED_STATUSES).values("pairing")
    return pairings.filter(status__in=PAIR_STATUSES_FOR_DRAFT).exclude(pk__in=open_programs)


def program_prefill(pairing: Pairing) -> dict:
    """A new program's text from the bank: the mentees' difficulties and strengths, the pair's term
    (at most a year)."""

    def gather(field: str) -> str:
        mentees = list(pairing.mentees.all())
        texts = [(m.person.full_name, getattr(m, field).strip()) for m in mentees]
        if len(mentees) == 1:
            return texts[0][1]
        return "\n".join(f"{name}: {text}" for name, text in texts if text)

    return {
        "starts_on": pairing.starts_on,
        "ends_on": min(pairing.planned_end_on, longest_end(pairing.starts_on)),
        "difficulties": gather("difficulties"),
        "strengths": gather("strengths"),
    }


def _term_errors(program: Program) -> dict[str, list[str]]:
    """The term of 1.2 and the pair's term: the program runs while the pair does."""
    errors: dict[str, list[str]] = {}
    pairing = program.pairing
    if program.starts_on and program.starts_on < pairing.starts_on:
        errors.setdefault("starts_on", []).append(
            f"Программа начинается не раньше пары (наставничество с {pairing.starts_on:%d.%m.%Y})."
        )
    if message := term_error(program.starts_on, program.ends_on):
        errors.setdefault("ends_on", []).append(message)
    elif program.ends_on and program.ends_on > pairing.planned_end_on:
        errors.setdefault("ends_on", []).append(
            f"Программа заканчивается не позже срока пары ({pairing.planned_end_on:%d.%m.%Y}); чтобы продлить "
            "её дальше, руководитель сначала продлевает наставничество приказом."
        )
    return errors


def _items_outside(program: Program) -> list[PlanItem]:
    return [item for item in program.items.all() if not program.starts_on <= item.deadline <= program.ends_on]


def _check(program: Program) -> None:
    errors = _term_errors(program)
    if not errors and program.pk:
        outside = _items_outside(program)
        if outside:
            numbers = ", ".join(str(item.position) for item in outside)
            errors["ends_on"] = [f"Сроки пунктов плана № {numbers} выйдут за срок программы: сначала измените их."]
    if errors:
        raise ValidationError(errors)


def _shift(day: date, delta: timedelta, program: Program) -> date:
    return min(max(day + delta, program.starts_on), program.ends_on)


@transaction.atomic
def program_create(
    *,
    pairing: Pairing,
    starts_on: date,
    ends_on: date,
    difficulties: str,
    strengths: str,
    goal: str,
    tasks: str,
    expected_results: str,
    actor: User,
    copied_from: Program | None = None,
) -> Outcome:
    """Start a program (draft) for a pair. From a best practice the goal, tasks, expected results and
    the plan come over with the deadlines moved to the new start; the difficulties and strengths are
    always the new mentee's own (another mentee's never travel with a copy)."""
    pairing = Pairing.objects.select_for_update().get(pk=pairing.pk)
    _require(roles_on(pairing, actor), CREATOR_ROLES, "Составить программу")
    if pairing.status not in PAIR_STATUSES_FOR_DRAFT:
        raise ValidationError(
            f"Пара «{pairing.get_status_display().lower()}»: программу составляют для пары, закреплённой "
            "приказом или ожидающей утверждения."
        )
    if pairing.programs.exclude(status__in=Program.CLOSED_STATUSES).exists():
        raise ValidationError("У пары уже есть незавершённая программа: вторую не составить.")
    program = Program(
        pairing=pairing,
        starts_on=starts_on,
        ends_on=ends_on,
        difficulties=difficulties.strip(),
        strengths=strengths.strip(),
        goal=goal.strip(),
        tasks=tasks.strip(),
        expected_results=expected_results.strip(),
        copied_from=copied_from,
        created_by=actor,
    )
    _check(program)
    # The author's login may have been deleted since (SET_NULL): that must not block later saves.
    validated_save(program, actor=actor, exclude={"created_by"})
    warnings = []
    if copied_from is not None:
        delta = program.starts_on - copied_from.starts_on
        moved = 0
        for item in copied_from.items.all():
            deadline = _shift(item.deadline, delta, program)
            moved += deadline != item.deadline + delta
            copy = PlanItem(
                program=program,
                position=item.position,
                direction=item.direction,
                activity=item.activity,
                form=item.form,
                deadline=deadline,
                responsible=item.responsible,
                expected_result=item.expected_result,
            )
            copy.full_clean()
            with authored(copy, actor):
                copy.save()
        if moved:
            items = plural(moved, "пункта", "пунктов", "пунктов")
            warnings.append(f"Сроки {items} плана не уместились в срок программы: проверьте их.")
    # Its beginning is logged too (from no state), though it is not a move of the table.
    program.log_transition("", S.DRAFT, actor, f"По образцу программы № {copied_from.pk}" if copied_from else "")
    return Outcome(program, warnings)


def _editable(program: Program, user: User) -> Program:
    program = Program.objects.select_for_update(of=("self",)).select_related("pairing").get(pk=program.pk)
    _require(roles_on(program, user), CREATOR_ROLES, "Изменить программу")
    if not program.is_editable:
        raise ValidationError(
            f"Программу «{program.get_status_display().lower()}» не изменить: текст и план меняются только "
            "в черновике и при корректировке."
        )
    return program


@transaction.atomic
def program_update(
    *,
    program: Program,
    starts_on: date,
    ends_on: date,
    difficulties: str,
    strengths: str,
    goal: str,
    tasks: str,
    expected_results: str,
    actor: User,
) -> Outcome:
    """Change the text in a draft or during a correction. An approved program keeps its start; its end
    may move within a year from that start (1.2: extensions included) and within the pair's term."""
    program = _editable(program, actor)
    if program.status == S.CORRECTION and starts_on != program.starts_on:
        raise ValidationError(
            {"starts_on": f"Начало утверждённой программы не меняется ({program.starts_on:%d.%m.%Y})."}
        )
    program.starts_on, program.ends_on = starts_on, ends_on
    program.difficulties, program.strengths = difficulties.strip(), strengths.strip()
    program.goal, program.tasks, program.expected_results = goal.strip(), tasks.strip(), expected_results.strip()
    _check(program)
    # The author's login may have been deleted since (SET_NULL): that must not block later saves.
    validated_save(program, actor=actor, exclude={"created_by"})
    return Outcome(program)


@transaction.atomic
def plan_item_save(*, item: PlanItem, actor: User) -> Outcome:
    """Add or change a line of the plan while the program is editable; the deadline lies in its term."""
    program = _editable(item.program, actor)
    item.program = program
    if item.deadline and not program.starts_on <= item.deadline <= program.ends_on:
        raise ValidationError(
            {"deadline": f"Срок — в пределах программы: с {program.starts_on:%d.%m.%Y} по {program.ends_on:%d.%m.%Y}."}
        )
    if item.pk is None:
        last = program.items.aggregate(last=Max("position"))["last"] or 0
        item.position = last + 1
    item.full_clean()
    with authored(item, actor):
        item.save()
    return Outcome(item)


@transaction.atomic
def plan_item_delete(*, item: PlanItem, actor: User) -> Outcome:
    """Remove a line that has not been worked on; the lines after it move up."""
    program = _editable(item.program, actor)
    item = PlanItem.objects.select_for_update().get(pk=item.pk, program=program)
    if item.is_done or item.records.exists():
        raise ValidationError(
            f"Пункт № {item.position} уже выполняется (есть отметка или записи о проведённом): удалить его нельзя."
        )
    position = item.position
    with authored(item, actor):
        item.delete()
    for later in program.items.filter(position__gt=position).order_by("position"):
        later.position -= 1
        with authored(later, actor):
            later.save(update_fields=["position"])
    return Outcome(program)


@transaction.atomic
def plan_item_mark(*, item: PlanItem, done_on: date | None, note: str = "", actor: User) -> Outcome:
    """Mark a line done (date and note) or, with `done_on=None`, take the mark back."""
    item = PlanItem.objects.select_for_update(of=("self",)).select_related("program__pairing").get(pk=item.pk)
    program = item.program
    _require(roles_on(program, actor), MARKERS, "Отметить выполнение")
    if not program.in_work:
        raise ValidationError(
            f"Программа «{program.get_status_display().lower()}»: отметки о выполнении ставят, пока она реализуется."
        )
    if done_on is not None:
        if done_on > timezone.localdate():
            raise ValidationError({"done_on": "Дата выполнения — не в будущем."})
        if done_on < program.starts_on:
            raise ValidationError(
                {"done_on": f"Дата выполнения — не раньше начала программы ({program.starts_on:%d.%m.%Y})."}
            )
    item.done_on = done_on
    item.done_note = note.strip() if done_on else ""
    item.full_clean()
    with authored(item, actor):
        item.save(update_fields=["done_on", "done_note"])
    return Outcome(item)


# On whose behalf a program is agreed, and the role that agrees for them.
ON_BEHALF = {"curator": Role.CURATOR, "council": Role.COUNCIL}


@transaction.atomic
def program_agree(*, program: Program, on_behalf: str, actor: User) -> Outcome:
    """«Согласовать» (the curator) or «Согласовать от МО» (a council member) a program under review.
    An agreement is a stamp inside «на согласовании», logged, not a move of the table."""
    role = ON_BEHALF.get(on_behalf)
    if role is None:
        raise ValidationError("Неизвестно, от чьего имени согласование.")
    _require(roles_of(actor), {role}, "Согласовать программу")
    program = Program.objects.select_for_update(of=("self",)).select_related("pairing__mentor").get(pk=program.pk)
    if program.status != S.REVIEW:
        raise ValidationError(f"Согласуют программу на согласовании, а эта — «{program.get_status_display().lower()}».")
    now, person = timezone.now(), person_of(actor)
    if role == Role.CURATOR:
        if program.curator_agreed_at:
            raise ValidationError("Куратор уже согласовал программу.")
        program.curator_agreed_at, program.curator_agreed_by = now, person
        comment = "Согласовано куратором"
    else:
        if person is not None and program.pairing.mentor.person_id == person.pk:
            raise ValidationError("Наставник пары не согласует свою программу от методического объединения.")
        if program.council_agreed_at:
            raise ValidationError("Методическое объединение уже согласовало программу.")
        program.council_agreed_at, program.council_agreed_by = now, person
        comment = "Согласовано методическим объединением"
    # The author's login may have been deleted since (SET_NULL): that must not block later saves.
    validated_save(program, actor=actor, exclude={"created_by"})
    program.log_transition(S.REVIEW, S.REVIEW, actor, comment)
    return Outcome(program)


@transaction.atomic
def program_agree_by_council_decision(*, program: Program, person, actor: User, basis: str) -> Outcome:
    """The council agrees a program by a decision of its meeting (the signed protocol is `basis`): the
    same stamp as «Согласовать от МО», put by the one who signs the protocol for the council. A program
    no longer under review, or already agreed by the council, keeps its stamp; the protocol still
    records the decision."""
    program = Program.objects.select_for_update(of=("self",)).get(pk=program.pk)
    if program.status != S.REVIEW or program.council_agreed_at:
        return Outcome(program)
    program.council_agreed_at, program.council_agreed_by = timezone.now(), person
    validated_save(program, actor=actor, exclude={"created_by"})
    program.log_transition(S.REVIEW, S.REVIEW, actor, f"Согласовано методическим объединением: {basis}")
    return Outcome(program)


def program_snapshot(program: Program) -> dict:
    """The text and plan as they stand: what a version keeps (completion marks are not part of it)."""
    data = {
        name: (value.isoformat() if isinstance(value, date) else value)
        for name in TEXT_FIELDS
        for value in [getattr(program, name)]
    }
    data["items"] = [
        {
            "id": item.pk,
            "position": item.position,
            "direction": str(item.direction),
            "activity": item.activity,
            "form": str(item.form),
            "deadline": item.deadline.isoformat(),
            "responsible": item.responsible,
            "expected_result": item.expected_result,
        }
        for item in program.items.select_related("direction", "form").order_by("position", "pk")
    ]
    return data


def _new_version(program: Program, actor: User, comment: str) -> ProgramVersion:
    last = program.versions.aggregate(last=Max("number"))["last"] or 0
    return ProgramVersion.objects.create(
        program=program, number=last + 1, data=program_snapshot(program), comment=comment, created_by=actor
    )


def _check_submission(program: Program) -> None:
    errors = []
    if program.pairing.status not in Pairing.CURRENT_STATUSES:
        errors.append(
            f"Пара «{program.pairing.get_status_display().lower()}»: программу отправляют на согласование "
            "после приказа о закреплении пары."
        )
    if not program.items.exists():
        errors.append("В плане нет ни одного мероприятия.")
    for messages in _term_errors(program).values():
        errors.extend(messages)
    if errors:
        raise ValidationError(errors)


def _check_completion(program: Program, final_assessment: str, curator_conclusion: str) -> None:
    errors = []
    undone = [item.position for item in program.items.all() if not item.is_done]
    if undone:
        errors.append(f"Не отмечено выполнение пунктов плана № {', '.join(map(str, undone))}.")
    if not final_assessment.strip():
        errors.append("Напишите итоговую оценку.")
    if not curator_conclusion.strip():
        errors.append("Напишите заключение куратора.")
    errors.extend(missing_for_completion(program))
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def program_move(
    *,
    program: Program,
    target: str,
    actor: User,
    comment: str = "",
    agreed: bool = False,
    final_assessment: str = "",
    curator_conclusion: str = "",
) -> Outcome:
    """Move a program along Program.TRANSITIONS (`core.lifecycle.guard`: the row, the actor's roles in
    this pair, the comment; then `move`), with the conditions of each move:

    - to review: the pair is fixed by order, the plan is not empty, the term holds; earlier agreements
      are dropped (a changed text is agreed anew);
    - back to draft, to correction, to termination: a comment (the termination's is its reason);
    - approval (the head): the curator's agreement, and the council's where there is one; writes version 1;
    - the end of a correction: `agreed` — the mentor and the mentee agree with the changes; writes a version;
    - completion (the curator): every activity marked done, the final assessment, the curator's conclusion.
      The mentor's and mentee's reports will be required here when the reports exist.
    """
    program = Program.objects.select_for_update(of=("self",)).select_related("pairing").get(pk=program.pk)
    try:
        target = S(target)
    except ValueError as error:
        raise ValidationError("Неизвестное состояние программы.") from error
    roles = roles_on(program, actor)
    guard(program, target, roles=roles, comment=comment)
    comment = comment.strip()
    source = program.status
    version_comment = None
    if target == S.REVIEW:
        _check_submission(program)
        program.curator_agreed_at = program.curator_agreed_by = None
        program.council_agreed_at = program.council_agreed_by = None
    elif target == S.DRAFT:
        program.curator_agreed_at = program.curator_agreed_by = None
        program.council_agreed_at = program.council_agreed_by = None
    elif target == S.APPROVED:
        missing = program.missing_agreements(council_exists=council_exists())
        if missing:
            raise ValidationError(f"Программу ещё не согласовали: {', '.join(missing)}.")
        if program.pairing.status not in Pairing.CURRENT_STATUSES:
            raise ValidationError(
                f"Пара «{program.pairing.get_status_display().lower()}»: утверждают программу закреплённой пары."
            )
        program.approved_at, program.approved_by = timezone.now(), actor
        version_comment = "Утверждённая программа"
    elif target == S.RUNNING and source == S.APPROVED:
        if program.starts_on > timezone.localdate():
            raise ValidationError(f"Реализация начинается не раньше начала программы ({program.starts_on:%d.%m.%Y}).")
    elif target == S.RUNNING and source == S.CORRECTION:
        if not agreed:
            raise ValidationError("Подтвердите, что наставник и наставляемый согласны с изменениями.")
        _check(program)
        started = program.transitions.filter(target=S.CORRECTION).order_by("-at", "-pk").first()
        version_comment = comment or (started.comment if started else "Корректировка")
    elif target == S.COMPLETED:
        _check_completion(program, final_assessment, curator_conclusion)
        program.final_assessment, program.curator_conclusion = final_assessment.strip(), curator_conclusion.strip()
    elif target == S.TERMINATED:
        program.termination_reason = comment
    # The author's login may have been deleted since (SET_NULL): that must not block later saves.
    program.full_clean(exclude={"created_by"})
    move(program, target, actor=actor, roles=roles, comment=comment, checked=True)
    if version_comment is not None:
        _new_version(program, actor, version_comment)
    return Outcome(program)


@transaction.atomic
def program_set_best_practice(*, program: Program, value: bool, actor: User) -> Outcome:
    """The curator marks a completed program as a best practice of the bank (3.4) or takes the mark off."""
    _require(roles_of(actor), BEST_PRACTICE_KEEPERS, "Отметить лучшую практику")
    program = Program.objects.select_for_update().get(pk=program.pk)
    if value and program.status != S.COMPLETED:
        raise ValidationError("Лучшей практикой отмечают завершённую программу.")
    program.is_best_practice = value
    # The author's login may have been deleted since (SET_NULL): that must not block later saves.
    validated_save(program, actor=actor, exclude={"created_by"})
    program.log_transition(
        program.status,
        program.status,
        actor,
        "Отмечена как лучшая практика" if value else "Снята отметка «лучшая практика»",
    )
    return Outcome(program)
