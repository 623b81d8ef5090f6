from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core.dates import whole_months_between, years_and_months
from core.text import normalize_for_search


class QualificationCategory(models.TextChoices):
    """Categories of teaching staff set by federal law (приказ Минпросвещения № 196)."""

    NONE = "none", "Без категории"
    CONFORMITY = "conformity", "Соответствие занимаемой должности"
    FIRST = "first", "Первая"
    HIGHEST = "highest", "Высшая"
    METHODIST = "methodist", "Педагог-методист"
    MENTOR = "mentor", "Педагог-наставник"


class Education(models.TextChoices):
    HIGHER_PED = "higher_ped", "Высшее педагогическое"
    HIGHER = "higher", "Высшее (непедагогическое)"
    VOCATIONAL_PED = "vocational_ped", "Среднее профессиональное педагогическое"
    VOCATIONAL = "vocational", "Среднее профессиональное (непедагогическое)"
    STUDENT = "student", "Получает образование (студент)"
    OTHER = "other", "Другое"


def name_search_q(text: str, prefix: str = "") -> models.Q:
    """Every word typed must occur in the person's name, ignoring case and «ё»/«е», the same on
    SQLite and PostgreSQL. `prefix` reaches the person from another model: "mentor__person__"."""
    query = models.Q()
    for word in normalize_for_search(text).split():
        query &= models.Q(**{f"{prefix}search_name__contains": word})
    return query


class PersonQuerySet(models.QuerySet):
    def working(self):
        return self.filter(status=Person.Status.WORKING)

    def search(self, text: str):
        """Name search ignoring case and «ё»/«е», identical on SQLite and PostgreSQL."""
        return self.filter(name_search_q(text))


class Person(models.Model):
    """A person in the personified record: our staff or a partner's."""

    class Status(models.TextChoices):
        WORKING = "working", "Работает"
        LEFT = "left", "Уволен(а)"

    organization = models.ForeignKey(
        "mentorship.Organization", verbose_name="организация", on_delete=models.PROTECT, related_name="people"
    )
    last_name = models.CharField("фамилия", max_length=100)
    first_name = models.CharField("имя", max_length=100)
    middle_name = models.CharField("отчество", max_length=100, blank=True)
    search_name = models.CharField(max_length=310, editable=False, db_index=True, default="")
    personnel_number = models.CharField(
        "табельный номер", max_length=20, blank=True, help_text="Уникален в пределах организации."
    )
    position = models.ForeignKey(
        "mentorship.Position", verbose_name="должность", on_delete=models.PROTECT, related_name="people"
    )
    position_since = models.DateField("в должности с", null=True, blank=True)
    hired_on = models.DateField("дата приёма", null=True, blank=True)
    teaching_since = models.DateField(
        "педстаж исчисляется с",
        null=True,
        blank=True,
        help_text="Дата, от которой стаж растёт сам; задаётся через «стаж на дату».",
    )
    qualification_category = models.CharField(
        "квалификационная категория",
        max_length=20,
        choices=QualificationCategory.choices,
        default=QualificationCategory.NONE,
    )
    category_assigned_on = models.DateField("категория присвоена", null=True, blank=True)
    education = models.CharField("образование", max_length=20, choices=Education.choices, blank=True)
    education_details = models.CharField("учебное заведение, специальность", max_length=500, blank=True)
    phone = models.CharField("телефон", max_length=50, blank=True)
    email = models.EmailField("электронная почта", blank=True)
    status = models.CharField("статус", max_length=10, choices=Status.choices, default=Status.WORKING)
    left_on = models.DateField("дата увольнения", null=True, blank=True)
    # Orders decline names automatically; these override a library's mistake (blank — automatic).
    name_genitive = models.CharField("ФИО в родительном падеже (кого?)", max_length=300, blank=True)
    name_dative = models.CharField("ФИО в дательном падеже (кому?)", max_length=300, blank=True)
    name_accusative = models.CharField("ФИО в винительном падеже (кого?)", max_length=300, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="учётная запись",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
    )
    history = HistoricalRecords(excluded_fields=["search_name"])

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = "сотрудник"
        verbose_name_plural = "сотрудники"
        ordering = ["last_name", "first_name", "middle_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "personnel_number"],
                condition=~models.Q(personnel_number=""),
                name="unique_personnel_number_per_organization",
                violation_error_message="Табельный номер уже есть у другого сотрудника этой организации.",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(status="left", left_on__isnull=False) | models.Q(status="working", left_on__isnull=True)
                ),
                name="left_on_matches_status",
                violation_error_message="Дата увольнения указывается тогда и только тогда, когда сотрудник уволен.",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs):
        self.search_name = self.build_search_name()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("mentorship:person-detail", args=[self.pk])

    def build_search_name(self) -> str:
        """Also called by bulk writers, which skip `save()`."""
        return normalize_for_search(self.full_name)

    def clean(self):
        errors = {}
        today = timezone.localdate()
        if self.teaching_since and self.teaching_since > today:
            errors["teaching_since"] = "Стаж не может начинаться в будущем."
        if self.left_on and self.hired_on and self.left_on < self.hired_on:
            errors["left_on"] = "Дата увольнения раньше даты приёма."
        if self.status == self.Status.LEFT and not self.left_on:
            errors["left_on"] = "Укажите дату увольнения."
        if self.status == self.Status.WORKING and self.left_on:
            errors["left_on"] = "У работающего сотрудника не бывает даты увольнения."
        if errors:
            raise ValidationError(errors)

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.last_name, self.first_name, self.middle_name) if part)

    def in_case(self, case) -> str:
        """«Петровой С. Н.» — for the sentences of orders; a manual override wins."""
        from core.declension import Case, short_name_in_case

        override = {
            Case.GENITIVE: self.name_genitive,
            Case.DATIVE: self.name_dative,
            Case.ACCUSATIVE: self.name_accusative,
        }.get(case)
        return short_name_in_case(self.last_name, self.first_name, self.middle_name, case, override=override or None)

    @property
    def short_name(self) -> str:
        """«Петрова С. Н.»"""
        initials = " ".join(f"{part[0]}." for part in (self.first_name, self.middle_name) if part)
        return f"{self.last_name} {initials}".strip()

    @property
    def is_working(self) -> bool:
        return self.status == self.Status.WORKING

    def teaching_months(self, on: date | None = None) -> int | None:
        """Teaching experience in whole months on a day; it stops growing when the person leaves."""
        if self.teaching_since is None:
            return None
        on = on or timezone.localdate()
        if self.left_on and self.left_on < on:
            on = self.left_on
        return whole_months_between(self.teaching_since, on)

    @property
    def teaching_experience(self) -> str:
        months = self.teaching_months()
        return "—" if months is None else years_and_months(months)

    @property
    def teaching_years(self) -> int | None:
        months = self.teaching_months()
        return None if months is None else months // 12
