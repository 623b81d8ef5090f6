import django_filters
from django import forms

from core.files import ScanField
from core.forms import DateField

from . import kinds
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
