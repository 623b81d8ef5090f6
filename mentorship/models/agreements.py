"""Paperwork behind a mentor (ТК РФ ст. 351.8): our own employee's additional agreement to the
employment contract, written when an order fixes a pair; a partner organization's cooperation
agreement, under which its people mentor here without our order's pay."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core.files import random_file_name, validate_scan
from core.text import decimal_text, rubles_in_words
from people.models import Organization

KOPECK = Decimal("0.01")


def rubles(value: Decimal) -> str:
    """«12 345,67»: how a sum is written in Russian documents."""
    return decimal_text(value, 2)


def percent(value: Decimal) -> str:
    """«10», «12,5»: a percentage without trailing zeros."""
    return decimal_text(value)


class MentoringAgreement(models.Model):
    """An additional agreement to a mentor's employment contract (дополнительное соглашение).

    Written by the service that registers the order: its content — parties, mentees, content,
    term, form, pay — is taken from the records at that moment and never changes afterwards, as an
    order's text does not. The clerk fills in the requisites only: the agreement's number and date,
    and the number and date of the employment contract it amends.
    """

    class Kind(models.TextChoices):
        ASSIGNMENT = "assignment", "О возложении обязанностей наставника"
        TERM = "term", "Об изменении срока наставничества"
        # Ends the agreement it amends when the mentor is replaced or the pair ends early: the
        # additional work (ст. 351.8 ТК РФ) stops by an agreement of the sides, as it began.
        END = "end", "О прекращении выполнения обязанностей наставника (дополнительной работы)"

    pairing = models.ForeignKey(
        "mentorship.Pairing", verbose_name="пара", on_delete=models.PROTECT, related_name="agreements"
    )
    mentor = models.ForeignKey(
        "mentorship.Mentor", verbose_name="наставник", on_delete=models.PROTECT, related_name="agreements"
    )
    order = models.ForeignKey(
        "records.Order", verbose_name="приказ", on_delete=models.PROTECT, related_name="agreements"
    )
    kind = models.CharField("вид", max_length=12, choices=Kind.choices, default=Kind.ASSIGNMENT)
    amends = models.OneToOneField(
        "self",
        verbose_name="изменяет соглашение",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="amended_by",
    )
    # Requisites the clerk fills in; blank until then (the document prints a line to write on).
    number = models.CharField("номер соглашения", max_length=40, blank=True)
    date = models.DateField("дата соглашения", help_text="Когда подписано; сначала — дата приказа.")
    contract_number = models.CharField("номер трудового договора", max_length=40, blank=True)
    contract_date = models.DateField("дата трудового договора", null=True, blank=True)
    # The mentor's term under this agreement; it ends earlier when the mentor is replaced.
    starts_on = models.DateField("наставничество с")
    ends_on = models.DateField("наставничество по")
    ended_on = models.DateField(
        "последний день наставничества",
        null=True,
        blank=True,
        help_text="Заполняется, когда наставника заменили или пару прекратили досрочно.",
    )
    # The pay as agreed (a snapshot of the organization's rule on the day of the order).
    pay_rule = models.CharField("доплата", max_length=10, choices=Organization.PayRule.choices)
    pay_amount = models.DecimalField(
        "сумма в месяц за одного наставляемого, руб.", max_digits=10, decimal_places=2, null=True, blank=True
    )
    pay_percent = models.DecimalField(
        "процент оклада за одного наставляемого", max_digits=5, decimal_places=2, null=True, blank=True
    )
    mentees_count = models.PositiveSmallIntegerField("наставляемых")
    # The text as written from the records (names in the cases the sentences need).
    employer = models.CharField("работодатель", max_length=500)
    employee = models.CharField("работник", max_length=300)
    parties = models.TextField("стороны")
    clauses = models.JSONField("пункты", default=list)
    employer_signer_position = models.CharField("должность подписывающего от работодателя", max_length=200)
    employer_signer_name = models.CharField("подписывает от работодателя", max_length=200)
    employee_signer_name = models.CharField("подписывает работник", max_length=200)
    created_at = models.DateTimeField("составлено", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="составил", on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "дополнительное соглашение к трудовому договору"
        verbose_name_plural = "дополнительные соглашения к трудовым договорам"
        ordering = ["date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="agreement_ends_after_start",
                violation_error_message="Окончание наставничества раньше начала.",
            ),
        ]

    def __str__(self) -> str:
        number = f"№ {self.number} " if self.number else ""
        return f"Дополнительное соглашение {number}от {self.date:%d.%m.%Y} — {self.employee_signer_name}"

    def get_absolute_url(self) -> str:
        return reverse("mentorship:agreement-pdf", args=[self.pk])

    def clean(self):
        if self.contract_date and self.date and self.contract_date > self.date:
            raise ValidationError({"contract_date": "Трудовой договор не может быть заключён позже соглашения к нему."})

    @property
    def last_day(self):
        """The last day the mentor mentors under this agreement, as far as it is known now."""
        ends = [self.ends_on]
        if self.ended_on:
            ends.append(self.ended_on)
        if self.pairing.ended_on:
            ends.append(self.pairing.ended_on)
        return min(ends)

    def monthly_pay(self, salary: Decimal | None) -> Decimal | None:
        """The whole month's extra pay under this agreement; None when it cannot be computed
        (no rule, or a percentage of an unknown salary)."""
        if self.pay_rule == Organization.PayRule.FIXED and self.pay_amount:
            return self.pay_amount * self.mentees_count
        if self.pay_rule == Organization.PayRule.PERCENT and self.pay_percent and salary:
            return salary * self.pay_percent / 100 * self.mentees_count
        return None

    def pay_text(self) -> str:
        """The pay clause's figure, as the agreement words it."""
        many = self.mentees_count > 1
        if self.pay_rule == Organization.PayRule.FIXED and self.pay_amount:
            whole = self.pay_amount * self.mentees_count
            total = f" (всего {rubles(whole)} руб. ({rubles_in_words(whole)}) в месяц)" if many else ""
            return (
                f"{rubles(self.pay_amount)} руб. ({rubles_in_words(self.pay_amount)}) в месяц за каждого "
                f"наставляемого{total}"
            )
        if self.pay_rule == Organization.PayRule.PERCENT and self.pay_percent:
            total = f" (всего {percent(self.pay_percent * self.mentees_count)} % оклада)" if many else ""
            return f"{percent(self.pay_percent)} % должностного оклада в месяц за каждого наставляемого{total}"
        return "________ руб. в месяц"

    def rendered_clauses(self) -> list[str]:
        """The clauses, with the agreements this one changes named by their requisites as they
        are now (the clerk may number them after this one was written)."""
        if self.amends_id is None:
            return list(self.clauses)
        first = amended = self.amends
        while first.amends_id is not None:
            first = first.amends
        return [
            clause.replace("{first}", first.reference).replace("{amended}", amended.reference)
            for clause in self.clauses
        ]

    @property
    def reference(self) -> str:
        """«от 24.11.2026 № 12»: how another document names this agreement."""
        return f"от {self.date:%d.%m.%Y}" + (f" № {self.number}" if self.number else "")

    @property
    def order_reference(self) -> str:
        """«№ 12 от 24.11.2026»: how an order names this agreement; «№ ______ от ______» while the clerk
        has not numbered it (its date is the order's until then, not the signed one)."""
        if not self.number:
            return "№ ______ от ______"
        return f"№ {self.number} от {self.date:%d.%m.%Y}"

    @property
    def is_current(self) -> bool:
        """Not replaced by a later agreement changing its term or ending it."""
        return not hasattr(self, "amended_by")

    @property
    def is_ending(self) -> bool:
        """An agreement that ends another, not one that sets work and pay."""
        return self.kind == self.Kind.END

    @property
    def ended_by_agreement(self) -> bool:
        """Ended by an agreement «О прекращении …» rather than changed by one."""
        return not self.is_current and self.amended_by.is_ending


def cooperation_scan_path(instance, filename: str) -> str:
    return random_file_name("cooperation-agreements", filename)


class CooperationAgreement(models.Model):
    """A cooperation agreement (договор о сотрудничестве, о сетевом взаимодействии) with a partner
    organization (3.3 of the regulation): its people mentor here under it, not under our order's pay."""

    partner = models.ForeignKey(
        "people.Organization",
        verbose_name="организация-партнёр",
        on_delete=models.PROTECT,
        related_name="cooperation_agreements",
    )
    number = models.CharField("номер договора", max_length=40)
    signed_on = models.DateField("дата договора")
    valid_until = models.DateField("действует до", null=True, blank=True, help_text="Пусто — бессрочно.")
    subject = models.CharField(
        "предмет",
        max_length=500,
        blank=True,
        help_text="Например: «о сетевом взаимодействии в сфере наставничества педагогических работников».",
    )
    scan = models.FileField("скан договора", upload_to=cooperation_scan_path, blank=True, validators=[validate_scan])
    created_at = models.DateTimeField("записан", default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="записал", on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "договор о сотрудничестве"
        verbose_name_plural = "договоры о сотрудничестве"
        ordering = ["-signed_on", "-pk"]

    def __str__(self) -> str:
        return f"Договор № {self.number} от {self.signed_on:%d.%m.%Y} с {self.partner.short_name}"

    def clean(self):
        errors = {}
        if self.partner_id and self.partner.is_own:
            errors["partner"] = "Договор о сотрудничестве заключается с организацией-партнёром, а не с самими собой."
        if self.valid_until and self.signed_on and self.valid_until < self.signed_on:
            errors["valid_until"] = "Срок действия кончается раньше даты договора."
        if errors:
            raise ValidationError(errors)

    def covers(self, starts_on, ends_on) -> bool:
        """In force on at least one day of the term."""
        return self.signed_on <= ends_on and (self.valid_until is None or self.valid_until >= starts_on)
