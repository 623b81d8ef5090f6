from crispy_forms.helper import FormHelper
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.files import ScanField
from core.forms import DateField, DateInput, StyledModelForm
from people.forms import own_staff
from people.models import Person
from records.models import Order

from .models import (
    CooperationAgreement,
    Mentee,
    MenteeCategory,
    Mentor,
    MentoringAgreement,
    PairChange,
    Pairing,
    PublicationConsent,
    PublishableData,
)
from .order_bases import REPLACE, TERMINATE, bases_for
from .payroll import month_bounds
from .services.pair_orders import REPLACEMENT_GROUNDS


def offer_people_not_yet_in(form, bank: str) -> None:
    """A new record offers working people not yet in that bank; an existing one keeps its person."""
    if form.instance.pk:
        del form.fields["person"]
        return
    form.fields["person"].queryset = (
        Person.objects.working().filter(**{f"{bank}__isnull": True}).select_related("position", "organization")
    )
    form.fields["person"].label_from_instance = lambda p: f"{p.full_name} — {p.position}, {p.organization}"


class MentorForm(StyledModelForm):
    class Meta:
        model = Mentor
        fields = [
            "person",
            "directions",
            "competencies",
            "capacity",
            "salary",
            "consent_given_on",
            "consent_scan",
            "is_active",
            "note",
        ]
        field_classes = {"consent_scan": ScanField}
        widgets = {
            "directions": forms.CheckboxSelectMultiple,
            "competencies": forms.Textarea(attrs={"rows": 3}),
            "note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer_people_not_yet_in(self, "mentor")


class MenteeForm(StyledModelForm):
    class Meta:
        model = Mentee
        fields = [
            "person",
            "category",
            "difficulties",
            "request",
            "strengths",
            "consent_given_on",
            "consent_scan",
            "is_active",
            "note",
        ]
        field_classes = {"consent_scan": ScanField}
        widgets = {
            "difficulties": forms.Textarea(attrs={"rows": 3}),
            "request": forms.Textarea(attrs={"rows": 2}),
            "strengths": forms.Textarea(attrs={"rows": 2}),
            "note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer_people_not_yet_in(self, "mentee")


class MentorProfessionalForm(StyledModelForm):
    """The council's part of a mentor's record (mentorship.roles.PROFESSIONAL_KEEPERS)."""

    class Meta:
        model = Mentor
        fields = ["directions", "competencies", "note"]
        widgets = MentorForm.Meta.widgets


class MenteeProfessionalForm(StyledModelForm):
    """The council's part of a mentee's record (mentorship.roles.PROFESSIONAL_KEEPERS)."""

    class Meta:
        model = Mentee
        fields = ["strengths", "note"]
        widgets = {"strengths": forms.Textarea(attrs={"rows": 3}), "note": forms.Textarea(attrs={"rows": 2})}


class PublicationConsentForm(StyledModelForm):
    data = forms.MultipleChoiceField(
        label="Какие данные можно публиковать на сайте",
        choices=PublishableData.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = PublicationConsent
        fields = ["data", "given_on", "valid_until", "scan"]
        field_classes = {"scan": ScanField}


class PublicationWithdrawForm(forms.Form):
    withdrawn_on = DateField(label="Дата отзыва", widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["withdrawn_on"].initial = timezone.localdate()
        self.helper = FormHelper()
        self.helper.form_tag = False


class RefreshForm(forms.Form):
    """One row per candidate: include? in which category?"""

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.candidates = candidates
        # One query for every row's select: a ModelChoiceField per row would query per row.
        self.categories = {str(c.pk): c for c in MenteeCategory.objects.filter(is_active=True)}
        choices = [("", "—"), *((pk, c.name) for pk, c in self.categories.items())]
        by_name = {c.name: pk for pk, c in self.categories.items()}
        self.rows = []
        for candidate in candidates:
            pk = candidate.person.pk
            self.fields[f"add_{pk}"] = forms.BooleanField(label="Включить", required=False, initial=True)
            self.fields[f"category_{pk}"] = forms.ChoiceField(
                label="Категория", choices=choices, initial=by_name.get(candidate.category_name), required=False
            )
            self.rows.append((candidate, self[f"add_{pk}"], self[f"category_{pk}"]))

    def clean(self):
        data = super().clean()
        for candidate in self.candidates:
            pk = candidate.person.pk
            if data.get(f"add_{pk}") and not data.get(f"category_{pk}"):
                self.add_error(f"category_{pk}", "Выберите категорию.")
        return data

    def additions(self):
        return [
            (candidate.person, self.categories[self.cleaned_data[f"category_{candidate.person.pk}"]])
            for candidate in self.candidates
            if self.cleaned_data.get(f"add_{candidate.person.pk}")
        ]


class CuratorAppointForm(forms.Form):
    person = forms.ModelChoiceField(label="Куратор", queryset=Person.objects.none())
    appointed_on = DateField(label="Назначить с", widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = own_staff()
        self.fields["person"].label_from_instance = lambda p: f"{p.full_name} — {p.position}"
        self.fields["appointed_on"].initial = timezone.localdate()
        self.helper = FormHelper()
        self.helper.form_tag = False


class CouncilProposeForm(forms.Form):
    person = forms.ModelChoiceField(label="Предложить в состав", queryset=Person.objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = own_staff().exclude(council_memberships__status__in=["proposed", "member"])
        self.fields["person"].label_from_instance = lambda p: f"{p.full_name} — {p.position}"
        self.helper = FormHelper()
        self.helper.form_tag = False


class PairingForm(StyledModelForm):
    mentor = forms.ModelChoiceField(label="Наставник", queryset=Mentor.objects.none())
    mentees = forms.ModelMultipleChoiceField(
        label="Наставляемые",
        queryset=Mentee.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Один — пара; двое и больше — группа.",
    )

    class Meta:
        model = Pairing
        fields = ["mentor", "mentees", "direction", "forms", "starts_on", "planned_end_on", "note"]
        widgets = {"forms": forms.CheckboxSelectMultiple, "note": forms.Textarea(attrs={"rows": 2})}
        help_texts = {
            "starts_on": "Для новой пары предложен следующий рабочий день.",
            "planned_end_on": "Не больше 12 месяцев от начала; для новой пары предложен наибольший срок — "
            "сократите, если пара создаётся на меньший.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentor"].queryset = (
            Mentor.objects.filter(is_active=True, person__status=Person.Status.WORKING)
            .select_related("person__position", "person__organization")
            .order_by("person__last_name", "person__first_name")
        )
        self.fields["mentor"].label_from_instance = lambda m: (
            f"{m.person.full_name} — {m.person.position}, {m.person.organization}"
        )
        self.fields["mentees"].queryset = (
            Mentee.objects.filter(is_active=True, person__status=Person.Status.WORKING)
            .select_related("person__position", "category")
            .order_by("person__last_name", "person__first_name")
        )
        self.fields["mentees"].label_from_instance = lambda m: (
            f"{m.person.full_name} — {m.person.position}, {m.category}"
        )


class PairingConsentForm(forms.Form):
    person = forms.ModelChoiceField(label="Участник", queryset=Person.objects.none())
    given_on = DateField(label="Дата согласия", widget=DateInput())
    scan = ScanField(label="Скан (PDF, JPG или PNG)", required=False)

    def __init__(self, *args, participants, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.filter(pk__in=[p.pk for p in participants])
        self.fields["given_on"].initial = timezone.localdate()
        self.helper = FormHelper()
        self.helper.form_tag = False


class OrderBasisMixin:
    """The optional «На основании» of a pair order: another app's document that waits for this order
    (mentorship.order_bases); no field when nothing waits."""

    basis_action = ""

    def add_basis_field(self, pairing):
        waiting = bases_for(pairing, self.basis_action)
        # A decision an order's project already carries out waits for that project (services.pair_orders).
        held = set(
            PairChange.objects.filter(
                basis_key__in=[basis.key for basis in waiting], order__status=Order.Status.DRAFT
            ).values_list("basis_key", flat=True)
        )
        choices = [(basis.key, basis.label) for basis in waiting if basis.key not in held]
        if choices:
            self.fields["basis"] = forms.ChoiceField(
                label="На основании",
                choices=[("", "— только этой формы —"), *choices],
                required=False,
                help_text="Приказ назовёт это решение в преамбуле, а решение — этот приказ.",
            )
            self.order_fields(["basis", *[name for name in self.fields if name != "basis"]])


class PairingTerminateForm(OrderBasisMixin, forms.Form):
    basis_action = TERMINATE

    initiator = forms.ChoiceField(label="Инициатор", choices=Pairing.Initiator.choices, widget=forms.RadioSelect)
    notice_on = DateField(label="Дата письменного уведомления", widget=DateInput())
    ends_on = DateField(
        label="Последний день наставничества",
        widget=DateInput(),
        help_text=(
            "Не раньше третьего рабочего дня после уведомления (выходные и праздники не считаются). "
            "Доплата выплачивается по этот день включительно."
        ),
    )
    reason = forms.CharField(
        label="Причина",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=(
            "Например: наставник увольняется; просьба наставляемого. Остаётся в записи пары; в приказ, который "
            "читает весь коллектив, не попадает — приказ называет основание: уведомление и его дату."
        ),
    )

    def __init__(self, *args, pairing=None, **kwargs):  # every form of a pair order takes the pair
        super().__init__(*args, **kwargs)
        if pairing is not None:
            self.add_basis_field(pairing)
        self.helper = FormHelper()
        self.helper.form_tag = False


class PairingReplaceForm(OrderBasisMixin, forms.Form):
    basis_action = REPLACE

    new_mentor = forms.ModelChoiceField(label="Новый наставник", queryset=Mentor.objects.none())
    grounds = forms.ChoiceField(label="Основание", widget=forms.RadioSelect)
    details = forms.CharField(
        label="Подробности",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Остаются в истории пары; в приказе — только основание (решение работодателя, увольнение).",
    )
    initiator = forms.ChoiceField(
        label="Кто письменно уведомил",
        choices=Pairing.Initiator.choices,
        widget=forms.RadioSelect,
        required=False,
        help_text="Наставник — работодателя или работодатель — наставника. При увольнении наставника не нужно.",
    )
    notice_on = DateField(
        label="Дата письменного уведомления",
        widget=DateInput(),
        required=False,
        help_text=(
            "Прежний наставник выполняет обязанности ещё 3 рабочих дня после уведомления (ст. 351.8 ТК РФ); "
            "выходные и праздники не считаются. При увольнении не нужно."
        ),
    )
    left_on = DateField(
        label="Последний день работы прежнего наставника",
        widget=DateInput(),
        required=False,
        help_text="Только при увольнении: день прекращения трудового договора. Новый наставник — со следующего дня.",
    )
    consent_on = DateField(label="Письменное согласие нового наставника от", widget=DateInput())
    starts_on = DateField(label="Заменить с", widget=DateInput(), help_text="Срок наставничества не меняется.")

    def __init__(self, *args, pairing, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_mentor"].queryset = (
            Mentor.objects.filter(is_active=True, person__status=Person.Status.WORKING)
            .exclude(pk=pairing.mentor_id)
            .select_related("person__position", "person__organization")
            .order_by("person__last_name", "person__first_name")
        )
        self.fields["new_mentor"].label_from_instance = lambda m: f"{m.person.full_name} — {m.person.position}"
        self.fields["grounds"].choices = [(key, f"В связи с {text}") for key, text in REPLACEMENT_GROUNDS.items()]
        self.fields["left_on"].initial = pairing.mentor.person.left_on
        # Each mentee consents in writing to the new mentor, as the new mentor does (ст. 351.8 ТК РФ, 3.3).
        self.mentees = list(pairing.mentees.select_related("person").order_by("person__last_name", "pk"))
        for mentee in self.mentees:
            self.fields[self.consent_field(mentee)] = DateField(
                label=f"Письменное согласие на нового наставника: {mentee.person.full_name}, от",
                widget=DateInput(),
            )
        self.order_fields(
            ["new_mentor", "grounds", "details", "initiator", "notice_on", "left_on", "consent_on"]
            + [self.consent_field(mentee) for mentee in self.mentees]
        )
        self.fields["starts_on"].initial = timezone.localdate()
        self.add_basis_field(pairing)
        self.helper = FormHelper()
        self.helper.form_tag = False

    @staticmethod
    def consent_field(mentee) -> str:
        return f"mentee_consent_{mentee.pk}"

    def clean(self):
        """The service takes the mentees' consents as one mapping: mentee → date."""
        cleaned = super().clean()
        cleaned["mentee_consents"] = {mentee: cleaned.pop(self.consent_field(mentee), None) for mentee in self.mentees}
        return cleaned


class PairingExtendForm(forms.Form):
    new_end_on = DateField(label="Продлить до", widget=DateInput(), help_text="Всего не больше 12 месяцев.")
    agreed_on = DateField(label="Взаимное согласие сторон от", widget=DateInput())

    def __init__(self, *args, pairing, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class AgreementRequisitesForm(StyledModelForm):
    """The clerk's part of an additional agreement: its number and date, the contract's."""

    class Meta:
        model = MentoringAgreement
        fields = ["number", "date", "contract_number", "contract_date"]


class CooperationAgreementForm(StyledModelForm):
    class Meta:
        model = CooperationAgreement
        fields = ["number", "signed_on", "valid_until", "subject", "scan"]
        field_classes = {"scan": ScanField}


class PayrollMonthForm(forms.Form):
    """`?month=2026-03`; the browser shows a month picker."""

    month = forms.RegexField(
        label="Месяц",
        regex=r"^\d{4}-\d{2}$",
        error_messages={"invalid": "Выберите месяц: год и месяц, например 2026-03."},
        widget=forms.TextInput(attrs={"type": "month"}),
    )

    def clean_month(self):
        text = self.cleaned_data["month"]
        year, month = (int(part) for part in text.split("-"))
        try:
            month_bounds(year, month)
        except ValueError as error:
            raise ValidationError("Такого месяца нет.") from error
        return year, month


class RegisterDateForm(forms.Form):
    """`?date=2026-11-30` for the register of pairs and groups; today when not given."""

    date = DateField(
        label="На дату",
        required=False,
        error_messages={"invalid": "Введите дату полностью: день, месяц и год, например 30.11.2026."},
    )

    def day(self):
        """The chosen date, or today; None when what was typed is not a date (the errors say why)."""
        if not self.is_bound:
            return timezone.localdate()
        if not self.is_valid():
            return None
        return self.cleaned_data["date"] or timezone.localdate()
