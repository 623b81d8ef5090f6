"""The council's pages: the meetings, a meeting with its agenda and attendance, the agenda's
questions, signing the protocol and its PDF."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import CreateView, DetailView, FormView, ListView, UpdateView

from core.files import file_response, stored_file_response
from core.history import Source
from core.views import (
    Confirmation,
    ConfirmedActionMixin,
    RecordHistoryView,
    ServiceFormMixin,
    form_errors,
    report_errors,
    show_outcome,
)
from people.access import RoleRequiredMixin
from programs.models import Program
from programs.selectors import programs_for

from .forms import AgendaItemForm, MeetingForm, MeetingScheduleForm, ReviewAssignForm, ReviewForm
from .models import AgendaItem, Meeting, ProgramReview
from .roles import KEEPER_ROLES, READERS, REVIEWER_ROLES, is_chair, keeps_meetings
from .selectors import appeals_for, composition, meeting_page, meetings_for, quorum_needed, reviews_for
from .services import (
    agenda_item_delete,
    agenda_item_save,
    meeting_schedule,
    meeting_sign,
    meeting_update,
    protocol_pdf,
    review_save,
    review_send,
    reviews_assign,
)


class KeeperRequiredMixin(RoleRequiredMixin):
    """The curator or the council's chair; another member of the council gets 403."""

    allowed_roles = KEEPER_ROLES

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and self.roles & self.allowed_roles and not keeps_meetings(request.user):
            raise PermissionDenied("Заседания ведут председатель методического объединения и куратор.")
        return super().dispatch(request, *args, **kwargs)


class ServiceFormView(ServiceFormMixin):
    """A form handed to a service whose refusal is shown under the fields."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)


class MeetingListView(RoleRequiredMixin, ListView):
    allowed_roles = READERS
    template_name = "council/meeting_list.html"
    context_object_name = "meetings"
    paginate_by = 50

    def get_queryset(self):
        return meetings_for(self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(can_keep=keeps_meetings(self.request.user), **kwargs)


class MeetingCreateView(KeeperRequiredMixin, ServiceFormView, CreateView):
    form_class = MeetingScheduleForm
    template_name = "council/meeting_form.html"
    success_message = "Заседание запланировано: добавьте вопросы повестки."

    def run_service(self, form):
        data = form.cleaned_data
        return meeting_schedule(date=data["date"], place=data["place"], actor=self.request.user)


class MeetingDetailView(RoleRequiredMixin, DetailView):
    allowed_roles = READERS
    template_name = "council/meeting_detail.html"
    context_object_name = "meeting"

    def get_queryset(self):
        return meeting_page(self.request.user)

    def get_context_data(self, **kwargs):
        meeting = self.object
        members = list(composition())
        attendees = list(meeting.attendees.all())
        needed = quorum_needed(len(members))
        can_keep = keeps_meetings(self.request.user) and not meeting.is_signed
        items = list(meeting.items.all())
        return super().get_context_data(
            members=members,
            attendees=attendees,
            quorum_needed=needed,
            has_quorum=len(attendees) >= needed,
            items=items,
            readable_appeals=set(
                appeals_for(self.request.user)
                .filter(pk__in=[item.appeal_id for item in items if item.appeal_id])
                .values_list("pk", flat=True)
            )
            if any(item.appeal_id for item in items)
            else set(),
            can_keep=can_keep,
            **kwargs,
        )


class OpenMeetingMixin:
    """A meeting whose protocol is not signed yet: a signed one is never edited (404)."""

    @cached_property
    def meeting(self):
        return get_object_or_404(Meeting.objects.filter(status=Meeting.Status.SCHEDULED), pk=self.kwargs["pk"])


class MeetingUpdateView(KeeperRequiredMixin, ServiceFormView, UpdateView):
    form_class = MeetingForm
    template_name = "council/meeting_form.html"
    success_message = "Сохранено."

    def get_queryset(self):
        return Meeting.objects.filter(status=Meeting.Status.SCHEDULED)

    def run_service(self, form):
        data = form.cleaned_data
        return meeting_update(
            meeting=self.object,
            date=data["date"],
            place=data["place"],
            secretary=data["secretary"],
            attendees=data["attendees"],
            actor=self.request.user,
        )


class AgendaItemCreateView(KeeperRequiredMixin, OpenMeetingMixin, ServiceFormView, CreateView):
    form_class = AgendaItemForm
    template_name = "council/item_form.html"
    success_message = "Вопрос добавлен в повестку."

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = AgendaItem(meeting=self.meeting)
        kwargs["user"] = self.request.user
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(meeting=self.meeting, **kwargs)

    def run_service(self, form):
        return agenda_item_save(item=form.instance, actor=self.request.user)

    def get_success_url(self):
        return self.meeting.get_absolute_url()


class AgendaItemUpdateView(KeeperRequiredMixin, ServiceFormView, UpdateView):
    form_class = AgendaItemForm
    template_name = "council/item_form.html"
    context_object_name = "item"
    success_message = "Вопрос сохранён."

    def get_queryset(self):
        return AgendaItem.objects.filter(meeting__status=Meeting.Status.SCHEDULED).select_related("meeting")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(meeting=self.object.meeting, **kwargs)

    def run_service(self, form):
        return agenda_item_save(item=form.instance, actor=self.request.user)

    def get_success_url(self):
        return self.object.meeting.get_absolute_url()


class AgendaItemDeleteView(KeeperRequiredMixin, ConfirmedActionMixin, View):
    @cached_property
    def item(self):
        return get_object_or_404(
            AgendaItem.objects.filter(meeting__status=Meeting.Status.SCHEDULED).select_related("meeting"),
            pk=self.kwargs["pk"],
        )

    def confirmation(self):
        return Confirmation(
            title=f"Убрать из повестки вопрос «{self.item.title}»",
            consequences=["Вопрос и записанное по нему решение будут удалены, остальные вопросы перенумерованы."],
            button="Убрать из повестки",
            cancel_url=self.item.meeting.get_absolute_url(),
        )

    def post(self, request, pk):
        meeting = self.item.meeting
        try:
            agenda_item_delete(item=self.item, actor=request.user)
            messages.success(request, "Вопрос убран из повестки.")
        except ValidationError as error:
            report_errors(request, error)
        return redirect(meeting)


class MeetingSignView(KeeperRequiredMixin, ConfirmedActionMixin, View):
    @cached_property
    def meeting(self):
        return get_object_or_404(Meeting.objects.filter(status=Meeting.Status.SCHEDULED), pk=self.kwargs["pk"])

    def confirmation(self):
        return Confirmation(
            title=f"Подписать протокол заседания от {self.meeting.date:%d.%m.%Y}",
            consequences=[
                "Протокол получит следующий номер учебного года, его PDF будет сохранён, "
                "и изменить протокол больше будет нельзя.",
                "Программы, которые заседание решило согласовать, получат согласование методического "
                "объединения со ссылкой на этот протокол.",
            ],
            button="Подписать протокол",
            cancel_url=self.meeting.get_absolute_url(),
            danger=False,
        )

    def post(self, request, pk):
        try:
            outcome = meeting_sign(meeting=self.meeting, actor=request.user)
            messages.success(request, f"Протокол № {outcome.obj.number} подписан.")
        except ValidationError as error:
            report_errors(request, error)
        return redirect(reverse("council:meeting-detail", args=[pk]))


class ProtocolPdfView(RoleRequiredMixin, DetailView):
    """The signed protocol as it was stored; before signing, a project marked «ПРОЕКТ»."""

    allowed_roles = READERS

    def get_queryset(self):
        return meetings_for(self.request.user)

    def get(self, request, *args, **kwargs):
        meeting = self.get_object()
        if meeting.is_signed and meeting.pdf:
            return stored_file_response(meeting.pdf, name=meeting.file_title)
        return file_response(
            protocol_pdf(meeting, draft=True), "application/pdf", f"{meeting.file_title}.pdf", inline=True
        )


# --- program reviews ------------------------------------------------------------------------------


class ReviewListView(RoleRequiredMixin, ListView):
    """The reviews: a member sees the ones assigned to them; the chair, the curator and the head all."""

    allowed_roles = READERS
    template_name = "council/review_list.html"
    context_object_name = "reviews"
    paginate_by = 50

    def get_queryset(self):
        return reviews_for(self.request.user).order_by("status", "-assigned_at", "-pk")


class ReviewAssignView(RoleRequiredMixin, FormView):
    """The chair names the reviewers of a program (from the program's page)."""

    allowed_roles = REVIEWER_ROLES
    form_class = ReviewAssignForm
    template_name = "council/review_assign.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and self.roles & self.allowed_roles and not is_chair(request.user):
            raise PermissionDenied("Рецензентов назначает председатель методического объединения.")
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def program(self):
        return get_object_or_404(
            programs_for(self.request.user).exclude(status__in=Program.CLOSED_STATUSES), pk=self.kwargs["program_pk"]
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "program": self.program}

    def get_context_data(self, **kwargs):
        assigned = self.program.council_reviews.select_related("reviewer__person")
        return super().get_context_data(program=self.program, assigned=assigned, **kwargs)

    def form_valid(self, form):
        try:
            outcome = reviews_assign(
                program=self.program, reviewers=form.cleaned_data["reviewers"], actor=self.request.user
            )
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        show_outcome(self.request, outcome, "Рецензенты назначены.")
        return redirect(self.program)


class ReviewDetailView(RoleRequiredMixin, DetailView):
    """A review: its reviewer writes it here until it is sent; the others read it once sent."""

    allowed_roles = READERS
    template_name = "council/review_detail.html"
    context_object_name = "review"

    def get_queryset(self):
        return reviews_for(self.request.user)

    def is_author(self, review) -> bool:
        return self.person is not None and review.reviewer.person_id == self.person.pk

    def get_context_data(self, **kwargs):
        review = self.object
        writing = not review.is_sent and self.is_author(review)
        if writing and "form" not in kwargs:
            kwargs["form"] = ReviewForm(instance=review)
        return super().get_context_data(writing=writing, is_author=self.is_author(review), **kwargs)

    def post(self, request, pk):
        self.object = review = self.get_object()
        if not self.is_author(review):
            raise PermissionDenied("Рецензию пишет назначенный рецензент.")
        if review.is_sent:
            raise Http404("Рецензия уже отправлена.")
        form = ReviewForm(request.POST, instance=review)
        if form.is_valid():
            try:
                review_save(review=review, text=form.cleaned_data["text"], actor=request.user)
                messages.success(request, "Рецензия сохранена.")
                return redirect(review)
            except ValidationError as error:
                form_errors(form, error)
        return self.render_to_response(self.get_context_data(form=form))


class ReviewSendView(RoleRequiredMixin, ConfirmedActionMixin, View):
    allowed_roles = REVIEWER_ROLES

    @cached_property
    def review(self):
        person = self.person
        return get_object_or_404(
            reviews_for(self.request.user).filter(status=ProgramReview.Status.DRAFT, reviewer__person=person),
            pk=self.kwargs["pk"],
        )

    def confirmation(self):
        return Confirmation(
            title=f"Отправить рецензию на программу {self.review.program.pairing.sides}",
            consequences=[ProgramReview.transition("draft", "sent").consequence],
            button="Отправить рецензию",
            cancel_url=self.review.get_absolute_url(),
            danger=False,
        )

    def post(self, request, pk):
        try:
            review_send(review=self.review, actor=request.user)
            messages.success(request, "Рецензия отправлена.")
        except ValidationError as error:
            report_errors(request, error)
        return redirect(self.review)


# --- history pages --------------------------------------------------------------------------------


class MeetingHistoryView(RoleRequiredMixin, RecordHistoryView):
    """Who scheduled the meeting, recorded its agenda and decisions and signed the protocol: for the
    readers of the meeting (its page shows them all of it, so nothing is hidden here)."""

    allowed_roles = READERS

    def get_queryset(self):
        return meetings_for(self.request.user)

    def history_sources(self):
        meeting = self.object
        return [
            Source("Заседание", Meeting.history.filter(id=meeting.pk)),
            Source(
                "Повестка",
                AgendaItem.history.filter(meeting_id=meeting.pk),
                name_of=lambda row: f"вопрос {row.position} «{row.title[:60]}»",
                omit=frozenset({"meeting"}),
            ),
        ]


class ReviewHistoryView(RoleRequiredMixin, RecordHistoryView):
    """Who assigned the review, when it was written and sent: for whoever opens the review. Its text
    changes only while it is a draft (a sent review is frozen), and a draft is its reviewer's, so the
    others read that the text changed but not what it said (the sent text is on the review's page)."""

    allowed_roles = READERS

    def get_queryset(self):
        return reviews_for(self.request.user)

    def history_sources(self):
        review = self.object
        person = self.person
        is_author = person is not None and review.reviewer.person_id == person.pk
        hidden = frozenset() if is_author else frozenset({"text"})
        return [Source("Рецензия", ProgramReview.history.filter(id=review.pk), hidden=hidden)]
