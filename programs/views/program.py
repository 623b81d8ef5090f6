"""Programs' pages: the bank (list), writing and editing a program and its plan, the program's page
with its moves and agreements, version comparison, the printed program, copying a best practice.

Every page fetches through `programs_for(user)`: another pair's program is a 404; a role that never
sees programs (the system administrator) gets a 403. The services decide the rest.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import DetailView, FormView, TemplateView, UpdateView

from core.files import file_response
from core.history import Source
from core.http import id_param
from core.views import RecordHistoryView, form_errors, report_errors
from mentorship.selectors import pairings_for
from people.access import RoleRequiredMixin, ScopedListView
from people.roles import Role

from ..agreement import council_basis
from ..completion import missing_for_completion
from ..diff import compare
from ..forms.program import PlanItemForm, PlanItemMarkForm, ProgramCompleteForm, ProgramFilter, ProgramForm
from ..models import PlanItem, Program, ProgramTransition, ProgramVersion
from ..pdf import program_pdf
from ..progress import program_log_context, progress_for
from ..roles import (
    AGREERS,
    ANY_PAIR_CREATORS,
    BEST_PRACTICE_KEEPERS,
    COMPLETERS,
    CREATOR_ROLES,
    MARKERS,
    PROGRAM_ROLES,
)
from ..selectors import programs_for, reads_every_program
from ..services.program import (
    TEXT_FIELDS,
    council_exists,
    pairings_for_new_program,
    plan_item_delete,
    plan_item_mark,
    plan_item_save,
    program_agree,
    program_create,
    program_move,
    program_prefill,
    program_set_best_practice,
    program_update,
    roles_on,
)

S = Program.Status


def program_page(user):
    """A program with everything its page shows, in a fixed number of queries."""
    return (
        programs_for(user)
        .select_related(
            "pairing__mentor__person__position",
            "pairing__mentor__person__organization",
            "curator_agreed_by",
            "council_agreed_by",
            "approved_by__person",
            "copied_from__pairing__mentor__person",
        )
        .prefetch_related(
            "pairing__mentees__person__position",
            "pairing__forms",
            Prefetch("items", queryset=PlanItem.objects.select_related("direction", "form").order_by("position", "pk")),
            Prefetch("transitions", queryset=ProgramTransition.objects.select_related("actor__person")),
            Prefetch("versions", queryset=ProgramVersion.objects.select_related("created_by__person").defer("data")),
        )
    )


class ProgramListView(ScopedListView):
    """The bank of programs. The head, curator and council see all; a mentor or mentee their own:
    a program carries the mentee's difficulties, so best practices are not shown to other pairs."""

    allowed_roles = PROGRAM_ROLES
    filterset_class = ProgramFilter
    template_name = "programs/program_list.html"

    def get_queryset(self):
        # The bare programs: the paginator counts them without touching the plans.
        return programs_for(self.request.user).order_by("-starts_on", "-pk")

    def paginate_queryset(self, queryset, page_size):
        # The plan's counts only for the page's rows, in one query (progress_for): counted over the
        # join of every program with its plan before the limit, they cost more than the page itself.
        paginator, page, rows, is_paginated = super().paginate_queryset(queryset, page_size)
        rows = page.object_list = list(rows)
        progress = progress_for(rows) if rows else {}
        for program in rows:
            program.items_total = progress[program.pk].total
            program.items_done = progress[program.pk].done
        return paginator, page, rows, is_paginated

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            can_create=bool(self.roles & CREATOR_ROLES),
            reads_every_program=reads_every_program(self.request.user),
            **kwargs,
        )


class ProgramStartView(RoleRequiredMixin, TemplateView):
    """Which pair the new program is for: pairs whose consents are in and that have no program in work."""

    allowed_roles = CREATOR_ROLES
    template_name = "programs/program_start.html"

    def get_context_data(self, **kwargs):
        pairings = pairings_for(self.request.user)
        if not self.roles & ANY_PAIR_CREATORS:
            pairings = pairings.filter(mentor__person=self.person)
        return super().get_context_data(pairings=pairings_for_new_program(pairings), **kwargs)


class ProgramCreateView(RoleRequiredMixin, FormView):
    """A new program for a pair, prefilled from the bank; `?from=<pk>` starts it from a best practice."""

    allowed_roles = CREATOR_ROLES
    form_class = ProgramForm
    template_name = "programs/program_form.html"

    @cached_property
    def pairing(self):
        return get_object_or_404(pairings_for(self.request.user), pk=self.kwargs["pairing_pk"])

    @cached_property
    def source(self) -> Program | None:
        raw = self.request.GET.get("from") or self.request.POST.get("from")
        if not raw:
            return None
        pk = id_param(raw)
        if pk is None:
            raise Http404("Нет такой программы.")
        return get_object_or_404(
            programs_for(self.request.user).filter(is_best_practice=True).prefetch_related("items"), pk=pk
        )

    def get(self, request, *args, **kwargs):
        existing = self.pairing.programs.exclude(status__in=Program.CLOSED_STATUSES).first()
        if existing is not None:
            messages.info(request, "У пары уже есть программа в работе.")
            return redirect(existing.get_absolute_url())
        return super().get(request, *args, **kwargs)

    def get_initial(self):
        initial = program_prefill(self.pairing)
        if self.source is not None:
            initial.update(
                goal=self.source.goal, tasks=self.source.tasks, expected_results=self.source.expected_results
            )
        return initial

    def get_context_data(self, **kwargs):
        return super().get_context_data(pairing=self.pairing, source=self.source, **kwargs)

    def form_valid(self, form):
        try:
            outcome = program_create(
                pairing=self.pairing,
                **{name: form.cleaned_data[name] for name in TEXT_FIELDS},
                actor=self.request.user,
                copied_from=self.source,
            )
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "Черновик программы сохранён. Добавьте мероприятия плана.")
        for warning in outcome.warnings:
            messages.warning(self.request, warning)
        return redirect(outcome.obj.get_absolute_url())

    def form_invalid(self, form):
        messages.error(self.request, "Программа не сохранена: исправьте отмеченное.")
        return super().form_invalid(form)


class ProgramUpdateView(RoleRequiredMixin, UpdateView):
    allowed_roles = CREATOR_ROLES
    form_class = ProgramForm
    template_name = "programs/program_form.html"
    context_object_name = "program"

    def get_queryset(self):
        return programs_for(self.request.user).filter(status__in=Program.EDITABLE_STATUSES)

    def get_context_data(self, **kwargs):
        return super().get_context_data(pairing=self.object.pairing, **kwargs)

    def form_valid(self, form):
        program = Program.objects.get(pk=self.object.pk)
        try:
            program_update(
                program=program,
                **{name: form.cleaned_data[name] for name in TEXT_FIELDS},
                actor=self.request.user,
            )
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "Изменения сохранены.")
        return redirect(program.get_absolute_url())

    def form_invalid(self, form):
        messages.error(self.request, "Изменения не сохранены: исправьте отмеченное.")
        return super().form_invalid(form)


class ProgramHistoryView(RoleRequiredMixin, RecordHistoryView):
    """The program's history and its plan's, for whoever reads the program."""

    allowed_roles = PROGRAM_ROLES

    def get_queryset(self):
        return programs_for(self.request.user)

    def history_sources(self):
        program = self.object
        return [
            Source("Программа", Program.history.filter(id=program.pk)),
            Source(
                "План",
                PlanItem.history.filter(program_id=program.pk),
                name_of=lambda row: f"пункт {row.position} «{row.activity[:60]}»",
                omit=frozenset({"program"}),
            ),
        ]


class ProgramDetailView(RoleRequiredMixin, DetailView):
    allowed_roles = PROGRAM_ROLES
    template_name = "programs/program_detail.html"
    context_object_name = "program"

    def get_queryset(self):
        return program_page(self.request.user)

    def get_context_data(self, **kwargs):
        program = self.object
        today = timezone.localdate()
        roles = roles_on(program, self.request.user)
        items = list(program.items.all())
        for item in items:
            item.overdue = item.is_overdue(today)
        has_council = council_exists()
        review = program.status == S.REVIEW
        missing = program.missing_agreements(council_exists=has_council) if review else []
        versions = list(program.versions.all())
        log = program_log_context(program, self.request.user, items=items)
        for item in items:
            item.logged = [record for record in log["records"] if record.item_id == item.pk]
        return super().get_context_data(
            pairing=program.pairing,
            mentees=[mentee.person for mentee in program.pairing.mentees.all()],
            items=items,
            # A phone shows the plan as cards, what is still to do first: the next item on top.
            items_ahead=sorted((i for i in items if not i.is_done), key=lambda i: (i.deadline, i.position, i.pk)),
            items_done=[item for item in items if item.is_done],
            progress=log["progress"],
            buttons=program.buttons(roles),
            missing_agreements=missing,
            has_council=has_council,
            council_basis=council_basis(program) if program.council_agreed_at else None,
            can_edit=program.is_editable and bool(roles & CREATOR_ROLES),
            can_agree_curator=review and Role.CURATOR in roles and not program.curator_agreed_at,
            can_agree_council=review
            and has_council
            and Role.COUNCIL in roles
            and not program.council_agreed_at
            and Role.MENTOR not in roles,
            can_mark=program.in_work and bool(roles & MARKERS),
            can_mark_best=program.status == S.COMPLETED and bool(roles & BEST_PRACTICE_KEEPERS),
            can_copy=program.is_best_practice and bool(roles & ANY_PAIR_CREATORS),
            versions=versions,
            last_versions=(versions[-2].number, versions[-1].number) if len(versions) > 1 else None,
            transitions=program.transitions.all(),
            log=log,
            today=today,
            **kwargs,
        )


class ProgramActionView(RoleRequiredMixin, View):
    """A POST on a program's page: the service decides; its refusal comes back as messages."""

    allowed_roles = PROGRAM_ROLES
    success = ""

    def post(self, request, pk):
        program = get_object_or_404(programs_for(request.user), pk=pk)
        try:
            self.act(program, request.POST)
        except ValidationError as error:
            report_errors(request, error)
        else:
            program.refresh_from_db()
            messages.success(request, self.success_text(program))
        return redirect(self.next_url(program))

    def next_url(self, program) -> str:
        return program.get_absolute_url()

    def success_text(self, program) -> str:
        return self.success


class ProgramMoveView(ProgramActionView):
    """One transition of Program.TRANSITIONS; from the head's queue it returns to the queue."""

    def act(self, program, data):
        program_move(
            program=program,
            target=data.get("target", ""),
            actor=self.request.user,
            comment=data.get("comment", ""),
            agreed=data.get("agreed") == "on",
        )

    def success_text(self, program) -> str:
        return f"Состояние программы: «{program.get_status_display()}»."

    def next_url(self, program) -> str:
        if self.request.POST.get("next") == "queue":
            return reverse("mentorship:approval-queue")
        return program.get_absolute_url()


class ProgramAgreeView(ProgramActionView):
    allowed_roles = AGREERS
    success = "Программа согласована."

    def act(self, program, data):
        program_agree(program=program, on_behalf=data.get("as", ""), actor=self.request.user)


class ProgramBestPracticeView(ProgramActionView):
    allowed_roles = BEST_PRACTICE_KEEPERS

    def act(self, program, data):
        program_set_best_practice(program=program, value=data.get("value") == "1", actor=self.request.user)

    def success_text(self, program) -> str:
        return "Программа отмечена как лучшая практика." if program.is_best_practice else "Отметка снята."


class ProgramCompleteView(RoleRequiredMixin, FormView):
    """The curator closes a running program: the final assessment and the conclusion."""

    allowed_roles = COMPLETERS
    form_class = ProgramCompleteForm
    template_name = "programs/program_complete.html"

    @cached_property
    def program(self) -> Program:
        return get_object_or_404(program_page(self.request.user), pk=self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        if self.program.status != S.RUNNING:
            messages.error(request, "Завершить можно программу, которая реализуется.")
            return redirect(self.program.get_absolute_url())
        return super().get(request, *args, **kwargs)

    def get_initial(self):
        return {
            "final_assessment": self.program.final_assessment,
            "curator_conclusion": self.program.curator_conclusion,
        }

    def get_context_data(self, **kwargs):
        items = list(self.program.items.all())
        return super().get_context_data(
            program=self.program,
            undone=[item for item in items if not item.is_done],
            missing=missing_for_completion(self.program),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            program_move(
                program=self.program,
                target=S.COMPLETED,
                actor=self.request.user,
                **form.cleaned_data,
            )
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "Программа завершена.")
        return redirect(self.program.get_absolute_url())


class ProgramCopyView(RoleRequiredMixin, TemplateView):
    """Start a program for another pair from a best practice: choose the pair."""

    allowed_roles = ANY_PAIR_CREATORS
    template_name = "programs/program_copy.html"

    def get_context_data(self, **kwargs):
        source = get_object_or_404(
            programs_for(self.request.user).filter(is_best_practice=True).prefetch_related("items"),
            pk=self.kwargs["pk"],
        )
        pairings = pairings_for_new_program(pairings_for(self.request.user))
        return super().get_context_data(source=source, pairings=pairings, **kwargs)


class ProgramCompareView(RoleRequiredMixin, TemplateView):
    """Two versions side by side: fields old → new; plan rows added, removed, changed (cells marked)."""

    allowed_roles = PROGRAM_ROLES
    template_name = "programs/program_compare.html"

    def get_context_data(self, **kwargs):
        program = get_object_or_404(programs_for(self.request.user), pk=self.kwargs["pk"])
        versions = {version.number: version for version in program.versions.select_related("created_by__person")}
        numbers = sorted(versions)
        context = {"program": program, "versions": [versions[n] for n in numbers], "comparison": None}
        if len(numbers) >= 2:
            old, new = self._number("a", numbers[-2], versions), self._number("b", numbers[-1], versions)
            if old > new:
                old, new = new, old
            context.update(
                old=versions[old], new=versions[new], comparison=compare(versions[old].data, versions[new].data)
            )
        return super().get_context_data(**context, **kwargs)

    def _number(self, name: str, default: int, versions: dict) -> int:
        number = id_param(self.request.GET.get(name))
        return number if number in versions else default


class ProgramPdfView(RoleRequiredMixin, View):
    """The program as printed: approval block, participants, text, plan with the completion marks."""

    allowed_roles = PROGRAM_ROLES

    def get(self, request, pk):
        program = get_object_or_404(program_page(request.user), pk=pk)
        # The mentee's difficulties: file_response keeps it out of the browser's and a proxy's cache.
        return file_response(program_pdf(program), "application/pdf", f"{program.file_title}.pdf", inline=True)


class PlanItemFormMixin(RoleRequiredMixin):
    allowed_roles = CREATOR_ROLES
    form_class = PlanItemForm
    template_name = "programs/program_item_form.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(program=self.program, **kwargs)

    def form_valid(self, form):
        item = form.save(commit=False)
        item.program = self.program
        try:
            plan_item_save(item=item, actor=self.request.user)
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Пункт плана № {item.position} сохранён.")
        return redirect(self.program.get_absolute_url() + "#plan")

    def form_invalid(self, form):
        messages.error(self.request, "Пункт не сохранён: исправьте отмеченное.")
        return super().form_invalid(form)


def editable_programs(user):
    return programs_for(user).filter(status__in=Program.EDITABLE_STATUSES)


class PlanItemCreateView(PlanItemFormMixin, FormView):
    @cached_property
    def program(self) -> Program:
        return get_object_or_404(editable_programs(self.request.user), pk=self.kwargs["pk"])

    def get_initial(self):
        last = self.program.items.order_by("-position").first()
        return {
            "direction": last.direction_id if last else self.program.pairing.direction_id,
            "deadline": self.program.starts_on,
            "responsible": self.program.pairing.mentor.person.short_name,
        }

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": PlanItem(program=self.program)}


class PlanItemUpdateView(PlanItemFormMixin, UpdateView):
    context_object_name = "item"

    def get_queryset(self):
        return PlanItem.objects.filter(program__in=editable_programs(self.request.user)).select_related("program")

    @property
    def program(self) -> Program:
        return self.object.program


class PlanItemDeleteView(RoleRequiredMixin, View):
    allowed_roles = CREATOR_ROLES

    def post(self, request, pk):
        item = get_object_or_404(PlanItem.objects.filter(program__in=programs_for(request.user)), pk=pk)
        try:
            plan_item_delete(item=item, actor=request.user)
        except ValidationError as error:
            report_errors(request, error)
        else:
            messages.success(request, f"Пункт плана № {item.position} удалён.")
        return redirect(reverse("programs:program-detail", args=[item.program_id]) + "#plan")


class PlanItemMarkView(RoleRequiredMixin, View):
    """The pair's mentor or the curator marks a line done (date and note) or takes the mark back."""

    allowed_roles = MARKERS

    def post(self, request, pk):
        item = get_object_or_404(PlanItem.objects.filter(program__in=programs_for(request.user)), pk=pk)
        undo = request.POST.get("undo") == "1"
        form = PlanItemMarkForm(request.POST)
        try:
            if undo:
                plan_item_mark(item=item, done_on=None, actor=request.user)
            elif form.is_valid():
                plan_item_mark(
                    item=item,
                    done_on=form.cleaned_data["done_on"],
                    note=form.cleaned_data["done_note"],
                    actor=request.user,
                )
            else:
                raise ValidationError("Укажите дату выполнения.")
        except ValidationError as error:
            report_errors(request, error)
        else:
            messages.success(request, f"Пункт № {item.position}: {'отметка снята' if undo else 'выполнен'}.")
        return redirect(reverse("programs:program-detail", args=[item.program_id]) + "#plan")
