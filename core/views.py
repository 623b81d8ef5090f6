"""View pieces every app shares: one list style, one form style, one way to show a service's
refusal or warnings. The role check is the permission layer's (people.access)."""

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views.generic import DetailView
from django_filters.views import FilterView

from core.text import sentence

from . import history


@login_not_required
def favicon(request):
    """/favicon.ico, which browsers ask for on their own (also on the login page and the error
    pages): the icon static files serve, as templates/base.html links it."""
    return redirect(static("favicon.ico"))


class NearestPageMixin:
    """For a ListView: a page number past the end or not a number shows the nearest page, not a 404."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()


class FilteredListView(NearestPageMixin, FilterView):
    """A filtered, sorted, paginated list over a selector `selector(user) -> QuerySet`."""

    paginate_by = 25
    selector = None

    def get_queryset(self):
        return type(self).selector(self.request.user)

    def get_filterset(self, filterset_class):
        # Bootstrap's classes on the widgets, so that snippets/filters.html prints each field plainly:
        # through crispy-forms' templates the filter form cost a list page more than its rows.
        filterset = super().get_filterset(filterset_class)
        for field in filterset.form.fields.values():
            widget = field.widget
            css = "form-check-input" if isinstance(widget, forms.CheckboxInput) else "form-control"
            if isinstance(widget, forms.Select):
                css = "form-select"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()
        return filterset

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
    # Subclasses define run_service(form) -> core.services.Outcome.

    def form_valid(self, form):
        outcome = self.run_service(form)
        self.object = outcome.obj
        show_outcome(self.request, outcome, self.success_message)
        return redirect(self.get_success_url())

    def form_invalid(self, form):
        messages.error(self.request, "Запись не сохранена: исправьте отмеченные поля.")
        return super().form_invalid(form)


def show_outcome(request, outcome, success: str) -> None:
    """A done action: the success line, then every warning the service gave — each a sentence
    (core.text.sentence), so a line that ends with a name's initials gets no second full stop."""
    messages.success(request, sentence(success))
    for warning in outcome.warnings:
        messages.warning(request, sentence(warning))


def report_errors(request, error: ValidationError) -> None:
    """A refused action: every reason the service gave, as a sentence on the next page."""
    for message in error.messages:
        messages.error(request, sentence(message))


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


class HistoryPageMixin:
    """A history page, linked from the page it tells about (which stays as fast as it was): a
    subclass takes that page's `allowed_roles` and scoping, so whoever may not read it gets the
    same 403 or 404 here, and names what it shows in `history_sources()` (core.history.Source),
    hiding the fields its reader may not see."""

    template_name = "core/history.html"

    def history_sources(self) -> list[history.Source]:
        raise NotImplementedError

    def record_title(self) -> str:
        return str(self.object)

    def back_url(self) -> str:
        return self.object.get_absolute_url()

    def get_context_data(self, **kwargs):
        sources = self.history_sources()
        return super().get_context_data(
            entries=history.entries(sources),
            subjects=list(dict.fromkeys(source.subject for source in sources)),
            record_title=self.record_title(),
            back_url=self.back_url(),
            **kwargs,
        )


class RecordHistoryView(HistoryPageMixin, DetailView):
    """The history page of one record, found by its `get_queryset()` as the record's page finds it."""


@dataclass(frozen=True)
class Confirmation:
    """What the confirmation page of an action says: its heading, what will happen (one or more
    paragraphs), the name of the button that does it and where «Отмена» leads."""

    title: str
    consequences: list[str]
    button: str
    cancel_url: str
    danger: bool = True


CONFIRMED = "confirmed"


def move_confirmation(obj, target: str, *, title: str, cancel_url: str, comment: str = "") -> Confirmation | None:
    """The confirmation of a move of a life cycle (core.lifecycle) whose row of the table says what it
    does (`Transition.consequence`); None for a move done by its button at once or not in the table."""
    if target not in type(obj).Status.values:
        return None
    transition = type(obj).transition(obj.status, target)
    if transition is None or not transition.consequence:
        return None
    return Confirmation(
        title=f"{transition.label}: {title}",
        consequences=[transition.consequence, *([f"Комментарий: «{comment}»."] if comment else [])],
        button=transition.label,
        cancel_url=cancel_url,
    )


class ConfirmedActionMixin:
    """A destructive or legally meaningful action is done only after a page that says what will happen.

    A GET of the action's URL, or a POST without `confirmed` (a button elsewhere posting its fields),
    shows that page, carrying the same fields; only its own POST, with `confirmed`, reaches the view's
    `post()`. The view defines `confirmation() -> Confirmation | None` (None: this request needs no
    confirmation, e.g. a harmless target of a move); it runs after the role check and loads its object
    with the view's own scoping, so someone else's object is a 404 here too. No JavaScript needed."""

    confirm_template = "snippets/confirm_action.html"

    def dispatch(self, request, *args, **kwargs):
        # RoleRequiredMixin comes first in the bases: its check has already passed when we get here.
        if request.method in ("GET", "POST") and request.POST.get(CONFIRMED) != "1":
            confirmation = self.confirmation()
            if confirmation is not None:
                return self.render_confirmation(confirmation)
            if request.method == "GET" and not hasattr(self, "get"):
                return self.http_method_not_allowed(request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)

    def confirmation(self) -> Confirmation | None:
        raise NotImplementedError

    def render_confirmation(self, confirmation: Confirmation):
        source = self.request.POST if self.request.method == "POST" else self.request.GET
        fields = [
            (name, value)
            for name in source
            if name not in ("csrfmiddlewaretoken", CONFIRMED)
            for value in source.getlist(name)
        ]
        return render(self.request, self.confirm_template, {"confirmation": confirmation, "fields": fields})
