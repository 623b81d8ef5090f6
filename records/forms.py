import django_filters
from django import forms

from core.files import ScanField
from core.forms import DateField

from . import kinds
from .journal import REASON_REQUIRED, retroactive_warnings
from .models import Order


class ScanForm(forms.Form):
    scan = ScanField(label="Скан подписанного приказа (PDF, JPG или PNG)")


class OrderNewForm(forms.Form):
    # The kinds an issuing app drafts from its records (records.kinds), read when the form is built.
    kind = forms.ChoiceField(label="Приказ", choices=kinds.draftable, widget=forms.RadioSelect)
    date = DateField(label="Дата приказа", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))


class OrderDraftForm(forms.Form):
    date = DateField(label="Дата приказа", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    heading = forms.CharField(label="Заголовок", max_length=500)
    preamble = forms.CharField(label="Преамбула (основание)", widget=forms.Textarea(attrs={"rows": 3}))
    clauses = forms.CharField(
        label="Пункты",
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Каждый пункт — с новой строки; номера проставятся сами.",
    )


class RegisterForm(forms.Form):
    """The head registers a project; when it departs from the journal (records.journal), the form
    lists why and asks for the reason, which is stored on the order."""

    reason = forms.CharField(
        label="Причина отступления от журнала",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Сохранится в приказе, в реестре приказов и в истории изменений.",
    )

    def __init__(self, *args, order: Order, **kwargs):
        super().__init__(*args, **kwargs)
        self.warnings = retroactive_warnings(order)
        if not self.warnings:
            del self.fields["reason"]

    def clean(self):
        data = super().clean()
        if self.warnings and not data.get("reason", "").strip():
            self.add_error("reason", REASON_REQUIRED)
        return data


class VoidForm(forms.Form):
    """The head withdraws a project; the reason stays with it in the register."""

    reason = forms.CharField(
        label="Причина отзыва",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Сохранится в проекте, в реестре приказов и в истории изменений.",
    )


class JournalForm(forms.Form):
    next_number = forms.IntegerField(label="Следующий номер", min_value=1, max_value=2**31 - 1)
    suffix = forms.CharField(label="Окончание номера", max_length=20, required=False, help_text="Например, «-ОД».")


class OrderFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(label="Вид", choices=kinds.choices, empty_label="Все")
    year = django_filters.NumberFilter(label="Год")
    status = django_filters.ChoiceFilter(label="Состояние", choices=Order.Status.choices, empty_label="Все")

    class Meta:
        model = Order
        fields = []
