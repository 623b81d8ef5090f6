"""Pages of the roadmap. Reading: the head, the curator, the council, the administrator.
Writing: the curator drafts, sends and marks execution; the head approves or returns.
Objects are fetched through the selectors; what may not change any more is a 404 to the edit
pages (their buttons are not shown), a wrong role is a 403."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import DetailView, FormView, ListView, TemplateView

from core.files import file_response
from core.history import Source
from core.http import id_param, local_path, text_param
from core.views import (
    Confirmation,
    ConfirmedActionMixin,
    RecordHistoryView,
    form_errors,
    move_confirmation,
    report_errors,
    show_outcome,
)
from people.access import ProtectedFileView, RoleRequiredMixin
from people.models import Organization

from .documents import render_roadmap_pdf
from .forms import ActivityForm, MarkForm, RoadmapCreateForm, StageForm
from .models import Activity, Roadmap, Stage
from .roles import APPROVERS, DRAFTERS, MOVERS, READERS
from .selectors import activities_for, roadmap_detail_queryset, roadmaps_for
from .services import (
    activity_delete,
    activity_mark,
    activity_save,
    activity_unmark,
    creatable_years,
    roadmap_approve,
    roadmap_create,
    roadmap_delete,
    roadmap_move,
    stage_delete,
    stage_save,
)


class RoadmapListView(RoleRequiredMixin, ListView):
    allowed_roles = READERS
    template_name = "roadmap/list.html"
    context_object_name = "roadmaps"

    def get_queryset(self):
        return roadmaps_for(self.request.user)

    def get_context_data(self, **kwargs):
        own = Organization.own()
        can_create = bool(self.roles & DRAFTERS) and own is not None and bool(creatable_years(own))
        return super().get_context_data(can_create=can_create, **kwargs)


class RoadmapCreateView(RoleRequiredMixin, FormView):
    allowed_roles = DRAFTERS
    form_class = RoadmapCreateForm
    template_name = "roadmap/create.html"

    @cached_property
    def years(self) -> list[int]:
        own = Organization.own()
        return creatable_years(own) if own is not None else []

    def get_form_kwargs(self):
        sources = []
        if self.years:
            sources = list(roadmaps_for(self.request.user).filter(start_year__lt=max(self.years)))
        return {**super().get_form_kwargs(), "years": self.years, "sources": sources}

    def get_context_data(self, **kwargs):
        return super().get_context_data(years=self.years, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            outcome = roadmap_create(
                start_year=data["start_year"],
                basis=data["basis"],
                source=data["source"],
                actor=self.request.user,
            )
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        show_outcome(self.request, outcome, "Черновик дорожной карты составлен: проверьте сроки и ответственных.")
        return redirect(outcome.obj.get_absolute_url())

    def form_invalid(self, form):
        messages.error(self.request, "Дорожная карта не создана: исправьте отмеченное.")
        return super().form_invalid(form)


class RoadmapDetailView(RoleRequiredMixin, DetailView):
    allowed_roles = READERS
    template_name = "roadmap/detail.html"
    context_object_name = "roadmap"

    def get_queryset(self):
        return roadmap_detail_queryset(self.request.user)

    def get_context_data(self, **kwargs):
        roadmap = self.object
        today = timezone.localdate()
        stages = list(roadmap.stages.all())
        total = done = overdue = late = 0
        for stage in stages:
            for activity in stage.activities.all():
                activity.overdue = roadmap.is_approved and activity.is_overdue(today)
                total += 1
                done += activity.is_done
                late += activity.is_late
                overdue += activity.overdue
        is_curator = bool(self.roles & DRAFTERS)
        transitions = list(roadmap.transitions.all())
        return super().get_context_data(
            stages=stages,
            today=today,
            counts={"total": total, "done": done, "overdue": overdue, "late": late},
            done_percent=round(100 * done / total) if total else 0,
            buttons=roadmap.buttons(self.roles),
            can_edit=is_curator and roadmap.is_editable,
            can_mark=is_curator and roadmap.is_approved,
            can_delete=is_curator and roadmap.is_deletable,
            deciding=bool(self.roles & APPROVERS) and roadmap.status == Roadmap.Status.AWAITING_APPROVAL,
            transitions=transitions,
            last_return=next((s for s in reversed(transitions) if s.target == Roadmap.Status.RETURNED), None),
            **kwargs,
        )


class RoadmapHistoryView(RoleRequiredMixin, RecordHistoryView):
    """The roadmap's history with its stages' and activities' (removed ones too), for its readers."""

    allowed_roles = READERS

    def get_queryset(self):
        return roadmaps_for(self.request.user)

    def history_sources(self):
        roadmap = self.object
        stages = Stage.history.filter(roadmap_id=roadmap.pk)
        return [
            Source("Дорожная карта", Roadmap.history.filter(id=roadmap.pk)),
            Source("Этап", stages, name_of=lambda row: f"{row.number}. {row.title}", omit=frozenset({"roadmap"})),
            Source(
                "Мероприятие",
                Activity.history.filter(stage_id__in=stages.values("id")),
                name_of=lambda row: f"{row.number}. {row.text[:60]}",
            ),
        ]


MOVED = {
    Roadmap.Status.AWAITING_APPROVAL: "Дорожная карта на {year} учебный год отправлена руководителю на утверждение.",
    Roadmap.Status.DRAFT: "Дорожная карта на {year} учебный год забрана на доработку: это снова черновик.",
    Roadmap.Status.RETURNED: "Дорожная карта на {year} учебный год возвращена куратору.",
}


class RoadmapActionView(RoleRequiredMixin, ConfirmedActionMixin, View):
    """A POST about one roadmap the user may read; `move()` runs one transition of Roadmap.TRANSITIONS.
    A move whose row says what it does (Transition.consequence) is made from the page that says it."""

    def confirmation(self) -> Confirmation | None:
        roadmap = self.roadmap(self.kwargs["pk"])
        return move_confirmation(
            roadmap,
            self.request.POST.get("target") or self.request.GET.get("target", ""),
            title=str(roadmap),
            cancel_url=roadmap.get_absolute_url(),
            comment=text_param(self.request.POST.get("comment")),
        )

    def roadmap(self, pk) -> Roadmap:
        return get_object_or_404(roadmaps_for(self.request.user), pk=pk)

    def move(self, roadmap: Roadmap, target: str) -> None:
        request = self.request
        try:
            outcome = roadmap_move(
                roadmap=roadmap,
                target=target,
                actor=request.user,
                comment=text_param(request.POST.get("comment")),
            )
        except ValidationError as error:
            report_errors(request, error)
        else:
            text = MOVED.get(outcome.obj.status, "Состояние дорожной карты на {year} учебный год изменено.")
            show_outcome(request, outcome, text.format(year=outcome.obj.year_label))


class RoadmapMoveView(RoadmapActionView):
    """A button on the roadmap's page: one transition of Roadmap.TRANSITIONS."""

    allowed_roles = MOVERS

    def post(self, request, pk):
        roadmap = self.roadmap(pk)
        self.move(roadmap, request.POST.get("target", ""))
        return redirect(roadmap.get_absolute_url())


class HeadDecisionView(RoadmapActionView):
    """The head's decision, from the queue or from the roadmap's page: back to where it came from,
    if that is a page of this site, else to the queue. Made from the page that says what happens."""

    allowed_roles = APPROVERS
    target = ""

    def confirmation(self) -> Confirmation | None:
        roadmap = self.roadmap(self.kwargs["pk"])
        return move_confirmation(
            roadmap,
            self.target,
            title=str(roadmap),
            cancel_url=local_path(self.request.POST.get("next")) or roadmap.get_absolute_url(),
            comment=text_param(self.request.POST.get("comment")),
        )

    def back(self):
        target = local_path(self.request.POST.get("next"))
        return HttpResponseRedirect(target) if target else redirect("mentorship:approval-queue")


class RoadmapApproveView(HeadDecisionView):
    target = Roadmap.Status.APPROVED

    def post(self, request, pk):
        roadmap = self.roadmap(pk)
        try:
            order = roadmap_approve(roadmap=roadmap, actor=request.user).obj
        except ValidationError as error:
            report_errors(request, error)
            return self.back()
        messages.success(
            request,
            f"Проект приказа об утверждении дорожной карты на {roadmap.year_label} учебный год подготовлен. "
            "Проверьте текст и зарегистрируйте приказ: дорожная карта утверждается с его регистрацией.",
        )
        return redirect(order.get_absolute_url())


class RoadmapReturnView(HeadDecisionView):
    target = Roadmap.Status.RETURNED

    def post(self, request, pk):
        self.move(self.roadmap(pk), Roadmap.Status.RETURNED)
        return self.back()


class RoadmapPdfView(RoleRequiredMixin, View):
    """The roadmap as it stands today: «ПРОЕКТ» or «УТВЕРЖДЕНА», with the execution marks."""

    allowed_roles = READERS

    def get(self, request, pk):
        roadmap = get_object_or_404(roadmaps_for(request.user).select_related("organization"), pk=pk)
        return file_response(render_roadmap_pdf(roadmap), "application/pdf", f"{roadmap}.pdf", inline=True)


class RoadmapAnnexView(ProtectedFileView):
    """The annex to the order, frozen on the day of approval."""

    allowed_roles = READERS
    file_field = "annex_pdf"

    def file_title(self, roadmap) -> str:
        return f"{roadmap} (приложение к приказу)"

    def get_queryset(self):
        return roadmaps_for(self.request.user)


class RoadmapDeleteView(RoleRequiredMixin, TemplateView):
    allowed_roles = DRAFTERS
    template_name = "roadmap/confirm_delete.html"

    @cached_property
    def roadmap(self) -> Roadmap:
        return get_object_or_404(
            roadmaps_for(self.request.user).filter(status=Roadmap.Status.DRAFT), pk=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=f"Удалить черновик дорожной карты на {self.roadmap.year_label} учебный год?",
            text="Этапы и мероприятия черновика будут удалены. Черновик, который видел руководитель, удалить нельзя.",
            cancel_url=self.roadmap.get_absolute_url(),
            **kwargs,
        )

    def post(self, request, pk):
        roadmap = self.roadmap
        try:
            roadmap_delete(roadmap=roadmap, actor=request.user)
        except ValidationError as error:
            report_errors(request, error)
            return redirect(roadmap.get_absolute_url())
        messages.success(request, f"Черновик дорожной карты на {roadmap.year_label} учебный год удалён.")
        return redirect("roadmap:list")


# --- Stages and activities of a draft ------------------------------------------------------


class EditableRoadmapMixin(RoleRequiredMixin):
    """Pages that change the text: the curator, and only while the roadmap is a draft or returned."""

    allowed_roles = DRAFTERS

    def editable_roadmaps(self):
        return roadmaps_for(self.request.user).filter(status__in=Roadmap.EDITABLE_STATUSES)

    def done(self, roadmap: Roadmap, anchor: str = ""):
        return redirect(roadmap.get_absolute_url() + anchor)


class StageFormView(EditableRoadmapMixin, FormView):
    form_class = StageForm
    template_name = "roadmap/stage_form.html"

    @cached_property
    def stage(self) -> Stage:
        if "pk" in self.kwargs:
            return get_object_or_404(Stage.objects.filter(roadmap__in=self.editable_roadmaps()), pk=self.kwargs["pk"])
        return Stage(roadmap=get_object_or_404(self.editable_roadmaps(), pk=self.kwargs["roadmap"]))

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.stage}

    def get_context_data(self, **kwargs):
        return super().get_context_data(stage=self.stage, roadmap=self.stage.roadmap, **kwargs)

    def form_valid(self, form):
        try:
            stage = stage_save(stage=form.save(commit=False), actor=self.request.user).obj
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Этап {stage.number} «{stage.title}» сохранён.")
        return self.done(stage.roadmap, f"#stage-{stage.pk}")


class StageDeleteView(EditableRoadmapMixin, TemplateView):
    template_name = "roadmap/confirm_delete.html"

    @cached_property
    def stage(self) -> Stage:
        return get_object_or_404(
            Stage.objects.filter(roadmap__in=self.editable_roadmaps()).select_related("roadmap"), pk=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=f"Удалить этап {self.stage.number} «{self.stage.title}»?",
            text="Удалить можно только этап без мероприятий; следующие этапы получат новые номера.",
            cancel_url=self.stage.roadmap.get_absolute_url(),
            **kwargs,
        )

    def post(self, request, pk):
        stage = self.stage
        try:
            stage_delete(stage=stage, actor=request.user)
        except ValidationError as error:
            report_errors(request, error)
        else:
            messages.success(request, f"Этап «{stage.title}» удалён.")
        return self.done(stage.roadmap)


class ActivityFormView(EditableRoadmapMixin, FormView):
    form_class = ActivityForm
    template_name = "roadmap/activity_form.html"

    @cached_property
    def roadmap(self) -> Roadmap:
        if "pk" in self.kwargs:
            return self.activity.stage.roadmap
        return get_object_or_404(self.editable_roadmaps(), pk=self.kwargs["roadmap"])

    @cached_property
    def activity(self) -> Activity:
        if "pk" in self.kwargs:
            return get_object_or_404(
                activities_for(self.request.user).filter(stage__roadmap__in=self.editable_roadmaps()),
                pk=self.kwargs["pk"],
            )
        stages = self.roadmap.stages.all()
        chosen = id_param(self.request.GET.get("stage"))
        stage = (stages.filter(pk=chosen).first() if chosen else None) or stages.last()
        return Activity(stage=stage)

    def get(self, request, *args, **kwargs):
        if self.activity.stage_id is None:
            messages.error(request, "Сначала добавьте этап: мероприятие входит в один из этапов.")
            return self.done(self.roadmap)
        return super().get(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.activity, "roadmap": self.roadmap}

    def get_context_data(self, **kwargs):
        return super().get_context_data(activity=self.activity, roadmap=self.roadmap, **kwargs)

    def form_valid(self, form):
        try:
            activity = activity_save(activity=form.save(commit=False), actor=self.request.user).obj
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Мероприятие {activity.stage.number}.{activity.number} сохранено.")
        return self.done(activity.stage.roadmap, f"#activity-{activity.pk}")

    def form_invalid(self, form):
        messages.error(self.request, "Мероприятие не сохранено: исправьте отмеченное.")
        return super().form_invalid(form)


class ActivityDeleteView(EditableRoadmapMixin, TemplateView):
    template_name = "roadmap/confirm_delete.html"

    @cached_property
    def activity(self) -> Activity:
        return get_object_or_404(
            activities_for(self.request.user).filter(stage__roadmap__in=self.editable_roadmaps()), pk=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs):
        activity = self.activity
        return super().get_context_data(
            title=f"Удалить мероприятие {activity.stage.number}.{activity.number}?",
            text=activity.text,
            cancel_url=activity.stage.roadmap.get_absolute_url(),
            **kwargs,
        )

    def post(self, request, pk):
        activity = self.activity
        try:
            activity_delete(activity=activity, actor=request.user)
        except ValidationError as error:
            report_errors(request, error)
        else:
            messages.success(request, "Мероприятие удалено, номера следующих пересчитаны.")
        return self.done(activity.stage.roadmap)


# --- Execution marks on an approved roadmap ------------------------------------------------


class ActivityMarkView(RoleRequiredMixin, FormView):
    allowed_roles = DRAFTERS
    form_class = MarkForm
    template_name = "roadmap/mark_form.html"

    @cached_property
    def activity(self) -> Activity:
        return get_object_or_404(
            activities_for(self.request.user).filter(stage__roadmap__status=Roadmap.Status.APPROVED),
            pk=self.kwargs["pk"],
        )

    def get_initial(self):
        activity = self.activity
        return {"done_on": activity.done_on or timezone.localdate(), "note": activity.done_note}

    def get_context_data(self, **kwargs):
        return super().get_context_data(activity=self.activity, roadmap=self.activity.stage.roadmap, **kwargs)

    def form_valid(self, form):
        try:
            outcome = activity_mark(
                activity=self.activity,
                done_on=form.cleaned_data["done_on"],
                note=form.cleaned_data["note"],
                actor=self.request.user,
            )
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        activity = outcome.obj
        show_outcome(
            self.request, outcome, f"Мероприятие {activity.stage.number}.{activity.number} отмечено выполненным."
        )
        return redirect(activity.stage.roadmap.get_absolute_url() + f"#activity-{activity.pk}")

    def form_invalid(self, form):
        messages.error(self.request, "Отметка не сохранена: исправьте отмеченное.")
        return super().form_invalid(form)


class ActivityUnmarkView(RoleRequiredMixin, ConfirmedActionMixin, View):
    """«снять отметку» of an activity done: from the page that says what happens."""

    allowed_roles = DRAFTERS

    @cached_property
    def activity(self):
        return get_object_or_404(
            activities_for(self.request.user)
            .filter(stage__roadmap__status=Roadmap.Status.APPROVED)
            .select_related("stage__roadmap"),
            pk=self.kwargs["pk"],
        )

    def confirmation(self) -> Confirmation:
        activity = self.activity
        done = f" от {activity.done_on:%d.%m.%Y}" if activity.done_on else ""
        return Confirmation(
            title=f"Снять отметку о выполнении: мероприятие {activity.stage.number}.{activity.number}",
            consequences=[
                f"Мероприятие {activity.stage.number}.{activity.number} «{activity}» снова будет числиться "
                f"невыполненным: отметка о выполнении{done} и её примечание снимаются (в истории они останутся).",
            ],
            button="Снять отметку",
            cancel_url=activity.stage.roadmap.get_absolute_url() + f"#activity-{activity.pk}",
        )

    def post(self, request, pk):
        activity = self.activity
        try:
            activity_unmark(activity=activity, actor=request.user)
        except ValidationError as error:
            report_errors(request, error)
        else:
            messages.success(
                request, f"Отметка о выполнении мероприятия {activity.stage.number}.{activity.number} снята."
            )
        return redirect(activity.stage.roadmap.get_absolute_url() + f"#activity-{activity.pk}")
