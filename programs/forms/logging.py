"""Forms of the log: an activity with evidence files, the mentee's answer, a one-off meeting, a release request.

The forms only collect and check the shape of the input; the rules are in the services, and a
refused form is shown again with everything typed (files must be chosen again: browsers never
keep them).
"""

from crispy_forms.helper import FormHelper
from django import forms
from django.db.models import Q
from django.utils import timezone

from core.forms import DateField, DateInput
from core.text import plural
from mentorship.models import MentoringForm
from people.models import Organization, Person

from .. import evidence
from ..models import ActivityRecord, Meeting, PlanItem, Program, ReleaseRequest


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class EvidenceFilesField(forms.FileField):
    """Several files at once; each checked by name, content and size (programs/evidence.py)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": evidence.ACCEPT}))
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        uploads = [upload for upload in (data if isinstance(data, list | tuple) else [data]) if upload]
        if len(uploads) > evidence.MAX_FILES:
            raise forms.ValidationError(
                f"Не больше {plural(evidence.MAX_FILES, 'файла', 'файлов', 'файлов')} за один раз."
            )
        errors, cleaned = [], []
        for upload in uploads:
            upload = super().clean(upload, initial)
            try:
                evidence.check_upload(upload)
            except forms.ValidationError as error:
                errors.extend(error.messages)
            cleaned.append(upload)
        if errors:
            raise forms.ValidationError(errors)
        return cleaned


class LogForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


def _item_label(item: PlanItem) -> str:
    mark = f" — выполнено {item.done_on:%d.%m.%Y}" if item.done_on else ""
    return f"{item.position}. {item.activity[:90]} (срок {item.deadline:%d.%m.%Y}){mark}"


class ItemChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, item):
        return _item_label(item)


class RecordForm(LogForm):
    done_on = DateField(label="Когда проведено", widget=DateInput())
    description = forms.CharField(label="Что сделано", widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)
    result = forms.CharField(
        label="Результат",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Продукт или вывод: конспект, анализ занятия, что получилось и что нет.",
    )
    item = ItemChoiceField(
        label="Пункт плана",
        queryset=PlanItem.objects.none(),
        required=False,
        empty_label="— не по плану (дополнительное мероприятие) —",
    )
    item_done = forms.BooleanField(
        label="Пункт плана выполнен полностью",
        required=False,
        help_text="Пункт получит отметку о выполнении с этой датой.",
    )
    files = EvidenceFilesField(
        label="Подтверждающие файлы",
        help_text=(
            f"Можно выбрать несколько: {evidence.ALLOWED_TEXT}; каждый — не больше {{max_mb}} МБ, "
            f"до {evidence.MAX_FILES} за раз. С фото удаляются сведения о месте съёмки и телефоне (EXIF)."
        ),
    )

    def __init__(self, *args, program: Program, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = program.items.order_by("position", "deadline", "pk")
        self.fields["files"].help_text = self.fields["files"].help_text.replace(
            "{max_mb}", str(evidence.max_bytes() // (1024 * 1024))
        )
        self.fields["done_on"].widget.attrs.update(
            {"max": f"{timezone.localdate():%Y-%m-%d}", "min": f"{program.starts_on:%Y-%m-%d}"}
        )

    @classmethod
    def initial_from(cls, record: ActivityRecord) -> dict:
        return {
            "done_on": record.done_on,
            "description": record.description,
            "result": record.result,
            "item": record.item,
            "item_done": bool(record.item and record.item.is_done),
        }


class RespondForm(LogForm):
    comment = forms.CharField(
        label="Комментарий наставляемого",
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


def _own_teachers():
    """Who may replace a released teacher: our working pedagogical staff (programs.services.releases)."""
    return _own_working_people().filter(position__is_pedagogical=True)


def _own_working_people():
    own = Organization.own()
    return (
        Person.objects.working()
        .filter(organization=own)
        .select_related("position")
        .order_by("last_name", "first_name", "middle_name", "pk")
    )


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, person):
        return f"{person.full_name} — {str(person.position).lower()}"


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, person):
        return f"{person.full_name} — {str(person.position).lower()}"


class MeetingForm(forms.ModelForm):
    participants = PeopleChoiceField(
        label="С кем",
        queryset=Person.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text="Работники нашей организации; несколько — с клавишей Ctrl.",
    )

    class Meta:
        model = Meeting
        fields = ["held_on", "participants", "form", "topic", "result"]
        widgets = {
            "held_on": DateInput(),
            "topic": forms.Textarea(attrs={"rows": 2}),
            "result": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, mentor_person: Person, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        people = _own_working_people().exclude(pk=mentor_person.pk)
        forms_ = MentoringForm.objects.filter(is_one_off=True, is_active=True)
        if self.instance.pk:
            # A colleague who has left since, or a form taken out of use, stays on an old meeting.
            people = people | Person.objects.filter(pk__in=self.instance.participants.values("pk"))
            forms_ = forms_ | MentoringForm.objects.filter(pk=self.instance.form_id)
        self.fields["participants"].queryset = people.distinct()
        self.fields["form"].queryset = forms_
        self.fields["form"].empty_label = None
        self.fields["held_on"].widget.attrs["max"] = f"{timezone.localdate():%Y-%m-%d}"

    def _post_clean(self):
        # The service validates the meeting with its rules; the form does not save the model itself.
        pass


class ReleaseForm(forms.ModelForm):
    substitute = PersonChoiceField(
        label="Кто заменит",
        queryset=Person.objects.none(),
        required=False,
        help_text="Педагог, которому руководитель с его письменного согласия поручит ваши обязанности (согласие он "
        "подписывает на бланке заявления). Если не знаете — руководитель назначит замену сам, но без замены "
        "освободить нельзя (п. 1.4 Положения).",
    )
    item = ItemChoiceField(
        label="Пункт плана", queryset=PlanItem.objects.none(), required=False, empty_label="— не выбран —"
    )

    class Meta:
        model = ReleaseRequest
        fields = ["item", "event", "date", "hours", "substitute"]
        widgets = {"date": DateInput(), "event": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"hours": "Например, 2 или 1,5.", "event": "Что за мероприятие, где и во сколько."}

    def __init__(self, *args, program: Program, person: Person, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.fields["item"].queryset = program.items.filter(done_on__isnull=True).order_by("position", "pk")
        self.fields["substitute"].queryset = _own_teachers().exclude(Q(pk=person.pk))
        self.fields["substitute"].empty_label = "— не знаю: замену назначит руководитель —"
        self.fields["hours"].widget.attrs.update({"min": "0.5", "max": "24", "step": "0.5"})
        self.fields["date"].widget.attrs["min"] = f"{timezone.localdate():%Y-%m-%d}"

    def _post_clean(self):
        pass


class ApproveReleaseForm(forms.Form):
    substitute = PersonChoiceField(
        label="Кто заменит",
        queryset=Person.objects.none(),
        required=False,
        empty_label="— как в просьбе —",
        help_text="Педагогический работник учреждения, давший письменное согласие на дополнительную работу; "
        "пусто — тот, кого назвал работник в просьбе.",
    )
    substitute_consent_on = DateField(
        label="Письменное согласие заменяющего от",
        widget=DateInput(),
        help_text="Дата, которой заменяющий подписал согласие на дополнительную работу (ст. 60.2 ТК РФ): "
        "она войдёт в приказ. Согласие — под заявлением работника (бланк «Заявление» на странице просьб).",
        error_messages={"required": "Укажите дату письменного согласия заменяющего: без него приказ не издаётся."},
    )
    comment = forms.CharField(
        label="Комментарий", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, release=None, **kwargs):
        super().__init__(*args, **kwargs)
        people = _own_teachers()
        self.fields["substitute"].queryset = people.exclude(pk=release.person_id) if release else people


class RefuseReleaseForm(forms.Form):
    comment = forms.CharField(required=False, max_length=2000)
