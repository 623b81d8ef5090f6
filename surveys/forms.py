from django import forms

from core.forms import StyledModelForm

from .models import SCALE_MAX, SCALE_MIN, Question, Questionnaire


class QuestionForm(StyledModelForm):
    class Meta:
        model = Question
        fields = ["position", "text", "kind", "options", "required"]
        widgets = {"options": forms.Textarea(attrs={"rows": 4}), "text": forms.TextInput()}


class IntroForm(StyledModelForm):
    class Meta:
        model = Questionnaire
        fields = ["intro"]
        widgets = {"intro": forms.Textarea(attrs={"rows": 3})}


SCALE_CHOICES = [(str(n), str(n)) for n in range(SCALE_MIN, SCALE_MAX + 1)]


class AnswerForm(forms.Form):
    """One field per question, named «q<pk>»; the service checks the answers again."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            label = f"{question.position}. {question.text}"
            if question.kind == Question.Kind.SCALE:
                field = forms.ChoiceField(
                    label=label, choices=SCALE_CHOICES, widget=forms.RadioSelect, required=question.required
                )
            elif question.kind == Question.Kind.CHOICE:
                field = forms.ChoiceField(
                    label=label,
                    choices=[(option, option) for option in question.option_list],
                    widget=forms.RadioSelect,
                    required=question.required,
                )
            else:
                field = forms.CharField(
                    label=label, widget=forms.Textarea(attrs={"rows": 3}), required=question.required, max_length=5000
                )
            field.error_messages["required"] = "Ответьте на этот вопрос."
            field.error_messages["invalid_choice"] = "Выберите один из предложенных вариантов."
            field.question = question
            self.fields[f"q{question.pk}"] = field

    def values(self) -> dict:
        return {question.pk: self.cleaned_data.get(f"q{question.pk}") for question in self.questions}

    def rows(self):
        return [(self[f"q{question.pk}"], question) for question in self.questions]


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label="Как участник отказался",
        max_length=500,
        required=False,
        help_text="Для отказа, данного на бумаге или устно: когда и как.",
    )


class NeedsSendForm(forms.Form):
    people = forms.ModelMultipleChoiceField(
        label="Кому отправить", queryset=None, widget=forms.CheckboxSelectMultiple, required=True
    )

    def __init__(self, *args, recipients, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = recipients
        self.fields["people"].error_messages["required"] = "Отметьте, кому отправить анкету."
        self.fields["people"].error_messages["invalid_choice"] = "Выберите сотрудников из списка."
        self.fields["people"].error_messages["invalid_pk_value"] = "Выберите сотрудников из списка."
