"""Growth records and rewards: every write of this app.

A person adds their own record, which waits for the curator; what the curator adds is confirmed at
once. The curator confirms or returns a record with a comment; the person's correction sends it
again. Rewarding: the curator proposes, the head approves — the project of the order «О поощрении
наставников» is written («ПРОЕКТ», its wording editable on the records office's page), and the reward
takes effect when the head registers it (`rewards_granted_by`, the kind's `on_register`): the proposal
is approved and a confirmed reward record naming the order is written for each mentor, because the
legal act is the registered order. A project the head withdraws (`rewards_back_from`, `on_void`)
leaves the proposal in his queue again.
"""

from datetime import date as Date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from core.lifecycle import guard, move
from core.services import Outcome, authored, saved_with, validated_save
from mentorship.services.orders import control_clause, current_curator
from people.facts import position_on
from people.roles import person_of, roles_of
from records.services import draft_order, issuing_organization

from .documents import lowercase_start
from .models import GrowthRecord, Kind, RewardKind, RewardProposal, RewardRule
from .roles import APPROVERS, KEEPERS, PROPOSERS

REWARD_ORDER = "rewards"

__all__ = [
    "REWARD_ORDER",
    "record_delete",
    "record_review",
    "record_save",
    "reward_proposal_approve",
    "reward_proposal_create",
    "reward_proposal_move",
    "reward_proposal_update",
    "reward_rule_save",
    "rewards_back_from",
    "rewards_granted_by",
    "rewards_table_on_date",
]


def _may_keep(actor: User, record: GrowthRecord) -> bool:
    """The curator keeps every record; the person their own until it is confirmed."""
    if roles_of(actor) & KEEPERS:
        return True
    person = person_of(actor)
    return person is not None and record.person_id == person.pk and record.is_editable_by_owner


@transaction.atomic
def record_save(*, record: GrowthRecord, actor: User) -> Outcome:
    """Add or correct a record. The curator's is confirmed at once; the person's waits for the
    curator, and a returned one goes back to the curator once corrected."""
    if record.order_id is not None:
        raise ValidationError("Награда по приказу о поощрении не исправляется: она записана приказом.")
    if record.pk is not None:
        stored = GrowthRecord.objects.select_for_update().get(pk=record.pk)
        if not _may_keep(actor, stored):
            raise PermissionDenied("Подтверждённое достижение исправляет куратор.")
    elif not _may_keep(actor, record):
        raise PermissionDenied("Достижения другого сотрудника вносит куратор.")
    is_new = record.pk is None
    if is_new:
        record.created_by = actor
    if roles_of(actor) & KEEPERS:
        if record.status != GrowthRecord.Status.CONFIRMED:
            record.status = GrowthRecord.Status.CONFIRMED
            record.confirmed_by, record.confirmed_at = actor, timezone.now()
        validated_save(record, actor=actor)
        return Outcome(record)
    was_returned = not is_new and stored.status == GrowthRecord.Status.RETURNED
    validated_save(record, actor=actor)
    if was_returned:
        move(record, GrowthRecord.Status.PROPOSED, actor=actor, roles=None)
    return Outcome(record)


@transaction.atomic
def record_delete(*, record: GrowthRecord, actor: User) -> None:
    """The person deletes their own unconfirmed record; the curator any record not written by an order."""
    if record.order_id is not None:
        raise ValidationError("Награда по приказу о поощрении не удаляется: она записана приказом.")
    if not _may_keep(actor, record):
        raise PermissionDenied("Подтверждённое достижение удаляет куратор.")
    with authored(record, actor):
        record.delete()


@transaction.atomic
def record_review(*, record: GrowthRecord, confirm: bool, comment: str = "", actor: User) -> GrowthRecord:
    """The curator confirms a record, or returns it to the person with a comment."""
    record = GrowthRecord.objects.select_for_update().get(pk=record.pk)
    if confirm:
        move(
            record,
            GrowthRecord.Status.CONFIRMED,
            actor=actor,
            roles=roles_of(actor),
            confirmed_by=actor,
            confirmed_at=timezone.now(),
            review_comment="",
        )
    else:
        move(
            record,
            GrowthRecord.Status.RETURNED,
            actor=actor,
            roles=roles_of(actor),
            comment=comment,
            review_comment=comment.strip(),
        )
    return record


# --- the rewarding rule ------------------------------------------------------------------------------


@transaction.atomic
def reward_rule_save(*, text: str, effective_from: Date, scan=None, actor: User) -> Outcome:
    """A new version of the rewarding rule; the earlier ones stay as they were."""
    if not roles_of(actor) & PROPOSERS:
        raise PermissionDenied("Порядок поощрения ведёт куратор.")
    rule = RewardRule(text=text.strip(), effective_from=effective_from, created_by=actor)
    if scan:
        rule.scan = scan
    rule.full_clean()
    rule.save()
    return Outcome(rule)


# --- proposals and the order --------------------------------------------------------------------------


def _rule_warnings() -> list[str]:
    if RewardRule.current() is None:
        return ["Порядок поощрения наставников не внесён: приказ сошлётся только на итоги работы."]
    return []


@transaction.atomic
def reward_proposal_create(*, proposal: RewardProposal, mentors, programs, actor: User) -> Outcome:
    """The curator proposes to reward the mentors; the proposal waits in the head's queue."""
    if not roles_of(actor) & PROPOSERS:
        raise PermissionDenied("К поощрению представляет куратор.")
    mentors = list(mentors)
    if not mentors:
        raise ValidationError({"mentors": "Выберите хотя бы одного наставника."})
    proposal.proposed_by = actor
    proposal.status = RewardProposal.Status.PROPOSED
    saved_with(proposal, actor=actor, mentors=mentors, programs=programs)  # one entry of its history
    return Outcome(proposal, _rule_warnings())


@transaction.atomic
def reward_proposal_move(*, proposal: RewardProposal, target: str, comment: str = "", actor: User) -> RewardProposal:
    """Return the proposal to the curator (the head, with a comment) or send it again (the curator)."""
    proposal = RewardProposal.objects.select_for_update().get(pk=proposal.pk)
    project = proposal.order if proposal.order_id is not None and proposal.order.is_draft else None
    if target == RewardProposal.Status.RETURNED and project is not None:
        raise ValidationError(
            f"Представление уже утверждено проектом приказа от {project.date:%d.%m.%Y}: чтобы вернуть его "
            "куратору, сначала отзовите проект на странице приказа."
        )
    fields = {"return_comment": comment.strip()} if target == RewardProposal.Status.RETURNED else {}
    move(proposal, target, actor=actor, roles=roles_of(actor), comment=comment, **fields)
    return proposal


@transaction.atomic
def reward_proposal_update(*, proposal: RewardProposal, mentors, programs, actor: User) -> Outcome:
    """The curator corrects a proposal the head returned and sends it to the head again: the same
    move as «Отправить снова» (RETURNED → PROPOSED), with what she changed saved before it. An
    approved proposal has its order and is never changed; one waiting for the head is his to decide."""
    roles = roles_of(actor)
    stored = RewardProposal.objects.select_for_update().get(pk=proposal.pk)
    guard(stored, RewardProposal.Status.PROPOSED, roles=roles)
    mentors = list(mentors)
    if not mentors:
        raise ValidationError({"mentors": "Выберите хотя бы одного наставника."})
    # The form's instance carries the typed fields; the state, the author and the head's comment
    # stay as stored until the move below.
    proposal.status, proposal.order_id = stored.status, stored.order_id
    proposal.proposed_by_id, proposal.return_comment = stored.proposed_by_id, stored.return_comment
    saved_with(proposal, actor=actor, mentors=mentors, programs=programs)
    move(proposal, RewardProposal.Status.PROPOSED, actor=actor, roles=roles, checked=True)
    return Outcome(proposal, _rule_warnings())


def _mentors_of(proposal: RewardProposal) -> list:
    return list(proposal.mentors.select_related("person__position").order_by("person__last_name", "person__first_name"))


def _reward_rows(proposal: RewardProposal, mentors: list, *, on: Date) -> list[dict]:
    reason = proposal.reason.strip().rstrip(".")
    return [
        {
            "mentor": mentor.person.full_name,
            "position": str(position_on(mentor.person, on)),  # the post on the order's date
            "reward": proposal.reward_text,
            "reason": reason,
        }
        for mentor in mentors
    ]


def rewards_table_on_date(order) -> list[dict]:
    """The table of a project whose date the head changed: each mentor's post on the new date
    (records.kinds `rows`); a project no proposal links keeps its rows."""
    proposal = RewardProposal.objects.filter(order=order).first()
    if proposal is None:
        return order.table
    return _reward_rows(proposal, _mentors_of(proposal), on=order.date)


def _reward_order(proposal: RewardProposal, mentors: list, *, actor: User, date: Date):
    own = issuing_organization()
    rule = RewardRule.current()
    basis = (
        f"порядком поощрения наставников, действующим с {rule.effective_from:%d.%m.%Y}"
        if rule
        else "Положением о наставничестве педагогических работников"
    )
    reason = proposal.reason.strip().rstrip(".")
    curator = current_curator(own)
    clauses = [
        f"Объявить поощрение ({proposal.reward_text}) наставникам согласно приложению к настоящему приказу "
        f"{lowercase_start(reason)}.",
    ]
    if proposal.reward_kind in (RewardKind.GRATITUDE, RewardKind.CERTIFICATE):
        clauses.append(
            "Куратору наставничества подготовить "
            + ("благодарственные письма" if proposal.reward_kind == RewardKind.GRATITUDE else "почётные грамоты")
            + " наставникам для вручения."
        )
    if proposal.reward_kind == RewardKind.BONUS:
        clauses.append("Главному бухгалтеру начислить премию в сроки выплаты заработной платы.")
    if proposal.reward_kind == RewardKind.BADGE:
        clauses.append("Куратору наставничества подготовить ходатайство и наградные документы.")
    clauses.append(control_clause(curator))
    return draft_order(
        own,
        kind=REWARD_ORDER,
        date=date,
        heading="О поощрении наставников",
        preamble=(
            f"В соответствии с {basis}, по итогам работы наставников и на основании представления куратора "
            f"наставничества от {timezone.localtime(proposal.proposed_at):%d.%m.%Y}"
        ),
        clauses=clauses,
        table=_reward_rows(proposal, mentors, on=date),
        # The curator, charged with the control and the letters, reads it under her signature too.
        acquaintance=[
            *(mentor.person for mentor in mentors),
            *([curator.person] if curator and all(m.person_id != curator.person_id for m in mentors) else []),
        ],
        actor=actor,
    )


@transaction.atomic
def reward_proposal_approve(*, proposal: RewardProposal, actor: User, date: Date | None = None) -> Outcome:
    """The head approves: the project of the order is written and the proposal links to it; the
    reward takes effect when the head registers it (`rewards_granted_by`). Until then the queue shows
    the proposal «ожидает регистрации приказа», and approving it again is refused."""
    roles = roles_of(actor)
    if not roles & APPROVERS:
        raise PermissionDenied("Поощрение утверждает руководитель приказом.")
    proposal = RewardProposal.objects.select_for_update().get(pk=proposal.pk)
    guard(proposal, RewardProposal.Status.APPROVED, roles=roles)
    if proposal.order_id is not None and proposal.order.is_draft:
        raise ValidationError(
            f"Проект приказа о поощрении уже подготовлен ({proposal.order.date:%d.%m.%Y}): "
            "зарегистрируйте его на странице приказа."
        )
    mentors = _mentors_of(proposal)
    if not mentors:
        raise ValidationError("В представлении нет наставников.")
    proposal.order = _reward_order(proposal, mentors, actor=actor, date=date or timezone.localdate())
    with authored(proposal, actor):
        proposal.save(update_fields=["order"])
    return Outcome(proposal.order)


def rewards_granted_by(order, actor: User) -> None:
    """The reward order is registered: its proposal is approved and each mentor gets a confirmed
    reward record naming the order (and the program it came from). A proposal no longer awaiting the
    head refuses the registration (inside its transaction)."""
    for pk in RewardProposal.objects.filter(order=order).values_list("pk", flat=True):
        proposal = RewardProposal.objects.select_for_update().get(pk=pk)
        if proposal.status != RewardProposal.Status.PROPOSED:
            raise ValidationError(
                f"Представление к поощрению уже «{proposal.get_status_display().lower()}»: "
                "приказ о поощрении не регистрируется."
            )
        roles = roles_of(actor)
        guard(proposal, RewardProposal.Status.APPROVED, roles=roles)
        move(
            proposal,
            RewardProposal.Status.APPROVED,
            actor=actor,
            roles=roles,
            comment=f"Приказ № {order.number_text} от {order.date:%d.%m.%Y}",
            checked=True,
        )
        programs = list(proposal.programs.select_related("pairing"))
        for mentor in _mentors_of(proposal):
            program = next((p for p in programs if p.pairing.mentor_id == mentor.pk), None)
            record = GrowthRecord(
                person=mentor.person,
                kind=Kind.REWARD,
                reward_kind=proposal.reward_kind,
                title=proposal.reason.strip().rstrip("."),
                organizer=order.organization.short_name,
                date=order.date,
                document_number=f"Приказ № {order.number_text} от {order.date:%d.%m.%Y}",
                program=program,
                order=order,
                status=GrowthRecord.Status.CONFIRMED,
                created_by=actor,
                confirmed_by=actor,
                confirmed_at=timezone.now(),
            )
            validated_save(record, actor=actor)


def rewards_back_from(order, actor: User) -> None:
    """The reward order's project is withdrawn (records.services.order_void): the proposal, still
    «на утверждении», is no longer tied to it and waits in the head's queue again, to be approved
    into a new project or returned to the curator. Its history records who untied it."""
    for pk in RewardProposal.objects.filter(order=order).values_list("pk", flat=True):
        proposal = RewardProposal.objects.select_for_update().get(pk=pk)
        proposal.order = None
        with authored(proposal, actor):
            proposal.save(update_fields=["order"])
