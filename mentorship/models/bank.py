"""The bank: mentors, mentees, their consents, and who runs the system (curator, council)."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core.files import random_file_name, validate_scan
from core.lifecycle import LifeCycle, Transition


def consent_scan_path(instance, filename: str) -> str:
    return random_file_name("consents", filename)


class ConsentMixin(models.Model):
    consent_given_on = models.DateField(
        "согласие на обработку персональных данных получено",
        null=True,
        blank=True,
        help_text="Дата на подписанном согласии.",
    )
    consent_scan = models.FileField(
        "скан согласия на обработку персональных данных",
        upload_to=consent_scan_path,
        blank=True,
        validators=[validate_scan],
    )

    class Meta:
        abstract = True

    @property
    def has_consent(self) -> bool:
        return self.consent_given_on is not None


class Mentor(ConsentMixin):
    person = models.OneToOneField(
        "people.Person", verbose_name="сотрудник", on_delete=models.PROTECT, related_name="mentor"
    )
    directions = models.ManyToManyField(
        "mentorship.Direction", verbose_name="направления", blank=True, related_name="mentors"
    )
    competencies = models.TextField(
        "компетенции", blank=True, help_text="В чём наставник силён: методики, технологии, опыт."
    )
    capacity = models.PositiveSmallIntegerField(
        "наставляемых одновременно",
        null=True,
        blank=True,
        help_text="Пусто — как в настройках организации.",
    )
    is_active = models.BooleanField("в банке наставников", default=True)
    note = models.TextField("примечание", blank=True)
    added_on = models.DateField("включён в банк", default=timezone.localdate)
    # Only for the percentage pay rule (Organization.mentor_pay_rule); seen by the head, the curator
    # and the administrator, never by colleagues.
    salary = models.DecimalField(
        "должностной оклад, руб.",
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text="Нужен, если доплата наставнику — процент оклада (настройки организации). "
        "Видят руководитель, куратор и администратор.",
    )
    history = HistoricalRecords(m2m_fields=[directions])

    class Meta:
        verbose_name = "наставник"
        verbose_name_plural = "наставники"
        ordering = ["person__last_name", "person__first_name"]

    def __str__(self) -> str:
        return self.person.full_name

    def get_absolute_url(self) -> str:
        return reverse("mentorship:mentor-detail", args=[self.pk])


class Mentee(ConsentMixin):
    # Seen only by the mentee, their mentor, the curator and the head (DOMAIN.md, 152-ФЗ).
    SENSITIVE_FIELDS = ("difficulties", "request")

    person = models.OneToOneField(
        "people.Person", verbose_name="сотрудник", on_delete=models.PROTECT, related_name="mentee"
    )
    category = models.ForeignKey(
        "mentorship.MenteeCategory", verbose_name="категория", on_delete=models.PROTECT, related_name="mentees"
    )
    difficulties = models.TextField(
        "профессиональные затруднения",
        blank=True,
        help_text="По итогам диагностики. Видят только наставляемый, его наставник, куратор и руководитель.",
    )
    request = models.TextField("запрос наставляемого", blank=True)
    strengths = models.TextField("сильные стороны", blank=True)
    is_active = models.BooleanField("в банке наставляемых", default=True)
    note = models.TextField("примечание", blank=True)
    added_on = models.DateField("включён в банк", default=timezone.localdate)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "наставляемый"
        verbose_name_plural = "наставляемые"
        ordering = ["person__last_name", "person__first_name"]

    def __str__(self) -> str:
        return self.person.full_name

    def get_absolute_url(self) -> str:
        return reverse("mentorship:mentee-detail", args=[self.pk])


class PublishableData(models.TextChoices):
    NAME = "name", "ФИО"
    POSITION = "position", "Должность"
    EXPERIENCE = "experience", "Стаж и категория"
    PHOTO = "photo", "Фотография"
    ACHIEVEMENTS = "achievements", "Достижения и результаты наставничества"


def publication_scan_path(instance, filename: str) -> str:
    return random_file_name("publication-consents", filename)


class PublicationConsent(models.Model):
    """Separate consent to distribute personal data on the website (152-ФЗ, ст. 10.1)."""

    person = models.ForeignKey(
        "people.Person", verbose_name="сотрудник", on_delete=models.PROTECT, related_name="publication_consents"
    )
    data = models.JSONField("какие данные можно публиковать", default=list)
    given_on = models.DateField("дата согласия")
    valid_until = models.DateField("действует до", null=True, blank=True, help_text="Пусто — до отзыва.")
    withdrawn_on = models.DateField("отозвано", null=True, blank=True)
    scan = models.FileField("скан согласия", upload_to=publication_scan_path, blank=True, validators=[validate_scan])
    history = HistoricalRecords()

    class Meta:
        verbose_name = "согласие на публикацию"
        verbose_name_plural = "согласия на публикацию"
        ordering = ["-given_on", "-pk"]

    def __str__(self) -> str:
        return f"Согласие на публикацию от {self.given_on:%d.%m.%Y}"

    def clean(self):
        errors = {}
        allowed = set(PublishableData.values)
        if not self.data or not set(self.data) <= allowed:
            errors["data"] = "Отметьте, какие данные можно публиковать."
        if self.valid_until and self.given_on and self.valid_until < self.given_on:
            errors["valid_until"] = "Срок действия кончается раньше даты согласия."
        if self.withdrawn_on and self.given_on and self.withdrawn_on < self.given_on:
            errors["withdrawn_on"] = "Отзыв не может быть раньше самого согласия."
        if errors:
            raise ValidationError(errors)

    def is_in_force(self, on=None) -> bool:
        on = on or timezone.localdate()
        if self.withdrawn_on and self.withdrawn_on <= on:
            return False
        if self.valid_until and self.valid_until < on:
            return False
        return self.given_on <= on

    @property
    def data_labels(self) -> list[str]:
        labels = dict(PublishableData.choices)
        return [labels[item] for item in self.data if item in labels]


class CuratorAppointment(models.Model):
    """The head appoints the curator (3.4); the current one has no end date."""

    organization = models.ForeignKey("people.Organization", verbose_name="организация", on_delete=models.CASCADE)
    person = models.ForeignKey(
        "people.Person", verbose_name="куратор", on_delete=models.PROTECT, related_name="curator_appointments"
    )
    appointed_on = models.DateField("назначен с")
    ended_on = models.DateField("полномочия прекращены", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "назначение куратора"
        verbose_name_plural = "назначения куратора"
        ordering = ["-appointed_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization"],
                condition=models.Q(ended_on__isnull=True),
                name="one_current_curator_per_organization",
                violation_error_message="У организации уже есть действующий куратор.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} — куратор с {self.appointed_on:%d.%m.%Y}"


class CouncilMembership(LifeCycle, models.Model):
    """Membership in the council of mentors (методическое объединение), if the kindergarten has one.

    The curator proposes its composition, the head approves it (3.4).
    """

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Предложен куратором"
        MEMBER = "member", "В составе"
        DECLINED = "declined", "Не утверждён"
        LEFT = "left", "Выведен из состава"

    S = Status
    # The whole life cycle: the head approves or declines a proposal and takes a member out.
    TRANSITIONS = {
        (S.PROPOSED, S.MEMBER): Transition("Утвердить", frozenset({"head"})),
        (S.PROPOSED, S.DECLINED): Transition("Не утверждать", frozenset({"head"})),
        (S.MEMBER, S.LEFT): Transition("Вывести из состава", frozenset({"head"})),
    }
    REFUSED = "Нельзя перевести из состояния «{source}» в «{target}»."
    CURRENT_STATUSES = (Status.PROPOSED, Status.MEMBER)

    person = models.ForeignKey(
        "people.Person", verbose_name="сотрудник", on_delete=models.PROTECT, related_name="council_memberships"
    )
    status = models.CharField("состояние", max_length=10, choices=Status.choices, default=Status.PROPOSED)
    proposed_on = models.DateField("предложен", default=timezone.localdate)
    joined_on = models.DateField("в составе с", null=True, blank=True)
    left_on = models.DateField("выведен из состава", null=True, blank=True)
    is_chair = models.BooleanField("председатель", default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "член методического объединения"
        verbose_name_plural = "состав методического объединения"
        ordering = ["-is_chair", "person__last_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(status__in=["proposed", "member"]),
                name="one_current_council_membership",
                violation_error_message="Сотрудник уже входит в состав объединения или предложен в него.",
            )
        ]

    def __str__(self) -> str:
        return str(self.person)


class BankRefresh(models.Model):
    """The curator's yearly review of who needs a mentor (3.4: at least once a year)."""

    organization = models.ForeignKey("people.Organization", verbose_name="организация", on_delete=models.CASCADE)
    done_at = models.DateTimeField("проведена", default=timezone.now)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="кем", on_delete=models.PROTECT, related_name="+"
    )
    added = models.PositiveIntegerField("включено в банк наставляемых", default=0)
    reviewed = models.PositiveIntegerField("рассмотрено кандидатов", default=0)

    class Meta:
        verbose_name = "актуализация банка наставляемых"
        verbose_name_plural = "актуализации банка наставляемых"
        ordering = ["-done_at"]
        get_latest_by = "done_at"

    def __str__(self) -> str:
        return f"Актуализация {timezone.localtime(self.done_at):%d.%m.%Y}"
