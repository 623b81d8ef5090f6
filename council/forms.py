from django import forms

from core.forms import DateField, StyledModelForm
from mentorship.models import Pairing
from programs.models import Program

from .models import AgendaItem, Appeal, Meeting, ProgramReview
from .selectors import composition, open_appeals


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


class AppealChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title}: {obj.pairing.sides}"


class AgendaItemForm(StyledModelForm):
    """A question of the agenda; what was heard, said and decided is filled in at the meeting."""

    class Meta:
        model = AgendaItem
        fields = (
            "kind",
            "title",
            "program",
            "pairing",
            "appeal",
            "heard",
            "spoke",
            "decided",
            "votes_for",
            "votes_against",
            "votes_abstained",
            "agrees_program",
            "appeal_outcome",
        )
        field_classes = {"program": ProgramChoice, "pairing": PairingChoice, "appeal": AppealChoice}
        widgets = {
            "heard": forms.Textarea(attrs={"rows": 3}),
            "spoke": forms.Textarea(attrs={"rows": 3}),
            "decided": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "program": "Для вопроса о согласовании программы.",
            "pairing": "Для вопроса о предложении пары (группы).",
            "appeal": "Для вопроса медиации. Протокол читают все члены МО и руководитель: в формулировке вопроса "
            "не пересказывайте обращение.",
            "appeal_outcome": "Для вопроса медиации: записывается в обращение при подписании протокола; замена "
            "наставника и прекращение наставничества ждут приказа руководителя.",
            "heard": "Кого слушали и о чём; заполняется на заседании.",
            "decided": "Без решения протокол не подписать.",
            "agrees_program": "После подписания протокола согласование программы от МО сошлётся на него.",
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        appeals = open_appeals(user)
        if self.instance.appeal_id:  # the item's own appeal stays choosable (it is refused at signing if closed)
            appeals = appeals | Appeal.objects.filter(pk=self.instance.appeal_id)
        self.fields["appeal"].queryset = appeals.distinct()
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


class AppealForm(StyledModelForm):
    class Meta:
        model = Appeal
        fields = ("text", "wish", "shared_with_pair")
        widgets = {"text": forms.Textarea(attrs={"rows": 8}), "wish": forms.Textarea(attrs={"rows": 3})}


class AppealMembersForm(forms.Form):
    members = MembershipChoice(
        label="Члены МО",
        queryset=composition(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Они прочитают обращение и подготовят его рассмотрение. Участники пары в список не входят.",
    )

    def __init__(self, *args, appeal, **kwargs):
        super().__init__(*args, **kwargs)
        sides = [appeal.pairing.mentor.person_id, *(mentee.person_id for mentee in appeal.pairing.mentees.all())]
        self.fields["members"].queryset = composition().exclude(person__in=sides)
        self.fields["members"].initial = [member.pk for member in appeal.members.all()]
