"""Pairs and groups: one mentor with one or more mentees, fixed by the head's order (3.3)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core.files import random_file_name, validate_scan
from core.lifecycle import LifeCycle, Transition


class PairingQuerySet(models.QuerySet):
    def current(self):
        """Pairs that bind a mentor and mentees now: fixed by order or running."""
        return self.filter(status__in=Pairing.CURRENT_STATUSES)

    def in_force_on(self, day):
        """Pairs that work on `day` («действующие»): fixed by an order, begun on or before `day`, and
        not ended before it (the end date is the last day mentored). A pair fixed today to begin
        tomorrow is bound (`current`) but not yet in force; one terminated from a later date still is."""
        return self.filter(
            models.Q(ended_on__isnull=True) | models.Q(ended_on__gte=day),
            status__in=Pairing.UNDER_ORDER_STATUSES,
            starts_on__lte=day,
        )

    def open(self):
        """Everything not finished: from a proposal to a running pair."""
        return self.exclude(status__in=Pairing.CLOSED_STATUSES)


RETURN_CONSEQUENCE = (
    "Пара вернётся куратору с вашим комментарием; приказ не издаётся, пока куратор не исправит и не отправит её снова."
)
COMPLETE_CONSEQUENCE = (
    "Наставничество будет отмечено завершённым сегодняшним днём: пара закрывается, в ней больше "
    "ничего не меняется, согласия не записываются."
)
CANCEL = Transition(
    "Отозвать предложение",
    frozenset({"curator", "council"}),
    needs_comment=True,
    consequence="Предложение пары будет отозвано: пара закрывается и больше не редактируется, согласия по ней "
    "не собираются. Вернуть её нельзя — только предложить заново.",
)


class Pairing(LifeCycle, models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", "Предложена"
        AWAITING_CONSENTS = "awaiting_consents", "Ожидает согласий на участие"
        AWAITING_APPROVAL = "awaiting_approval", "На утверждении"
        RETURNED = "returned", "Возвращена с комментарием"
        FIXED = "fixed", "Закреплена приказом"
        ACTIVE = "active", "Активна"
        COMPLETED = "completed", "Завершена"
        TERMINATED = "terminated", "Прекращена досрочно"
        CANCELLED = "cancelled", "Отозвана"

    class Initiator(models.TextChoices):
        MENTOR = "mentor", "Наставник"
        EMPLOYER = "employer", "Работодатель (по просьбе наставляемого — через куратора)"

    S = Status
    # The whole life cycle in one table: (from, to) → who may move it and what the button says.
    # Moves to FIXED, ACTIVE and TERMINATED happen only through the order services.
    TRANSITIONS = {
        (S.PROPOSED, S.AWAITING_CONSENTS): Transition("Собрать согласия на участие", frozenset({"curator", "council"})),
        (S.AWAITING_CONSENTS, S.AWAITING_APPROVAL): Transition("Отправить руководителю", frozenset({"curator"})),
        (S.RETURNED, S.AWAITING_APPROVAL): Transition("Отправить руководителю снова", frozenset({"curator"})),
        (S.RETURNED, S.AWAITING_CONSENTS): Transition(
            "Вернуть к сбору согласий на участие", frozenset({"curator", "council"})
        ),
        (S.AWAITING_APPROVAL, S.RETURNED): Transition(
            "Вернуть куратору", frozenset({"head"}), needs_comment=True, consequence=RETURN_CONSEQUENCE
        ),
        (S.AWAITING_APPROVAL, S.FIXED): Transition("Утвердить приказом", frozenset({"head"})),
        (S.FIXED, S.ACTIVE): Transition("Начать", frozenset()),
        (S.FIXED, S.TERMINATED): Transition("Прекратить", frozenset({"head"})),
        (S.ACTIVE, S.TERMINATED): Transition("Прекратить досрочно", frozenset({"head"})),
        (S.ACTIVE, S.COMPLETED): Transition("Завершить", frozenset({"curator"}), consequence=COMPLETE_CONSEQUENCE),
        (S.PROPOSED, S.CANCELLED): CANCEL,
        (S.AWAITING_CONSENTS, S.CANCELLED): CANCEL,
        (S.RETURNED, S.CANCELLED): CANCEL,
    }
    # Transitions done on the pair's page with a button; the rest have their own forms.
    BUTTON_TARGETS = (S.AWAITING_CONSENTS, S.AWAITING_APPROVAL, S.RETURNED, S.COMPLETED, S.CANCELLED)
    CURRENT_STATUSES = (S.FIXED, S.ACTIVE)
    # Fixed by an order at some point: the pay and the paperwork of ТК РФ ст. 351.8 concern these.
    UNDER_ORDER_STATUSES = (S.FIXED, S.ACTIVE, S.COMPLETED, S.TERMINATED)
    CLOSED_STATUSES = (S.COMPLETED, S.TERMINATED, S.CANCELLED)
    EDITABLE_STATUSES = (S.PROPOSED, S.AWAITING_CONSENTS, S.RETURNED)

    mentor = models.ForeignKey(
        "mentorship.Mentor", verbose_name="наставник", on_delete=models.PROTECT, related_name="pairings"
    )
    mentees = models.ManyToManyField("mentorship.Mentee", verbose_name="наставляемые", related_name="pairings")
    direction = models.ForeignKey(
        "mentorship.Direction", verbose_name="направление", on_delete=models.PROTECT, related_name="pairings"
    )
    forms = models.ManyToManyField("mentorship.MentoringForm", verbose_name="формы", related_name="pairings")
    # The orders that fixed or changed the pair (approval, replacement, extension, termination).
    orders = models.ManyToManyField(
        "records.Order",
        verbose_name="приказы",
        blank=True,
        related_name="pairings",
    )
    status = models.CharField("состояние", max_length=20, choices=Status.choices, default=Status.PROPOSED)
    starts_on = models.DateField("начало")
    planned_end_on = models.DateField("плановое окончание")
    note = models.TextField("примечание", blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="кто предложил",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    ended_on = models.DateField("фактическое окончание", null=True, blank=True)
    termination_initiator = models.CharField(
        "инициатор прекращения", max_length=10, choices=Initiator.choices, blank=True
    )
    termination_reason = models.TextField("причина прекращения", blank=True)
    notice_on = models.DateField("дата уведомления", null=True, blank=True)
    created_at = models.DateTimeField("создана", auto_now_add=True)
    # Who is in a group and how they work are told on the pair's history page too: a mentee joining or
    # leaving it, a form of mentoring added, is news.
    history = HistoricalRecords(m2m_fields=[mentees, forms])

    objects = PairingQuerySet.as_manager()

    class Meta:
        verbose_name = "наставническая пара (группа)"
        verbose_name_plural = "наставнические пары и группы"
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(planned_end_on__gte=models.F("starts_on")),
                name="pairing_ends_after_start",
                violation_error_message="Окончание раньше начала.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.sides} ({self.direction})"

    def get_absolute_url(self) -> str:
        return reverse("mentorship:pairing-detail", args=[self.pk])

    # A pair or group is always named by both sides, mentor → mentee(s): in the page title, lists,
    # confirmations and documents. The mentees come from `mentees.all()`, so a prefetch serves them.
    @property
    def sides(self) -> str:
        """«Иванова А.А. → Петрова Б.В., Сидорова В.Г.»"""
        return self._sides(lambda person: person.short_name)

    @property
    def sides_full(self) -> str:
        """«Иванова Анна Андреевна → Петрова Белла Васильевна»"""
        return self._sides(lambda person: person.full_name)

    @property
    def kind_label(self) -> str:
        """«Группа» for one mentor with several mentees, «Пара» otherwise."""
        return "Группа" if len(self.mentees.all()) > 1 else "Пара"

    def _sides(self, name) -> str:
        mentees = ", ".join(name(mentee.person) for mentee in self.mentees.all())
        return f"{name(self.mentor.person)} → {mentees or 'наставляемые не указаны'}"

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE_STATUSES

    @property
    def is_under_order(self) -> bool:
        return self.status in self.UNDER_ORDER_STATUSES


def pairing_consent_scan_path(instance, filename: str) -> str:
    return random_file_name("pair-consents", filename)


class PairingConsent(models.Model):
    """A participant's written consent to this pair or group (3.3): mentor and every mentee."""

    pairing = models.ForeignKey(Pairing, verbose_name="пара", on_delete=models.CASCADE, related_name="consents")
    person = models.ForeignKey(
        "people.Person", verbose_name="участник", on_delete=models.PROTECT, related_name="pairing_consents"
    )
    given_on = models.DateField("дата согласия")
    scan = models.FileField("скан", upload_to=pairing_consent_scan_path, blank=True, validators=[validate_scan])
    withdrawn_on = models.DateField("согласие отозвано", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "согласие участника пары"
        verbose_name_plural = "согласия участников пар"
        constraints = [
            models.UniqueConstraint(fields=["pairing", "person"], name="one_consent_per_participant"),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.given_on:%d.%m.%Y}"

    @property
    def is_valid(self) -> bool:
        return self.withdrawn_on is None


class PairingTransition(models.Model):
    """Every move of a pair: who, when, from → to, with the comment (e.g. why it was returned)."""

    pairing = models.ForeignKey(Pairing, verbose_name="пара", on_delete=models.CASCADE, related_name="transitions")
    source = models.CharField("из состояния", max_length=20, choices=Pairing.Status.choices, blank=True)
    target = models.CharField("в состояние", max_length=20, choices=Pairing.Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="кто", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField("когда", default=timezone.now)
    comment = models.TextField("комментарий", blank=True)

    class Meta:
        verbose_name = "смена состояния пары"
        verbose_name_plural = "смены состояний пар"
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_source_display() or '—'} → {self.get_target_display()}"


class PairChange(models.Model):
    """What the head decided on a fixed or running pair — replace its mentor, extend it, end it early —
    while the order that carries it is a project (services.pair_orders). Nothing of the pair changes
    until the order is registered: then its kind applies what is stored here, checked again against
    the order's final date; a withdrawn project leaves the pair as it was."""

    class Kind(models.TextChoices):
        REPLACE = "replace", "Замена наставника"
        EXTEND = "extend", "Продление"
        TERMINATE = "terminate", "Досрочное прекращение"

    pairing = models.ForeignKey(Pairing, verbose_name="пара", on_delete=models.CASCADE, related_name="changes")
    order = models.OneToOneField(
        "records.Order", verbose_name="приказ", on_delete=models.PROTECT, related_name="pair_change"
    )
    kind = models.CharField("что решено", max_length=10, choices=Kind.choices)
    new_mentor = models.ForeignKey(
        "mentorship.Mentor",
        verbose_name="новый наставник",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    grounds = models.CharField("основание замены", max_length=20, blank=True)
    details = models.TextField("подробности", blank=True)
    consent_on = models.DateField("согласие нового наставника от", null=True, blank=True)
    # Each mentee's written consent to the new mentor: mentee id (as text) → ISO date.
    mentee_consents = models.JSONField("согласия наставляемых на нового наставника", default=dict, blank=True)
    initiator = models.CharField("инициатор", max_length=10, choices=Pairing.Initiator.choices, blank=True)
    notice_on = models.DateField("дата уведомления", null=True, blank=True)
    left_on = models.DateField("последний день работы прежнего наставника", null=True, blank=True)
    starts_on = models.DateField("новый наставник с", null=True, blank=True)
    ends_on = models.DateField("последний день наставничества", null=True, blank=True)
    reason = models.TextField("причина", blank=True)
    new_end_on = models.DateField("новое окончание", null=True, blank=True)
    agreed_on = models.DateField("соглашение сторон от", null=True, blank=True)
    basis_key = models.CharField("исполняемое решение", max_length=100, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="кто решил", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField("когда", auto_now_add=True)

    class Meta:
        verbose_name = "решение об изменении пары"
        verbose_name_plural = "решения об изменении пар"
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.pairing}"
