"""Personalized programs (ППН, 1.2 of the regulation): a pair's plan, its versions, what was done.

A program belongs to a pair or group and lasts 3 to 12 months (`term_error`). Its life cycle is one
table (`Program.TRANSITIONS`); every move is logged; every approved or corrected text is kept as a
version. The mentor logs what was done (`ActivityRecord`, with evidence files); one-off mentoring is a
`Meeting` with no program; a participant may ask to be released from duty for a program event
(`ReleaseRequest`, 1.4), which only the head decides.
"""

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core.dates import add_months
from core.files import random_file_name
from core.lifecycle import LifeCycle, Transition
from core.models import ReferenceItem

MIN_TERM_MONTHS = 3
MAX_TERM_MONTHS = 12


def shortest_end(starts_on: date) -> date:
    """01.09.2025 → 30.11.2025: three months less a day."""
    return add_months(starts_on, MIN_TERM_MONTHS) - timedelta(days=1)


def longest_end(starts_on: date) -> date:
    """01.09.2025 → 31.08.2026: a year less a day."""
    return add_months(starts_on, MAX_TERM_MONTHS) - timedelta(days=1)


def term_error(starts_on: date | None, ends_on: date | None) -> str | None:
    """Why a program's term breaks 1.2 of the regulation (3 months to 1 year), or None.

    Extensions are checked with the same rule from the original start, so the total stays within a year.
    """
    if starts_on is None or ends_on is None:
        return None
    if ends_on < shortest_end(starts_on):
        return (
            f"Программа длится не меньше трёх месяцев (п. 1.2 Положения): при начале {starts_on:%d.%m.%Y} "
            f"окончание — не раньше {shortest_end(starts_on):%d.%m.%Y}."
        )
    if ends_on > longest_end(starts_on):
        return (
            f"Программа длится не больше года (п. 1.2 Положения), с продлениями тоже: при начале "
            f"{starts_on:%d.%m.%Y} окончание — не позже {longest_end(starts_on):%d.%m.%Y}."
        )
    return None


class ActivityForm(ReferenceItem):
    """A form of a plan activity: консультация, взаимопосещение, открытый показ, мастер-класс…"""

    class Meta(ReferenceItem.Meta):
        verbose_name = "форма мероприятия"
        verbose_name_plural = "формы мероприятий"


class Program(LifeCycle, models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Черновик"
        REVIEW = "review", "На согласовании"
        APPROVED = "approved", "Утверждена"
        RUNNING = "running", "Реализуется"
        CORRECTION = "correction", "Корректировка"
        COMPLETED = "completed", "Завершена"
        TERMINATED = "terminated", "Прекращена"

    S = Status
    # The whole life cycle: (from, to) → who may move it and what the button says. The services
    # add the conditions (agreements before approval, every activity marked before completion…).
    TRANSITIONS = {
        (S.DRAFT, S.REVIEW): Transition("Отправить на согласование", frozenset({"mentor", "council", "curator"})),
        (S.REVIEW, S.DRAFT): Transition("Вернуть на доработку", frozenset({"curator", "council", "head"}), True),
        (S.REVIEW, S.APPROVED): Transition("Утвердить", frozenset({"head"})),
        (S.APPROVED, S.RUNNING): Transition("Начать реализацию", frozenset({"mentor", "curator"})),
        (S.RUNNING, S.CORRECTION): Transition(
            "Начать корректировку", frozenset({"mentor", "curator", "council"}), True
        ),
        (S.CORRECTION, S.RUNNING): Transition("Завершить корректировку", frozenset({"mentor", "curator", "council"})),
        (S.RUNNING, S.COMPLETED): Transition("Завершить программу", frozenset({"curator"})),
        (S.APPROVED, S.TERMINATED): Transition("Прекратить", frozenset({"curator", "head"}), True),
        (S.RUNNING, S.TERMINATED): Transition("Прекратить", frozenset({"curator", "head"}), True),
        (S.CORRECTION, S.TERMINATED): Transition("Прекратить", frozenset({"curator", "head"}), True),
        # Only the system: a program not yet approved ends with its pair (programs/signals.py).
        (S.DRAFT, S.TERMINATED): Transition("Прекратить вместе с парой", frozenset(), True),
        (S.REVIEW, S.TERMINATED): Transition("Прекратить вместе с парой", frozenset(), True),
    }
    # The text and the plan may be edited only here; afterwards only completion marks and the log change.
    EDITABLE_STATUSES = (S.DRAFT, S.CORRECTION)
    # A program in work: activities are logged, progress is shown.
    IN_WORK_STATUSES = (S.RUNNING, S.CORRECTION)
    CLOSED_STATUSES = (S.COMPLETED, S.TERMINATED)

    pairing = models.ForeignKey(
        "mentorship.Pairing", verbose_name="пара (группа)", on_delete=models.PROTECT, related_name="programs"
    )
    status = models.CharField("состояние", max_length=20, choices=Status.choices, default=Status.DRAFT)
    starts_on = models.DateField("начало")
    ends_on = models.DateField("окончание")
    difficulties = models.TextField(
        "профессиональные затруднения", help_text="По результатам диагностики; из банка наставляемых."
    )
    strengths = models.TextField("сильные стороны, на которые опираемся", blank=True)
    goal = models.TextField("цель")
    tasks = models.TextField("задачи")
    expected_results = models.TextField("ожидаемые результаты")
    final_assessment = models.TextField("итоговая оценка", blank=True)
    curator_conclusion = models.TextField("заключение куратора", blank=True)
    termination_reason = models.TextField("причина прекращения", blank=True)
    curator_agreed_at = models.DateTimeField("согласовано куратором", null=True, blank=True)
    curator_agreed_by = models.ForeignKey(
        "people.Person",
        verbose_name="согласовал куратор",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    council_agreed_at = models.DateTimeField("согласовано методическим объединением", null=True, blank=True)
    council_agreed_by = models.ForeignKey(
        "people.Person",
        verbose_name="согласовал от методического объединения",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_at = models.DateTimeField("утверждена", null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="утвердил",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    is_best_practice = models.BooleanField("лучшая практика", default=False)
    copied_from = models.ForeignKey(
        "self",
        verbose_name="создана по образцу",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="составил", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField("создана", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "персонализированная программа наставничества"
        verbose_name_plural = "персонализированные программы наставничества"
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="program_ends_after_start",
                violation_error_message="Окончание программы раньше начала.",
            )
        ]

    def __str__(self) -> str:
        return f"Программа наставничества: {self.pairing}"

    def get_absolute_url(self) -> str:
        return reverse("programs:program-detail", args=[self.pk])

    @property
    def file_title(self) -> str:
        """«Программа наставничества Новикова О.П. → Лебедева А.И. с 01.12.2026»."""
        return f"Программа наставничества {self.pairing.sides} с {self.starts_on:%d.%m.%Y}"

    def refusal(self, target) -> str:
        return (
            f"Программу «{self.get_status_display().lower()}» нельзя перевести в «{self.Status(target).label.lower()}»."
        )

    def comment_required(self, target) -> str:
        # A termination's comment is its reason, kept on the program.
        reason = "причину прекращения" if target == self.Status.TERMINATED else "комментарий: что и почему"
        return f"Напишите {reason}."

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE_STATUSES

    @property
    def in_work(self) -> bool:
        return self.status in self.IN_WORK_STATUSES

    def missing_agreements(self, *, council_exists: bool) -> list[str]:
        """Who has still to agree the program before the head may approve it."""
        missing = []
        if self.curator_agreed_at is None:
            missing.append("куратор")
        if council_exists and self.council_agreed_at is None:
            missing.append("методическое объединение")
        return missing


class PlanItem(models.Model):
    """A line of the program's plan, with its completion mark (date and note)."""

    program = models.ForeignKey(Program, verbose_name="программа", on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField("№ п/п", default=1)
    direction = models.ForeignKey(
        "mentorship.Direction", verbose_name="направление", on_delete=models.PROTECT, related_name="+"
    )
    activity = models.TextField("мероприятие")
    form = models.ForeignKey(ActivityForm, verbose_name="форма", on_delete=models.PROTECT, related_name="items")
    deadline = models.DateField("срок")
    responsible = models.CharField("ответственный", max_length=300)
    expected_result = models.TextField("ожидаемый результат или продукт")
    done_on = models.DateField("выполнено", null=True, blank=True)
    done_note = models.TextField("отметка о выполнении", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "пункт плана"
        verbose_name_plural = "пункты плана"
        ordering = ["program", "position", "deadline", "pk"]

    def __str__(self) -> str:
        return f"{self.position}. {self.activity}"

    @property
    def is_done(self) -> bool:
        return self.done_on is not None

    def is_overdue(self, today: date | None = None) -> bool:
        return self.done_on is None and self.deadline < (today or timezone.localdate())


class ProgramTransition(models.Model):
    """Every move of a program: who, when, from → to, with the comment."""

    program = models.ForeignKey(Program, verbose_name="программа", on_delete=models.CASCADE, related_name="transitions")
    source = models.CharField("из состояния", max_length=20, choices=Program.Status.choices, blank=True)
    target = models.CharField("в состояние", max_length=20, choices=Program.Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="кто", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField("когда", default=timezone.now)
    comment = models.TextField("комментарий", blank=True)

    class Meta:
        verbose_name = "смена состояния программы"
        verbose_name_plural = "смены состояний программ"
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_source_display() or '—'} → {self.get_target_display()}"


class ProgramVersion(models.Model):
    """The program's text and plan as approved (version 1) and after every correction."""

    program = models.ForeignKey(Program, verbose_name="программа", on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField("версия")
    data = models.JSONField("текст и план")
    comment = models.TextField("что и почему изменено", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="кто", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField("когда", default=timezone.now)

    class Meta:
        verbose_name = "версия программы"
        verbose_name_plural = "версии программ"
        ordering = ["program", "number"]
        constraints = [models.UniqueConstraint(fields=["program", "number"], name="program_version_unique")]

    def __str__(self) -> str:
        return f"Версия {self.number} от {timezone.localtime(self.created_at):%d.%m.%Y}"


class ActivityRecord(models.Model):
    """What the mentor did: on a date, what and with what result; the mentee confirms or comments."""

    program = models.ForeignKey(Program, verbose_name="программа", on_delete=models.PROTECT, related_name="records")
    item = models.ForeignKey(
        PlanItem,
        verbose_name="пункт плана",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="records",
    )
    done_on = models.DateField("проведено")
    description = models.TextField("что сделано")
    result = models.TextField("результат", blank=True)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="записал", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    logged_at = models.DateTimeField("записано", default=timezone.now)
    confirmed_at = models.DateTimeField("подтверждено наставляемым", null=True, blank=True)
    confirmed_by = models.ForeignKey(
        "people.Person",
        verbose_name="подтвердил",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    mentee_comment = models.TextField("комментарий наставляемого", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "проведённое мероприятие"
        verbose_name_plural = "проведённые мероприятия"
        ordering = ["-done_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.done_on:%d.%m.%Y}: {self.description[:60]}"


def evidence_path(instance, filename: str) -> str:
    return random_file_name("evidence", filename)


class Evidence(models.Model):
    """A photo or document proving an activity; shown only to those running the program, never published."""

    class Kind(models.TextChoices):
        PHOTO = "photo", "Фото"
        DOCUMENT = "document", "Документ"

    record = models.ForeignKey(
        ActivityRecord, verbose_name="мероприятие", on_delete=models.CASCADE, related_name="evidence"
    )
    file = models.FileField("файл", upload_to=evidence_path)
    original_name = models.CharField("имя файла", max_length=255)
    kind = models.CharField("вид", max_length=10, choices=Kind.choices)
    size = models.PositiveBigIntegerField("размер, байт")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="загрузил", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField("загружен", default=timezone.now)
    # The stored file's name only, never its bytes: the history says a file was added or removed.
    history = HistoricalRecords()

    class Meta:
        verbose_name = "подтверждающий файл"
        verbose_name_plural = "подтверждающие файлы"
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name


class Meeting(models.Model):
    """One-off mentoring (скоростное, ситуационное): a meeting logged without a program."""

    mentor = models.ForeignKey(
        "mentorship.Mentor", verbose_name="наставник", on_delete=models.PROTECT, related_name="meetings"
    )
    participants = models.ManyToManyField("people.Person", verbose_name="с кем", related_name="meetings")
    form = models.ForeignKey(
        "mentorship.MentoringForm", verbose_name="форма", on_delete=models.PROTECT, related_name="meetings"
    )
    held_on = models.DateField("дата")
    topic = models.TextField("вопрос, тема")
    result = models.TextField("результат", blank=True)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="записал", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    logged_at = models.DateTimeField("записано", default=timezone.now)
    # With whom is told on the meeting's history page too: a meeting is mostly who and what about.
    history = HistoricalRecords(m2m_fields=[participants])

    class Meta:
        verbose_name = "разовая встреча"
        verbose_name_plural = "разовые встречи"
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.held_on:%d.%m.%Y}: {self.form}"


class ReleaseRequest(LifeCycle, models.Model):
    """A request to be released from duty for a program event (1.4): the head decides, with a substitute."""

    class Status(models.TextChoices):
        REQUESTED = "requested", "На рассмотрении"
        APPROVED = "approved", "Разрешено приказом"
        REFUSED = "refused", "Отказано"
        WITHDRAWN = "withdrawn", "Отозвана"

    S = Status
    # A request is filed «на рассмотрении» and decided once: the head approves it (by an order, with a
    # substitute: services.releases) or refuses it saying why; the requester may take it back meanwhile.
    TRANSITIONS = {
        (S.REQUESTED, S.APPROVED): Transition("Освободить", frozenset({"head"})),
        (S.REQUESTED, S.REFUSED): Transition("Отказать", frozenset({"head"}), True),
        (S.REQUESTED, S.WITHDRAWN): Transition("Отозвать", frozenset({"mentor", "mentee"})),
    }
    # The queue and the list of requests have forms of their own.
    BUTTON_TARGETS = ()
    COMMENT_REQUIRED = "Напишите, почему отказано: работник прочтёт это."

    program = models.ForeignKey(Program, verbose_name="программа", on_delete=models.PROTECT, related_name="releases")
    item = models.ForeignKey(
        PlanItem, verbose_name="пункт плана", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    person = models.ForeignKey(
        "people.Person", verbose_name="кого освободить", on_delete=models.PROTECT, related_name="release_requests"
    )
    event = models.TextField("мероприятие программы")
    date = models.DateField("дата")
    hours = models.DecimalField("часов", max_digits=4, decimal_places=1)
    substitute = models.ForeignKey(
        "people.Person",
        verbose_name="кто заменит",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="substitutions",
    )
    # ТК РФ ст. 60.2: another employee's duties only with the substitute's written consent; the order
    # cites it by its date, which the head types from the signed paper when deciding.
    substitute_consent_on = models.DateField("согласие заменяющего на дополнительную работу от", null=True, blank=True)
    status = models.CharField("состояние", max_length=12, choices=Status.choices, default=Status.REQUESTED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="подал", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    requested_at = models.DateTimeField("подана", default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="решил",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField("решено", null=True, blank=True)
    decision_comment = models.TextField("комментарий руководителя", blank=True)
    order = models.ForeignKey(
        "records.Order", verbose_name="приказ", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "просьба об освобождении от работы"
        verbose_name_plural = "просьбы об освобождении от работы"
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours__gt=0) & models.Q(hours__lte=24),
                name="release_hours_within_a_day",
                violation_error_message="Часов — больше нуля и не больше 24.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.date:%d.%m.%Y}, {self.event[:60]}"

    def refusal(self, target) -> str:
        if self.status != self.Status.REQUESTED:
            return f"Просьба уже рассмотрена: «{self.get_status_display()}»."
        return super().refusal(target)
