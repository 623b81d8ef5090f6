"""A teacher's professional growth: courses (КПК), certification, contests, open events,
publications and rewards — one record per achievement, confirmed by the curator; the proposals to
reward mentors that the head approves by order; the kindergarten's rewarding rule.

One model for every kind of record: they share the person, the date, the scan, the program it came
from and the confirmation, and they are listed, filtered and confirmed together. What differs is
which fields a kind uses and what they are called (`KIND_FIELDS`, `LABELS`); `clean()` asks for the
kind's required fields and clears the others, so a record never keeps another kind's leftovers.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core.files import random_file_name, validate_scan
from core.lifecycle import LifeCycle, Transition
from people.models import QualificationCategory

from .roles import APPROVERS, KEEPERS, PROPOSERS


def growth_scan_path(instance, filename: str) -> str:
    return random_file_name("growth", filename)


def rule_scan_path(instance, filename: str) -> str:
    return random_file_name("growth-rules", filename)


class Kind(models.TextChoices):
    COURSE = "course", "Курсы повышения квалификации"
    CERTIFICATION = "certification", "Аттестация"
    CONTEST = "contest", "Конкурс"
    OPEN_EVENT = "open_event", "Открытое мероприятие"
    PUBLICATION = "publication", "Публикация"
    REWARD = "reward", "Награда"


class Level(models.TextChoices):
    KINDERGARTEN = "kindergarten", "Детского сада"
    MUNICIPAL = "municipal", "Муниципальный"
    REGIONAL = "regional", "Региональный"
    FEDERAL = "federal", "Всероссийский"


class RewardKind(models.TextChoices):
    GRATITUDE = "gratitude", "Благодарность"
    CERTIFICATE = "certificate", "Почётная грамота"
    BADGE = "badge", "Знак отличия «За наставничество»"
    BONUS = "bonus", "Премия"


# Which fields each kind uses (besides person, kind, date, scan and program, which every kind has),
# and which of them must be filled.
KIND_FIELDS = {
    Kind.COURSE: ("title", "organizer", "hours", "started_on", "document_number"),
    Kind.CERTIFICATION: ("category", "document_number"),
    Kind.CONTEST: ("title", "organizer", "level", "result"),
    Kind.OPEN_EVENT: ("title", "level"),
    Kind.PUBLICATION: ("title", "organizer"),
    Kind.REWARD: ("reward_kind", "title", "organizer", "document_number"),
}
REQUIRED = {
    Kind.COURSE: ("title", "organizer", "hours"),
    Kind.CERTIFICATION: ("category",),
    Kind.CONTEST: ("title", "level"),
    Kind.OPEN_EVENT: ("title", "level"),
    Kind.PUBLICATION: ("title", "organizer"),
    Kind.REWARD: ("reward_kind", "organizer"),
}
# What the fields are called for each kind (the model's verbose names otherwise).
LABELS = {
    Kind.COURSE: {
        "title": "Название программы курсов",
        "organizer": "Кто проводил",
        "started_on": "Начало обучения",
        "date": "Окончание обучения",
        "document_number": "Номер удостоверения",
        "scan": "Скан удостоверения",
    },
    Kind.CERTIFICATION: {
        "category": "Присвоенная категория",
        "date": "Дата присвоения",
        "document_number": "Приказ органа управления образованием (номер и дата)",
        "scan": "Скан приказа",
    },
    Kind.CONTEST: {
        "title": "Название конкурса",
        "organizer": "Организатор",
        "result": "Результат (победитель, призёр, лауреат, участник)",
        "date": "Дата подведения итогов",
        "scan": "Скан диплома или сертификата",
    },
    Kind.OPEN_EVENT: {
        "title": "Тема мероприятия (открытый показ, мастер-класс, выступление)",
        "date": "Дата проведения",
        "scan": "Скан сертификата или программы",
    },
    Kind.PUBLICATION: {
        "title": "Название публикации",
        "organizer": "Где опубликовано (издание, сборник, сайт)",
        "date": "Дата публикации",
        "scan": "Скан публикации или свидетельства",
    },
    Kind.REWARD: {
        "title": "За что",
        "organizer": "Кто наградил (организация, ведомство)",
        "date": "Дата награждения",
        "document_number": "Приказ или распоряжение (номер и дата)",
        "scan": "Скан награды",
    },
}


class GrowthRecord(LifeCycle, models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", "На подтверждении"
        RETURNED = "returned", "Возвращена с комментарием"
        CONFIRMED = "confirmed", "Подтверждена"

    S = Status
    # The person adds a record, the curator confirms it or returns it with a comment; the person's
    # correction sends it again (a move of the system, made by the person's save, no button).
    TRANSITIONS = {
        (S.PROPOSED, S.CONFIRMED): Transition("Подтвердить", KEEPERS),
        (S.PROPOSED, S.RETURNED): Transition("Вернуть с комментарием", KEEPERS, needs_comment=True),
        (S.RETURNED, S.PROPOSED): Transition("Исправлена и отправлена снова", frozenset()),
    }
    COMMENT_REQUIRED = "Напишите комментарий: без него сотруднику непонятно, что исправить."

    person = models.ForeignKey(
        "people.Person", verbose_name="сотрудник", on_delete=models.PROTECT, related_name="growth_records"
    )
    kind = models.CharField("вид", max_length=20, choices=Kind.choices)
    title = models.CharField("название", max_length=500, blank=True)
    organizer = models.CharField("организатор", max_length=300, blank=True)
    hours = models.PositiveSmallIntegerField("объём, часов", null=True, blank=True)
    started_on = models.DateField("начало", null=True, blank=True)
    date = models.DateField("дата")
    document_number = models.CharField("номер документа", max_length=200, blank=True)
    category = models.CharField("категория", max_length=20, choices=QualificationCategory.choices, blank=True)
    level = models.CharField("уровень", max_length=20, choices=Level.choices, blank=True)
    result = models.CharField("результат", max_length=200, blank=True)
    reward_kind = models.CharField("награда", max_length=20, choices=RewardKind.choices, blank=True)
    scan = models.FileField("скан документа", upload_to=growth_scan_path, blank=True, validators=[validate_scan])
    program = models.ForeignKey(
        "programs.Program",
        verbose_name="программа наставничества",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="growth_records",
        help_text="Если достижение — результат программы наставничества.",
    )
    # The order «О поощрении наставников» that gave this reward (written by the order itself).
    order = models.ForeignKey(
        "records.Order",
        verbose_name="приказ о поощрении",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="growth_records",
    )
    status = models.CharField("состояние", max_length=20, choices=Status.choices, default=Status.PROPOSED)
    review_comment = models.TextField("комментарий куратора", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="внёс", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField("внесена", auto_now_add=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="подтвердил",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    confirmed_at = models.DateTimeField("подтверждена", null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["scan"])

    class Meta:
        verbose_name = "достижение"
        verbose_name_plural = "достижения"
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours__isnull=True) | models.Q(hours__gte=1, hours__lte=3000),
                name="growth_hours_sane",
                violation_error_message="Объём курсов — от 1 до 3000 часов.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.summary}"

    def get_absolute_url(self) -> str:
        return reverse("growth:record-detail", args=[self.pk])

    @property
    def summary(self) -> str:
        """What the record is about, in one line: the title, or the category / the reward."""
        if self.kind == Kind.CERTIFICATION:
            return f"Квалификационная категория: {self.get_category_display().lower()}"
        if self.kind == Kind.REWARD:
            reward = self.get_reward_kind_display()
            return f"{reward} — {self.title}" if self.title else reward
        return self.title

    @property
    def is_confirmed(self) -> bool:
        return self.status == self.Status.CONFIRMED

    @property
    def is_editable_by_owner(self) -> bool:
        return self.status in (self.Status.PROPOSED, self.Status.RETURNED) and self.order_id is None

    def label(self, field: str) -> str:
        return LABELS.get(self.kind, {}).get(field) or self._meta.get_field(field).verbose_name.capitalize()

    def clean(self):
        kind = Kind(self.kind) if self.kind in Kind.values else None
        if kind is None:
            return
        used = KIND_FIELDS[kind]
        for field in ("title", "organizer", "document_number", "category", "level", "result", "reward_kind"):
            if field not in used:
                setattr(self, field, "")
        for field in ("hours", "started_on"):
            if field not in used:
                setattr(self, field, None)
        errors = {}
        for field in REQUIRED[kind]:
            if getattr(self, field) in (None, ""):
                errors[field] = f"Заполните поле «{self.label(field)}»."
        if self.started_on and self.date and self.started_on > self.date:
            errors["started_on"] = "Обучение не может начаться позже, чем закончилось."
        if self.date and self.date > timezone.localdate() and kind != Kind.COURSE:
            errors["date"] = "Дата ещё не наступила: внесите достижение, когда оно состоится."
        if errors:
            raise ValidationError(errors)


class RewardProposal(LifeCycle, models.Model):
    """The curator's proposal to reward one or more mentors; the head approves it by the order
    «О поощрении наставников» (or returns it with a comment)."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", "На утверждении у руководителя"
        RETURNED = "returned", "Возвращено куратору"
        APPROVED = "approved", "Утверждено приказом"

    S = Status
    # Approval happens only when the order of reward_proposal_approve (a project) is registered.
    TRANSITIONS = {
        (S.PROPOSED, S.APPROVED): Transition(
            "Утвердить приказом",
            APPROVERS,
            consequence="Будет подготовлен проект приказа «О поощрении наставников»: проверьте его текст и "
            "зарегистрируйте — с регистрацией приказа награды внесутся в достижения наставников.",
        ),
        (S.PROPOSED, S.RETURNED): Transition(
            "Вернуть куратору",
            APPROVERS,
            needs_comment=True,
            consequence="Представление вернётся куратору с вашим комментарием; приказ не издаётся, пока "
            "куратор не отправит его снова.",
        ),
        (S.RETURNED, S.PROPOSED): Transition("Отправить руководителю снова", PROPOSERS),
    }
    COMMENT_REQUIRED = "Напишите комментарий: без него куратору непонятно, что исправить."

    mentors = models.ManyToManyField("mentorship.Mentor", verbose_name="наставники", related_name="reward_proposals")
    reward_kind = models.CharField("награда", max_length=20, choices=RewardKind.choices)
    amount = models.PositiveIntegerField("размер премии, ₽", null=True, blank=True)
    reason = models.TextField(
        "основание",
        help_text="За что: например, «за успешную реализацию персонализированной программы наставничества».",
    )
    programs = models.ManyToManyField(
        "programs.Program", verbose_name="программы", blank=True, related_name="reward_proposals"
    )
    status = models.CharField("состояние", max_length=20, choices=Status.choices, default=Status.PROPOSED)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="предложил", on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField("предложено", auto_now_add=True)
    return_comment = models.TextField("комментарий руководителя", blank=True)
    order = models.ForeignKey(
        "records.Order",
        verbose_name="приказ о поощрении",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reward_proposals",
    )
    history = HistoricalRecords(m2m_fields=[mentors])

    class Meta:
        verbose_name = "представление к поощрению"
        verbose_name_plural = "представления к поощрению"
        ordering = ["-proposed_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(reward_kind="bonus") | models.Q(amount__gte=1),
                name="reward_bonus_has_amount",
                violation_error_message="Укажите размер премии в рублях.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_reward_kind_display()}: {self.reason[:60]}"

    def get_absolute_url(self) -> str:
        return reverse("growth:rewards") + f"#proposal-{self.pk}"

    @classmethod
    def editable_states(cls, roles) -> list[str]:
        """Where the holder of `roles` may correct a proposal: correcting one is sending it to the
        head again, so it is the states the table lets them move back to «на утверждении» from."""
        held = {str(role) for role in roles}
        return [
            source.value
            for (source, target), transition in cls.TRANSITIONS.items()
            if target == cls.Status.PROPOSED and transition.roles & held
        ]

    @property
    def has_letters(self) -> bool:
        """A благодарность and a грамота are printed for each mentor; a premium and a petition are not."""
        return self.status == self.Status.APPROVED and self.reward_kind in (
            RewardKind.GRATITUDE,
            RewardKind.CERTIFICATE,
        )

    @property
    def amount_text(self) -> str:
        return f"{self.amount:,} ₽".replace(",", "\u00a0") if self.amount else ""

    @property
    def reward_text(self) -> str:
        """The reward as the order names it («премия в размере 5 000 ₽»)."""
        if self.reward_kind == RewardKind.BONUS and self.amount:
            return f"премия в размере {self.amount_text}"
        if self.reward_kind == RewardKind.BADGE:
            return "ходатайство о награждении знаком отличия «За наставничество»"
        return self.get_reward_kind_display().lower()

    def clean(self):
        if self.reward_kind != RewardKind.BONUS:
            self.amount = None
        elif not self.amount:
            raise ValidationError({"amount": "Укажите размер премии в рублях."})


class RewardRule(models.Model):
    """The kindergarten's rule of rewarding mentors (which rewards, for what): the curator keeps it;
    each change is a new version, the latest one in force, the earlier ones kept."""

    text = models.TextField("текст")
    effective_from = models.DateField("действует с")
    scan = models.FileField(
        "скан утверждённого документа", upload_to=rule_scan_path, blank=True, validators=[validate_scan]
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="внёс", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("внесено", auto_now_add=True)

    class Meta:
        verbose_name = "положение о поощрении наставников"
        verbose_name_plural = "положения о поощрении наставников"
        ordering = ["-effective_from", "-pk"]

    def __str__(self) -> str:
        return f"Порядок поощрения наставников с {self.effective_from:%d.%m.%Y}"

    @classmethod
    def current(cls):
        return cls.objects.order_by("-effective_from", "-pk").first()
