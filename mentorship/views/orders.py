"""The head's approval queue and the register of orders."""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import DetailView, FormView, TemplateView

from core.pdf import render_pdf
from core.views import form_errors, report_errors
from people.access import ProtectedFileView, RoleRequiredMixin, ScopedListView
from people.models import Organization
from people.roles import Role

from .. import queue
from ..forms import JournalForm, OrderDraftForm, OrderNewForm, ScanForm
from ..models import Order, Pairing
from ..roles import BANK_READERS
from ..selectors import agreements_for, approval_queue, orders_for, pairings_for
from ..services import (
    current_mentees_by_mentor,
    missing_consents,
    order_attach_scan,
    order_draft,
    order_journal_set,
    order_register,
    order_update_draft,
    pairing_move,
    pairing_warnings,
    pairings_approve,
)

ORDER_KEEPERS = frozenset({Role.HEAD, Role.CURATOR, Role.ADMIN})
ORDER_READERS = BANK_READERS | {Role.MENTOR, Role.MENTEE}


def pairing_queue_items() -> list[dict]:
    """Pairs awaiting the head, each with the consents still missing and the warnings."""
    pairings = list(approval_queue())
    own = Organization.own()
    loads = current_mentees_by_mentor({pairing.mentor_id for pairing in pairings})
    return [
        {
            "pairing": pairing,
            "missing": missing_consents(pairing),
            "warnings": pairing_warnings(pairing, own=own, loads=loads),
        }
        for pairing in pairings
    ]


class ApprovalQueueView(RoleRequiredMixin, TemplateView):
    """Every section of the queue (mentorship/queue.py); pairs are approved and returned here,
    the other sections post to their own apps."""

    allowed_roles = frozenset({Role.HEAD})
    template_name = "mentorship/approval_queue.html"

    def get_context_data(self, **kwargs):
        filled = [(section, section.items()) for section in queue.sections()]
        return super().get_context_data(sections=filled, waiting=any(items for _, items in filled), **kwargs)

    def post(self, request):
        if request.POST.get("action") == "return":
            pairing = get_object_or_404(Pairing, pk=request.POST.get("pairing"))
            try:
                pairing_move(
                    pairing=pairing,
                    target=Pairing.Status.RETURNED,
                    actor=request.user,
                    roles=self.roles,
                    comment=request.POST.get("comment", ""),
                )
            except ValidationError as error:
                report_errors(request, error)
            else:
                messages.success(request, "Пара возвращена куратору с комментарием.")
            return redirect("mentorship:approval-queue")
        chosen = Pairing.objects.filter(pk__in=[pk for pk in request.POST.getlist("pairings") if pk.isdigit()])
        try:
            order = pairings_approve(pairings=list(chosen), actor=request.user, roles=self.roles).obj
        except ValidationError as error:
            report_errors(request, error)
            return redirect("mentorship:approval-queue")
        messages.success(request, f"Утверждено. Приказ № {order.number_text} от {order.date:%d.%m.%Y} зарегистрирован.")
        return redirect(order.get_absolute_url())


class OrderFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(label="Вид", choices=Order.Kind.choices, empty_label="Все")
    year = django_filters.NumberFilter(label="Год")
    status = django_filters.ChoiceFilter(label="Состояние", choices=Order.Status.choices, empty_label="Все")

    class Meta:
        model = Order
        fields = []


class OrderListView(ScopedListView):
    allowed_roles = ORDER_READERS
    selector = orders_for
    filterset_class = OrderFilter
    template_name = "mentorship/order_list.html"


class OrderDetailView(RoleRequiredMixin, DetailView):
    allowed_roles = ORDER_READERS
    template_name = "mentorship/order_detail.html"
    context_object_name = "order"

    def get_queryset(self):
        return orders_for(self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            pairings=self.object.pairings.filter(pk__in=pairings_for(self.request.user)).select_related(
                "mentor__person", "direction"
            ),
            scan_form=ScanForm() if self.roles & ORDER_KEEPERS and not self.object.is_draft else None,
            can_edit_draft=self.object.is_draft and bool(self.roles & ORDER_WRITERS),
            can_register=self.object.is_draft and Role.HEAD in self.roles,
            agreements=agreements_for(self.request.user).filter(order=self.object),
            **kwargs,
        )

    def post(self, request, pk):
        if not self.roles & ORDER_KEEPERS:
            raise PermissionDenied("Скан приказа прикладывают руководитель, куратор или администратор.")
        order = get_object_or_404(self.get_queryset(), pk=pk)
        form = ScanForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                order_attach_scan(order=order, scan=form.cleaned_data["scan"], actor=request.user)
            except ValidationError as error:
                report_errors(request, error)
            else:
                messages.success(request, "Скан подписанного приказа приложен.")
        else:
            for message in form.errors.get("scan", []):
                messages.error(request, message)
        return redirect(order.get_absolute_url())


class OrderPdfView(ProtectedFileView):
    allowed_roles = ORDER_READERS
    file_field = "pdf"

    def get_queryset(self):
        return orders_for(self.request.user)


class OrderScanView(ProtectedFileView):
    allowed_roles = ORDER_READERS
    file_field = "signed_scan"

    def get_queryset(self):
        return orders_for(self.request.user)


ORDER_WRITERS = frozenset({Role.HEAD, Role.CURATOR})


class OrderCreateView(RoleRequiredMixin, FormView):
    """A project of an order written from the records (the curator prepares, the head registers)."""

    allowed_roles = ORDER_WRITERS
    form_class = OrderNewForm
    template_name = "mentorship/order_new.html"

    def get_initial(self):
        return {"date": timezone.localdate()}

    def form_valid(self, form):
        try:
            order = order_draft(kind=form.cleaned_data["kind"], date=form.cleaned_data["date"], actor=self.request.user)
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "Проект приказа подготовлен: проверьте текст и отправьте на регистрацию.")
        return redirect(order.get_absolute_url())


class OrderDraftUpdateView(RoleRequiredMixin, FormView):
    allowed_roles = ORDER_WRITERS
    form_class = OrderDraftForm
    template_name = "mentorship/order_edit.html"

    @cached_property
    def order(self) -> Order:
        return get_object_or_404(orders_for(self.request.user).filter(status=Order.Status.DRAFT), pk=self.kwargs["pk"])

    def get_initial(self):
        order = self.order
        return {
            "date": order.date,
            "heading": order.heading,
            "preamble": order.preamble,
            "clauses": "\n".join(order.clauses),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(order=self.order, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            order_update_draft(
                order=self.order,
                date=data["date"],
                heading=data["heading"],
                preamble=data["preamble"],
                clauses=data["clauses"].splitlines(),
                actor=self.request.user,
            )
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "Проект приказа сохранён.")
        return redirect(self.order.get_absolute_url())


class OrderRegisterView(RoleRequiredMixin, View):
    """The head registers a project: it gets its number and its PDF is frozen."""

    allowed_roles = frozenset({Role.HEAD})

    def post(self, request, pk):
        order = get_object_or_404(orders_for(request.user).filter(status=Order.Status.DRAFT), pk=pk)
        try:
            order = order_register(order=order, actor=request.user)
        except ValidationError as error:
            report_errors(request, error)
        else:
            messages.success(request, f"Приказ зарегистрирован: № {order.number_text} от {order.date:%d.%m.%Y}.")
        return redirect(order.get_absolute_url())


class OrderPreviewView(RoleRequiredMixin, View):
    """A project as it will print: rendered on the fly, marked «ПРОЕКТ», never stored."""

    allowed_roles = ORDER_READERS

    def get(self, request, pk):
        order = get_object_or_404(orders_for(request.user).filter(status=Order.Status.DRAFT), pk=pk)
        pdf = render_pdf(
            "mentorship/pdf/order.html", {"order": order, "organization": order.organization, "draft": True}
        )
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="proekt-prikaza-{order.pk}.pdf"'
        response["Cache-Control"] = "private, no-store"
        return response


class OrderJournalView(RoleRequiredMixin, FormView):
    """Where the clerk sets the next number so it follows the kindergarten's paper journal."""

    allowed_roles = ORDER_KEEPERS
    form_class = JournalForm
    template_name = "mentorship/order_journal.html"

    def get_initial(self):
        from ..models import OrderJournal

        journal = OrderJournal.objects.filter(organization=Organization.own()).first()
        return (
            {"next_number": journal.next_number, "suffix": journal.suffix}
            if journal
            else {"next_number": 1, "suffix": "-ОД"}
        )

    def form_valid(self, form):
        try:
            journal = order_journal_set(
                organization=Organization.own(),
                year=timezone.localdate().year,
                actor=self.request.user,
                **form.cleaned_data,
            )
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Следующий приказ получит № {journal.next_number}{journal.suffix}.")
        return redirect("mentorship:order-list")
