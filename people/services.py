"""Writes to the staff registry. Each validates, runs in a transaction and names its author in the
history (core.services.validated_save)."""

from collections.abc import Callable

from axes.utils import reset as axes_reset
from django.contrib.admin.models import CHANGE, LogEntry
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from accounts.models import User
from core.services import Outcome, validated_save

from .imports import (
    IMPORTED_FIELDS,
    ImportPlan,
    UndecidedDuplicates,
    changed_fields,
    plan_import,
    plan_rows,
    read_rows,
    storable_rows,
)
from .logins import one_time_password
from .models import ExportLog, ImportBatch, Organization, Person
from .roles import Role, ordered_roles, roles_held, roles_of

# What higher apps want said when a person's card is saved, e.g. mentorship: «уволен, но остаётся
# в банке наставников». Each takes the saved person and returns its warnings.
_PERSON_WARNINGS: list[Callable[[Person], list[str]]] = []


def register_person_warnings(warnings: Callable[[Person], list[str]]) -> None:
    if warnings not in _PERSON_WARNINGS:
        _PERSON_WARNINGS.append(warnings)


@transaction.atomic
def person_save(*, person: Person, actor: User) -> Outcome:
    """Create or update a person's record. A dismissal closes the person's login (`logins_close_dismissed`)."""
    validated_save(person, actor=actor)
    warnings = [warning for check in _PERSON_WARNINGS for warning in check(person)]
    if logins_close_dismissed(people=[person], actor=actor):
        warnings.append(f"Вход «{person.user.username}» закрыт: сотрудник уволен.")
    return Outcome(person, warnings)


def login_link_errors(*, user: User, actor: User, person: Person | None = None) -> list[str]:
    """Why `user` may not become the login of `person` (of any employee, when `person` is None);
    empty when it may. Whose login it is decides every role of that login, so the link is made
    once, to a working employee who has none, and never by an administrator for a superuser login
    or his own: the system administrator holds no role the application did not give him. A linked
    login stays linked: moving it to another card would move an account onto the head's card; a
    login no longer needed is switched off instead."""
    errors = []
    if user.is_superuser:
        errors.append("Это учётная запись системного администратора: её не привязывают к сотруднику.")
    if user.pk is not None and user.pk == actor.pk:
        errors.append("Свою учётную запись к сотруднику не привязывают.")
    owner = Person.objects.filter(user_id=user.pk).first() if user.pk is not None else None
    if owner is not None and owner != person:
        errors.append(
            f"Учётная запись уже принадлежит сотруднику «{owner.full_name}» и к другому не переходит; "
            "если она больше не нужна, отключите её."
        )
    if person is not None:
        if person.user_id is not None and person.user_id != user.pk:
            errors.append(f"У сотрудника «{person.full_name}» уже есть учётная запись.")
        if not person.is_working:
            errors.append(f"Сотрудник «{person.full_name}» уволен: учётную запись уволенному не выдают.")
    return errors


@transaction.atomic
def person_link_login(*, person: Person, user: User, actor: User) -> Outcome:
    """Make `user` the login of `person` (their roles follow from the person's records). Refused with
    the reasons of `login_link_errors`; the link is in the person's history with `actor` as its author."""
    # Both rows are locked, in this order, so that two administrators linking the same person or
    # the same login at once are served one after the other: the second reads the first's link
    # and is refused with its reason (the database's one-login-per-person would answer a 500).
    User.objects.select_for_update().filter(pk=user.pk).first()
    person = Person.objects.select_for_update().get(pk=person.pk)
    if errors := login_link_errors(user=user, actor=actor, person=person):
        raise ValidationError(errors)
    person.user = user
    validated_save(person, actor=actor)
    return Outcome(person)


def may_hand_over_head(*, organization: Organization, actor: User) -> bool:
    """Only the head hands the post over, to a successor. Nobody else sets the head in the
    application, the system administrator included: the head appoints the curator and approves
    every decision, so whoever could name the head could name himself. The first head is set at
    the first start (manage.py init_organization)."""
    head = _stored_head(organization)
    return head is not None and head.is_working and head.user_id is not None and head.user_id == actor.pk


def _stored_head(organization: Organization) -> Person | None:
    if organization.pk is None:
        return None
    return Person.objects.filter(pk__in=Organization.objects.filter(pk=organization.pk).values("head")).first()


def _head_errors(organization: Organization, actor: User) -> list[str]:
    """Why the organization's new head may not be saved; empty when the head is unchanged."""
    stored = _stored_head(organization)
    if organization.head_id == (stored.pk if stored else None):
        return []
    if stored is not None and not may_hand_over_head(organization=organization, actor=actor):
        return ["Руководителя сменяет только сам руководитель, передавая должность преемнику."]
    head = organization.head
    if head is None:
        return ["Укажите преемника: организация не остаётся без руководителя."]
    errors = []
    if head.organization_id != organization.pk:
        errors.append(f"«{head.full_name}» — сотрудник другой организации.")
    if not head.is_working:
        errors.append(f"«{head.full_name}» уволен: руководителем назначают работающего сотрудника.")
    if head.user is not None and head.user.is_superuser:
        errors.append(
            f"У «{head.full_name}» учётная запись системного администратора: "
            "руководителем его не назначают, администратор не получает ролей приложения."
        )
    return errors


@transaction.atomic
def organization_save(*, organization: Organization, actor: User) -> Outcome:
    """Create or update an organization: ours (its settings) or a partner. A new head is accepted only
    from the current head handing the post over (`may_hand_over_head`), or as the first head of an
    organization that has none, and never a person whose login is a superuser."""
    if errors := _head_errors(organization, actor):
        raise ValidationError({"head": errors})
    validated_save(organization, actor=actor)
    return Outcome(organization)


@transaction.atomic
def staff_import_prepare(*, organization: Organization, name: str, content: bytes, actor: User):
    """Check a staff spreadsheet. A clean one is kept for preview, with its rows as read, and returned
    with its plan; a file with bad rows is not kept at all (the plan lists them)."""
    rows = storable_rows(read_rows(name, content))
    plan = plan_rows(organization=organization, rows=rows)
    if not plan.is_clean:
        return None, plan
    batch = ImportBatch.objects.create(
        organization=organization, created_by=actor, file_name=name[:255], content=content, rows=rows
    )
    return batch, plan


def staff_import_plan(batch: ImportBatch, matches: dict | None = None) -> ImportPlan:
    """The plan of a kept file, checked against the bank as it is now, from the rows read at upload
    (a batch kept before they were stored is read from its file); `matches`: the curator's decisions
    on probable duplicates (imports.plan_rows)."""
    if batch.rows:
        return plan_rows(organization=batch.organization, rows=batch.rows, matches=matches)
    return plan_import(
        organization=batch.organization, name=batch.file_name, content=bytes(batch.content), matches=matches
    )


@transaction.atomic
def staff_import_apply(*, batch: ImportBatch, actor: User, matches: dict | None = None) -> ImportBatch:
    """Import every row of a previewed spreadsheet, or none: the rows are checked again first,
    since the records may have changed since the preview. New people are inserted and changed ones
    updated in bulk, each with its history record naming `actor`: a few queries for any number of rows.
    Refused (UndecidedDuplicates, every such row listed) while a probable duplicate is not decided in
    `matches`: a renumbered employee must not silently become a second card."""
    batch = ImportBatch.objects.select_for_update().select_related("organization").get(pk=batch.pk)
    if batch.status != ImportBatch.Status.PREVIEW:
        raise ValidationError("Этот файл уже загружен. Чтобы загрузить изменения, выберите файл ещё раз.")
    plan = staff_import_plan(batch, matches)
    if not plan.is_clean:
        raise ValidationError(
            ["С момента проверки банк изменился и в файле появились ошибки: ничего не загружено."]
            + [f"Строка {problem.line}: {'; '.join(problem.reasons)}." for problem in plan.problems]
        )
    if plan.undecided:
        raise UndecidedDuplicates(plan.undecided)
    created, updated, fields, errors = [], [], {"search_name"}, []
    for row in plan.creates:
        person = Person(organization=batch.organization, personnel_number=row.values["personnel_number"])
        _apply_row(person, row.values)
        errors += _row_errors(row.line, person)
        created.append(person)
    for row in plan.updates:
        fields.update(changed_fields(row.person, row.values))
        _apply_row(row.person, row.values)
        errors += _row_errors(row.line, row.person)
        updated.append(row.person)
    if errors:
        raise ValidationError(errors)
    bulk_create_with_history(created, Person, batch_size=IMPORT_BATCH_SIZE, default_user=actor)
    if updated:
        bulk_update_with_history(updated, Person, sorted(fields), batch_size=IMPORT_BATCH_SIZE, default_user=actor)
    logins_close_dismissed(people=updated, actor=actor)
    batch.status = ImportBatch.Status.APPLIED
    batch.applied_at = timezone.now()
    batch.created_count, batch.updated_count, batch.unchanged_count = (
        len(plan.creates),
        len(plan.updates),
        len(plan.unchanged),
    )
    batch.save()
    return batch


IMPORT_BATCH_SIZE = 500


def _apply_row(person: Person, values: dict) -> None:
    for name in changed_fields(person, values) if person.pk else IMPORTED_FIELDS:
        setattr(person, name, values[name])
    person.search_name = person.build_search_name()  # bulk writes skip save(), which fills it


def _row_errors(line: int, person: Person) -> list[str]:
    """What `full_clean()` says about one person, named by the file's line. The checks that would each
    ask the database are the plan's, for all rows at once: the organization and the position were just
    read, the табельный номер is unique in the file and new to the bank (and the database's constraints
    stay the last word)."""
    try:
        person.full_clean(
            exclude=["organization", "position", "user"], validate_unique=False, validate_constraints=False
        )
    except ValidationError as error:
        return [f"Строка {line}: {message}" for message in error.messages]
    return []


def personal_data_exported(*, what: str, rows: int, actor: User) -> ExportLog:
    """Log that personal data left the system (who, when, what; 152-ФЗ)."""
    return ExportLog.objects.create(exported_by=actor, what=what, rows=rows)


@transaction.atomic
def reference_item_save(*, item, actor: User) -> Outcome:
    """Add or change an item of a reference list (people.references)."""
    validated_save(item, actor=actor)
    return Outcome(item)


# --- logins given from the employee's card ---------------------------------------------------
#
# A login's changes are written to the admin's journal («Записи в журнале»: who, when, what), where
# the administrator's own changes of logins already are; the link to the person is in the person's
# history. A one-time password is returned to the caller once and kept nowhere but as a hash.


def login_errors(*, person: Person, actor: User, action: str) -> list[str]:
    """Why `actor` may not do `action` («create», «reset», «close», «open») to the login of `person`;
    empty when he may. Refused for every action: his own card (he changes his own password himself),
    the head's card (whoever holds the head's password approves every decision: the head's login is
    given at the first start, manage.py init_organization, and restored on the server), a partner's
    person (not our employee: no dismissal of ours would ever close the login). The system
    administrator, besides, neither creates nor resets the login of a person holding a role: the
    curator does."""
    errors = []
    if person.user_id is not None and person.user_id == actor.pk:
        errors.append("Это ваша учётная запись: свой пароль меняют в «Мой профиль → Сменить пароль».")
    if not person.organization.is_own:
        errors.append("Сотрудник организации-партнёра: вход выдают только сотрудникам нашей организации.")
    if Organization.objects.filter(kind=Organization.Kind.OWN, head=person).exists():
        errors.append(
            "Вход руководителя выдаётся при первом запуске и восстанавливается системным администратором "
            "на сервере, а не из карточки."
        )
    # The system administrator holds no role the application did not give him: knowing a mentee's or
    # the curator's password he would sign in with her role (and read her difficulties).
    acting = roles_of(actor)
    administrator_only = Role.ADMIN in acting and Role.CURATOR not in acting
    if action in ("create", "reset") and administrator_only and (held := roles_held(person)):
        errors.append(
            "Системный администратор не узнаёт пароль сотрудника с ролью в наставничестве ("
            + ", ".join(str(role.label).lower() for role in ordered_roles(held))
            + "): иначе он вошёл бы с чужой ролью и увидел бы то, что ему не положено. Это делает куратор."
        )
    user = person.user
    if action == "create":
        if user is not None:
            errors.append(f"У сотрудника уже есть вход «{user.username}».")
        if not person.is_working:
            errors.append("Сотрудник уволен: вход уволенному не выдают.")
    elif user is None:
        errors.append("У сотрудника нет входа.")
    elif user.is_superuser:
        errors.append("Это учётная запись системного администратора: она меняется только в админке.")
    elif action == "reset":
        if not user.is_active:
            errors.append("Вход закрыт: сначала откройте его.")
    elif action == "close":
        if not user.is_active:
            errors.append("Вход уже закрыт.")
    elif action == "open":
        if user.is_active:
            errors.append("Вход уже открыт.")
        if not person.is_working:
            errors.append("Сотрудник уволен: вход уволенному не открывают.")
    return errors


def _locked_person(person: Person, actor: User, action: str) -> Person:
    # Only the person's row: PostgreSQL refuses FOR UPDATE on the nullable side of the join to the login.
    person = Person.objects.select_for_update(of=("self",)).select_related("organization", "user").get(pk=person.pk)
    if errors := login_errors(person=person, actor=actor, action=action):
        raise ValidationError(errors)
    return person


def _journal(*, user: User, actor: User, message: str) -> None:
    LogEntry.objects.log_actions(
        user_id=actor.pk, queryset=[user], action_flag=CHANGE, change_message=message, single_object=True
    )


@transaction.atomic
def person_login_create(*, person: Person, username: str, actor: User) -> Outcome:
    """Give a working employee of ours who has none a login `username` with a one-time password, to be
    changed at the first sign-in. Returns Outcome((person, password)): the password is shown once."""
    person = _locked_person(person, actor, "create")
    password = one_time_password()
    user = User(username=username, must_change_password=True)
    user.set_password(password)
    try:
        user.full_clean(exclude=["password"])
    except ValidationError as error:
        raise ValidationError([f"Логин: {message}" for message in error.messages]) from error
    user.save()
    person.user = user
    validated_save(person, actor=actor)
    _journal(user=user, actor=actor, message=f"Создан вход для сотрудника «{person.full_name}».")
    return Outcome((person, password))


@transaction.atomic
def person_login_reset_password(*, person: Person, actor: User) -> Outcome:
    """A new one-time password for the person's login, to be changed at the next sign-in; the lockout
    against guessing (django-axes) is lifted for the login. Returns Outcome((person, password))."""
    person = _locked_person(person, actor, "reset")
    password = one_time_password()
    user = person.user
    user.set_password(password)
    user.must_change_password = True
    user.save(update_fields=["password", "must_change_password"])
    axes_reset(username=user.username)
    _journal(user=user, actor=actor, message="Пароль сброшен: выдан временный.")
    return Outcome((person, password))


@transaction.atomic
def person_login_close(*, person: Person, actor: User) -> Outcome:
    """Switch the person's login off (is_active=False): it no longer signs in; records it wrote stay."""
    person = _locked_person(person, actor, "close")
    _set_active(person.user, active=False, actor=actor, message="Вход закрыт.")
    return Outcome(person)


@transaction.atomic
def person_login_open(*, person: Person, actor: User) -> Outcome:
    """Switch a closed login of a working employee on again (with the password it had)."""
    person = _locked_person(person, actor, "open")
    _set_active(person.user, active=True, actor=actor, message="Вход открыт.")
    return Outcome(person)


def _set_active(user: User, *, active: bool, actor: User, message: str) -> None:
    user.is_active = active
    user.save(update_fields=["is_active"])
    _journal(user=user, actor=actor, message=message)


def logins_close_dismissed(*, people, actor: User) -> list[User]:
    """Close the open logins of those of `people` who are dismissed; called by every write that can
    dismiss (the card, the staff import). A service call rather than a signal: the import writes in
    bulk, which sends no signals, and the actor is at hand here. Returns the logins closed."""
    ids = [person.user_id for person in people if person.user_id is not None and not person.is_working]
    if not ids:
        return []
    users = list(User.objects.filter(pk__in=ids, is_active=True, is_superuser=False))
    if users:
        User.objects.filter(pk__in=[user.pk for user in users]).update(is_active=False)
        for user in users:
            _journal(user=user, actor=actor, message="Вход закрыт: сотрудник уволен.")
    return users
