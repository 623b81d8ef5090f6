from django import forms
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.dates import add_months, whole_months_between
from core.declension import Case, UnknownGenderError, decline_full_name
from core.forms import DateField, DateInput, StyledModelForm, https_by_default

from .imports import MAX_IMPORT_BYTES
from .models import Organization, Person
from .services import may_hand_over_head


class PersonForm(StyledModelForm):
    """Teaching experience is entered as «N лет M мес. на дату» and stored as the date it counts from."""

    experience_years = forms.IntegerField(label="Педстаж: лет", min_value=0, max_value=60, required=False)
    experience_months = forms.IntegerField(label="и месяцев", min_value=0, max_value=11, required=False)
    experience_on = DateField(
        label="на дату", required=False, widget=DateInput(), help_text="Пусто — на сегодня. Дальше стаж растёт сам."
    )

    class Meta:
        model = Person
        fields = [
            "last_name",
            "first_name",
            "middle_name",
            "organization",
            "personnel_number",
            "position",
            "position_since",
            "hired_on",
            "qualification_category",
            "category_assigned_on",
            "education",
            "education_details",
            "phone",
            "email",
            "status",
            "left_on",
            "name_genitive",
            "name_dative",
            "name_accusative",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.fields["organization"].initial = Organization.objects.filter(kind=Organization.Kind.OWN).first()
            return
        # The card of someone known: «Уволена» agrees with her; a new card keeps «Уволен(а)».
        self.fields["status"].choices = [
            (value, self.instance.gendered("Уволен", "Уволена") if value == Person.Status.LEFT else label)
            for value, label in self.fields["status"].choices
        ]
        if self.instance.teaching_since:
            today = timezone.localdate()
            months = whole_months_between(self.instance.teaching_since, today)
            self.initial.setdefault("experience_years", months // 12)
            self.initial.setdefault("experience_months", months % 12)
            self.initial.setdefault("experience_on", today)

    # The name's case forms are computed (core.declension); the form shows them as text and takes a
    # correction only on request («исправить падежи»). A blank correction keeps the computed form, which
    # the orders decline afresh from the name, so a new surname after a marriage needs no retyping.
    CASE_FIELDS = {"name_genitive": Case.GENITIVE, "name_dative": Case.DATIVE, "name_accusative": Case.ACCUSATIVE}

    @property
    def other_fields(self) -> list:
        return [field for field in self.visible_fields() if field.name not in self.CASE_FIELDS]

    @property
    def case_fields(self) -> list:
        return [self[name] for name in self.CASE_FIELDS]

    @property
    def computed_cases(self) -> list[tuple[str, str]]:
        """(the case's name, the full name in it as computed) for the name typed or stored; empty
        until there is a name."""
        source = self.data if self.is_bound else {}
        parts = [
            " ".join(str(source.get(name, getattr(self.instance, name)) or "").split())
            for name in ("last_name", "first_name", "middle_name")
        ]
        if not parts[0] or not parts[1]:
            return []
        computed = []
        for case in self.CASE_FIELDS.values():
            try:
                value = decline_full_name(*parts, case)
            except UnknownGenderError:
                value = "не вычисляется: по имени не понять, мужское оно или женское — исправьте вручную"
            computed.append((case.label, value))
        return computed

    @property
    def cases_corrected(self) -> bool:
        """Open the corrections when one is stored or typed, or a field has an error."""
        source = self.data if self.is_bound else {}
        return any(
            str(source.get(name, getattr(self.instance, name)) or "").strip() or self[name].errors
            for name in self.CASE_FIELDS
        )

    def clean(self):
        data = super().clean()
        years, months = data.get("experience_years"), data.get("experience_months")
        if years is None and months is None:
            self.instance.teaching_since = None
        else:
            on = data.get("experience_on") or timezone.localdate()
            if on > timezone.localdate():
                self.add_error("experience_on", "Дата не может быть в будущем.")
            else:
                self.instance.teaching_since = add_months(on, -((years or 0) * 12 + (months or 0)))
        return data


class StaffFileForm(forms.Form):
    file = forms.FileField(
        label="Файл со списком сотрудников",
        help_text="XLSX или CSV (UTF-8 с запятыми или «CSV (разделители — точка с запятой)» из Excel), до 5 МБ.",
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise ValidationError("Файл больше 5 МБ: это не похоже на список сотрудников.")
        return upload


def own_staff():
    return (
        Person.objects.working()
        .filter(organization__kind=Organization.Kind.OWN)
        .select_related("position")
        .order_by("last_name", "first_name")
    )


def reference_form_class(model):
    """One form for every reference list: name, its own fields (flags, a direction's keywords), use, order."""
    common = {"id", "name", "is_active", "sort_order"}
    extra = [f.name for f in model._meta.fields if f.editable and f.name not in common]
    return forms.modelform_factory(model, form=StyledModelForm, fields=["name", *extra, "is_active", "sort_order"])


class PartnerOrganizationForm(StyledModelForm):
    class Meta:
        model = Organization
        formfield_callback = https_by_default  # «ds5.ru» is taken as https://ds5.ru
        fields = ["kind", "full_name", "short_name", "address", "inn", "ogrn", "phone", "email", "website"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Our own kindergarten is one record, edited in its settings, never created here.
        self.fields["kind"].choices = [
            choice for choice in Organization.Kind.choices if choice[0] != Organization.Kind.OWN
        ]


class OrganizationSettingsForm(StyledModelForm):
    """The requisites and the mentoring settings for those who keep them; the head's field only for
    the head, who hands the post over to a successor (people.services.may_hand_over_head)."""

    class Meta:
        model = Organization
        formfield_callback = https_by_default  # «ds5.ru» is taken as https://ds5.ru
        fields = [
            "full_name",
            "short_name",
            "address",
            "inn",
            "ogrn",
            "phone",
            "email",
            "website",
            "head",
            "mentor_capacity",
            "mentor_min_experience_years",
            "mentor_pay_rule",
            "mentor_pay_amount",
            "mentor_pay_percent",
        ]
        widgets = {"mentor_pay_rule": forms.RadioSelect}

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_hand_over_head(organization=self.instance, actor=actor):
            # Not offered, so a posted head is ignored: the instance keeps the one it has.
            del self.fields["head"]
            return
        head = self.fields["head"]
        head.queryset = own_staff().exclude(user__is_superuser=True)
        head.required = True
        head.label_from_instance = lambda p: f"{p.full_name} — {p.position}"
        head.help_text = (
            "Чтобы передать должность, выберите преемника. После сохранения руководителем в системе станет он: "
            "эта страница, назначение куратора и утверждение решений перейдут к нему."
        )


class EmployeeChoiceField(forms.ModelChoiceField):
    """«Сотрудник» whose login this is: offers the working employees who have no login yet. An
    employee outside the offer is still found when posted, so that the refusal says why
    (people.services.login_link_errors) instead of «select a valid choice»."""

    def __init__(self, **kwargs):
        offered = (
            Person.objects.working()
            .filter(user__isnull=True)
            .select_related("position", "organization")
            .order_by("organization__kind", "last_name", "first_name", "middle_name")
        )
        kwargs.setdefault("label", "Сотрудник")
        kwargs.setdefault(
            "help_text",
            "Чья это учётная запись: роли сотрудника (наставник, куратор и другие) перейдут к ней. "
            "Привязку не отменить; ненужную учётную запись отключают.",
        )
        super().__init__(queryset=offered, required=False, **kwargs)

    def label_from_instance(self, person):
        return f"{person.full_name} — {person.position}, {person.organization}"

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return Person.objects.get(pk=value)
        except (ValueError, TypeError, ValidationError, Person.DoesNotExist) as error:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice") from error


class LoginCreateForm(forms.Form):
    """«Создать вход»: the username, proposed from the name (people.logins) and editable."""

    username = forms.CharField(
        label="Логин",
        max_length=150,
        help_text="Латинские буквы, цифры и знаки . - _ ; предложен по ФИО, можно изменить.",
        validators=[UnicodeUsernameValidator(message="Логин: только буквы, цифры и знаки @ . + - _ без пробелов.")],
    )

    def clean_username(self):
        return self.cleaned_data["username"].strip()
