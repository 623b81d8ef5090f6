"""Satisfaction and needs surveys (анкеты).

A `Questionnaire` is the list of questions of one audience (the mentor's, the mentee's, the yearly
needs survey of the bank of mentees) for one academic year. Once anybody has answered it, its
questions are frozen: the curator changes next year's copy instead, so an answer always reads with
the questions it was given to. A `Response` is one person's answer (or their refusal to answer) —
for a pair survey about one program at the middle or at the end of its term; for the needs survey
it is created when the curator sends the survey and waits for the answer.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

SCALE_MIN, SCALE_MAX = 1, 10


class Questionnaire(models.Model):
    class Audience(models.TextChoices):
        MENTOR = "mentor", "Анкета наставника"
        MENTEE = "mentee", "Анкета наставляемого"
        NEEDS = "needs", "Анкета потребности в наставничестве"

    audience = models.CharField("для кого", max_length=10, choices=Audience.choices)
    start_year = models.PositiveSmallIntegerField("учебный год (год начала)")
    intro = models.TextField("обращение к отвечающему", blank=True)
    sent_at = models.DateTimeField("разослана", null=True, blank=True)
    created_at = models.DateTimeField("создана", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "анкета"
        verbose_name_plural = "анкеты"
        ordering = ["-start_year", "audience"]
        constraints = [
            models.UniqueConstraint(
                fields=["audience", "start_year"],
                name="questionnaire_one_per_audience_and_year",
                violation_error_message="Анкета для этих участников на этот учебный год уже есть.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_audience_display()} на {self.year_label} учебный год"

    def get_absolute_url(self) -> str:
        return reverse("surveys:questionnaire-detail", args=[self.pk])

    @property
    def year_label(self) -> str:
        return f"{self.start_year}/{self.start_year + 1}"

    @property
    def is_pair_survey(self) -> bool:
        return self.audience in (self.Audience.MENTOR, self.Audience.MENTEE)


class Question(models.Model):
    class Kind(models.TextChoices):
        SCALE = "scale", "Оценка от 1 до 10"
        TEXT = "text", "Свободный ответ"
        CHOICE = "choice", "Выбор одного варианта"

    questionnaire = models.ForeignKey(
        Questionnaire, verbose_name="анкета", on_delete=models.CASCADE, related_name="questions"
    )
    position = models.PositiveSmallIntegerField("№ п/п")
    text = models.CharField("вопрос", max_length=500)
    kind = models.CharField("вид ответа", max_length=10, choices=Kind.choices, default=Kind.SCALE)
    options = models.TextField("варианты ответа", blank=True, help_text="Для выбора: каждый вариант с новой строки.")
    required = models.BooleanField("обязательный", default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "вопрос анкеты"
        verbose_name_plural = "вопросы анкеты"
        ordering = ["questionnaire", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.position}. {self.text}"

    @property
    def option_list(self) -> list[str]:
        return [line.strip() for line in self.options.splitlines() if line.strip()]

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.kind == self.Kind.CHOICE and len(self.option_list) < 2:
            raise ValidationError({"options": "Для выбора нужны хотя бы два варианта, каждый с новой строки."})
        if self.kind != self.Kind.CHOICE:
            self.options = ""


class Response(models.Model):
    class Stage(models.TextChoices):
        MID = "mid", "Промежуточная"
        END = "end", "Итоговая"

    DEFAULT_DECLINE_REASON = "Отказ от ответа"

    questionnaire = models.ForeignKey(
        Questionnaire, verbose_name="анкета", on_delete=models.PROTECT, related_name="responses"
    )
    program = models.ForeignKey(
        "programs.Program",
        verbose_name="программа",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="survey_responses",
    )
    stage = models.CharField("этап", max_length=5, choices=Stage.choices, blank=True)
    respondent = models.ForeignKey(
        "people.Person", verbose_name="отвечающий", on_delete=models.PROTECT, related_name="survey_responses"
    )
    submitted_at = models.DateTimeField("заполнена", null=True, blank=True)
    declined_at = models.DateTimeField("отказ записан", null=True, blank=True)
    decline_reason = models.CharField("отказ: как записан", max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="записал", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField("создана", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "ответ на анкету"
        verbose_name_plural = "ответы на анкеты"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["program", "stage", "respondent"],
                condition=Q(program__isnull=False),
                name="response_one_per_program_stage_person",
                violation_error_message="Этот участник уже ответил на эту анкету или отказался.",
            ),
            models.UniqueConstraint(
                fields=["questionnaire", "respondent"],
                condition=Q(program__isnull=True),
                name="response_one_needs_answer_per_person",
                violation_error_message="Этому сотруднику анкета уже отправлена.",
            ),
            models.CheckConstraint(
                condition=Q(program__isnull=True, stage="") | Q(program__isnull=False, stage__in=["mid", "end"]),
                name="response_stage_only_with_program",
                violation_error_message="Этап анкеты указывается только для анкеты программы.",
            ),
            models.CheckConstraint(
                condition=Q(submitted_at__isnull=True) | Q(declined_at__isnull=True),
                name="response_answered_or_declined",
                violation_error_message="Анкета либо заполнена, либо записан отказ, не то и другое.",
            ),
        ]

    def __str__(self) -> str:
        stage = f", {self.get_stage_display().lower()}" if self.stage else ""
        return f"{self.questionnaire.get_audience_display()}{stage}: {self.respondent.short_name}"

    def get_absolute_url(self) -> str:
        return reverse("surveys:response-detail", args=[self.pk])

    @property
    def is_done(self) -> bool:
        return self.submitted_at is not None or self.declined_at is not None

    @property
    def state_label(self) -> str:
        if self.submitted_at:
            return f"заполнено ({timezone.localtime(self.submitted_at):%d.%m.%Y})"
        if self.declined_at:
            return f"отказ ({timezone.localtime(self.declined_at):%d.%m.%Y})"
        return "не заполнено"


class Answer(models.Model):
    response = models.ForeignKey(Response, verbose_name="ответ", on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, verbose_name="вопрос", on_delete=models.PROTECT, related_name="answers")
    number = models.PositiveSmallIntegerField("оценка", null=True, blank=True)
    text = models.TextField("ответ", blank=True)

    class Meta:
        verbose_name = "ответ на вопрос"
        verbose_name_plural = "ответы на вопросы"
        ordering = ["question__position", "question__pk"]
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="answer_one_per_question"),
            models.CheckConstraint(
                condition=Q(number__isnull=True) | Q(number__gte=SCALE_MIN, number__lte=SCALE_MAX),
                name="answer_number_on_scale",
                violation_error_message="Оценка — от 1 до 10.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question.text}: {self.number if self.number is not None else self.text}"

    @property
    def display(self) -> str:
        return str(self.number) if self.number is not None else self.text
