from django import forms

from core.forms import DateField, StyledModelForm
from mentorship.models import Pairing
from programs.models import Program

from .models import AgendaItem, Meeting, ProgramReview
from .selectors import composition


class MembershipChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.person.full_name}{' (председатель)' if obj.is_chair else ''}"


class SecretaryChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.person.full_name


class MeetingScheduleForm(StyledModelForm):
    class Meta:
        model = Meeting
        fields = ("date", "place")
        field_classes = {"date": DateField}
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class MeetingForm(StyledModelForm):
    """Date, place, the secretary and who attended, from the approved composition."""

    class Meta:
        model = Meeting
        fields = ("date", "place", "secretary", "attendees")
        field_classes = {"date": DateField, "secretary": SecretaryChoice, "attendees": MembershipChoice}
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "attendees": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        members = composition()
        self.fields["secretary"].queryset = members
        self.fields["attendees"].queryset = members
        self.fields["attendees"].help_text = "Члены утверждённого состава; кворум — больше половины."


class ProgramChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.pairing.sides}: {obj.get_status_display().lower()}, с {obj.starts_on:%d.%m.%Y}"


class PairingChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.sides} ({obj.get_status_display().lower()})"


class AgendaItemForm(StyledModelForm):
    """A question of the agenda; what was heard, said and decided is filled in at the meeting."""

    class Meta:
        model = AgendaItem
        fields = (
            "kind",
            "title",
            "program",
            "pairing",
            "heard",
            "spoke",
            "decided",
            "votes_for",
            "votes_against",
            "votes_abstained",
            "agrees_program",
        )
        field_classes = {"program": ProgramChoice, "pairing": PairingChoice}
        widgets = {
            "heard": forms.Textarea(attrs={"rows": 3}),
            "spoke": forms.Textarea(attrs={"rows": 3}),
            "decided": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "program": "Для вопроса о согласовании программы.",
            "pairing": "Для вопроса о предложении пары (группы).",
            "heard": "Кого слушали и о чём; заполняется на заседании.",
            "decided": "Без решения протокол не подписать.",
            "agrees_program": "После подписания протокола согласование программы от МО сошлётся на него.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["program"].queryset = (
            Program.objects.exclude(status__in=Program.CLOSED_STATUSES)
            .select_related("pairing__mentor__person")
            .prefetch_related("pairing__mentees__person")
        )
        self.fields["pairing"].queryset = (
            Pairing.objects.exclude(status__in=["completed", "terminated", "cancelled"])
            .select_related("mentor__person")
            .prefetch_related("mentees__person")
        )


class ReviewAssignForm(forms.Form):
    reviewers = MembershipChoice(
        label="Рецензенты",
        queryset=composition(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Члены утверждённого состава, кроме наставника этой пары.",
    )

    def __init__(self, *args, program, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewers"].queryset = composition().exclude(person=program.pairing.mentor.person_id)


class ReviewForm(StyledModelForm):
    class Meta:
        model = ProgramReview
        fields = ("text",)
        widgets = {"text": forms.Textarea(attrs={"rows": 14})}
        help_texts = {"text": "Соответствие программы затруднениям наставляемого, реалистичность плана, замечания."}
