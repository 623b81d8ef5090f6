"""Diagnostics pages: a program's diagnostics (statuses, numbers, chart), filling one, carrying the
start diagnostics into the program's difficulties, and the plan suggestions.

Every page fetches the program through programs_for(user) (programs.selectors): another pair's program
is a 404, a role that never reads programs (the system administrator) a 403. The services decide the rest.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import FormView, TemplateView

from core.http import id_param
from core.views import form_errors, report_errors
from people.access import RoleRequiredMixin
from programs.models import Program
from programs.services.program import roles_on

from .forms import DiagnosticForm, SuggestionsForm
from .growth import COLUMNS, growth_of
from .models import Diagnostic
from .roles import PLAN_WRITERS, RATERS, READERS
from .selectors import competencies_for, diagnostics_of, programs_readable, typical_activities
from .services import (
    Answer,
    Pick,
    author_for,
    diagnostic_save,
    difficulties_text,
    difficulties_transfer,
    mentees_of,
    stage_closed,
    suggestions_add,
    weakest,
)

Stage, Author = Diagnostic.Stage, Diagnostic.Author


def program_query(user):
    return (
        programs_readable(user)
        .select_related("pairing__mentor__person", "pairing__direction")
        .prefetch_related("pairing__mentees__person")
    )


def overview(program, user) -> dict:
    """Everything the program's diagnostics show: per mentee the four diagnostics (sent or not, may
    this user fill it now), the rows and the chart; the same for the card on the program's page."""
    mentees = mentees_of(program)
    growths = growth_of(program, mentees, diagnostics_of(program))
    for growth in growths:
        author = author_for(program, user, growth.person) if user is not None else None
        growth.cells = []
        for stage, who, label, _colour in COLUMNS:
            diagnostic = growth.diagnostics.get((stage, who))
            mine = author == who
            growth.cells.append(
                {
                    "label": label,
                    "stage": stage,
                    "diagnostic": diagnostic,
                    "fill_url": (
                        reverse("diagnostics:fill", args=[program.pk]) + f"?stage={stage}&person={growth.person.pk}"
                        if mine and not (diagnostic and diagnostic.is_submitted) and not stage_closed(program, stage)
                        else None
                    ),
                }
            )
        growth.show_chart = growth.has_start and growth.has_end
    return {"growths": growths, "columns": COLUMNS}


class ProgramDiagnosticsView(RoleRequiredMixin, TemplateView):
    """A program's diagnostics: who has sent what, the numbers and the chart of start against end."""

    allowed_roles = READERS
    template_name = "diagnostics/program.html"

    def get_context_data(self, **kwargs):
        program = get_object_or_404(program_query(self.request.user), pk=self.kwargs["pk"])
        roles = roles_on(program, self.request.user)
        may_write = program.is_editable and bool(roles & PLAN_WRITERS)
        return super().get_context_data(
            program=program,
            pairing=program.pairing,
            can_transfer=may_write and bool(difficulties_text(program)),
            can_suggest=may_write,
            **overview(program, self.request.user),
            **kwargs,
        )


class DiagnosticFillView(RoleRequiredMixin, FormView):
    """The mentee rates herself, or the pair's mentor rates a mentee: «Сохранить черновик» or
    «Отправить». `?stage=start|end&person=<id>`; anything else is a 404."""

    allowed_roles = RATERS
    template_name = "diagnostics/fill.html"
    form_class = DiagnosticForm

    @cached_property
    def program(self) -> Program:
        return get_object_or_404(
            program_query(self.request.user).prefetch_related("pairing__mentees__person"), pk=self.kwargs["pk"]
        )

    @cached_property
    def target(self):
        """(stage, person, author, the diagnostic so far or None): `?stage=start|end&person=<id>`, by
        default the start diagnostics of the user herself (a mentee) or of the first mentee (the mentor)."""
        params = self.request.GET
        stage = params.get("stage", Stage.START)
        mentees = mentees_of(self.program)
        me = self.person
        # Without `person`: the mentee herself, or the mentor's first mentee.
        default = next((p for p in mentees if me is not None and p.pk == me.pk), mentees[0] if mentees else None)
        person = (
            next((p for p in mentees if p.pk == id_param(params.get("person"))), None)
            if "person" in params
            else default
        )
        if stage not in Stage.values or person is None:
            raise Http404("Нет такой диагностики.")
        author = author_for(self.program, self.request.user, person)
        if author is None:
            raise Http404("Эту диагностику заполняет сам наставляемый или его наставник.")
        diagnostic = diagnostics_of(self.program).filter(stage=stage, author=author, person=person).first()
        return stage, person, author, diagnostic

    @cached_property
    def ratings(self) -> dict:
        diagnostic = self.target[3]
        return {rating.competency_id: rating for rating in diagnostic.ratings.all()} if diagnostic else {}

    @cached_property
    def competencies(self):
        return competencies_for(self.program, rated=self.ratings.keys())

    @property
    def frozen(self) -> bool:
        diagnostic = self.target[3]
        return bool(diagnostic and diagnostic.is_submitted)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "competencies": self.competencies,
            "ratings": self.ratings,
            "disabled": self.frozen or bool(stage_closed(self.program, self.target[0])),
        }

    def get_context_data(self, **kwargs):
        stage, person, author, diagnostic = self.target
        return super().get_context_data(
            program=self.program,
            stage=Stage(stage),
            person=person,
            author=Author(author),
            diagnostic=diagnostic,
            closed=stage_closed(self.program, stage),
            frozen=self.frozen,
            **kwargs,
        )

    def form_valid(self, form):
        stage, person, _author, _diagnostic = self.target
        submit = self.request.POST.get("submit") == "1"
        answers = [
            Answer(c, form.cleaned_data.get(f"score_{c.pk}"), form.cleaned_data.get(f"comment_{c.pk}") or "")
            for c in self.competencies
        ]
        try:
            diagnostic_save(
                program=self.program,
                stage=stage,
                person=person,
                answers=answers,
                submit=submit,
                actor=self.request.user,
            )
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request, "Диагностика отправлена." if submit else "Черновик сохранён: его можно дополнить."
        )
        if submit:
            return redirect("diagnostics:program", self.program.pk)
        return redirect(self.request.get_full_path())

    def form_invalid(self, form):
        messages.error(self.request, "Не сохранено: исправьте отмеченное.")
        return super().form_invalid(form)


class DifficultiesTransferView(RoleRequiredMixin, View):
    """«Перенести в затруднения программы»: adds, never replaces (services.difficulties_transfer)."""

    allowed_roles = PLAN_WRITERS

    def post(self, request, pk):
        program = get_object_or_404(program_query(request.user), pk=pk)
        try:
            difficulties_transfer(program=program, actor=request.user)
        except ValidationError as error:
            report_errors(request, error)
        else:
            messages.success(request, "Затруднения из входной самодиагностики добавлены в текст программы.")
        return redirect("diagnostics:program", program.pk)


class SuggestionsView(RoleRequiredMixin, FormView):
    """«Предложить мероприятия»: the typical activities of the competencies rated lowest in this
    program's latest sent diagnostics; the mentor ticks, adjusts and dates them, and they go into the
    plan through programs' plan service."""

    allowed_roles = PLAN_WRITERS
    template_name = "diagnostics/suggestions.html"
    form_class = SuggestionsForm

    @cached_property
    def program(self) -> Program:
        program = get_object_or_404(
            program_query(self.request.user).filter(status__in=Program.EDITABLE_STATUSES), pk=self.kwargs["pk"]
        )
        if not roles_on(program, self.request.user) & PLAN_WRITERS:
            raise PermissionDenied("Изменять план этой программы вы не можете.")
        return program

    @cached_property
    def weakest(self):
        return weakest(self.program)

    @cached_property
    def activities(self):
        ids = [competency.pk for competency, _score in self.weakest]
        order = {pk: index for index, pk in enumerate(ids)}
        return sorted(typical_activities(ids), key=lambda a: (order[a.competency_id], a.sort_order, a.name))

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "activities": self.activities, "program": self.program}

    def get_context_data(self, **kwargs):
        scores = {competency.pk: score for competency, score in self.weakest}
        return super().get_context_data(program=self.program, weakest=self.weakest, scores=scores, **kwargs)

    def form_valid(self, form):
        picks = [
            Pick(a, form.cleaned_data.get(f"text_{a.pk}") or "", form.cleaned_data.get(f"deadline_{a.pk}"))
            for a in self.activities
            if form.cleaned_data.get(f"take_{a.pk}")
        ]
        try:
            outcome = suggestions_add(program=self.program, picks=picks, actor=self.request.user)
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"В план добавлено мероприятий: {len(outcome.obj)}.")
        return redirect(self.program.get_absolute_url() + "#plan")

    def form_invalid(self, form):
        messages.error(self.request, "В план ничего не добавлено: исправьте отмеченное.")
        return super().form_invalid(form)
