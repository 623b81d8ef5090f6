"""The methodological council at work (regulation 3.5): its meetings, their agenda and the protocols.

A meeting is scheduled by the chair of the council or by the curator; at the meeting the secretary
records who attended and, for each item, «Слушали / Выступили / Решили» with the vote. Signing gives
the protocol its number within the academic year (1 September – 31 August) from a counter row locked
for the transaction, and freezes it: its PDF is rendered once and stored, nothing is edited after.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core.files import random_file_name
from core.lifecycle import LifeCycle, Transition


def academic_year(day: date) -> int:
    """The year the academic year of `day` starts in: 15.10.2026 → 2026, 15.03.2027 → 2026."""
    return day.year if day.month >= 9 else day.year - 1


def protocol_pdf_path(instance, filename: str) -> str:
    return random_file_name("council-protocols", filename)


class AppealOutcome(models.TextChoices):
    """What the council decides on an appeal (3.5: consultation and mediation). The last two need the
    head's order: they open the existing replacement or early-end path with the appeal as its basis."""

    RECOMMENDATIONS = "recommendations", "Рекомендации сторонам"
    PROGRAM_CHANGE = "program_change", "Изменить программу наставничества"
    REPLACE_MENTOR = "replace_mentor", "Предложить руководителю заменить наставника"
    END_PAIR = "end_pair", "Предложить руководителю прекратить наставничество"


# The outcomes that need an order, and the pair order each one opens (mentorship.order_bases).
OUTCOME_ORDER_ACTIONS = {AppealOutcome.REPLACE_MENTOR: "replace", AppealOutcome.END_PAIR: "terminate"}


class ProtocolCounter(models.Model):
    """The next number of the council's protocols in an academic year; locked while a protocol is signed."""

    academic_year = models.PositiveSmallIntegerField("учебный год (год начала)", unique=True)
    next_number = models.PositiveIntegerField("следующий номер", default=1)

    class Meta:
        verbose_name = "нумерация протоколов МО"
        verbose_name_plural = "нумерация протоколов МО"

    def __str__(self) -> str:
        return f"Протоколы МО {self.academic_year}/{self.academic_year + 1}: следующий № {self.next_number}"


class Meeting(LifeCycle, models.Model):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Запланировано"
        SIGNED = "signed", "Протокол подписан"

    S = Status
    # Signing numbers the protocol and freezes it; the service lets the chair of the council or the
    # curator sign (the chair is a council member with a flag, not a role of its own).
    TRANSITIONS = {
        (S.SCHEDULED, S.SIGNED): Transition(
            "Подписать протокол",
            frozenset({"council", "curator"}),
            consequence="Протокол получит номер, его PDF будет сохранён, и изменить протокол больше будет нельзя.",
        ),
    }

    date = models.DateField("дата заседания")
    place = models.CharField("место проведения", max_length=200)
    status = models.CharField("состояние", max_length=12, choices=Status.choices, default=Status.SCHEDULED)
    attendees = models.ManyToManyField(
        "mentorship.CouncilMembership", verbose_name="присутствовали", blank=True, related_name="meetings_attended"
    )
    secretary = models.ForeignKey(
        "mentorship.CouncilMembership",
        verbose_name="секретарь",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    academic_year = models.PositiveSmallIntegerField("учебный год", null=True, blank=True)
    number = models.PositiveIntegerField("номер протокола", null=True, blank=True)
    # Who signed as the chair and the secretary, as printed: the composition may change later.
    chair_name = models.CharField("председатель", max_length=200, blank=True)
    secretary_name = models.CharField("секретарь (подпись)", max_length=200, blank=True)
    pdf = models.FileField("PDF протокола", upload_to=protocol_pdf_path, blank=True)
    signed_at = models.DateTimeField("подписан", null=True, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="подписал",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="запланировал", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("запланировано", auto_now_add=True)
    # Who attended is told on the meeting's history page too: the protocol prints it.
    history = HistoricalRecords(excluded_fields=["pdf"], m2m_fields=[attendees])

    class Meta:
        verbose_name = "заседание методического объединения"
        verbose_name_plural = "заседания методического объединения"
        ordering = ["-date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["academic_year", "number"],
                condition=models.Q(number__isnull=False),
                name="council_protocol_number_unique_within_year",
                violation_error_message="Протокол с таким номером в этом учебном году уже есть.",
            )
        ]

    def __str__(self) -> str:
        if self.number:
            return f"Протокол № {self.number} заседания МО от {self.date:%d.%m.%Y}"
        return f"Заседание МО {self.date:%d.%m.%Y}"

    def get_absolute_url(self) -> str:
        return reverse("council:meeting-detail", args=[self.pk])

    @property
    def is_signed(self) -> bool:
        return self.status == self.Status.SIGNED

    @property
    def academic_year_text(self) -> str:
        year = self.academic_year or academic_year(self.date)
        return f"{year}/{year + 1}"

    @property
    def file_title(self) -> str:
        """The name its PDF is saved under: «Протокол МО 2 от 15.10.2026» (no «№»)."""
        if self.number:
            return f"Протокол МО {self.number} от {self.date:%d.%m.%Y}"
        return f"Проект протокола МО от {self.date:%d.%m.%Y}"


class AgendaItem(models.Model):
    """A question of the meeting's agenda with what was heard and decided about it."""

    class Kind(models.TextChoices):
        # A new kind (an appeal for mediation, say) is one more line here and, where it needs an
        # object, one more nullable link below.
        PROGRAM = "program", "Согласование программы наставничества"
        PAIRING = "pairing", "Предложение пары (группы)"
        APPEAL = "appeal", "Рассмотрение обращения (медиация)"
        REPORT = "report", "Заслушивание отчёта"
        LOCAL_ACT = "local_act", "Проект локального акта"
        OTHER = "other", "Другой вопрос"

    meeting = models.ForeignKey(Meeting, verbose_name="заседание", on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField("№ вопроса", default=1)
    kind = models.CharField("вид вопроса", max_length=20, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField("вопрос", max_length=500)
    program = models.ForeignKey(
        "programs.Program",
        verbose_name="программа",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="council_items",
    )
    pairing = models.ForeignKey(
        "mentorship.Pairing",
        verbose_name="пара (группа)",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="council_items",
    )
    appeal = models.ForeignKey(
        "council.Appeal",
        verbose_name="обращение",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agenda_items",
    )
    heard = models.TextField("Слушали", blank=True)
    spoke = models.TextField("Выступили", blank=True)
    decided = models.TextField("Решили", blank=True)
    votes_for = models.PositiveSmallIntegerField("за", default=0)
    votes_against = models.PositiveSmallIntegerField("против", default=0)
    votes_abstained = models.PositiveSmallIntegerField("воздержались", default=0)
    # For a program: the council agrees it by this decision (its «СОГЛАСОВАНО» then names the protocol).
    agrees_program = models.BooleanField("решение: согласовать программу", default=False)
    # For an appeal: what the council decided, recorded on the appeal when the protocol is signed.
    appeal_outcome = models.CharField("решение по обращению", max_length=20, choices=AppealOutcome.choices, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "вопрос повестки"
        verbose_name_plural = "повестка заседания"
        ordering = ["meeting", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.kind == self.Kind.PROGRAM and self.program_id is None:
            raise ValidationError({"program": "Выберите программу, которую рассматривает заседание."})
        if self.kind == self.Kind.PAIRING and self.pairing_id is None:
            raise ValidationError({"pairing": "Выберите пару (группу), которую предлагает заседание."})
        if self.kind != self.Kind.PROGRAM:
            self.program = None
            self.agrees_program = False
        if self.kind == self.Kind.APPEAL and self.appeal_id is None:
            raise ValidationError({"appeal": "Выберите обращение, которое рассматривает заседание."})
        if self.kind != self.Kind.PAIRING:
            self.pairing = None
        if self.kind != self.Kind.APPEAL:
            self.appeal = None
            self.appeal_outcome = ""

    @property
    def has_vote(self) -> bool:
        return bool(self.votes_for or self.votes_against or self.votes_abstained)

    @property
    def passed(self) -> bool:
        return self.votes_for > self.votes_against


class ProgramReview(LifeCycle, models.Model):
    """A council member's review (рецензия) of a program, assigned by the chair: written in the browser
    as a draft, then sent — and frozen — to go with the program to the meeting."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Пишется"
        SENT = "sent", "Отправлена"

    S = Status
    TRANSITIONS = {
        (S.DRAFT, S.SENT): Transition(
            "Отправить рецензию",
            frozenset({"council"}),
            consequence="Рецензию увидят читатели программы и заседание МО; изменить её после отправки нельзя.",
        ),
    }

    program = models.ForeignKey(
        "programs.Program", verbose_name="программа", on_delete=models.CASCADE, related_name="council_reviews"
    )
    reviewer = models.ForeignKey(
        "mentorship.CouncilMembership", verbose_name="рецензент", on_delete=models.PROTECT, related_name="reviews"
    )
    status = models.CharField("состояние", max_length=10, choices=Status.choices, default=Status.DRAFT)
    text = models.TextField("текст рецензии", blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="назначил", on_delete=models.PROTECT, related_name="+"
    )
    assigned_at = models.DateTimeField("назначена", auto_now_add=True)
    sent_at = models.DateTimeField("отправлена", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "рецензия на программу"
        verbose_name_plural = "рецензии на программы"
        ordering = ["program", "assigned_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["program", "reviewer"],
                name="one_review_per_program_and_reviewer",
                violation_error_message="Этот член МО уже рецензирует программу.",
            )
        ]

    def __str__(self) -> str:
        return f"Рецензия {self.reviewer.person.short_name} на программу {self.program.pairing.sides}"

    def get_absolute_url(self) -> str:
        return reverse("council:review-detail", args=[self.pk])

    @property
    def is_sent(self) -> bool:
        return self.status == self.Status.SENT


class Appeal(LifeCycle, models.Model):
    """An appeal (обращение) of a mentor or a mentee to the council about a difficulty in their pair.

    Who reads it is the point of it (council.selectors.appeals_for): the curator, the chair and the
    members the chair names, the members who hear it at a meeting, and its author. The other side of
    the pair reads it only if the author agreed to that; a participant of the pair — even one who is
    the curator or the chair — reads it as a participant, never by their office.
    """

    class Status(models.TextChoices):
        SUBMITTED = "submitted", "Подано"
        HEARD = "heard", "Рассмотрено"
        WITHDRAWN = "withdrawn", "Отозвано автором"

    class Side(models.TextChoices):
        MENTOR = "mentor", "наставник"
        MENTEE = "mentee", "наставляемый"

    S = Status
    TRANSITIONS = {
        (S.SUBMITTED, S.WITHDRAWN): Transition(
            "Отозвать обращение",
            frozenset({"mentor", "mentee"}),
            consequence="Методическое объединение не будет его рассматривать; отзыв нельзя отменить — "
            "при новой трудности напишите новое обращение.",
        ),
        # Heard by signing the protocol of the meeting that decided on it (council.services.meeting_sign).
        (S.SUBMITTED, S.HEARD): Transition("Рассмотреть обращение", frozenset({"council", "curator"})),
    }

    pairing = models.ForeignKey(
        "mentorship.Pairing", verbose_name="пара (группа)", on_delete=models.PROTECT, related_name="council_appeals"
    )
    author = models.ForeignKey(
        "people.Person", verbose_name="автор", on_delete=models.PROTECT, related_name="council_appeals"
    )
    side = models.CharField("сторона пары", max_length=10, choices=Side.choices)
    text = models.TextField(
        "в чём затруднение",
        help_text="Что происходит, с какого времени, что уже пробовали. Обращение читают куратор, председатель "
        "МО и члены МО, которым его поручат.",
    )
    wish = models.TextField("чего вы ждёте от методического объединения", blank=True)
    shared_with_pair = models.BooleanField(
        "другая сторона пары может прочитать обращение",
        default=False,
        help_text="Без этой отметки ни наставник, ни другие наставляемые пары обращение не увидят.",
    )
    status = models.CharField("состояние", max_length=10, choices=Status.choices, default=Status.SUBMITTED)
    members = models.ManyToManyField(
        "mentorship.CouncilMembership",
        verbose_name="поручено членам МО",
        blank=True,
        related_name="appeals",
    )
    # Recorded when the protocol of the meeting that heard it is signed.
    meeting = models.ForeignKey(
        Meeting,
        verbose_name="рассмотрено на заседании",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    outcome = models.CharField("решение", max_length=20, choices=AppealOutcome.choices, blank=True)
    decision = models.TextField("текст решения", blank=True)
    # The head's order that carried out a decision to replace the mentor or end the pair.
    order = models.ForeignKey(
        "records.Order",
        verbose_name="приказ по решению",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="подал", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("подано", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "обращение в методическое объединение"
        verbose_name_plural = "обращения в методическое объединение"
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Обращение от {timezone.localtime(self.created_at):%d.%m.%Y}" if self.created_at else "Обращение"

    def get_absolute_url(self) -> str:
        return reverse("council:appeal-detail", args=[self.pk])

    @property
    def title(self) -> str:
        """«Обращение наставляемого от 12.11.2026»: what an agenda or an order may name, no one's name."""
        return f"Обращение {self._of_side}"

    @property
    def title_dative(self) -> str:
        """«обращению наставляемого от 12.11.2026», for «по …» in an order's preamble."""
        return f"обращению {self._of_side}"

    @property
    def _of_side(self) -> str:
        """«наставляемого от 12.11.2026»: the side and the day, the same in every phrase naming it."""
        side = "наставника" if self.side == self.Side.MENTOR else "наставляемого"
        return f"{side} от {timezone.localtime(self.created_at):%d.%m.%Y}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.SUBMITTED

    @property
    def order_action(self) -> str | None:
        """«replace» or «terminate» while the decision waits for the head's order; None otherwise."""
        if self.status != self.Status.HEARD or self.order_id:
            return None
        return OUTCOME_ORDER_ACTIONS.get(self.outcome)
