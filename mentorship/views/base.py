"""Shared pieces of the bank's views: one list style, one form style, one file gate."""

import mimetypes
from pathlib import Path

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.views.generic import DetailView
from django_filters.views import FilterView

from ..access import RoleRequiredMixin


class NearestPageMixin:
    """For a ListView: a page number past the end or not a number shows the nearest page, not a 404."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()


class BankListView(NearestPageMixin, RoleRequiredMixin, FilterView):
    """A filtered, sorted, paginated list over a selector."""

    paginate_by = 25
    selector = None

    def get_queryset(self):
        return type(self).selector(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context["query_without_page"] = query.urlencode()
        context["total_count"] = context["paginator"].count if context.get("paginator") else len(context["object_list"])
        return context


class ServiceFormMixin:
    """`form_valid()` hands the form to a service and shows its warnings; it never saves itself."""

    success_message = "Сохранено."
    # Subclasses define run_service(form) -> services.Outcome.

    def form_valid(self, form):
        outcome = self.run_service(form)
        self.object = outcome.obj
        messages.success(self.request, self.success_message)
        for warning in outcome.warnings:
            messages.warning(self.request, warning)
        return redirect(self.get_success_url())

    def form_invalid(self, form):
        messages.error(self.request, "Запись не сохранена: исправьте отмеченные поля.")
        return super().form_invalid(form)


class ProtectedFileView(RoleRequiredMixin, DetailView):
    """Streams an uploaded file to those who may see its object; there is no public URL."""

    file_field = ""

    def get(self, request, *args, **kwargs):
        obj = self.get_object()
        stored = getattr(obj, self.file_field)
        if not stored:
            raise Http404("Файл не загружен.")
        try:
            handle = stored.open("rb")
        except FileNotFoundError as error:
            raise Http404("Файл не найден.") from error
        name = Path(stored.name).name
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        response = FileResponse(handle, content_type=content_type, filename=name)
        response["Cache-Control"] = "private, no-store"
        return response


def report_errors(request, error: ValidationError) -> None:
    """A refused action: every reason the service gave, as a message on the next page."""
    for message in error.messages:
        messages.error(request, message)


def form_errors(form, error: ValidationError) -> None:
    """A refused form keeps what was typed and shows every reason the service gave: a reason about
    one of the form's fields under that field, the others above the form."""
    if not hasattr(error, "error_dict"):
        for message in error.messages:
            form.add_error(None, message)
        return
    for field, errors in error.error_dict.items():
        for message in ValidationError(errors).messages:
            form.add_error(field if field in form.fields else None, message)
