"""Pairs and groups: proposal, consents, the moves of the life cycle (Pairing.TRANSITIONS)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import CreateView, DetailView, FormView, UpdateView

from core.history import Source
from core.http import id_param, text_param
from core.text import sentence
from core.views import (
    Confirmation,
    ConfirmedActionMixin,
    RecordHistoryView,
    form_errors,
    move_confirmation,
    report_errors,
)
from mentorship.services.pair_orders import (
    approval_project,
    pairing_extend,
    pairing_replace_mentor,
    pairing_terminate,
    pending_change,
)
from mentorship.services.pairs import (
    missing_consents,
    pairing_consent_record,
    pairing_consent_withdraw,
    pairing_move,
    pairing_propose,
    pairing_update,
    pairing_warnings,
    participants,
    proposed_term,
)
from people.access import ProtectedFileView, RoleRequiredMixin, ScopedListView
from people.roles import Role

from ..documents import consent_form_title
from ..filters import PairingFilter
from ..forms import PairingConsentForm, PairingExtendForm, PairingForm, PairingReplaceForm, PairingTerminateForm
from ..letters import letters_for
from ..models import Mentee, Pairing, PairingConsent
from ..order_bases import bases_for, basis_by_key
from ..roles import BANK_READERS, DECIDERS, PAIR_READERS, PROPOSERS, REGISTER_READERS
from ..selectors import pairings_for
from .paperwork import paperwork_context


class PairingListView(ScopedListView):
    allowed_roles = PAIR_READERS
    selector = pairings_for
    filterset_class = PairingFilter
    template_name = "mentorship/pairing_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            can_propose=bool(self.roles & PROPOSERS), can_read_register=bool(self.roles & REGISTER_READERS), **kwargs
        )


class PairingFormMixin(RoleRequiredMixin):
    allowed_roles = PROPOSERS
    form_class = PairingForm
    template_name = "mentorship/pairing_form.html"

    def form_valid(self, form):
        data = form.cleaned_data
        fields = {key: data[key] for key in ("mentor", "mentees", "direction", "forms", "starts_on", "planned_end_on")}
        try:
            outcome = self.save(fields, data["note"])
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        for warning in outcome.warnings:
            messages.warning(self.request, warning)
        return redirect(outcome.obj.get_absolute_url())

    def form_invalid(self, form):
        messages.error(self.request, "Пара не сохранена: исправьте отмеченное.")
        return super().form_invalid(form)


class PairingCreateView(PairingFormMixin, CreateView):
    success_message = "Пара предложена. Соберите письменные согласия участников."

    def get_initial(self):
        initial = super().get_initial()
        if mentee := id_param(self.request.GET.get("mentee")):
            initial["mentees"] = Mentee.objects.filter(pk=mentee)
        if mentor := id_param(self.request.GET.get("mentor")):
            initial["mentor"] = mentor
        initial["starts_on"], initial["planned_end_on"] = proposed_term(timezone.localdate())
        return initial

    def save(self, fields, note):
        return pairing_propose(**fields, note=note, actor=self.request.user)


class PairingUpdateView(PairingFormMixin, UpdateView):
    success_message = "Изменения сохранены."

    def get_queryset(self):
        return pairings_for(self.request.user).filter(status__in=Pairing.EDITABLE_STATUSES)

    def save(self, fields, note):
        return pairing_update(pairing=self.object, **fields, note=note, actor=self.request.user)


class PairingDetailView(RoleRequiredMixin, DetailView):
    allowed_roles = PAIR_READERS
    template_name = "mentorship/pairing_detail.html"
    context_object_name = "pairing"

    def get_queryset(self):
        return pairings_for(self.request.user)

    def get_context_data(self, **kwargs):
        pairing = self.object
        consents = {consent.person_id: consent for consent in pairing.consents.all()}
        people = participants(pairing)
        can_collect = bool(self.roles & PROPOSERS) and pairing.status not in Pairing.CLOSED_STATUSES
        can_terminate = Role.HEAD in self.roles and pairing.status in Pairing.CURRENT_STATUSES
        return super().get_context_data(
            waiting_bases=bases_for(pairing) if can_terminate else [],
            rows=[(person, consents.get(person.pk), person.pk == pairing.mentor.person_id) for person in people],
            missing=missing_consents(pairing),
            warnings=pairing_warnings(pairing) if self.roles & BANK_READERS else [],
            buttons=pairing.buttons(self.roles),
            transitions=pairing.transitions.select_related("actor__person"),
            can_edit=pairing.is_editable and bool(self.roles & PROPOSERS),
            consent_form=PairingConsentForm(participants=people) if can_collect else None,
            can_collect=can_collect,
            can_terminate=can_terminate,
            pairing_orders=pairing.orders.exclude(number=None).order_by("date", "number"),
            letters=letters_for(pairing, people, self.person, any_person=bool(self.roles & BANK_READERS)),
            # Approved by the head, fixed when its order is registered (services.pair_orders).
            pairing_project=approval_project(pairing) if pairing.status == Pairing.Status.AWAITING_APPROVAL else None,
            # Replaced, extended or ended early when its order is registered (services.pair_orders).
            pending_change=pending_change(pairing) if pairing.status in Pairing.CURRENT_STATUSES else None,
            **paperwork_context(self.request.user, self.roles, pairing.mentor, pairing=pairing),
            **kwargs,
        )


class PairingHistoryView(RoleRequiredMixin, RecordHistoryView):
    """The pair's history and its participants' consents, for whoever reads the pair."""

    allowed_roles = PAIR_READERS

    def get_queryset(self):
        return pairings_for(self.request.user)

    def history_sources(self):
        pairing = self.object
        return [
            Source("Пара (группа)", Pairing.history.filter(id=pairing.pk)),
            Source(
                "Согласие участника",
                PairingConsent.history.filter(pairing_id=pairing.pk).select_related("person"),
                name_of=lambda row: row.person.short_name,
                omit=frozenset({"pairing"}),
            ),
        ]


class PairingMoveView(RoleRequiredMixin, ConfirmedActionMixin, View):
    """A button on the pair's page: one transition of the state table; a move with a `consequence`
    (cancel, return, complete) is made only from the page that says what it does."""

    allowed_roles = PAIR_READERS

    @cached_property
    def pairing(self) -> Pairing:
        return get_object_or_404(pairings_for(self.request.user).select_related("mentor__person"), pk=self.kwargs["pk"])

    def confirmation(self) -> Confirmation | None:
        return move_confirmation(
            self.pairing,
            self.request.POST.get("target") or self.request.GET.get("target", ""),
            title=str(self.pairing),
            cancel_url=self.pairing.get_absolute_url(),
            comment=text_param(self.request.POST.get("comment")),
        )

    def post(self, request, pk):
        pairing = self.pairing
        try:
            pairing_move(
                pairing=pairing,
                target=request.POST.get("target", ""),
                actor=request.user,
                comment=text_param(request.POST.get("comment")),
            )
        except ValueError:
            messages.error(request, "Неизвестное действие.")
        except ValidationError as error:
            report_errors(request, error)
        else:
            pairing.refresh_from_db()
            messages.success(request, f"Состояние пары: «{pairing.get_status_display()}».")
        return redirect(pairing.get_absolute_url())


class PairingConsentView(RoleRequiredMixin, View):
    allowed_roles = PROPOSERS

    def post(self, request, pk):
        pairing = get_object_or_404(pairings_for(request.user), pk=pk)
        form = PairingConsentForm(request.POST, request.FILES, participants=participants(pairing))
        if form.is_valid():
            try:
                pairing_consent_record(
                    pairing=pairing,
                    person=form.cleaned_data["person"],
                    given_on=form.cleaned_data["given_on"],
                    scan=form.cleaned_data["scan"],
                    actor=request.user,
                )
            except ValidationError as error:
                report_errors(request, error)
            else:
                messages.success(request, sentence(f"Согласие записано: {form.cleaned_data['person'].full_name}"))
        else:
            for field, errors in form.errors.items():
                label = form.fields[field].label if field in form.fields else ""
                for message in errors:
                    messages.error(request, f"{label}: {message}" if label else message)
        return redirect(pairing.get_absolute_url())


class PairingConsentWithdrawView(RoleRequiredMixin, ConfirmedActionMixin, View):
    """«Отозвать согласие»: GET says what will happen, the POST from that page marks it withdrawn today."""

    allowed_roles = PROPOSERS

    @cached_property
    def consent(self) -> PairingConsent:
        return get_object_or_404(
            PairingConsent.objects.select_related("pairing__mentor__person", "person").filter(
                pairing__in=pairings_for(self.request.user), withdrawn_on__isnull=True
            ),
            pk=self.kwargs["pk"],
        )

    def confirmation(self) -> Confirmation:
        consent, today = self.consent, timezone.localdate()
        return Confirmation(
            title="Отзыв согласия на участие в паре",
            consequences=[
                f"Письменное согласие на участие в паре «{consent.pairing}» "
                f"({consent.person.full_name}, от {consent.given_on:%d.%m.%Y}) будет отмечено отозванным "
                f"с {today:%d.%m.%Y}.",
                "Пока согласие не дано снова, пару нельзя закрепить приказом. Скан и история согласия "
                "сохранятся. Отзыв не отменяется: если участник согласится снова, запишите новое согласие.",
            ],
            button="Отозвать согласие",
            cancel_url=consent.pairing.get_absolute_url(),
        )

    def post(self, request, pk):
        consent = self.consent
        pairing_consent_withdraw(consent=consent, withdrawn_on=timezone.localdate(), actor=request.user)
        messages.warning(request, sentence(f"Согласие на участие в паре отозвано: {consent.person.full_name}"))
        return redirect(consent.pairing.get_absolute_url())


class PairOrderView(RoleRequiredMixin, FormView):
    """The head decides on a fixed or running pair — terminate, replace the mentor, extend — and lands
    on the order's project: the pair changes when the head registers it."""

    allowed_roles = DECIDERS
    success_text = ""

    @cached_property
    def pairing(self) -> Pairing:
        """Loaded after the role check, so a wrong role is a 403 before anything else."""
        return get_object_or_404(
            Pairing.objects.filter(status__in=Pairing.CURRENT_STATUSES).select_related("mentor__person"),
            pk=self.kwargs["pk"],
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "pairing": self.pairing}

    def get_initial(self):
        """Opened from a decision waiting on the pair page (?basis=appeal:12): that decision is chosen
        and its reason written in."""
        initial = super().get_initial()
        action = getattr(self.form_class, "basis_action", "")
        found = basis_by_key(self.pairing, action, self.request.GET.get("basis", "")) if action else None
        if found:
            initial.update(basis=found.key, **self.basis_initial(found))
        return initial

    def basis_initial(self, found) -> dict:
        return {}

    def get_context_data(self, **kwargs):
        return super().get_context_data(pairing=self.pairing, pending_change=pending_change(self.pairing), **kwargs)

    def form_valid(self, form):
        try:
            outcome = self.run(form.cleaned_data)
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"{self.success_text} Проект приказа «{outcome.obj.heading}» подготовлен и ожидает регистрации: "
            "проверьте текст и зарегистрируйте приказ — пара изменится с его регистрацией.",
        )
        for warning in outcome.warnings:
            messages.warning(self.request, warning)
        return redirect(outcome.obj.get_absolute_url())


class PairingTerminateView(PairOrderView):
    form_class = PairingTerminateForm
    template_name = "mentorship/pairing_terminate.html"
    success_text = "Решение о досрочном прекращении записано."

    def basis_initial(self, found) -> dict:
        return {"initiator": Pairing.Initiator.EMPLOYER, "reason": found.reason}

    def run(self, data):
        return pairing_terminate(pairing=self.pairing, actor=self.request.user, **data)


class PairingReplaceView(PairOrderView):
    form_class = PairingReplaceForm
    template_name = "mentorship/pairing_replace.html"
    success_text = "Решение о замене наставника записано."

    def basis_initial(self, found) -> dict:
        return {"details": found.reason}

    def run(self, data):
        return pairing_replace_mentor(pairing=self.pairing, actor=self.request.user, **data)


class PairingExtendView(PairOrderView):
    form_class = PairingExtendForm
    template_name = "mentorship/pairing_extend.html"
    success_text = "Решение о продлении записано."

    def run(self, data):
        return pairing_extend(pairing=self.pairing, actor=self.request.user, **data)


class PairingConsentScanView(ProtectedFileView):
    """The scan of a participant's signed consent, for those who see the pair."""

    allowed_roles = PAIR_READERS
    file_field = "scan"

    def file_title(self, consent) -> str:
        return f"{consent_form_title(consent.person)} от {consent.given_on:%d.%m.%Y} (скан)"

    def get_queryset(self):
        return PairingConsent.objects.filter(pairing__in=pairings_for(self.request.user))
