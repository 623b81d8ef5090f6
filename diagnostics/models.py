"""Self-diagnostics of professional difficulties (самодиагностика профессиональных затруднений).

A kindergarten keeps a reference list of professional competencies, each under a direction of
mentoring, and for each competency the typical activities that help with it. At the start of a
program each mentee rates herself on the competencies of the program's directions and the mentor
gives an expert rating of each mentee; at the end both rate again. The start feeds the program's
difficulties and the plan; start against end shows the growth.

A diagnostic is the mentee's personal data as sensitive as the program's difficulties (152-ФЗ): it is
read by those who read the program (programs.selectors), never by the system administrator.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from core.models import ReferenceItem


class Score(models.IntegerChoices):
    """The fixed scale: a word for every point, the same for the mentee and the mentor."""

    SERIOUS = 1, "испытываю серьёзные затруднения"
    WITH_HELP = 2, "справляюсь с помощью коллег"
    ON_MY_OWN = 3, "справляюсь самостоятельно"
    CONFIDENT = 4, "уверенно владею"
    TEACH = 5, "могу научить других"


# Scores at or below this are difficulties: carried into the program's text, suggested for the plan.
DIFFICULTY_MAX = Score.WITH_HELP


class Competency(ReferenceItem):
    """A professional competency of a preschool teacher, under a direction of mentoring."""

    direction = models.ForeignKey(
        "mentorship.Direction", verbose_name="направление", on_delete=models.PROTECT, related_name="competencies"
    )

    class Meta(ReferenceItem.Meta):
        verbose_name = "компетенция для самодиагностики"
        verbose_name_plural = "компетенции для самодиагностики"


class TypicalActivity(ReferenceItem):
    """An activity that typically helps with a competency, offered for the plan («Предложить мероприятия»)."""

    name = models.CharField("мероприятие", max_length=300, unique=True)
    competency = models.ForeignKey(
        Competency, verbose_name="компетенция", on_delete=models.PROTECT, related_name="activities"
    )
    form = models.ForeignKey("programs.ActivityForm", verbose_name="форма", on_delete=models.PROTECT, related_name="+")
    expected_result = models.CharField("ожидаемый результат или продукт", max_length=300)

    class Meta(ReferenceItem.Meta):
        verbose_name = "типовое мероприятие"
        verbose_name_plural = "типовые мероприятия"


class Diagnostic(models.Model):
    """One filling of the diagnostics: a stage (start, end), who rates (the mentee herself or the
    mentor), whom (each mentee of a group separately). A draft until sent; sent, it is frozen."""

    class Stage(models.TextChoices):
        START = "start", "входная"
        END = "end", "итоговая"

    class Author(models.TextChoices):
        MENTEE = "mentee", "самооценка наставляемого"
        MENTOR = "mentor", "экспертная оценка наставника"

    program = models.ForeignKey(
        "programs.Program", verbose_name="программа", on_delete=models.CASCADE, related_name="diagnostics"
    )
    stage = models.CharField("этап", max_length=10, choices=Stage.choices)
    author = models.CharField("кто оценивает", max_length=10, choices=Author.choices)
    person = models.ForeignKey(
        "people.Person", verbose_name="наставляемый", on_delete=models.PROTECT, related_name="diagnostics"
    )
    submitted_at = models.DateTimeField("отправлена", null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="отправил",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField("изменена", auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "самодиагностика"
        verbose_name_plural = "самодиагностики"
        ordering = ["program", "person", "stage", "author"]
        constraints = [
            models.UniqueConstraint(
                fields=["program", "stage", "author", "person"],
                name="diagnostic_once_per_stage_author_person",
                violation_error_message="Эта диагностика по программе уже начата.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_stage_display().capitalize()} диагностика, {self.get_author_display()}: {self.person}"

    def get_absolute_url(self) -> str:
        return reverse("diagnostics:program", args=[self.program_id])

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class Rating(models.Model):
    """A score on one competency in one diagnostic, with an optional comment."""

    diagnostic = models.ForeignKey(
        Diagnostic, verbose_name="диагностика", on_delete=models.CASCADE, related_name="ratings"
    )
    competency = models.ForeignKey(Competency, verbose_name="компетенция", on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField("оценка", choices=Score.choices)
    comment = models.CharField("комментарий", max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "оценка компетенции"
        verbose_name_plural = "оценки компетенций"
        ordering = ["diagnostic", "competency__sort_order", "competency__name"]
        constraints = [
            models.UniqueConstraint(fields=["diagnostic", "competency"], name="rating_once_per_competency"),
            models.CheckConstraint(
                condition=models.Q(score__gte=1) & models.Q(score__lte=5),
                name="rating_score_on_the_scale",
                violation_error_message="Оценка — от 1 до 5.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.competency}: {self.score}"
