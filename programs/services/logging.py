"""Writes of the log: the mentor records what was done on a program (with evidence files), the
mentee confirms or comments, and one-off mentoring (скоростное, ситуационное) is logged as a
meeting with no program.

Rules: a record is written by the program's mentor while the program is in work (реализуется or
корректировка), dated not in the future and not before the program's start; a plan item it
fulfils completely gets its completion mark (date and note). The mentor may change or delete
their record until the mentee confirms it; a confirmed record is a fact both sides signed and
stays as it is.
"""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from core.services import Outcome, authored, saved_with, validated_save
from core.text import plural
from mentorship.models import MentoringForm
from people.models import Organization, Person
from people.roles import Role, person_of, roles_of

from .. import evidence as evidence_files
from ..decisions import mentee_commented
from ..models import ActivityRecord, Evidence, Meeting, PlanItem, Program
from .program import roles_on

__all__ = [
    "DUPLICATE_WINDOW",
    "AlreadyRecorded",
    "evidence_delete",
    "logged_lately",
    "meeting_delete",
    "meeting_save",
    "record_delete",
    "record_log",
    "record_respond",
    "record_update",
]


# A second record of the same activity (same plan item, date and text, by the same mentor) or of
# the same one-off meeting this soon after the first is the same form sent twice: a double tap,
# «Back» and «Записать» again, a phone that resent the request. Two real activities are never told
# apart by nothing but time.
DUPLICATE_WINDOW = timedelta(minutes=30)


class AlreadyRecorded(ValidationError):
    """The record (or meeting) was saved a moment ago: the second one is not stored. `obj` is the first."""

    def __init__(self, obj: "ActivityRecord | Meeting", *, what: str = "Это мероприятие уже записано"):
        self.obj = obj
        super().__init__(f"{what} {timezone.localtime(obj.logged_at):%d.%m.%Y в %H:%M}: второй раз не сохраняется.")


def logged_lately(queryset, actor: User):
    """What `actor` logged of `queryset` within DUPLICATE_WINDOW, the earliest first."""
    since = timezone.now() - DUPLICATE_WINDOW
    return queryset.filter(logged_by=actor, logged_at__gte=since).order_by("logged_at", "pk")


def _same_record(
    program: Program, *, item: PlanItem | None, done_on: date, description: str, result: str, actor: User
) -> ActivityRecord | None:
    same = ActivityRecord.objects.filter(
        program=program, item=item, done_on=done_on, description=description, result=result
    )
    return logged_lately(same, actor).first()


def _mentor_person(program: Program, actor: User) -> Person:
    if Role.MENTOR not in roles_on(program, actor):
        raise PermissionDenied("Мероприятия программы записывает её наставник.")
    return person_of(actor)


def _check_date(program: Program, done_on: date | None) -> None:
    today = timezone.localdate()
    if done_on is None:
        raise ValidationError({"done_on": "Укажите, когда проведено мероприятие."})
    if done_on > today:
        raise ValidationError({"done_on": "Дата проведения не может быть в будущем: записывается то, что уже сделано."})
    if done_on < program.starts_on:
        raise ValidationError(
            {"done_on": f"Программа началась {program.starts_on:%d.%m.%Y}: мероприятие не может быть раньше."}
        )


def _check_item(program: Program, item: PlanItem | None) -> None:
    if item is not None and item.program_id != program.pk:
        raise ValidationError({"item": "Этот пункт из плана другой программы."})


def _note(description: str, result: str) -> str:
    return (result or description).strip()


def _mark_item(item: PlanItem, *, done_on: date, note: str, actor: User) -> None:
    item.done_on, item.done_note = done_on, note
    with authored(item, actor):
        item.save(update_fields=["done_on", "done_note"])


def _unmark_if_only_record(item: PlanItem | None, record: ActivityRecord, done_on: date, actor: User) -> bool:
    """Take back the completion mark this record set: the item was marked on the record's date and
    no other record fulfils it. A mark set another way (or by another record) stays."""
    if item is None or item.done_on != done_on or item.records.exclude(pk=record.pk).exists():
        return False
    _mark_item(item, done_on=None, note="", actor=actor)
    return True


def _store_files(record: ActivityRecord, prepared: list, actor: User) -> None:
    for file in prepared:
        evidence = Evidence(
            record=record, original_name=file.original_name, kind=file.kind, size=file.size, uploaded_by=actor
        )
        evidence.file.save(file.original_name, file.content, save=False)
        with authored(evidence, actor):
            evidence.save()


def _prepare_all(files) -> list:
    """Check every file before anything is stored: one bad file refuses the whole form, by name."""
    files = list(files or [])
    if len(files) > evidence_files.MAX_FILES:
        too_many = plural(evidence_files.MAX_FILES, "файла", "файлов", "файлов")
        raise ValidationError({"files": f"Не больше {too_many} за один раз."})
    prepared, errors = [], []
    for upload in files:
        try:
            prepared.append(evidence_files.prepare(upload))
        except ValidationError as error:
            errors.extend(error.messages)
    if errors:
        raise ValidationError({"files": errors})
    return prepared


@transaction.atomic
def record_log(
    *,
    program: Program,
    done_on: date,
    description: str,
    result: str = "",
    item: PlanItem | None = None,
    item_done: bool = False,
    files=(),
    actor: User,
) -> Outcome:
    """The mentor records an activity of a program in work, with evidence files. The same record
    sent again within DUPLICATE_WINDOW is refused with AlreadyRecorded (checked under the program's
    lock, so two requests at once store one record)."""
    _mentor_person(program, actor)
    program = Program.objects.select_for_update().get(pk=program.pk)
    if not program.in_work:
        raise ValidationError(
            f"Программа «{program.get_status_display()}»: мероприятия записываются, пока она реализуется "
            "или корректируется."
        )
    _check_date(program, done_on)
    _check_item(program, item)
    if item_done and item is None:
        raise ValidationError({"item": "Отметить выполненным можно только пункт плана: выберите его."})
    description, result = description.strip(), result.strip()
    earlier = _same_record(program, item=item, done_on=done_on, description=description, result=result, actor=actor)
    if earlier is not None:
        raise AlreadyRecorded(earlier)
    prepared = _prepare_all(files)
    record = ActivityRecord(
        program=program,
        item=item,
        done_on=done_on,
        description=description,
        result=result,
        logged_by=actor,
    )
    validated_save(record, actor=actor)
    _store_files(record, prepared, actor)
    warnings = []
    if item is not None and item_done:
        if item.is_done:
            warnings.append(
                f"Пункт {item.position} уже был отмечен выполненным {item.done_on:%d.%m.%Y}; отметка не изменена."
            )
        else:
            _mark_item(item, done_on=done_on, note=_note(description, result), actor=actor)
    if item is not None and done_on > item.deadline:
        warnings.append(f"Пункт {item.position} выполнен позже срока ({item.deadline:%d.%m.%Y}).")
    return Outcome(record, warnings)


def _editable(record: ActivityRecord, actor: User) -> ActivityRecord:
    record = (
        ActivityRecord.objects.select_for_update(of=("self",))
        .select_related("program__pairing__mentor", "item")
        .get(pk=record.pk)
    )
    _mentor_person(record.program, actor)
    if record.logged_by_id != actor.pk:
        raise PermissionDenied("Изменить запись может только тот, кто её сделал.")
    if record.confirmed_at is not None:
        raise ValidationError(
            f"Наставляемый подтвердил запись {timezone.localtime(record.confirmed_at):%d.%m.%Y}: её уже не изменить."
        )
    if not record.program.in_work:
        raise ValidationError("Программа уже не реализуется: журнал закрыт.")
    return record


@transaction.atomic
def record_update(
    *,
    record: ActivityRecord,
    done_on: date,
    description: str,
    result: str = "",
    item: PlanItem | None = None,
    item_done: bool = False,
    files=(),
    actor: User,
) -> Outcome:
    """The mentor corrects their record (and adds files) until the mentee confirms it."""
    record = _editable(record, actor)
    program = record.program
    _check_date(program, done_on)
    _check_item(program, item)
    if item_done and item is None:
        raise ValidationError({"item": "Отметить выполненным можно только пункт плана: выберите его."})
    prepared = _prepare_all(files)
    old_item, old_date = record.item, record.done_on
    record.done_on, record.description, record.result, record.item = (
        done_on,
        description.strip(),
        result.strip(),
        item,
    )
    validated_save(record, actor=actor)
    _store_files(record, prepared, actor)
    warnings = []
    if old_item is not None and (old_item != item or not item_done):
        old_item.refresh_from_db()
        if _unmark_if_only_record(old_item, record, old_date, actor):
            warnings.append(f"С пункта {old_item.position} снята отметка о выполнении.")
    if item is not None and item_done:
        item.refresh_from_db()
        if not item.is_done or (item == old_item and item.done_on == old_date):
            _mark_item(item, done_on=done_on, note=_note(description, result), actor=actor)
    return Outcome(record, warnings)


@transaction.atomic
def record_delete(*, record: ActivityRecord, actor: User) -> Outcome:
    """Delete an unconfirmed record with its files; the completion mark it set is taken back."""
    record = _editable(record, actor)
    program = record.program
    warnings = []
    if _unmark_if_only_record(record.item, record, record.done_on, actor):
        warnings.append(f"С пункта {record.item.position} снята отметка о выполнении.")
    files = [evidence.file for evidence in record.evidence.all()]
    with authored(record, actor):
        record.delete()
    # The rows are gone with the transaction; the files on disk go only after it commits.
    transaction.on_commit(lambda: [stored.delete(save=False) for stored in files])
    return Outcome(program, warnings)


@transaction.atomic
def evidence_delete(*, evidence: Evidence, actor: User) -> Outcome:
    """Remove a wrongly attached file from an unconfirmed record."""
    record = _editable(evidence.record, actor)
    evidence = Evidence.objects.get(pk=evidence.pk, record=record)
    stored = evidence.file
    with authored(evidence, actor):
        evidence.delete()
    transaction.on_commit(lambda: stored.delete(save=False))
    return Outcome(record)


@transaction.atomic
def record_respond(*, record: ActivityRecord, confirm: bool, comment: str, actor: User) -> Outcome:
    """The mentee confirms the record, comments on it, or both. Only a mentee of that program.

    In a group every mentee may confirm; the first confirmation is kept (who and when), and the
    comments of several mentees are kept one under another, each signed.
    """
    record = ActivityRecord.objects.select_for_update(of=("self",)).select_related("program__pairing").get(pk=record.pk)
    person = person_of(actor)
    mentees = list(record.program.pairing.mentees.select_related("person"))
    if Role.MENTEE not in roles_of(actor) or person is None or all(m.person_id != person.pk for m in mentees):
        raise PermissionDenied("Подтверждает запись наставляемый этой программы.")
    comment = comment.strip()
    if not confirm and not comment:
        raise ValidationError("Подтвердите запись или напишите комментарий.")
    if confirm and record.confirmed_at is None:
        record.confirmed_at, record.confirmed_by = timezone.now(), person
    if comment:
        if len(mentees) > 1:
            line = f"{person.short_name}: {comment}"
            record.mentee_comment = f"{record.mentee_comment}\n{line}".strip()
        else:
            record.mentee_comment = comment
    with authored(record, actor):
        record.save(update_fields=["confirmed_at", "confirmed_by", "mentee_comment"])
    if comment:
        mentee_commented(record, person, actor=actor)
    return Outcome(record)


# --- one-off mentoring ---------------------------------------------------------------------------


def _check_meeting(meeting: Meeting, participants: list[Person]) -> None:
    errors = {}
    if meeting.held_on and meeting.held_on > timezone.localdate():
        errors["held_on"] = "Дата встречи не может быть в будущем: записывается то, что уже было."
    if not meeting.form.is_one_off:
        errors["form"] = "Без программы записываются только разовые формы: скоростное, ситуационное наставничество."
    own = Organization.own()
    if not participants:
        errors["participants"] = "Укажите, с кем была встреча."
    else:
        strangers = [p.full_name for p in participants if own is None or p.organization_id != own.pk]
        if strangers:
            errors["participants"] = "Только работники нашей организации: " + ", ".join(strangers) + "."
        elif any(p.pk == meeting.mentor.person_id for p in participants):
            errors["participants"] = "Наставник не может быть участником своей же встречи."
    if errors:
        raise ValidationError(errors)


def _refuse_repeated_meeting(mentor, *, held_on, form, participants, topic: str, result: str, actor: User) -> None:
    same = Meeting.objects.filter(
        mentor=mentor, held_on=held_on, form=form, topic=topic.strip(), result=result.strip()
    ).prefetch_related("participants")
    wanted = {person.pk for person in participants}
    for meeting in logged_lately(same, actor):
        if {person.pk for person in meeting.participants.all()} == wanted:
            raise AlreadyRecorded(meeting, what="Эта встреча уже записана")


@transaction.atomic
def meeting_save(
    *,
    meeting: Meeting | None = None,
    held_on: date,
    form: MentoringForm,
    participants,
    topic: str,
    result: str = "",
    actor: User,
) -> Outcome:
    """Log a one-off meeting (or correct one's own): date, with whom, the form, the topic, the result."""
    person = person_of(actor)
    mentor = getattr(person, "mentor", None) if person is not None else None
    if Role.MENTOR not in roles_of(actor) or mentor is None or not mentor.is_active:
        raise PermissionDenied("Разовые встречи записывает наставник.")
    if meeting is None:
        # Under the mentor's lock: two requests at once with the same meeting store one.
        mentor = type(mentor).objects.select_for_update().get(pk=mentor.pk)
        _refuse_repeated_meeting(
            mentor, held_on=held_on, form=form, participants=participants, topic=topic, result=result, actor=actor
        )
        meeting = Meeting(mentor=mentor, logged_by=actor)
    elif meeting.mentor_id != mentor.pk:
        raise PermissionDenied("Изменить встречу может только наставник, который её провёл.")
    meeting.held_on, meeting.form, meeting.topic, meeting.result = held_on, form, topic.strip(), result.strip()
    participants = list(participants)
    _check_meeting(meeting, participants)
    saved_with(meeting, actor=actor, participants=participants)  # one entry of its history
    return Outcome(meeting)


@transaction.atomic
def meeting_delete(*, meeting: Meeting, actor: User) -> None:
    person = person_of(actor)
    if Role.MENTOR not in roles_of(actor) or person is None or meeting.mentor.person_id != person.pk:
        raise PermissionDenied("Удалить встречу может только наставник, который её провёл.")
    with authored(meeting, actor):
        meeting.delete()
