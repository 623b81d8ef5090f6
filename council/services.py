"""The council's writes: a meeting scheduled, its attendance and agenda recorded, its protocol signed.

Signing takes the protocol's number from the academic year's counter row, locked for the transaction
(as the records office numbers orders), so two protocols signed at the same moment never share a
number and none is skipped; the PDF is rendered once and stored, and a signed protocol is never edited.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from core.declension import signature_name
from core.lifecycle import move
from core.pdf import render_pdf
from core.services import Outcome, authored, saved_with, validated_save
from mentorship.models import Pairing
from people.models import Organization
from people.roles import person_of, roles_of
from programs.services.program import program_agree_by_council_decision

from .models import AgendaItem, Appeal, Meeting, ProgramReview, ProtocolCounter, academic_year
from .roles import is_chair, keeps_meetings
from .selectors import composition, quorum_needed, sent_reviews_of_programs, side_in

PROTOCOL_TEMPLATE = "council/pdf/protocol.html"
SIGNED = "Протокол уже подписан: изменить его нельзя."

__all__ = [
    "agenda_item_delete",
    "agenda_item_save",
    "appeal_members_assign",
    "appeal_order_record",
    "appeal_submit",
    "appeal_withdraw",
    "meeting_schedule",
    "meeting_sign",
    "meeting_update",
    "protocol_context",
    "protocol_pdf",
    "review_save",
    "review_send",
    "reviews_assign",
]


def _require_keeper(actor: User) -> None:
    if not keeps_meetings(actor):
        raise PermissionDenied("Заседания ведут председатель методического объединения и куратор.")


def _unsigned(meeting: Meeting) -> Meeting:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.is_signed:
        raise ValidationError(SIGNED)
    return meeting


@transaction.atomic
def meeting_schedule(*, date, place: str, actor: User) -> Outcome:
    """A new meeting of the council: its date and place; the agenda is added on its page."""
    _require_keeper(actor)
    meeting = Meeting(date=date, place=place.strip(), created_by=actor)
    validated_save(meeting, actor=actor)
    warnings = []
    if not composition().exists():
        warnings.append("В утверждённом составе методического объединения пока никого нет")
    return Outcome(meeting, warnings)


@transaction.atomic
def meeting_update(*, meeting: Meeting, date, place: str, secretary, attendees, actor: User) -> Outcome:
    """Date, place, secretary and who attended (members of the approved composition only)."""
    _require_keeper(actor)
    meeting = _unsigned(meeting)
    members = set(composition().values_list("pk", flat=True))
    chosen = list(attendees)
    if any(member.pk not in members for member in chosen):
        raise ValidationError({"attendees": "Присутствовать могут только члены утверждённого состава."})
    if secretary is not None and secretary.pk not in members:
        raise ValidationError({"secretary": "Секретарь — член утверждённого состава."})
    meeting.date, meeting.place, meeting.secretary = date, place.strip(), secretary
    saved_with(meeting, actor=actor, attendees=chosen)  # one entry of its history
    return Outcome(meeting)


@transaction.atomic
def agenda_item_save(*, item: AgendaItem, actor: User) -> Outcome:
    """Add or edit a question of the agenda (and what was heard and decided) before signing."""
    _require_keeper(actor)
    _unsigned(item.meeting)
    if item.pk is None:
        last = item.meeting.items.order_by("-position").values_list("position", flat=True).first()
        item.position = (last or 0) + 1
    warnings = []
    if item.agrees_program and item.has_vote and not item.passed:
        raise ValidationError({"agrees_program": "Голосов «за» не больше, чем «против»: программа не согласована."})
    if item.kind == AgendaItem.Kind.PROGRAM and item.program_id and item.program.status != "review":
        warnings.append(
            f"Программа сейчас «{item.program.get_status_display().lower()}»: "
            "решение о согласовании не изменит её согласований"
        )
    if item.kind == AgendaItem.Kind.APPEAL and item.appeal_id and not item.appeal.is_open:
        raise ValidationError({"appeal": "Обращение уже рассмотрено или отозвано автором."})
    validated_save(item, actor=actor)
    return Outcome(item, warnings)


@transaction.atomic
def agenda_item_delete(*, item: AgendaItem, actor: User) -> None:
    """Take a question off the agenda; the rest are renumbered in order."""
    _require_keeper(actor)
    meeting = _unsigned(item.meeting)
    item.delete()
    for position, rest in enumerate(meeting.items.order_by("position", "pk"), start=1):
        if rest.position != position:
            rest.position = position
            rest.save(update_fields=["position"])


def _counter(year: int) -> ProtocolCounter:
    """The counter row of the academic year, locked until the transaction ends."""
    try:
        with transaction.atomic():
            ProtocolCounter.objects.get_or_create(academic_year=year)
    except IntegrityError:
        pass  # created at the same moment by another signing
    return ProtocolCounter.objects.select_for_update().get(academic_year=year)


def protocol_context(meeting: Meeting, *, draft: bool = False) -> dict:
    """What the protocol prints; under a program's item, its sent reviews (as the meeting heard them)."""
    members = list(composition())
    items = list(
        meeting.items.select_related(
            "program__pairing__mentor__person", "pairing__mentor__person", "appeal"
        ).prefetch_related(sent_reviews_of_programs())
    )
    return {
        "meeting": meeting,
        "organization": Organization.own(),
        "attendees": list(meeting.attendees.select_related("person__position")),
        "members": members,
        "quorum": quorum_needed(len(members)),
        "items": items,
        "draft": draft,
    }


def protocol_pdf(meeting: Meeting, *, draft: bool = False) -> bytes:
    """The protocol as it prints, in the records office's layout."""
    return render_pdf(PROTOCOL_TEMPLATE, protocol_context(meeting, draft=draft))


def _signed_name(membership) -> str:
    person = membership.person
    return signature_name(person.last_name, person.first_name, person.middle_name)


@transaction.atomic
def meeting_sign(*, meeting: Meeting, actor: User) -> Outcome:
    """Sign the protocol: checked for quorum and decisions, numbered within the academic year, its PDF
    stored; a program agreed by the meeting gets the council's agreement with this protocol."""
    _require_keeper(actor)
    meeting = _unsigned(meeting)
    members = list(composition())
    chair = next((member for member in members if member.is_chair), None)
    attendees = list(meeting.attendees.select_related("person"))
    items = list(meeting.items.select_related("program", "appeal"))
    problems = []
    if chair is None:
        problems.append("В составе методического объединения не назначен председатель.")
    if meeting.secretary is None:
        problems.append("Не выбран секретарь заседания.")
    needed = quorum_needed(len(members))
    if len(attendees) < needed:
        problems.append(f"Нет кворума: присутствовали {len(attendees)} из {len(members)}, нужно не меньше {needed}.")
    if not items:
        problems.append("В повестке нет ни одного вопроса.")
    undecided = [str(item.position) for item in items if not item.decided.strip()]
    if undecided:
        problems.append(f"Не записано решение по вопросам № {', '.join(undecided)}.")
    overcounted = [
        str(item.position)
        for item in items
        if item.votes_for + item.votes_against + item.votes_abstained > len(attendees)
    ]
    if overcounted:
        problems.append(f"Голосов больше, чем присутствовавших, в вопросах № {', '.join(overcounted)}.")
    for item in items:
        if item.appeal_id and not item.appeal.is_open:
            problems.append(
                f"Обращение в вопросе № {item.position} {item.appeal.get_status_display().lower()}: "
                "уберите вопрос из повестки."
            )
        elif item.appeal_id and not item.appeal_outcome:
            problems.append(f"Не выбрано решение по обращению в вопросе № {item.position}.")
        elif item.appeal_id and timezone.localdate(item.appeal.created_at) > meeting.date:
            problems.append(f"Обращение в вопросе № {item.position} подано после заседания: проверьте дату.")
    if meeting.date > timezone.localdate():
        problems.append("Протокол подписывают после заседания, а оно ещё не прошло.")
    if problems:
        raise ValidationError(problems)
    year = academic_year(meeting.date)
    counter = _counter(year)
    meeting.academic_year, meeting.number = year, counter.next_number
    counter.next_number += 1
    counter.save(update_fields=["next_number"])
    meeting.chair_name, meeting.secretary_name = _signed_name(chair), _signed_name(meeting.secretary)
    meeting.signed_at, meeting.signed_by = timezone.now(), actor
    meeting.pdf.save(f"protokol-mo-{year}-{meeting.number}.pdf", ContentFile(protocol_pdf(meeting)), save=False)
    move(meeting, Meeting.Status.SIGNED, actor=actor, roles=roles_of(actor))
    basis = f"протокол заседания МО от {meeting.date:%d.%m.%Y} № {meeting.number}"
    for item in items:
        if item.program_id and item.agrees_program:
            program_agree_by_council_decision(program=item.program, person=chair.person, actor=actor, basis=basis)
        if item.appeal_id:
            _appeal_hear(item.appeal, item=item, meeting=meeting, actor=actor)
    return Outcome(meeting)


# --- program reviews ------------------------------------------------------------------------------


@transaction.atomic
def reviews_assign(*, program, reviewers, actor: User) -> Outcome:
    """The chair names members of the approved composition to review `program`; a member already
    reviewing it keeps their review. The program's own mentor does not review it."""
    if not is_chair(actor):
        raise PermissionDenied("Рецензентов назначает председатель методического объединения.")
    if program.status in program.CLOSED_STATUSES:
        raise ValidationError("Программа закрыта: рецензировать её поздно.")
    members = set(composition().values_list("pk", flat=True))
    chosen = list(reviewers)
    if not chosen:
        raise ValidationError({"reviewers": "Выберите хотя бы одного рецензента."})
    if any(member.pk not in members for member in chosen):
        raise ValidationError({"reviewers": "Рецензенты — члены утверждённого состава."})
    if any(member.person_id == program.pairing.mentor.person_id for member in chosen):
        raise ValidationError({"reviewers": "Наставник пары не рецензирует свою программу."})
    taken = set(program.council_reviews.values_list("reviewer_id", flat=True))
    made = []
    for member in chosen:
        if member.pk not in taken:
            review = ProgramReview(program=program, reviewer=member, assigned_by=actor)
            validated_save(review, actor=actor)
            made.append(review)
    warnings = [] if made else ["Все выбранные уже рецензируют программу"]
    return Outcome(made, warnings)


def _own_draft(review: ProgramReview, actor: User) -> ProgramReview:
    review = ProgramReview.objects.select_for_update().select_related("reviewer").get(pk=review.pk)
    person = person_of(actor)
    if person is None or review.reviewer.person_id != person.pk:
        raise PermissionDenied("Рецензию пишет назначенный рецензент.")
    if review.is_sent:
        raise ValidationError("Рецензия уже отправлена: изменить её нельзя.")
    return review


@transaction.atomic
def review_save(*, review: ProgramReview, text: str, actor: User) -> Outcome:
    """The reviewer writes their review; it stays theirs until sent."""
    review = _own_draft(review, actor)
    review.text = text.strip()
    validated_save(review, actor=actor)
    return Outcome(review)


@transaction.atomic
def review_send(*, review: ProgramReview, actor: User) -> Outcome:
    """Send the review: the program's readers and the meeting see it; it is never edited again."""
    review = _own_draft(review, actor)
    if not review.text.strip():
        raise ValidationError("Рецензия пуста: напишите её перед отправкой.")
    move(review, ProgramReview.Status.SENT, actor=actor, roles=roles_of(actor), sent_at=timezone.now())
    return Outcome(review)


# --- mediation appeals ----------------------------------------------------------------------------


@transaction.atomic
def appeal_submit(
    *, pairing: Pairing, text: str, wish: str = "", shared_with_pair: bool = False, actor: User
) -> Outcome:
    """A mentor or a mentee of a running pair writes to the council about a difficulty in it."""
    person = person_of(actor)
    side = side_in(pairing, person)
    if side is None:
        raise PermissionDenied("Обращение о паре пишут её наставник и наставляемые.")
    if pairing.status not in Pairing.CURRENT_STATUSES:
        raise ValidationError(f"Пара в состоянии «{pairing.get_status_display().lower()}»: обращение о ней не подать.")
    appeal = Appeal(
        pairing=pairing,
        author=person,
        side=side,
        text=text.strip(),
        wish=wish.strip(),
        shared_with_pair=shared_with_pair,
        created_by=actor,
    )
    validated_save(appeal, actor=actor)
    return Outcome(appeal)


@transaction.atomic
def appeal_withdraw(*, appeal: Appeal, actor: User) -> Outcome:
    """Its author takes the appeal back before the council has heard it."""
    appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
    person = person_of(actor)
    if person is None or appeal.author_id != person.pk:
        raise PermissionDenied("Отозвать обращение может только его автор.")
    move(appeal, Appeal.Status.WITHDRAWN, actor=actor, roles=roles_of(actor))
    warnings = []
    if appeal.agenda_items.filter(meeting__status=Meeting.Status.SCHEDULED).exists():
        warnings.append("Обращение стоит в повестке заседания: председатель уберёт этот вопрос")
    return Outcome(appeal, warnings)


@transaction.atomic
def appeal_members_assign(*, appeal: Appeal, members, actor: User) -> Outcome:
    """The chair names the members of the council who read the appeal and prepare its hearing; the
    list replaces the previous one. A side of the pair is never named."""
    if not is_chair(actor):
        raise PermissionDenied("Членов МО для обращения называет председатель методического объединения.")
    appeal = Appeal.objects.select_for_update().select_related("pairing__mentor").get(pk=appeal.pk)
    if not appeal.is_open:
        raise ValidationError("Обращение уже рассмотрено или отозвано.")
    composition_ids = set(composition().values_list("pk", flat=True))
    chosen = list(members)
    if any(member.pk not in composition_ids for member in chosen):
        raise ValidationError({"members": "Поручить можно только членам утверждённого состава."})
    sides = {appeal.pairing.mentor.person_id, *appeal.pairing.mentees.values_list("person_id", flat=True)}
    if any(member.person_id in sides for member in chosen):
        raise ValidationError({"members": "Участник пары не рассматривает обращение о ней."})
    appeal.members.set(chosen)
    return Outcome(appeal)


def _appeal_hear(appeal: Appeal, *, item: AgendaItem, meeting: Meeting, actor: User) -> None:
    """The protocol is signed: the appeal records the meeting, its decision and the text decided."""
    move(
        appeal,
        Appeal.Status.HEARD,
        actor=actor,
        roles=None,
        meeting=meeting,
        outcome=item.appeal_outcome,
        decision=item.decided.strip(),
    )


@transaction.atomic
def appeal_order_record(*, appeal: Appeal, order, actor: User) -> Outcome:
    """The head's order carried out the council's decision (called by mentorship's pair orders)."""
    appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
    if appeal.order_id:
        raise ValidationError("Решение по этому обращению уже исполнено приказом.")
    appeal.order = order
    with authored(appeal, actor):
        appeal.save(update_fields=["order"])
    return Outcome(appeal)
