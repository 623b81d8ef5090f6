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

    @property
    def is_own(self) -> bool:
        return self.kind == self.Kind.OWN

    @classmethod
    def own(cls) -> "Organization | None":
        return cls.objects.filter(kind=cls.Kind.OWN).select_related("head").first()
