"""Pages of growth records and rewards.

«Мои достижения» and a record's own pages are open to every employee with a staff record (their own
records only; someone else's record is a 404); the list of everyone's records to the head, the
curator and a mentor (his current mentees'); rewards to the curator and the head. Objects come
through the selectors; writes through the services."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import DetailView, FormView, ListView, TemplateView

from core.declension import Case
from core.docx import DOCX_CONTENT_TYPE
from core.files import file_response
from core.http import local_path, text_param
from core.views import Confirmation, ConfirmedActionMixin, form_errors, move_confirmation, report_errors, show_outcome
from people.access import ProtectedFileView, RoleRequiredMixin, ScopedListView
from people.roles import Role

from .documents import render_letters_pdf
from .docx_documents import letters_docx
from .filters import GrowthRecordFilter
from .forms import GrowthRecordForm, RewardProposalForm, RewardRuleForm
from .history import record_history
from .models import GrowthRecord, Kind, RewardProposal
from .roles import APPROVERS, KEEPERS, LIST_ROLES, PROPOSERS, READERS, REWARD_ROLES
from .selectors import (
    counts_by_kind,
    editable_proposals,
    editable_records,
    own_records,
    proposals_for,
    records_for,
    rules_for,
)
from .services import (
    record_delete,
    record_review,
    record_save,
    reward_proposal_approve,
    reward_proposal_create,
    reward_proposal_move,
    reward_proposal_update,
    reward_rule_save,
)

NO_PERSON = "У вашей учётной записи нет карточки сотрудника: достижения ведутся по карточке."


class OwnPageMixin(RoleRequiredMixin):
    """Pages about the user's own records: any employee with a staff record."""

    allow_without_role = True

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and self.person is None:
            raise PermissionDenied(NO_PERSON)
        return super().dispatch(request, *args, **kwargs)

    @property
    def is_keeper(self) -> bool:
        return bool(self.roles & KEEPERS)


class MyRecordsView(OwnPageMixin, ListView):
    template_name = "growth/my_records.html"
    context_object_name = "records"

    def get_queryset(self):
        return own_records(self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            counts=counts_by_kind(own_records(self.request.user)),
            kinds=Kind.choices,
            can_list=bool(self.roles & LIST_ROLES),
            can_reward=bool(self.roles & REWARD_ROLES),
            **kwargs,
        )


class RecordListView(ScopedListView):
    allowed_roles = LIST_ROLES
    selector = records_for
    filterset_class = GrowthRecordFilter
    template_name = "growth/record_list.html"
    context_object_name = "records"

    def get_queryset(self):
        return super().get_queryset().order_by("-date", "person__last_name", "-pk")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            is_keeper=bool(self.roles & KEEPERS), kinds=Kind.choices, sees_all=bool(self.roles & READERS), **kwargs
        )


class RecordDetailView(OwnPageMixin, DetailView):
    template_name = "growth/record_detail.html"
    context_object_name = "record"

    def get_queryset(self):
        return records_for(self.request.user)

    def get_context_data(self, **kwargs):
        record = self.object
        own = record.person_id == self.person.pk
        fields = [
            (record.label(name), value)
            for name, value in (
                ("organizer", record.organizer),
                ("level", record.get_level_display()),
                ("result", record.result),
                ("hours", record.hours),
                ("started_on", record.started_on and f"{record.started_on:%d.%m.%Y}"),
                ("date", f"{record.date:%d.%m.%Y}"),
                ("document_number", record.document_number),
            )
            if value
        ]
        return super().get_context_data(
            fields=fields,
            history=record_history(record),
            review_buttons=record.buttons(self.roles),
            can_edit=record.order_id is None and (self.is_keeper or (own and record.is_editable_by_owner)),
            **kwargs,
        )


class RecordFormMixin(OwnPageMixin):
    template_name = "growth/record_form.html"
    form_class = GrowthRecordForm

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "kind": self.kind,
            "choose_person": self.is_keeper and self.record.pk is None,
            "person": None if self.is_keeper else self.person,
            "instance": self.record,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            record=self.record, kind=self.kind, kind_label=Kind(self.kind).label, is_keeper=self.is_keeper, **kwargs
        )

    def form_valid(self, form):
        record = form.save(commit=False)
        try:
            outcome = record_save(record=record, actor=self.request.user)
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        if outcome.obj.is_confirmed:
            text = "Достижение сохранено и подтверждено."
        else:
            text = "Достижение сохранено и отправлено куратору на подтверждение."
        show_outcome(self.request, outcome, text)
        return redirect(outcome.obj.get_absolute_url())

    def form_invalid(self, form):
        messages.error(self.request, "Достижение не сохранено: исправьте отмеченные поля.")
        return super().form_invalid(form)


class RecordCreateView(RecordFormMixin, FormView):
    """Choose a kind first (?kind=course), then its fields."""

    @cached_property
    def kind(self) -> str | None:
        value = text_param(self.request.GET.get("kind"), limit=20)
        return value if value in Kind.values else None

    @cached_property
    def record(self) -> GrowthRecord:
        return GrowthRecord(kind=self.kind or Kind.COURSE, person=None if self.is_keeper else self.person)

    def get(self, request, *args, **kwargs):
        if self.kind is None:
            return self.render_to_response({"kinds": Kind.choices, "choosing": True})
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.kind is None:
            return self.render_to_response({"kinds": Kind.choices, "choosing": True})
        return super().post(request, *args, **kwargs)


class RecordUpdateView(RecordFormMixin, FormView):
    @cached_property
    def record(self) -> GrowthRecord:
        return get_object_or_404(editable_records(self.request.user), pk=self.kwargs["pk"])

    @property
    def kind(self) -> str:
        return self.record.kind


class RecordDeleteView(OwnPageMixin, ConfirmedActionMixin, View):
    """«Удалить запись»: from the page that says what happens (the site's CSP allows no inline script,
    so a JavaScript confirm() would never have asked)."""

    def confirmation(self) -> Confirmation:
        record = get_object_or_404(editable_records(self.request.user), pk=self.kwargs["pk"])
        return Confirmation(
            title="Удалить запись о достижении",
            consequences=[f"Запись «{record}» будет удалена; вернуть её нельзя — только внести заново."],
            button="Удалить запись",
            cancel_url=record.get_absolute_url(),
        )

    def post(self, request, pk):
        record = get_object_or_404(editable_records(request.user), pk=pk)
        try:
            record_delete(record=record, actor=request.user)
        except ValidationError as error:
            report_errors(request, error)
            return redirect(record.get_absolute_url())
        messages.success(request, f"Запись «{record.summary}» удалена.")
        return redirect("growth:my" if record.person_id == self.person.pk else "growth:record-list")


class RecordReviewView(RoleRequiredMixin, View):
    """The curator confirms a record or returns it with a comment."""

    allowed_roles = KEEPERS

    def post(self, request, pk):
        record = get_object_or_404(records_for(request.user), pk=pk)
        confirm = request.POST.get("target") == GrowthRecord.Status.CONFIRMED
        try:
            record_review(
                record=record,
                confirm=confirm,
                comment=text_param(request.POST.get("comment"), limit=2000),
                actor=request.user,
            )
        except ValidationError as error:
            report_errors(request, error)
        else:
            messages.success(
                request,
                f"Достижение {record.person.in_case(Case.GENITIVE)} подтверждено."
                if confirm
                else f"Достижение возвращено {record.person.in_case(Case.DATIVE)} с комментарием.",
            )
        target = local_path(request.POST.get("next"))
        return HttpResponseRedirect(target) if target else redirect(record.get_absolute_url())


class RecordScanView(OwnPageMixin, ProtectedFileView):
    file_field = "scan"

    def file_title(self, record) -> str:
        return f"{record.person.full_name} — {record} (скан)"

    def get_queryset(self):
        return records_for(self.request.user).exclude(scan="")


# --- rewards ----------------------------------------------------------------------------------------


class RewardsView(RoleRequiredMixin, TemplateView):
    """The rewarding rule in force with its earlier versions, and the proposals to reward mentors."""

    allowed_roles = REWARD_ROLES
    template_name = "growth/rewards.html"

    def get_context_data(self, **kwargs):
        rules = list(rules_for(self.request.user))
        return super().get_context_data(
            rule=rules[0] if rules else None,
            earlier_rules=rules[1:],
            proposals=proposals_for(self.request.user),
            # The states in which the user corrects a proposal and sends it again (the curator: returned).
            editable_states=RewardProposal.editable_states(self.roles),
            can_propose=bool(self.roles & PROPOSERS),
            can_decide=bool(self.roles & APPROVERS),
            **kwargs,
        )


class ProposalCreateView(RoleRequiredMixin, FormView):
    allowed_roles = PROPOSERS
    form_class = RewardProposalForm
    template_name = "growth/proposal_form.html"

    def form_valid(self, form):
        data = form.cleaned_data
        proposal = form.save(commit=False)
        try:
            outcome = reward_proposal_create(
                proposal=proposal, mentors=data["mentors"], programs=data["programs"], actor=self.request.user
            )
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        show_outcome(self.request, outcome, "Представление к поощрению отправлено руководителю на утверждение.")
        return redirect("growth:rewards")

    def form_invalid(self, form):
        messages.error(self.request, "Представление не отправлено: исправьте отмеченные поля.")
        return super().form_invalid(form)


class ProposalUpdateView(RoleRequiredMixin, FormView):
    """The curator corrects a proposal the head returned, reading his comment, and sends it again.
    A proposal waiting for the head or approved by order is not hers to change (404)."""

    allowed_roles = PROPOSERS
    form_class = RewardProposalForm
    template_name = "growth/proposal_form.html"

    @cached_property
    def proposal(self) -> RewardProposal:
        return get_object_or_404(editable_proposals(self.request.user), pk=self.kwargs["pk"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.proposal}

    def get_context_data(self, **kwargs):
        return super().get_context_data(proposal=self.proposal, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            outcome = reward_proposal_update(
                proposal=form.save(commit=False),
                mentors=data["mentors"],
                programs=data["programs"],
                actor=self.request.user,
            )
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        show_outcome(self.request, outcome, "Представление исправлено и снова отправлено руководителю на утверждение.")
        return redirect(outcome.obj.get_absolute_url())

    def form_invalid(self, form):
        messages.error(self.request, "Представление не отправлено: исправьте отмеченные поля.")
        return super().form_invalid(form)


class ProposalActionView(RoleRequiredMixin, ConfirmedActionMixin, View):
    """The head's approval by order and return are made from the page that says what happens; the
    approval leads to the project of the order, which the head registers (the reward takes effect then)."""

    def proposal(self, pk) -> RewardProposal:
        return get_object_or_404(proposals_for(self.request.user), pk=pk)

    def target(self) -> str:
        raise NotImplementedError

    def confirmation(self) -> Confirmation | None:
        proposal = self.proposal(self.kwargs["pk"])
        return move_confirmation(
            proposal,
            self.target(),
            title=str(proposal),
            cancel_url=local_path(self.request.POST.get("next")) or reverse("growth:rewards"),
            comment=text_param(self.request.POST.get("comment"), limit=2000),
        )

    def back(self):
        target = local_path(self.request.POST.get("next"))
        return HttpResponseRedirect(target) if target else redirect("growth:rewards")


class ProposalApproveView(ProposalActionView):
    allowed_roles = APPROVERS

    def target(self) -> str:
        return RewardProposal.Status.APPROVED

    def post(self, request, pk):
        try:
            order = reward_proposal_approve(proposal=self.proposal(pk), actor=request.user).obj
        except ValidationError as error:
            report_errors(request, error)
            return self.back()
        messages.success(
            request,
            "Проект приказа «О поощрении наставников» подготовлен. Проверьте текст и зарегистрируйте приказ: "
            "награды внесутся в достижения наставников с его регистрацией.",
        )
        return redirect(order.get_absolute_url())


class ProposalMoveView(ProposalActionView):
    """The head returns a proposal with a comment; the curator sends a returned one again."""

    allowed_roles = APPROVERS | PROPOSERS

    def target(self) -> str:
        return RewardProposal.Status.RETURNED if Role.HEAD in self.roles else RewardProposal.Status.PROPOSED

    def post(self, request, pk):
        target = self.target()
        try:
            reward_proposal_move(
                proposal=self.proposal(pk),
                target=target,
                comment=text_param(request.POST.get("comment"), limit=2000),
                actor=request.user,
            )
        except ValidationError as error:
            report_errors(request, error)
        else:
            messages.success(
                request,
                "Представление возвращено куратору."
                if target == RewardProposal.Status.RETURNED
                else "Представление снова отправлено руководителю.",
            )
        return self.back()


class LettersView(RoleRequiredMixin, View):
    """A благодарственное письмо or a почётная грамота for each mentor of an approved proposal: the
    PDF to print, the DOCX to adjust first. The same readers and the same refusal for both."""

    allowed_roles = REWARD_ROLES

    def get(self, request, pk):
        proposal = get_object_or_404(proposals_for(request.user).select_related("order__organization"), pk=pk)
        if not proposal.has_letters:
            messages.error(request, "Письма и грамоты печатаются по утверждённому приказом поощрению.")
            return redirect("growth:rewards")
        response = self.letters(proposal)
        response["Cache-Control"] = "private, no-store"  # personal data: not kept by the browser or a proxy
        return response

    def file_name(self, proposal, extension: str) -> str:
        """«Поощрение по приказу 12-ОД от 30.11.2026.docx»."""
        return f"Поощрение по приказу {proposal.order.file_title.removeprefix('Приказ ')}.{extension}"


class LettersPdfView(LettersView):
    def letters(self, proposal) -> HttpResponse:
        return file_response(
            render_letters_pdf(proposal), "application/pdf", self.file_name(proposal, "pdf"), inline=True
        )


class LettersDocxView(LettersView):
    def letters(self, proposal) -> HttpResponse:
        return file_response(letters_docx(proposal), DOCX_CONTENT_TYPE, self.file_name(proposal, "docx"))


class RuleCreateView(RoleRequiredMixin, FormView):
    allowed_roles = PROPOSERS
    form_class = RewardRuleForm
    template_name = "growth/rule_form.html"

    def get_initial(self):
        current = rules_for(self.request.user).first()
        return {"text": current.text} if current else {}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            outcome = reward_rule_save(
                text=data["text"], effective_from=data["effective_from"], scan=data["scan"], actor=self.request.user
            )
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        show_outcome(self.request, outcome, "Новая редакция порядка поощрения сохранена; прежние остались в истории.")
        return redirect("growth:rewards")

    def form_invalid(self, form):
        messages.error(self.request, "Порядок поощрения не сохранён: исправьте отмеченные поля.")
        return super().form_invalid(form)


class RuleScanView(ProtectedFileView):
    allowed_roles = REWARD_ROLES
    file_field = "scan"

    def file_title(self, rule) -> str:
        return f"{rule} (скан)"

    def get_queryset(self):
        return rules_for(self.request.user).exclude(scan="")
