"""Pages of the surveys. Answering: a pair's mentor and mentees about their own program, anyone the
needs survey was sent to. Reading a single answer: its author, the curator, the head (others: 404).
The questionnaires: the curator changes them, the head reads them. The summary: the head, the curator
and the council, averages with no names."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import DetailView, FormView, ListView, TemplateView

from core.dates import academic_start_year
from core.history import Source
from core.http import id_param
from core.text import sentence
from core.views import Confirmation, ConfirmedActionMixin, RecordHistoryView, form_errors, report_errors, show_outcome
from people.access import RoleRequiredMixin
from people.roles import person_of
from programs.selectors import programs_for

from .due import is_open, opening_sentence, participants
from .forms import AnswerForm, DeclineForm, NeedsSendForm, QuestionForm
from .models import Question, Questionnaire, Response
from .roles import ANSWER_READERS, KEEPERS, PAIR_RESPONDENTS, QUESTIONNAIRE_READERS, SUMMARY_READERS
from .selectors import (
    needs_recipients,
    needs_responses,
    program_for_respondent,
    questionnaires_for,
    responses_for,
    summary,
    summary_years,
    wants_mentor,
)
from .services import (
    needs_answer,
    needs_send,
    pair_response_decline,
    pair_response_submit,
    question_delete,
    question_save,
    questionnaire_ensure,
    questionnaire_is_frozen,
    questionnaire_next_year,
)

# --- questionnaires -----------------------------------------------------------------------------------


class QuestionnaireListView(RoleRequiredMixin, ListView):
    allowed_roles = QUESTIONNAIRE_READERS
    template_name = "surveys/questionnaire_list.html"
    context_object_name = "questionnaires"

    def get_queryset(self):
        return questionnaires_for(self.request.user)

    def get_context_data(self, **kwargs):
        year = academic_start_year(timezone.localdate())
        context = super().get_context_data(**kwargs)
        years: dict[int, list] = {}
        for questionnaire in context["questionnaires"]:
            years.setdefault(questionnaire.start_year, []).append(questionnaire)
        missing = set(Questionnaire.Audience) - {q.audience for q in years.get(year, [])}
        return {
            **context,
            "years": sorted(years.items(), reverse=True),
            "current_year": year,
            "current_missing": bool(missing),
            "can_edit": bool(self.roles & KEEPERS),
        }


class QuestionnairePrepareView(RoleRequiredMixin, View):
    """The curator makes this year's three questionnaires (from last year's questions or the standard ones)."""

    allowed_roles = KEEPERS

    def post(self, request):
        year = academic_start_year(timezone.localdate())
        for audience in Questionnaire.Audience:
            questionnaire_ensure(audience=audience, start_year=year)
        messages.success(request, f"Анкеты на {year}/{year + 1} учебный год подготовлены: проверьте вопросы.")
        return redirect("surveys:list")


class QuestionnaireDetailView(RoleRequiredMixin, DetailView):
    allowed_roles = QUESTIONNAIRE_READERS
    template_name = "surveys/questionnaire_detail.html"
    context_object_name = "questionnaire"

    def get_queryset(self):
        return questionnaires_for(self.request.user).prefetch_related("questions")

    def get_context_data(self, **kwargs):
        questionnaire = self.object
        needs = questionnaire.audience == Questionnaire.Audience.NEEDS
        responses = needs_responses(questionnaire) if needs else []
        return super().get_context_data(
            questions=list(questionnaire.questions.all()),
            frozen=questionnaire_is_frozen(questionnaire),
            can_edit=bool(self.roles & KEEPERS),
            needs=needs,
            is_current=questionnaire.start_year == academic_start_year(timezone.localdate()),
            needs_rows=[{"response": r, "wants": wants_mentor(r)} for r in responses],
            next_year=Questionnaire.objects.filter(
                audience=questionnaire.audience, start_year=questionnaire.start_year + 1
            ).first(),
            **kwargs,
        )


class QuestionnaireHistoryView(RoleRequiredMixin, RecordHistoryView):
    """The questionnaire's history and its questions' (added, reworded, removed), for its readers."""

    allowed_roles = QUESTIONNAIRE_READERS

    def get_queryset(self):
        return questionnaires_for(self.request.user)

    def history_sources(self):
        questionnaire = self.object
        return [
            Source("Анкета", Questionnaire.history.filter(id=questionnaire.pk)),
            Source(
                "Вопрос",
                Question.history.filter(questionnaire_id=questionnaire.pk),
                name_of=lambda row: f"{row.position}. {row.text[:60]}",
                omit=frozenset({"questionnaire"}),
            ),
        ]


class QuestionnaireNextYearView(RoleRequiredMixin, View):
    allowed_roles = KEEPERS

    def post(self, request, pk):
        questionnaire = get_object_or_404(questionnaires_for(request.user), pk=pk)
        outcome = questionnaire_next_year(questionnaire=questionnaire, actor=request.user)
        show_outcome(request, outcome, f"Подготовлена анкета на {outcome.obj.year_label} учебный год: меняйте вопросы.")
        return redirect(outcome.obj.get_absolute_url())


class QuestionFormView(RoleRequiredMixin, FormView):
    """Add a question (`questionnaire` in the URL) or change one (`pk`), while nobody has answered."""

    allowed_roles = KEEPERS
    form_class = QuestionForm
    template_name = "surveys/question_form.html"

    @cached_property
    def question(self) -> Question:
        if "pk" in self.kwargs:
            return get_object_or_404(
                Question.objects.select_related("questionnaire").filter(
                    questionnaire__in=questionnaires_for(self.request.user)
                ),
                pk=self.kwargs["pk"],
            )
        questionnaire = get_object_or_404(questionnaires_for(self.request.user), pk=self.kwargs["questionnaire"])
        last = questionnaire.questions.order_by("-position").first()
        return Question(questionnaire=questionnaire, position=(last.position + 1) if last else 1)

    def get(self, request, *args, **kwargs):
        if questionnaire_is_frozen(self.question.questionnaire):
            messages.error(request, "На эту анкету уже отвечали: её вопросы не меняются.")
            return redirect(self.question.questionnaire.get_absolute_url())
        return super().get(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.question}

    def get_context_data(self, **kwargs):
        return super().get_context_data(question=self.question, questionnaire=self.question.questionnaire, **kwargs)

    def form_valid(self, form):
        try:
            question_save(question=form.instance, actor=self.request.user)
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "Вопрос сохранён.")
        return redirect(self.question.questionnaire.get_absolute_url())

    def form_invalid(self, form):
        messages.error(self.request, "Вопрос не сохранён: исправьте отмеченное.")
        return super().form_invalid(form)


class QuestionDeleteView(RoleRequiredMixin, ConfirmedActionMixin, View):
    """«Удалить» a question: done from the page that says what happens."""

    allowed_roles = KEEPERS

    @cached_property
    def question(self) -> Question:
        return get_object_or_404(
            Question.objects.select_related("questionnaire").filter(
                questionnaire__in=questionnaires_for(self.request.user)
            ),
            pk=self.kwargs["pk"],
        )

    def confirmation(self) -> Confirmation:
        question = self.question
        return Confirmation(
            title="Удалить вопрос",
            consequences=[
                f"Вопрос «{question}» будет удалён из анкеты «{question.questionnaire}»; вернуть его можно, "
                "только написав заново."
            ],
            button="Удалить вопрос",
            cancel_url=question.questionnaire.get_absolute_url(),
        )

    def post(self, request, pk):
        question = self.question
        try:
            question_delete(question=question, actor=request.user)
        except ValidationError as error:
            report_errors(request, error)
        else:
            messages.success(request, "Вопрос удалён.")
        return redirect(question.questionnaire.get_absolute_url())


# --- the needs survey -------------------------------------------------------------------------------


class NeedsSendView(RoleRequiredMixin, FormView):
    """«Разослать»: the curator chooses whom this year's needs survey concerns."""

    allowed_roles = KEEPERS
    form_class = NeedsSendForm
    template_name = "surveys/needs_send.html"

    @cached_property
    def questionnaire(self) -> Questionnaire:
        # This academic year's survey: made with last year's (or the standard) questions if missing.
        year = academic_start_year(timezone.localdate())
        return questionnaire_ensure(audience=Questionnaire.Audience.NEEDS, start_year=year)

    @cached_property
    def recipients(self):
        return needs_recipients()

    def get_form_kwargs(self):
        kwargs = {**super().get_form_kwargs(), "recipients": self.recipients}
        if self.request.method == "GET":
            sent = set(self.questionnaire.responses.values_list("respondent_id", flat=True))
            kwargs["initial"] = {"people": [p.pk for p in self.recipients if p.pk not in sent]}
        return kwargs

    def get_context_data(self, **kwargs):
        from mentorship.selectors import refresh_candidates

        reasons = {candidate.person.pk: candidate.reasons for candidate in refresh_candidates()}
        sent = {r.respondent_id: r for r in self.questionnaire.responses.all()}
        form = kwargs.get("form") or self.get_form()
        chosen = {str(value) for value in (form["people"].value() or [])}
        rows = [
            {
                "person": person,
                "checked": str(person.pk) in chosen,
                "reasons": reasons.get(person.pk, []),
                "sent": sent.get(person.pk),
            }
            for person in self.recipients
        ]
        return super().get_context_data(questionnaire=self.questionnaire, rows=rows, **kwargs)

    def form_valid(self, form):
        try:
            outcome = needs_send(
                questionnaire=self.questionnaire, people=form.cleaned_data["people"], actor=self.request.user
            )
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        names = ", ".join(person.short_name for person in outcome.obj)
        show_outcome(self.request, outcome, f"Анкета отправлена: {names}" if names else "Анкета отправлена")
        return redirect(self.questionnaire.get_absolute_url())

    def form_invalid(self, form):
        messages.error(self.request, "Анкета не отправлена: исправьте отмеченное.")
        return super().form_invalid(form)


class NeedsAnswerView(RoleRequiredMixin, FormView):
    """The needs survey sent to the user (who may have no role yet: it asks whether they need a mentor)."""

    allow_without_role = True
    form_class = AnswerForm
    template_name = "surveys/answer_form.html"

    @cached_property
    def response(self) -> Response:
        person = person_of(self.request.user)
        if person is None:
            raise Http404
        return get_object_or_404(
            Response.objects.select_related("questionnaire").filter(respondent=person, program__isnull=True),
            pk=self.kwargs["pk"],
        )

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and self.response.is_done:
            messages.info(request, "Эта анкета уже заполнена.")
            return redirect(self.response.get_absolute_url())
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "questions": self.response.questionnaire.questions.all()}

    def get_context_data(self, **kwargs):
        questionnaire = self.response.questionnaire
        return super().get_context_data(
            questionnaire=questionnaire,
            title=f"{questionnaire.get_audience_display()} ({questionnaire.year_label})",
            **kwargs,
        )

    def form_valid(self, form):
        try:
            outcome = needs_answer(response=self.response, values=form.values(), actor=self.request.user)
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "Спасибо! Анкета отправлена куратору.")
        return redirect(outcome.obj.get_absolute_url())

    def form_invalid(self, form):
        messages.error(self.request, "Анкета не отправлена: ответьте на отмеченные вопросы.")
        return super().form_invalid(form)


# --- the pair's surveys -----------------------------------------------------------------------------


class ProgramSurveyView(RoleRequiredMixin, FormView):
    """The mentor's or a mentee's questionnaire about their own program, at the middle or at the end."""

    allowed_roles = PAIR_RESPONDENTS
    form_class = AnswerForm
    template_name = "surveys/answer_form.html"
    stage = ""

    @cached_property
    def program(self):
        program = program_for_respondent(self.request.user, self.kwargs["pk"])
        if program is None:
            raise Http404
        return program

    @cached_property
    def participant(self):
        person = person_of(self.request.user)
        return next(p for p in participants(self.program) if p.person.pk == person.pk)

    @cached_property
    def questionnaire(self) -> Questionnaire:
        year = academic_start_year(timezone.localdate())
        found = Questionnaire.objects.filter(audience=self.participant.audience, start_year=year).first()
        # Shown before any answer: the questions this year's answer will be given to.
        return found or questionnaire_ensure(audience=self.participant.audience, start_year=year)

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated or not self.roles & self.allowed_roles:
            return super().dispatch(request, *args, **kwargs)
        existing = Response.objects.filter(
            program=self.program, stage=self.stage, respondent=self.participant.person
        ).first()
        if existing is not None:
            messages.info(request, "Эта анкета уже заполнена или записан отказ от ответа.")
            return redirect(existing.get_absolute_url())
        if not is_open(self.program, self.stage, timezone.localdate()):
            messages.info(request, opening_sentence(self.program, self.stage))
            return redirect(self.program.get_absolute_url())
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "questions": self.questionnaire.questions.all()}

    def get_context_data(self, **kwargs):
        stage = Response.Stage(self.stage)
        return super().get_context_data(
            questionnaire=self.questionnaire,
            program=self.program,
            stage=stage,
            title=f"{stage.label} анкета: {self.questionnaire.get_audience_display().lower()}",
            decline_form=DeclineForm(),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            pair_response_submit(program=self.program, stage=self.stage, values=form.values(), actor=self.request.user)
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "Спасибо! Анкета заполнена.")
        return redirect(self.program.get_absolute_url())

    def form_invalid(self, form):
        messages.error(self.request, "Анкета не отправлена: ответьте на отмеченные вопросы.")
        return super().form_invalid(form)


class ProgramSurveyDeclineView(RoleRequiredMixin, View):
    """A refusal to answer: the participant's own, or one given on paper that the curator records
    (`person` names the participant)."""

    allowed_roles = PAIR_RESPONDENTS | KEEPERS
    stage = ""

    def post(self, request, pk):
        own = person_of(request.user)
        person_pk = id_param(request.POST.get("person"))
        if self.roles & KEEPERS and person_pk is not None and (own is None or person_pk != own.pk):
            program = get_object_or_404(programs_for(request.user), pk=pk)
            person = next((p.person for p in participants(program) if p.person.pk == person_pk), None)
            if person is None:
                raise Http404
        else:
            if person_pk is not None and (own is None or person_pk != own.pk):
                raise Http404  # a participant declines only for themself
            program = program_for_respondent(request.user, pk)
            if program is None:
                raise Http404
            person = own
        form = DeclineForm(request.POST)
        reason = form.cleaned_data["reason"] if form.is_valid() else ""
        try:
            pair_response_decline(program=program, stage=self.stage, person=person, reason=reason, actor=request.user)
        except ValidationError as error:
            report_errors(request, error)
        else:
            messages.success(request, sentence(f"Записан отказ от ответа: {person.short_name}"))
        return redirect(program.get_absolute_url())


# --- reading ----------------------------------------------------------------------------------------


class ResponseDetailView(RoleRequiredMixin, DetailView):
    """One answer: its author, the curator and the head; anyone else 404 (the other member of the pair
    too), the council and the administrator included: they have the summary, with no names."""

    allow_without_role = True
    template_name = "surveys/response_detail.html"
    context_object_name = "response"

    def get_queryset(self):
        return responses_for(self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(reads_all=bool(self.roles & ANSWER_READERS), **kwargs)


class SummaryView(RoleRequiredMixin, TemplateView):
    allowed_roles = SUMMARY_READERS
    template_name = "surveys/summary.html"

    def get_context_data(self, **kwargs):
        years = summary_years()
        year = id_param(self.request.GET.get("year"))
        if year not in years:
            year = years[0]
        return super().get_context_data(
            years=years,
            year=year,
            year_label=f"{year}/{year + 1}",
            can_open_questionnaires=bool(self.roles & QUESTIONNAIRE_READERS),
            **summary(year),
            **kwargs,
        )
