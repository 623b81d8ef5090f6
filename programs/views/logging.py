"""Pages of the log: a program's journal, recording an activity with evidence, the mentee's answer,
the evidence files (streamed only to those running the program), one-off meetings, and requests
for release from duty with the head's decision (from the queue)."""

import io

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, FormView, ListView
from PIL import Image, UnidentifiedImageError

from core.declension import Case
from core.files import stored_file_response
from core.history import Source
from core.http import id_param, text_param
from core.views import NearestPageMixin, RecordHistoryView, form_errors, report_errors
from people.access import ProtectedFileView, RoleRequiredMixin

from ..forms.logging import ApproveReleaseForm, MeetingForm, RecordForm, RefuseReleaseForm, ReleaseForm, RespondForm
from ..models import ActivityRecord, Evidence, Meeting, Program, ReleaseRequest
from ..progress import (
    can_edit_record,
    can_see_evidence,
    is_mentee_of,
    is_participant,
    meetings_for,
    program_log_context,
    records_for,
    releases_for,
)
from ..roles import (
    EVIDENCE_ROLES,
    LOG_OVERSEERS,
    LOGGERS,
    MEETING_ROLES,
    PARTICIPANTS,
    PROGRAM_ROLES,
    RELEASE_DECIDERS,
    RELEASE_OVERSEERS,
    RELEASE_ROLES,
    RESPONDERS,
)
from ..selectors import evidence_for, programs_for
from ..services.logging import (
    AlreadyRecorded,
    evidence_delete,
    logged_lately,
    meeting_delete,
    meeting_save,
    record_delete,
    record_log,
    record_respond,
    record_update,
)
from ..services.releases import release_approve, release_refuse, release_request, release_withdraw

THUMB_SIZE = (320, 320)


class ProgramLogView(RoleRequiredMixin, DetailView):
    """A program's journal: progress, what is overdue, the records with their evidence, releases."""

    allowed_roles = PROGRAM_ROLES
    template_name = "programs/log/program_log.html"
    context_object_name = "program"

    def get_queryset(self):
        return programs_for(self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(log=program_log_context(self.object, self.request.user), **kwargs)


class MentorProgramMixin(RoleRequiredMixin):
    """Pages about one program of the mentor's own; any other program is not found."""

    allowed_roles = LOGGERS

    @cached_property
    def program(self) -> Program:
        return get_object_or_404(
            programs_for(self.request.user).filter(pairing__mentor__person=self.person), pk=self.kwargs["pk"]
        )


def _log_url(program: Program, anchor: str = "") -> str:
    return reverse("programs:program-log", args=[program.pk]) + (f"#{anchor}" if anchor else "")


def _with_link(text: str, url: str, label: str = "Открыть запись") -> str:
    return format_html('{} <a href="{}">{}</a>', text, url, label)


def _with_record_link(text: str, record) -> str:
    return _with_link(text, reverse("programs:record-detail", args=[record.pk]))


class RecordFormMixin:
    form_class = RecordForm
    template_name = "programs/log/record_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "program": self.program}

    def get_context_data(self, **kwargs):
        return super().get_context_data(program=self.program, **kwargs)

    def form_invalid(self, form):
        messages.error(self.request, "Запись не сохранена: исправьте отмеченное. Файлы выберите заново.")
        return super().form_invalid(form)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            outcome = self.save(
                done_on=data["done_on"],
                description=data["description"],
                result=data["result"],
                item=data["item"],
                item_done=data["item_done"],
                files=data["files"],
                actor=self.request.user,
            )
        except AlreadyRecorded as repeat:
            messages.warning(self.request, _with_record_link(repeat.messages[0], repeat.obj))
            return redirect(self.program.get_absolute_url())
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        # The program's page from its top: the outcome above, the plan right under the title on a
        # phone. Jumping to the record would scroll the outcome and the warnings out of sight.
        messages.success(self.request, _with_record_link(self.success_message, outcome.obj))
        for warning in outcome.warnings:
            messages.warning(self.request, warning)
        return redirect(self.program.get_absolute_url())


# Never kept by the browser: «Back» after saving asks the server again instead of showing the
# filled form, and the form then tells about the record just saved.
@method_decorator(never_cache, name="dispatch")
class RecordCreateView(MentorProgramMixin, RecordFormMixin, FormView):
    success_message = "Мероприятие записано. Наставляемый увидит его и подтвердит."

    def get(self, request, *args, **kwargs):
        if not self.program.in_work:
            messages.error(request, "Мероприятия записываются, пока программа реализуется или корректируется.")
            return redirect(_log_url(self.program))
        return super().get(request, *args, **kwargs)

    def get_initial(self):
        initial = {"done_on": timezone.localdate()}
        if self.request.GET.get("item"):
            initial["item"] = self.program.items.filter(pk=id_param(self.request.GET.get("item"))).first()
            # Came from «записать выполнение» of a plan line: most likely it is done now.
            initial["item_done"] = initial["item"] is not None and not initial["item"].is_done
        return initial

    def get_context_data(self, **kwargs):
        just_saved = logged_lately(self.program.records.all(), self.request.user).last()
        return super().get_context_data(just_saved=just_saved, **kwargs)

    def save(self, **fields):
        return record_log(program=self.program, **fields)


@method_decorator(never_cache, name="dispatch")
class RecordUpdateView(RoleRequiredMixin, RecordFormMixin, FormView):
    allowed_roles = LOGGERS
    success_message = "Запись исправлена."

    @cached_property
    def record(self):
        return get_object_or_404(
            records_for(self.request.user).filter(logged_by=self.request.user), pk=self.kwargs["pk"]
        )

    @property
    def program(self) -> Program:
        return self.record.program

    def _closed(self):
        if can_edit_record(self.request.user, self.record):
            return None
        messages.error(self.request, "Запись уже не изменить: наставляемый подтвердил её или программа закрыта.")
        return redirect("programs:record-detail", pk=self.record.pk)

    def get(self, request, *args, **kwargs):
        return self._closed() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self._closed() or super().post(request, *args, **kwargs)

    def get_initial(self):
        return RecordForm.initial_from(self.record)

    def get_context_data(self, **kwargs):
        return super().get_context_data(record=self.record, evidence=list(self.record.evidence.all()), **kwargs)

    def save(self, **fields):
        return record_update(record=self.record, **fields)


class RecordDetailView(RoleRequiredMixin, DetailView):
    allowed_roles = PROGRAM_ROLES
    template_name = "programs/log/record_detail.html"
    context_object_name = "record"

    def get_queryset(self):
        return records_for(self.request.user).prefetch_related("evidence")

    def get_context_data(self, **kwargs):
        record, user = self.object, self.request.user
        responding = is_mentee_of(user, record.program)
        return super().get_context_data(
            program=record.program,
            can_see_evidence=can_see_evidence(user, record.program),
            can_edit=can_edit_record(user, record),
            # One mentee's comment is replaced by the next one, so it comes back to be edited; in a
            # group each mentee adds a signed line, so the box starts empty.
            respond_form=RespondForm(
                initial={"comment": record.mentee_comment if record.program.pairing.mentees.count() == 1 else ""}
            )
            if responding
            else None,
            **kwargs,
        )


class RecordHistoryPageView(RoleRequiredMixin, RecordHistoryView):
    """A logged activity's history and its evidence files' (added, removed), for whoever reads the
    activity; the files' part only for those the activity's page shows them to."""

    allowed_roles = PROGRAM_ROLES

    def get_queryset(self):
        return records_for(self.request.user)

    def record_title(self) -> str:
        return f"Мероприятие {self.object.done_on:%d.%m.%Y}"

    def back_url(self) -> str:
        return reverse("programs:record-detail", args=[self.object.pk])

    def history_sources(self):
        record = self.object
        sources = [Source("Мероприятие", ActivityRecord.history.filter(id=record.pk))]
        if can_see_evidence(self.request.user, record.program):
            sources.append(
                Source(
                    "Подтверждающий файл",
                    Evidence.history.filter(record_id=record.pk),
                    name_of=lambda row: f"«{row.original_name}»",
                    omit=frozenset({"record"}),
                )
            )
        return sources


class RecordDeleteView(RoleRequiredMixin, View):
    allowed_roles = LOGGERS

    def post(self, request, pk):
        record = get_object_or_404(records_for(request.user).filter(logged_by=request.user), pk=pk)
        try:
            outcome = record_delete(record=record, actor=request.user)
        except ValidationError as error:
            report_errors(request, error)
            return redirect("programs:record-detail", pk=pk)
        messages.success(request, "Запись удалена вместе с файлами.")
        for warning in outcome.warnings:
            messages.warning(request, warning)
        return redirect(_log_url(record.program))


class RecordRespondView(RoleRequiredMixin, View):
    """The mentee confirms the record and/or comments on it."""

    allowed_roles = RESPONDERS

    def post(self, request, pk):
        record = get_object_or_404(records_for(request.user), pk=pk)
        form = RespondForm(request.POST)
        comment = text_param(form.data.get("comment"), limit=3000)
        try:
            record_respond(
                record=record,
                confirm=request.POST.get("action") == "confirm",
                comment=comment,
                actor=request.user,
            )
        except ValidationError as error:
            report_errors(request, error)
        else:
            if request.POST.get("action") == "confirm":
                messages.success(request, "Вы подтвердили, что мероприятие проведено.")
            else:
                messages.success(request, "Комментарий записан: наставник его увидит.")
        target = request.POST.get("next")
        if target == "log":
            return redirect(_log_url(record.program, f"record-{record.pk}"))
        return redirect("programs:record-detail", pk=record.pk)


class EvidenceFileView(ProtectedFileView):
    """A file of the evidence, only to those running the program; `?thumb=1` — a small preview of a photo."""

    allowed_roles = EVIDENCE_ROLES
    file_field = "file"

    def get_queryset(self):
        return evidence_for(self.request.user)

    def get(self, request, *args, **kwargs):
        evidence = self.get_object()
        if request.GET.get("thumb") and evidence.kind == Evidence.Kind.PHOTO:
            return self._thumbnail(evidence.file)
        return stored_file_response(evidence.file, name=evidence.original_name)

    def _thumbnail(self, stored):
        """A preview shown in the page (`inline`): a JPEG we draw ourselves from the stored photo, so an
        image whatever the upload was; `nosniff` keeps the browser to that type."""
        try:
            with stored.open("rb") as handle, Image.open(handle, formats=("JPEG", "PNG")) as image:
                image.draft("RGB", THUMB_SIZE)  # JPEG decodes at a fraction of the size: fast
                image.thumbnail(THUMB_SIZE)
                output = io.BytesIO()
                image.convert("RGB").save(output, "JPEG", quality=80)
        except (UnidentifiedImageError, OSError, ValueError) as error:
            raise Http404("Превью не построить.") from error
        response = HttpResponse(output.getvalue(), content_type="image/jpeg")
        response["X-Content-Type-Options"] = "nosniff"
        # A child may be in the photo and the office PC is shared: not kept in its browser's cache.
        response["Cache-Control"] = "private, no-store"
        return response


class EvidenceDeleteView(RoleRequiredMixin, View):
    allowed_roles = LOGGERS

    def post(self, request, pk):
        evidence = get_object_or_404(evidence_for(request.user).filter(record__logged_by=request.user), pk=pk)
        try:
            evidence_delete(evidence=evidence, actor=request.user)
        except ValidationError as error:
            report_errors(request, error)
        else:
            messages.success(request, f"Файл «{evidence.original_name}» удалён.")
        return redirect("programs:record-update", pk=evidence.record_id)


# --- one-off meetings -----------------------------------------------------------------------------


class MeetingListView(RoleRequiredMixin, NearestPageMixin, ListView):
    allowed_roles = MEETING_ROLES
    template_name = "programs/log/meeting_list.html"
    context_object_name = "meetings"
    paginate_by = 25

    def get_queryset(self):
        return meetings_for(self.request.user).prefetch_related("participants__position")

    def get_context_data(self, **kwargs):
        can_log = bool(self.roles & LOGGERS)
        # A mentor's own list needs no mentor column; whoever oversees everyone's meetings does.
        shows_mentor = not can_log or bool(self.roles & LOG_OVERSEERS)
        return super().get_context_data(can_log=can_log, shows_mentor=shows_mentor, **kwargs)


class MeetingFormMixin(RoleRequiredMixin):
    allowed_roles = LOGGERS
    form_class = MeetingForm
    template_name = "programs/log/meeting_form.html"
    meeting = None

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "mentor_person": self.person, "instance": self.meeting}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            meeting_save(
                meeting=self.meeting,
                held_on=data["held_on"],
                form=data["form"],
                participants=data["participants"],
                topic=data["topic"],
                result=data["result"],
                actor=self.request.user,
            )
        except AlreadyRecorded as repeat:
            url = reverse("programs:meeting-update", args=[repeat.obj.pk])
            messages.warning(self.request, _with_link(repeat.messages[0], url, "Открыть встречу"))
            return redirect("programs:meeting-list")
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "Встреча записана.")
        return redirect("programs:meeting-list")

    def form_invalid(self, form):
        messages.error(self.request, "Встреча не записана: исправьте отмеченное.")
        return super().form_invalid(form)


@method_decorator(never_cache, name="dispatch")  # «Back» after saving asks anew, as the record's form
class MeetingCreateView(MeetingFormMixin, FormView):
    def get_initial(self):
        return {"held_on": timezone.localdate()}


@method_decorator(never_cache, name="dispatch")
class MeetingUpdateView(MeetingFormMixin, FormView):
    @cached_property
    def meeting(self):
        return get_object_or_404(
            meetings_for(self.request.user).filter(mentor__person=self.person), pk=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(editing=True, **kwargs)


class MeetingDeleteView(RoleRequiredMixin, View):
    allowed_roles = LOGGERS

    def post(self, request, pk):
        meeting = get_object_or_404(meetings_for(request.user).filter(mentor__person=self.person), pk=pk)
        meeting_delete(meeting=meeting, actor=request.user)
        messages.success(request, "Встреча удалена.")
        return redirect("programs:meeting-list")


class MeetingHistoryView(RoleRequiredMixin, RecordHistoryView):
    """Who logged a one-off meeting and what was corrected in it — with whom too — for whoever reads
    it in «Разовые встречи» (the list shows its readers all of it, so nothing is hidden here)."""

    allowed_roles = MEETING_ROLES

    def get_queryset(self):
        return meetings_for(self.request.user)

    def record_title(self) -> str:
        meeting = self.object
        return f"Разовая встреча {meeting.held_on:%d.%m.%Y}, наставник {meeting.mentor.person.short_name}"

    def back_url(self) -> str:
        # The meeting has no page of its own: the mentor who held it goes back to its form, where she
        # came from; the others to the list.
        meeting = self.object
        if self.roles & LOGGERS and self.person is not None and meeting.mentor.person_id == self.person.pk:
            return reverse("programs:meeting-update", args=[meeting.pk])
        return reverse("programs:meeting-list")

    def history_sources(self):
        return [Source("Разовая встреча", Meeting.history.filter(id=self.object.pk))]


# --- release from duty (1.4) ----------------------------------------------------------------------


class ReleaseListView(RoleRequiredMixin, NearestPageMixin, ListView):
    allowed_roles = RELEASE_ROLES
    template_name = "programs/log/release_list.html"
    context_object_name = "releases"
    paginate_by = 25

    def get_queryset(self):
        return releases_for(self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(can_oversee=bool(self.roles & RELEASE_OVERSEERS), **kwargs)


@method_decorator(never_cache, name="dispatch")  # a second request for the date is refused by the service
class ReleaseCreateView(RoleRequiredMixin, FormView):
    allowed_roles = PARTICIPANTS
    form_class = ReleaseForm
    template_name = "programs/log/release_form.html"

    @cached_property
    def program(self) -> Program:
        program = get_object_or_404(programs_for(self.request.user), pk=self.kwargs["pk"])
        if not is_participant(self.request.user, program):
            raise Http404("Программа не найдена.")
        return program

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "program": self.program, "person": self.person}

    def get_initial(self):
        initial = {}
        if item := id_param(self.request.GET.get("item")):
            found = self.program.items.filter(pk=item, done_on__isnull=True).first()
            if found:
                initial.update(item=found, event=found.activity, date=found.deadline)
        return initial

    def get_context_data(self, **kwargs):
        return super().get_context_data(program=self.program, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            outcome = release_request(
                program=self.program,
                item=data["item"],
                event=data["event"],
                date=data["date"],
                hours=data["hours"],
                substitute=data["substitute"],
                actor=self.request.user,
            )
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "Просьба подана руководителю. Решение появится в списке просьб.")
        for warning in outcome.warnings:
            messages.warning(self.request, warning)
        return redirect("programs:release-list")

    def form_invalid(self, form):
        messages.error(self.request, "Просьба не подана: исправьте отмеченное.")
        return super().form_invalid(form)


class ReleaseDecisionView(RoleRequiredMixin, View):
    """The head's approve / refuse buttons in the queue: a refusal comes back to the queue, an approval
    leads to the project of its order, which the head registers (the release takes effect then). The approval
    also has a page of its own (GET) where the head picks the substitute from the whole staff: the
    queue lists the requests only, so that it does not carry the staff list under each of them."""

    allowed_roles = RELEASE_DECIDERS
    approve = True

    def get(self, request, pk):
        if not self.approve:
            return HttpResponseNotAllowed(["POST"])
        release = get_object_or_404(releases_for(request.user), pk=pk)
        if release.status != ReleaseRequest.Status.REQUESTED:
            messages.info(request, f"Просьба уже рассмотрена: «{release.get_status_display()}».")
            return redirect("mentorship:approval-queue")
        if release.order_id is not None:
            messages.info(request, "Решение принято, приказ ожидает регистрации.")
            return redirect(release.order.get_absolute_url())
        return render(
            request,
            "programs/log/release_approve.html",
            {"release": release, "form": ApproveReleaseForm(release=release)},
        )

    def post(self, request, pk):
        release = get_object_or_404(releases_for(request.user), pk=pk)
        if self.approve:
            return self.approve_release(request, release)
        form = RefuseReleaseForm(request.POST)
        form.is_valid()
        try:
            release_refuse(release=release, comment=form.cleaned_data.get("comment", ""), actor=request.user)
            messages.success(request, f"В освобождении отказано: {release.person.short_name} увидит комментарий.")
        except ValidationError as error:
            report_errors(request, error)
        return redirect("mentorship:approval-queue")

    def approve_release(self, request, release):
        """An approval with an error comes back on the approval page with what the head typed."""
        form = ApproveReleaseForm(request.POST, release=release)
        if form.is_valid():
            try:
                outcome = release_approve(
                    release=release,
                    substitute=form.cleaned_data["substitute"],
                    substitute_consent_on=form.cleaned_data["substitute_consent_on"],
                    comment=form.cleaned_data["comment"],
                    actor=request.user,
                )
            except ValidationError as error:
                form_errors(form, error)
            else:
                messages.success(
                    request,
                    f"Проект приказа об освобождении {release.person.in_case(Case.GENITIVE)} "
                    f"{release.date:%d.%m.%Y} подготовлен. "
                    "Проверьте текст и зарегистрируйте приказ: работник освобождается с его регистрацией.",
                )
                return redirect(outcome.obj.order.get_absolute_url())
        messages.error(request, "Приказ не подготовлен: исправьте отмеченное.")
        return render(request, "programs/log/release_approve.html", {"release": release, "form": form})


class ReleaseHistoryView(RoleRequiredMixin, RecordHistoryView):
    """Who asked to be released, who decided and how, who withdrew the request: for whoever reads it
    in «Освобождение от работы» (the list shows its readers all of it, the head's comment too)."""

    allowed_roles = RELEASE_ROLES

    def get_queryset(self):
        return releases_for(self.request.user)

    def record_title(self) -> str:
        release = self.object
        return f"Просьба об освобождении от работы {release.date:%d.%m.%Y}: {release.person.short_name}"

    def back_url(self) -> str:
        return reverse("programs:release-list")  # a request has no page of its own

    def history_sources(self):
        return [Source("Просьба об освобождении", ReleaseRequest.history.filter(id=self.object.pk))]


class ReleaseWithdrawView(RoleRequiredMixin, View):
    allowed_roles = PARTICIPANTS

    def post(self, request, pk):
        release = get_object_or_404(releases_for(request.user), pk=pk)
        try:
            release_withdraw(release=release, actor=request.user)
        except ValidationError as error:
            report_errors(request, error)
        else:
            messages.success(request, "Просьба отозвана.")
        return redirect("programs:release-list")
