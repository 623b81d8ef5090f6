"""Writes to the roadmap. The curator drafts it (3.4 of the regulation) and sends it to the head;
the head returns it with a comment or approves it (3.3), and the approval registers an order
«Об утверждении дорожной карты…» with the roadmap as its annex. An approved roadmap is frozen:
only the execution marks change, and only the curator sets them.

Every service checks the role it needs against the actor's own roles (the caller passes none), locks
the roadmap row (an edit and an approval never cross), validates with `full_clean()`, records who did
it and returns an Outcome. The moves go through `core.lifecycle` (guard, then move), which also logs them.
"""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from accounts.models import User
from core.dates import add_months
from core.declension import Case
from core.lifecycle import guard, move
from core.services import Outcome, authored, validated_save
from core.text import sentence
from mentorship.models import CouncilMembership
from mentorship.services.orders import LAW, control_clause, current_curator
from people.roles import roles_of
from records.models import Order
from records.services import draft_order, issuing_organization

from .documents import render_roadmap_pdf
from .models import Activity, Roadmap, Stage, academic_start_year, year_label
from .roles import APPROVERS, DRAFTERS
from .standard import STANDARD, on

__all__ = [
    "BASIS_BLANK",
    "BASIS_COPY",
    "BASIS_TYPICAL",
    "activity_delete",
    "activity_mark",
    "activity_save",
    "activity_unmark",
    "creatable_years",
    "roadmap_approve",
    "roadmap_approved_by",
    "roadmap_create",
    "roadmap_delete",
    "roadmap_move",
    "stage_delete",
    "stage_save",
]

BASIS_TYPICAL = "typical"
BASIS_BLANK = "blank"
BASIS_COPY = "copy"

PREAMBLE_BASIS = (
    f"В соответствии со {LAW}, методическими рекомендациями "
    "по разработке и внедрению системы (целевой модели) наставничества педагогических работников в "
    "образовательных организациях (письмо Министерства просвещения Российской Федерации и Общероссийского "
    "Профсоюза образования от 21.12.2021 № АЗ-1128/08/657)"
)


def _require_curator(actor: User, action: str = "Дорожную карту составляет") -> None:
    if not roles_of(actor) & DRAFTERS:
        raise PermissionDenied(f"{action} куратор наставничества (3.4 Положения).")


def _locked(roadmap_id: int) -> Roadmap:
    return Roadmap.objects.select_for_update().get(pk=roadmap_id)


def _editable(roadmap_id: int) -> Roadmap:
    """The roadmap, locked, if its text may still change."""
    roadmap = _locked(roadmap_id)
    if roadmap.is_approved:
        raise ValidationError(
            "Дорожная карта утверждена приказом: её текст не меняется, отмечается только выполнение мероприятий."
        )
    if not roadmap.is_editable:
        raise ValidationError(
            f"Дорожная карта «{roadmap.get_status_display().lower()}»: изменить её можно, "
            "только забрав на доработку или после возврата руководителем."
        )
    return roadmap


def _shift_years(day: date | None, years: int) -> date | None:
    """The same date `years` later; 29 February becomes 28 February."""
    return None if day is None else add_months(day, 12 * years)


def creatable_years(organization, today: date | None = None) -> list[int]:
    """Years a new roadmap may be made for: the current academic year and the next one, if missing."""
    current = academic_start_year(today or timezone.localdate())
    taken = set(Roadmap.objects.filter(organization=organization).values_list("start_year", flat=True))
    return [year for year in (current, current + 1) if year not in taken]


@transaction.atomic
def roadmap_create(
    *, start_year: int, basis: str, actor: User, source: Roadmap | None = None, today: date | None = None
) -> Outcome:
    """A new year's roadmap: the typical one (8 stages with typical activities), the 8 stages
    without activities, or a copy of an earlier year's with every date moved to the new year
    and the execution marks cleared."""
    _require_curator(actor)
    own = issuing_organization()
    if start_year not in creatable_years(own, today):
        current = academic_start_year(today or timezone.localdate())
        if Roadmap.objects.filter(organization=own, start_year=start_year).exists():
            raise ValidationError(f"Дорожная карта на {year_label(start_year)} учебный год уже есть.")
        raise ValidationError(
            f"Дорожную карту составляют на текущий ({year_label(current)}) или следующий "
            f"({year_label(current + 1)}) учебный год."
        )
    if basis == BASIS_COPY:
        if source is None or source.organization_id != own.pk:
            raise ValidationError("Выберите дорожную карту, которую копировать.")
        if source.start_year >= start_year:
            raise ValidationError("Копировать можно дорожную карту одного из прошлых учебных лет.")
    elif basis not in (BASIS_TYPICAL, BASIS_BLANK):
        raise ValidationError("Выберите, с чего начать: типовая, пустая или копия прошлого года.")

    roadmap = Roadmap(
        organization=own,
        start_year=start_year,
        created_by=actor,
        copied_from=source if basis == BASIS_COPY else None,
    )
    validated_save(roadmap, actor=actor)

    if basis == BASIS_COPY:
        shift = start_year - source.start_year
        for old_stage in source.stages.prefetch_related("activities"):
            stage = _create(Stage(roadmap=roadmap, number=old_stage.number, title=old_stage.title), actor)
            for old in old_stage.activities.all():
                _create(
                    Activity(
                        stage=stage,
                        number=old.number,
                        text=old.text,
                        starts_on=_shift_years(old.starts_on, shift),
                        ends_on=_shift_years(old.ends_on, shift),
                        responsible=old.responsible,
                        expected_result=old.expected_result,
                    ),
                    actor,
                )
        comment = f"Копия дорожной карты на {source.year_label} учебный год: сроки перенесены, отметки сняты"
    else:
        for number, (title, activities) in enumerate(STANDARD, start=1):
            stage = _create(Stage(roadmap=roadmap, number=number, title=title), actor)
            if basis == BASIS_BLANK:
                continue
            for position, typical in enumerate(activities, start=1):
                _create(
                    Activity(
                        stage=stage,
                        number=position,
                        text=typical.text,
                        starts_on=on(start_year, typical.starts) if typical.starts else None,
                        ends_on=on(start_year, typical.ends),
                        responsible=typical.responsible,
                        expected_result=typical.expected_result,
                    ),
                    actor,
                )
        comment = "Типовая: 8 этапов с типовыми мероприятиями" if basis == BASIS_TYPICAL else "Пустая: 8 этапов"
    roadmap.log_transition("", Roadmap.Status.DRAFT, actor, comment)
    return Outcome(roadmap)


def _create(obj, actor):
    validated_save(obj, actor=actor)
    return obj


@transaction.atomic
def roadmap_delete(*, roadmap: Roadmap, actor: User) -> None:
    """A draft made by mistake (say, the wrong year) goes away; one the head has seen stays."""
    _require_curator(actor, "Удаляет черновик")
    roadmap = _locked(roadmap.pk)
    if roadmap.status != Roadmap.Status.DRAFT:
        raise ValidationError("Удалить можно только черновик.")
    if not roadmap.is_deletable:
        raise ValidationError("Дорожная карта уже была у руководителя: удалить её нельзя, её можно доработать.")
    with authored(roadmap, actor):
        roadmap.delete()


# --- Stages and activities: edited while a draft or returned ---------------------------------


def _renumber(rows, actor: User) -> None:
    """Number stages of a roadmap, or activities of a stage, 1, 2, … with no gaps."""
    for position, row in enumerate(rows.order_by("number", "pk"), start=1):
        if row.number != position:
            row.number = position
            with authored(row, actor):
                row.save(update_fields=["number"])


@transaction.atomic
def stage_save(*, stage: Stage, actor: User) -> Outcome:
    """Add a stage (it goes last) or rename one."""
    _require_curator(actor)
    roadmap = _editable(stage.roadmap_id)
    stage.title = stage.title.strip()
    if stage.pk is None:
        stage.number = (roadmap.stages.aggregate(last=Max("number"))["last"] or 0) + 1
    validated_save(stage, actor=actor)
    return Outcome(stage)


@transaction.atomic
def stage_delete(*, stage: Stage, actor: User) -> None:
    """Only an empty stage is deleted: activities are moved or deleted first, one by one."""
    _require_curator(actor)
    roadmap = _editable(stage.roadmap_id)
    if stage.activities.exists():
        raise ValidationError(f"В этапе «{stage.title}» есть мероприятия: сначала перенесите или удалите их.")
    with authored(stage, actor):
        stage.delete()
    _renumber(roadmap.stages, actor)


def _check_dates(roadmap: Roadmap, activity: Activity) -> None:
    errors = {}
    first, last = roadmap.starts_on, roadmap.ends_on
    period = f"{first:%d.%m.%Y}–{last:%d.%m.%Y}"
    if activity.starts_on and not first <= activity.starts_on <= last:
        errors["starts_on"] = f"Начало — в пределах {roadmap.year_label} учебного года ({period})."
    if activity.ends_on and not first <= activity.ends_on <= last:
        errors["ends_on"] = f"Срок — в пределах {roadmap.year_label} учебного года ({period})."
    if activity.starts_on and activity.ends_on and activity.starts_on > activity.ends_on:
        errors.setdefault("ends_on", "Окончание раньше начала.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def activity_save(*, activity: Activity, actor: User) -> Outcome:
    """Add an activity (it goes last in its stage) or change one, possibly moving it to another
    stage of the same roadmap; dates stay within the academic year."""
    _require_curator(actor)
    roadmap = _editable(activity.stage.roadmap_id)
    previous_stage = None
    if activity.pk is not None:
        previous_stage = Stage.objects.get(activities__pk=activity.pk)
        if previous_stage.roadmap_id != roadmap.pk:
            raise ValidationError("Мероприятие переносится только между этапами этой же дорожной карты.")
    moved = previous_stage is not None and previous_stage.pk != activity.stage_id
    if activity.pk is None or moved:
        activity.number = (activity.stage.activities.aggregate(last=Max("number"))["last"] or 0) + 1
    for field in ("text", "responsible", "expected_result"):
        setattr(activity, field, getattr(activity, field).strip())
    _check_dates(roadmap, activity)
    validated_save(activity, actor=actor)
    if moved:
        _renumber(previous_stage.activities, actor)
    return Outcome(activity)


@transaction.atomic
def activity_delete(*, activity: Activity, actor: User) -> None:
    _require_curator(actor)
    _editable(activity.stage.roadmap_id)
    stage = activity.stage
    with authored(activity, actor):
        activity.delete()
    _renumber(stage.activities, actor)


# --- The life cycle: Roadmap.TRANSITIONS --------------------------------------------------


def _ready_for_head(roadmap: Roadmap) -> list[str]:
    """What stops a roadmap from going to the head: no stages, a stage without activities."""
    stages = list(roadmap.stages.prefetch_related("activities"))
    if not stages:
        return ["В дорожной карте нет ни одного этапа."]
    return [
        f"В этапе {stage.number} «{stage.title}» нет мероприятий: добавьте их или удалите этап."
        for stage in stages
        if not stage.activities.all()
    ]


@transaction.atomic
def roadmap_move(
    *, roadmap: Roadmap, target: str, actor: User, comment: str = "", today: date | None = None
) -> Outcome:
    """Move a roadmap along Roadmap.TRANSITIONS (all but the approval, which needs an order);
    sending it to the head also needs every stage to have activities, and warns of past deadlines."""
    roadmap = _locked(roadmap.pk)
    try:
        target = Roadmap.Status(target)
    except ValueError:
        raise ValidationError("Неизвестное действие.") from None
    if target == Roadmap.Status.APPROVED:
        raise ValidationError("Дорожная карта утверждается только приказом руководителя.")
    roles = roles_of(actor)
    guard(roadmap, target, roles=roles, comment=comment)
    warnings = []
    if target == Roadmap.Status.AWAITING_APPROVAL:
        errors = _ready_for_head(roadmap)
        if errors:
            raise ValidationError(errors)
        today = today or timezone.localdate()
        late = [
            f"{activity.stage.number}.{activity.number}"
            for activity in Activity.objects.filter(stage__roadmap=roadmap, ends_on__lt=today)
            .select_related("stage")
            .order_by("stage__number", "number")
        ]
        if late:
            warnings.append(
                f"Срок уже прошёл у мероприятий {', '.join(late)}: после утверждения они будут просрочены, "
                "если не отметить их выполнение."
            )
    move(roadmap, target, actor=actor, roles=roles, comment=comment, checked=True)
    return Outcome(roadmap, warnings)


# The kind of order this app issues (registered with records.kinds from the app config).
ROADMAP_ORDER = "roadmap"


def _approval_order(roadmap: Roadmap, *, actor: User, date) -> Order:
    own = issuing_organization()
    curator = current_curator(own)
    if curator is None:
        raise ValidationError(
            "Куратор не назначен: в приказе некого назначить ответственным за дорожную карту. "
            "Назначьте куратора на странице «Куратор и МО»."
        )
    person = curator.person
    members = list(
        CouncilMembership.objects.filter(status=CouncilMembership.Status.MEMBER)
        .select_related("person")
        .order_by("-is_chair", "person__last_name", "person__first_name")
    )
    return draft_order(
        own,
        kind=ROADMAP_ORDER,
        date=date,
        heading=(
            "Об утверждении дорожной карты внедрения (реализации) системы наставничества "
            f"на {roadmap.year_label} учебный год"
        ),
        preamble=(
            f"{PREAMBLE_BASIS}, Положением о наставничестве педагогических работников {own.short_name}, "
            "в целях планомерной реализации системы наставничества педагогических работников"
        ),
        clauses=[
            "Утвердить дорожную карту (план мероприятий) внедрения (реализации) системы наставничества "
            f"педагогических работников {own.short_name} на {roadmap.year_label} учебный год (приложение).",
            sentence(
                "Назначить ответственным за реализацию дорожной карты куратора реализации программ наставничества "
                f"{person.in_case(Case.ACCUSATIVE)} ({str(person.position).lower()})"
            ),
            "Ответственным за мероприятия дорожной карты обеспечить их выполнение в установленные сроки; "
            "куратору отмечать выполнение мероприятий в дорожной карте.",
            "Куратору разместить дорожную карту на официальном сайте в разделе «Наставничество» в течение "
            "10 дней со дня издания приказа.",
            # The curator carries the roadmap out; controlling their own work would be no control.
            control_clause(None),
        ],
        acquaintance=[person, *(m.person for m in members)],
        actor=actor,
    )


@transaction.atomic
def roadmap_approve(*, roadmap: Roadmap, actor: User, date: date | None = None) -> Outcome:
    """The head approves the roadmap (3.3): the project of the order is written and the roadmap
    links to it; the roadmap is approved when the head registers the order (`roadmap_approved_by`),
    because the legal act is the registered order. Until then the queue shows it «ожидает регистрации
    приказа», and approving it again is refused."""
    roles = roles_of(actor)
    # Refused in the regulation's words, before anything is locked; the table checks the rest.
    if not roles & APPROVERS:
        raise PermissionDenied("Дорожную карту утверждает руководитель (3.3 Положения).")
    roadmap = _locked(roadmap.pk)
    guard(roadmap, Roadmap.Status.APPROVED, roles=roles)
    if roadmap.order_id is not None and roadmap.order.is_draft:
        raise ValidationError(
            f"Проект приказа об утверждении уже подготовлен ({roadmap.order.date:%d.%m.%Y}): "
            "зарегистрируйте его на странице приказа."
        )
    errors = _ready_for_head(roadmap)
    if errors:
        raise ValidationError(errors)
    roadmap.order = _approval_order(roadmap, actor=actor, date=date or timezone.localdate())
    with authored(roadmap, actor):
        roadmap.save(update_fields=["order"])
    return Outcome(roadmap.order)


def roadmap_approved_by(order: Order, actor: User) -> None:
    """The approval order is registered: the roadmap is approved and its annex frozen with the
    order it belongs to. A roadmap returned to the curator meanwhile refuses the registration."""
    for pk in Roadmap.objects.filter(order=order).values_list("pk", flat=True):
        roadmap = _locked(pk)
        if roadmap.status != Roadmap.Status.AWAITING_APPROVAL:
            raise ValidationError(
                f"Дорожная карта на {roadmap.year_label} учебный год не на утверждении "
                f"(«{roadmap.get_status_display()}»): приказ об её утверждении не регистрируется."
            )
        roles = roles_of(actor)
        guard(roadmap, Roadmap.Status.APPROVED, roles=roles)
        errors = _ready_for_head(roadmap)
        if errors:
            raise ValidationError(errors)
        roadmap.order = order
        roadmap.annex_pdf.save(
            f"dorozhnaya-karta-{roadmap.start_year}-{roadmap.start_year + 1}.pdf",
            ContentFile(render_roadmap_pdf(roadmap, annex=True)),
            save=False,
        )
        move(
            roadmap,
            Roadmap.Status.APPROVED,
            actor=actor,
            roles=roles,
            comment=f"Приказ № {order.number_text} от {order.date:%d.%m.%Y}",
            checked=True,
        )


def roadmap_back_from(order: Order, actor: User) -> None:
    """The approval order's project is withdrawn (records.services.order_void, the kind's `on_void`):
    the roadmap is no longer tied to it and waits for the head's approval again, to be approved into a
    new project or returned to the curator. Its log says the project was withdrawn and why."""
    for pk in Roadmap.objects.filter(order=order).values_list("pk", flat=True):
        roadmap = _locked(pk)
        roadmap.order = None
        with authored(roadmap, actor):
            roadmap.save(update_fields=["order"])
        roadmap.log_transition(
            roadmap.status,
            roadmap.status,
            actor,
            f"Проект приказа от {order.date:%d.%m.%Y} отозван: {order.void_reason}",
        )


# --- Execution marks: the only change an approved roadmap takes ---------------------------


def _approved_activity(activity: Activity) -> Activity:
    roadmap = _locked(activity.stage.roadmap_id)
    if not roadmap.is_approved:
        raise ValidationError("Выполнение отмечается в утверждённой дорожной карте.")
    return Activity.objects.select_related("stage").get(pk=activity.pk)


@transaction.atomic
def activity_mark(*, activity: Activity, done_on: date, note: str, actor: User, today: date | None = None) -> Outcome:
    """The curator marks an activity done: the date and a note (what was done, the document)."""
    _require_curator(actor, "Выполнение отмечает")
    activity = _approved_activity(activity)
    today = today or timezone.localdate()
    if done_on is None:
        raise ValidationError({"done_on": "Укажите дату выполнения."})
    if done_on > today:
        raise ValidationError({"done_on": "Дата выполнения не может быть позже сегодняшней."})
    activity.done_on, activity.done_note = done_on, note.strip()
    activity.marked_by, activity.marked_at = actor, timezone.now()
    validated_save(activity, actor=actor)
    warnings = []
    if done_on > activity.ends_on:
        warnings.append(f"Выполнено позже срока ({activity.ends_on:%d.%m.%Y}): в мониторинге — с опозданием.")
    return Outcome(activity, warnings)


@transaction.atomic
def activity_unmark(*, activity: Activity, actor: User) -> Outcome:
    """A mark set by mistake is taken back (the history keeps it)."""
    _require_curator(actor, "Выполнение отмечает")
    activity = _approved_activity(activity)
    if activity.done_on is None:
        raise ValidationError("Отметки о выполнении нет.")
    activity.done_on, activity.done_note = None, ""
    activity.marked_by, activity.marked_at = actor, timezone.now()
    with authored(activity, actor):
        activity.save()
    return Outcome(activity)
