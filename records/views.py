"""The records office's pages: the register of orders, an order's page, projects and their
registration, the PDF, the signed scan, the DOCX copy, and the journal's numbering."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import DetailView, FormView

from core.docx import DOCX_CONTENT_TYPE
from core.files import file_response
from core.history import Source
from core.views import RecordHistoryView, form_errors, report_errors
from people.access import ProtectedFileView, RoleRequiredMixin, ScopedListView
from people.models import Organization

from . import kinds
from .docx import docx_name, order_docx
from .forms import JournalForm, OrderDraftForm, OrderFilter, OrderNewForm, RegisterForm, ScanForm, VoidForm
from .models import Order, OrderJournal
from .roles import ORDER_KEEPERS, ORDER_READERS, ORDER_SIGNERS, ORDER_WRITERS
from .selectors import orders_for
from .services import (
    order_attach_scan,
    order_draft,
    order_journal_set,
    order_pdf,
    order_register,
    order_update_draft,
    order_void,
)


class OrderListView(ScopedListView):
    allowed_roles = ORDER_READERS
    selector = orders_for
    filterset_class = OrderFilter
    template_name = "records/order_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            can_see_journal=bool(self.roles & ORDER_KEEPERS), can_prepare=bool(self.roles & ORDER_WRITERS), **kwargs
        )


class OrderDetailView(RoleRequiredMixin, DetailView):
    allowed_roles = ORDER_READERS
    template_name = "records/order_detail.html"
    context_object_name = "order"

    def get_queryset(self):
        return orders_for(self.request.user)

    def get_context_data(self, **kwargs):
        can_register = self.object.is_draft and bool(self.roles & ORDER_SIGNERS)
        if can_register:
            kwargs.setdefault("register_form", RegisterForm(order=self.object))
            kwargs.setdefault("void_form", VoidForm())
        return super().get_context_data(
            table=kinds.table_of(self.object),
            scan_form=ScanForm() if self.roles & ORDER_KEEPERS and self.object.is_registered else None,
            can_edit_draft=self.object.is_draft and bool(self.roles & ORDER_WRITERS),
            can_register=can_register,
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


class OrderHistoryView(RoleRequiredMixin, RecordHistoryView):
    """The order's history (drafted, corrected, registered, the scan attached), for its readers."""

    allowed_roles = ORDER_READERS

    def get_queryset(self):
        return orders_for(self.request.user)

    def history_sources(self):
        return [Source("Приказ", Order.history.filter(id=self.object.pk))]


class OrderPdfView(ProtectedFileView):
    allowed_roles = ORDER_READERS
    file_field = "pdf"

    def file_title(self, order) -> str:
        return order.file_title

    def get_queryset(self):
        return orders_for(self.request.user)


class OrderScanView(ProtectedFileView):
    allowed_roles = ORDER_READERS
    file_field = "signed_scan"

    def file_title(self, order) -> str:
        return f"{order.file_title} (скан с подписью)"

    def get_queryset(self):
        return orders_for(self.request.user)


class OrderCreateView(RoleRequiredMixin, FormView):
    """A project of an order written from the records (the curator prepares, the head registers)."""

    allowed_roles = ORDER_WRITERS
    form_class = OrderNewForm
    template_name = "records/order_new.html"

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
    template_name = "records/order_edit.html"

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
    """The head registers a project: it gets its number, its PDF is frozen, and the decision it
    carries takes effect. An order against the journal's rules needs the head's reason: without
    one the order's page comes back with the warnings and what was typed."""

    allowed_roles = ORDER_SIGNERS

    def post(self, request, pk):
        order = get_object_or_404(orders_for(request.user).filter(status=Order.Status.DRAFT), pk=pk)
        form = RegisterForm(request.POST, order=order)
        if form.is_valid():
            try:
                order = order_register(order=order, actor=request.user, reason=form.cleaned_data.get("reason", ""))
            except ValidationError as error:
                form_errors(form, error)
            else:
                messages.success(request, f"Приказ зарегистрирован: № {order.number_text} от {order.date:%d.%m.%Y}.")
                return redirect(order.get_absolute_url())
        detail = OrderDetailView(request=request, kwargs={"pk": pk}, args=())
        detail.object = order
        return render(request, detail.template_name, detail.get_context_data(object=order, register_form=form))


class OrderVoidView(RoleRequiredMixin, View):
    """The head withdraws a project, saying why: it is never registered, stays in the register with
    the reason, and what it decided returns to the queue (records.kinds `on_void`). Without a reason
    the order's page comes back with the form and its error."""

    allowed_roles = ORDER_SIGNERS

    def post(self, request, pk):
        order = get_object_or_404(orders_for(request.user).filter(status=Order.Status.DRAFT), pk=pk)
        form = VoidForm(request.POST)
        if form.is_valid():
            try:
                order = order_void(order=order, reason=form.cleaned_data["reason"], actor=request.user)
            except ValidationError as error:
                form_errors(form, error)
            else:
                messages.success(
                    request, f"Проект приказа от {order.date:%d.%m.%Y} отозван; он не будет зарегистрирован."
                )
                return redirect(order.get_absolute_url())
        detail = OrderDetailView(request=request, kwargs={"pk": pk}, args=())
        detail.object = order
        return render(request, detail.template_name, detail.get_context_data(object=order, void_form=form))


class OrderPreviewView(RoleRequiredMixin, View):
    """A project as it will print: rendered on the fly, marked «ПРОЕКТ», never stored; a withdrawn
    project, marked «ПРОЕКТ ОТОЗВАН» with the reason."""

    allowed_roles = ORDER_READERS

    def get(self, request, pk):
        projects = orders_for(request.user).filter(status__in=[Order.Status.DRAFT, Order.Status.VOIDED])
        order = get_object_or_404(projects, pk=pk)
        return file_response(order_pdf(order, draft=True), "application/pdf", f"{order.file_title}.pdf", inline=True)


class OrderJournalView(RoleRequiredMixin, FormView):
    """Where the clerk sets the next number so it follows the kindergarten's paper journal."""

    allowed_roles = ORDER_KEEPERS
    form_class = JournalForm
    template_name = "records/order_journal.html"

    def get_initial(self):
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
        return redirect("records:order-list")


class OrderDocxView(RoleRequiredMixin, View):
    """An order as DOCX for editing before printing; whoever may open the order may take it."""

    allowed_roles = ORDER_READERS

    def get(self, request, pk):
        order = get_object_or_404(orders_for(request.user), pk=pk)
        return file_response(order_docx(order), DOCX_CONTENT_TYPE, docx_name(order.file_title))
