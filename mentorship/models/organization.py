from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from core.validators import validate_inn, validate_ogrn


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
    head = models.ForeignKey(
        "mentorship.Person",
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

    def get_absolute_url(self) -> str:
        return reverse("mentorship:organization-list")

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
