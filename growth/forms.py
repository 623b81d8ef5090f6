from django import forms
from django.db.models import Q

from core.files import ScanField
from core.forms import DateField, StyledModelForm
from mentorship.models import Mentor
from people.models import Person
from programs.models import Program

from .models import KIND_FIELDS, LABELS, REQUIRED, GrowthRecord, RewardProposal

COMMON_FIELDS = ("date", "scan", "program")
# The order the fields are typed in, whichever of them a kind uses.
FIELD_ORDER = (
    "person",
    "reward_kind",
    "category",
    "title",
    "organizer",
    "level",
    "result",
    "hours",
    "started_on",
    "date",
    "document_number",
    "scan",
    "program",
)


class GrowthRecordForm(StyledModelForm):
    """The fields of one kind of record, named as that kind names them. The curator picks the
    person; the person adds their own (the view sets it)."""

    class Meta:
        model = GrowthRecord
        fields = FIELD_ORDER
        field_classes = {"scan": ScanField, "date": DateField, "started_on": DateField}
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "started_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, kind, choose_person: bool, person=None, **kwargs):
        super().__init__(*args, **kwargs)
        used = set(KIND_FIELDS[kind]) | set(COMMON_FIELDS) | ({"person"} if choose_person else set())
        for name in list(self.fields):
            if name not in used:
                del self.fields[name]
        for name in REQUIRED[kind]:
            self.fields[name].required = True
        for name, label in LABELS[kind].items():
            if name in self.fields:
                self.fields[name].label = label
        if "person" in self.fields:
            self.fields["person"].queryset = Person.objects.filter(status=Person.Status.WORKING).order_by(
                "last_name", "first_name"
            )
        programs = Program.objects.select_related("pairing__mentor__person", "pairing__direction").prefetch_related(
            "pairing__mentees__person"
        )
        if person is not None:  # the person's own programs, as a mentor or a mentee
            programs = programs.filter(
                pk__in=Program.objects.filter(
                    Q(pairing__mentor__person=person) | Q(pairing__mentees__person=person)
                ).values("pk")
            )
        self.fields["program"].queryset = programs.order_by("-pk")
        self.fields["program"].label_from_instance = lambda program: str(program)
        self.fields["scan"].help_text = "PDF, JPG или PNG. Необязательно."
        if "hours" in self.fields:
            self.fields["hours"].widget.attrs["min"] = 1


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label="Комментарий (обязателен, если возвращаете)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class RewardProposalForm(StyledModelForm):
    mentors = forms.ModelMultipleChoiceField(
        label="Наставники",
        queryset=Mentor.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Выберите хотя бы одного наставника."},
    )
    programs = forms.ModelMultipleChoiceField(
        label="Программы, по итогам которых поощряются (необязательно)",
        queryset=Program.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = RewardProposal
        fields = ("mentors", "reward_kind", "amount", "reason", "programs")
        widgets = {"reason": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A returned proposal keeps its mentors and programs on offer even if a mentor has left the
        # bank or a program has ended since: the curator decides whether to take them off.
        chosen_mentors = chosen_programs = Q(pk__in=[])
        if self.instance.pk is not None:
            chosen_mentors = Q(pk__in=self.instance.mentors.values("pk"))
            chosen_programs = Q(pk__in=self.instance.programs.values("pk"))
        self.fields["mentors"].queryset = (
            Mentor.objects.filter(Q(is_active=True) | chosen_mentors)
            .select_related("person")
            .order_by("person__last_name", "person__first_name")
        )
        self.fields["mentors"].label_from_instance = lambda mentor: mentor.person.full_name
        self.fields["programs"].queryset = (
            Program.objects.filter(Q(status__in=("running", "completed")) | chosen_programs)
            .select_related("pairing__mentor__person", "pairing__direction")
            .prefetch_related("pairing__mentees__person")
            .order_by("-pk")
        )
        self.fields["programs"].label_from_instance = lambda program: str(program)
        self.fields["amount"].help_text = "Только для премии."


class RewardRuleForm(forms.Form):
    text = forms.CharField(
        label="Текст порядка поощрения (какие награды и за что)",
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    effective_from = DateField(label="Действует с", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    scan = ScanField(label="Скан утверждённого документа (PDF, JPG или PNG, необязательно)", required=False)


class DecisionForm(forms.Form):
    comment = forms.CharField(
        label="Комментарий", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
