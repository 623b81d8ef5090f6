"""The staff registry: our organization and its partners, their people and posts, the staff
spreadsheets imported, and every export of personal data. Everything below mentoring: mentorship,
the records office and the rest build on these records and never the other way round."""

import re
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core.dates import whole_months_between, years_and_months
from core.models import ReferenceItem
from core.text import by_gender, normalize_for_search
from core.validators import validate_inn, validate_ogrn, validate_person_name


class Organization(models.Model):
    """Our kindergarten (exactly one per installation for now) or a partner organization.

    Everything documents print about the kindergarten lives here, never in code.
    """

    class Kind(models.TextChoices):
        OWN = "own", "Наша организация"
        SCHOOL = "school", "Школа"
        UNIVERSITY = "university", "Вуз"
        COLLEGE = "college", "Колледж"
        CULTURE = "culture", "Учреждение культуры"
        SPORTS = "sports", "Учреждение спорта"
        EMPLOYER = "employer", "Предприятие (работодатель)"
        OTHER = "other", "Другая организация"

    class PayRule(models.TextChoices):
        NONE = "none", "Не задана: размер вписывается в дополнительное соглашение вручную"
        FIXED = "fixed", "Фиксированная сумма в месяц"
        PERCENT = "percent", "Процент должностного оклада"

    kind = models.CharField("вид", max_length=20, choices=Kind.choices, default=Kind.OTHER)
    full_name = models.CharField("полное наименование", max_length=500)
    short_name = models.CharField("краткое наименование", max_length=200)
    address = models.CharField("адрес", max_length=500, blank=True)
    inn = models.CharField("ИНН", max_length=12, blank=True, validators=[validate_inn])
    ogrn = models.CharField("ОГРН", max_length=15, blank=True, validators=[validate_ogrn])
    phone = models.CharField("телефон", max_length=50, blank=True)
    email = models.EmailField("электронная почта", blank=True)
    website = models.URLField("официальный сайт", blank=True, help_text="Например, https://ds-lastochka.ru")
    head = models.ForeignKey(
        "people.Person",
        verbose_name="руководитель",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Подписывает приказы и утверждает решения в системе.",
    )
    mentor_capacity = models.PositiveSmallIntegerField(
        "наставляемых на одного наставника", default=2, help_text="Превышение — предупреждение, а не запрет."
    )
    mentor_min_experience_years = models.PositiveSmallIntegerField(
        "минимальный педстаж наставника, лет", default=5, help_text="Меньший стаж — предупреждение, а не запрет."
    )
    # The extra pay of ТК РФ ст. 351.8 for our own staff. Each additional agreement records the rule
    # in force when it was written; a later change here applies to new agreements only.
    mentor_pay_rule = models.CharField(
        "доплата наставнику",
        max_length=10,
        choices=PayRule.choices,
        default=PayRule.NONE,
        help_text=(
            "За каждого наставляемого в месяц (за группу из двух — вдвое); за неполный месяц — пропорционально "
            "календарным дням наставничества. Наставникам из организаций-партнёров не начисляется."
        ),
    )
    mentor_pay_amount = models.DecimalField(
        "сумма доплаты в месяц за одного наставляемого, руб.",
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    mentor_pay_percent = models.DecimalField(
        "доплата в процентах должностного оклада за одного наставляемого",
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text="Оклад наставника вносится в его запись в банке наставников.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "организация"
        verbose_name_plural = "организации"
        ordering = ["kind", "short_name"]
        constraints = [
            models.UniqueConstraint(fields=["kind"], condition=models.Q(kind="own"), name="single_own_organization"),
        ]

    def __str__(self) -> str:
        return self.short_name

    def clean(self):
        errors = {}
        if self.mentor_pay_rule == self.PayRule.FIXED and not self.mentor_pay_amount:
            errors["mentor_pay_amount"] = "Укажите сумму доплаты в месяц."
        if self.mentor_pay_rule == self.PayRule.PERCENT:
            if not self.mentor_pay_percent:
                errors["mentor_pay_percent"] = "Укажите процент оклада."
            elif self.mentor_pay_percent > 100:
                errors["mentor_pay_percent"] = (
                    "Больше 100 % оклада за одного наставляемого — это, скорее всего, опечатка."
                )
        if errors:
            raise ValidationError(errors)

    @property
    def is_own(self) -> bool:
        return self.kind == self.Kind.OWN

    @classmethod
    def own(cls) -> "Organization | None":
        return cls.objects.filter(kind=cls.Kind.OWN).select_related("head").first()

    @property
    def place(self) -> str:
        """Where its documents are issued: «г. Первоуральск» from the address, or nothing."""
        match = re.search(r"\b(г\.|с\.|пос\.|п\.|пгт)\s*[А-ЯЁ][^,]*", self.address or "")
        return match.group(0).strip() if match else ""


class Position(ReferenceItem):
    """A post. Only pedagogical posts count in the indicators (not the cook, not the assistant)."""

    is_pedagogical = models.BooleanField("педагогическая должность", default=True)
    is_deputy_head = models.BooleanField(
        "заместитель руководителя", default=False, help_text="Куратор назначается из заместителей руководителя (3.4)."
    )

    class Meta(ReferenceItem.Meta):
        verbose_name = "должность"
        verbose_name_plural = "должности"


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


def employed_q(day: date) -> models.Q:
    """Employed on `day`: hired by then (or with no date of hire) and not dismissed before it — the day
    of dismissal is the last working day; a dismissed person with no date counts as gone."""
    hired = models.Q(hired_on__isnull=True) | models.Q(hired_on__lte=day)
    staying = models.Q(left_on__gte=day) | models.Q(left_on__isnull=True, status=Person.Status.WORKING)
    return hired & staying


def pedagogical_staff_q(day: date) -> models.Q:
    """Our pedagogical staff on `day` (DOMAIN.md «Indicators for monitoring»): people of our own
    organization in a pedagogical post, employed that day. The one definition the home pages, the
    monitoring and the annual report count by."""
    return models.Q(organization__kind=Organization.Kind.OWN, position__is_pedagogical=True) & employed_q(day)


class PersonQuerySet(models.QuerySet):
    def working(self):
        return self.filter(status=Person.Status.WORKING)

    def pedagogical_staff(self, day: date):
        return self.filter(pedagogical_staff_q(day))

    def search(self, text: str):
        """Name search ignoring case and «ё»/«е», identical on SQLite and PostgreSQL."""
        return self.filter(name_search_q(text))


class Person(models.Model):
    """A person in the personified record: our staff or a partner's."""

    class Status(models.TextChoices):
        WORKING = "working", "Работает"
        LEFT = "left", "Уволен(а)"

    organization = models.ForeignKey(
        "people.Organization", verbose_name="организация", on_delete=models.PROTECT, related_name="people"
    )
    last_name = models.CharField("фамилия", max_length=100, validators=[validate_person_name])
    first_name = models.CharField("имя", max_length=100, validators=[validate_person_name])
    middle_name = models.CharField("отчество", max_length=100, blank=True, validators=[validate_person_name])
    search_name = models.CharField(max_length=310, editable=False, db_index=True, default="")
    personnel_number = models.CharField(
        "табельный номер", max_length=20, blank=True, help_text="Уникален в пределах организации."
    )
    position = models.ForeignKey(
        "people.Position", verbose_name="должность", on_delete=models.PROTECT, related_name="people"
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
        return reverse("people:person-detail", args=[self.pk])

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
        """«Петровой С.Н.» — for the sentences of orders; a manual override wins."""
        from core.declension import Case, short_name_in_case

        override = {
            Case.GENITIVE: self.name_genitive,
            Case.DATIVE: self.name_dative,
            Case.ACCUSATIVE: self.name_accusative,
        }.get(case)
        return short_name_in_case(self.last_name, self.first_name, self.middle_name, case, override=override or None)

    @property
    def gender(self) -> str | None:
        """ "male", "female", or None when the name does not tell (core.declension.gender_of)."""
        from core.declension import gender_of

        return gender_of(self.first_name, self.middle_name, last_name=self.last_name)

    def gendered(self, male: str, female: str) -> str:
        """The word that agrees with the person: «уволен» / «уволена» (core.text.by_gender)."""
        return by_gender(self.gender, male, female)

    @property
    def short_name(self) -> str:
        """«Петрова С.Н.»"""
        from core.declension import initials

        return " ".join(part for part in (self.last_name, initials(self.first_name, self.middle_name)) if part)

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


class ImportBatch(models.Model):
    """An uploaded staff spreadsheet between its preview and its import (all rows or none)."""

    class Status(models.TextChoices):
        PREVIEW = "preview", "Проверен, ждёт загрузки"
        APPLIED = "applied", "Загружен"

    organization = models.ForeignKey("people.Organization", verbose_name="организация", on_delete=models.CASCADE)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="кто загрузил", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("загружен", auto_now_add=True)
    file_name = models.CharField("файл", max_length=255)
    # The file itself, as uploaded; and its rows as read once (people.imports.storable_rows), which the
    # preview and the import check again against the bank without reading the file a second time.
    content = models.BinaryField("содержимое")
    rows = models.JSONField("строки файла", default=list, editable=False)
    status = models.CharField("состояние", max_length=10, choices=Status.choices, default=Status.PREVIEW)
    applied_at = models.DateTimeField("применён", null=True, blank=True)
    created_count = models.PositiveIntegerField("добавлено", default=0)
    updated_count = models.PositiveIntegerField("обновлено", default=0)
    unchanged_count = models.PositiveIntegerField("без изменений", default=0)

    class Meta:
        verbose_name = "загрузка списка сотрудников"
        verbose_name_plural = "загрузки списка сотрудников"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.file_name


class ExportLog(models.Model):
    """Every export of personal data: who took it out of the system, what, and when (152-ФЗ)."""

    exported_at = models.DateTimeField("выгружено", auto_now_add=True)
    exported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="кем", on_delete=models.PROTECT, related_name="+"
    )
    what = models.CharField("что выгружено", max_length=200)
    rows = models.PositiveIntegerField("строк", default=0)

    class Meta:
        verbose_name = "выгрузка банка"
        verbose_name_plural = "журнал выгрузок банка"
        ordering = ["-exported_at"]

    def __str__(self) -> str:
        return f"{self.what} — {timezone.localtime(self.exported_at):%d.%m.%Y %H:%M}"
