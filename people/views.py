"""The staff registry's pages: people and their cards, the history of changes, staff spreadsheets
in (preview, then all rows or none)."""

import io

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import CreateView, DetailView, FormView, ListView, TemplateView, UpdateView
from django.views.generic.detail import SingleObjectMixin

from core import extensions
from core.files import XLSX_CONTENT_TYPE, file_response
from core.history import Source
from core.http import id_param
from core.spreadsheets import append_row
from core.views import HistoryPageMixin, ServiceFormMixin, form_errors, report_errors

from .access import RoleRequiredMixin, ScopedListView
from .filters import PersonFilter
from .forms import (
    LoginCreateForm,
    OrganizationSettingsForm,
    PartnerOrganizationForm,
    PersonForm,
    StaffFileForm,
    reference_form_class,
)
from .history import may_read_sensitive, person_history, readable_sources
from .imports import NEW_PERSON, TEMPLATE_EXAMPLE, TEMPLATE_HEADERS, ImportFileError
from .logins import proposed_username
from .models import ImportBatch, Organization
from .references import reference_keepers, reference_lists
from .roles import HISTORY_READERS, SETTINGS_KEEPERS, STAFF_KEEPERS, STAFF_READERS
from .selectors import people_for
from .services import (
    login_errors,
    organization_save,
    person_login_close,
    person_login_create,
    person_login_open,
    person_login_reset_password,
    person_save,
    reference_item_save,
    staff_import_apply,
    staff_import_plan,
    staff_import_prepare,
)


class OwnOrganizationMixin:
    def get_organization(self) -> Organization:
        organization = Organization.own()
        if organization is None:
            raise Http404("Организация ещё не создана: выполните manage.py init_organization.")
        return organization


class PersonListView(ScopedListView):
    allowed_roles = STAFF_READERS
    selector = people_for
    filterset_class = PersonFilter
    template_name = "people/person_list.html"


class PersonDetailView(RoleRequiredMixin, DetailView):
    """The card; what other apps keep about the person fills the slot «people.person.card»."""

    allowed_roles = STAFF_READERS
    template_name = "people/person_detail.html"
    context_object_name = "person"

    def get_queryset(self):
        return people_for(self.request.user).select_related("user")

    def get_context_data(self, **kwargs):
        can_edit = bool(self.roles & STAFF_KEEPERS)
        return super().get_context_data(
            can_edit=can_edit,
            can_read_history=bool(self.roles & HISTORY_READERS),
            login_actions=login_actions(self.object, self.request.user) if can_edit else [],
            **kwargs,
        )


class PersonCreateView(RoleRequiredMixin, ServiceFormMixin, CreateView):
    allowed_roles = STAFF_KEEPERS
    form_class = PersonForm
    template_name = "people/person_form.html"
    success_message = "Сотрудник добавлен."

    def run_service(self, form):
        return person_save(person=form.instance, actor=self.request.user)


class PersonUpdateView(RoleRequiredMixin, ServiceFormMixin, UpdateView):
    allowed_roles = STAFF_KEEPERS
    form_class = PersonForm
    template_name = "people/person_form.html"
    context_object_name = "person"
    success_message = "Изменения сохранены."

    def get_queryset(self):
        return people_for(self.request.user)

    def run_service(self, form):
        return person_save(person=form.instance, actor=self.request.user)


class PersonHistoryView(RoleRequiredMixin, DetailView):
    allowed_roles = HISTORY_READERS
    template_name = "people/person_history.html"
    context_object_name = "person"

    def get_queryset(self):
        return people_for(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["entries"] = person_history(
            self.object, show_sensitive=may_read_sensitive(self.request.user, self.object), roles=self.roles
        )
        context["subjects"] = [source.subject for source in readable_sources(self.roles)]
        context["back_url"] = reverse("people:person-detail", args=[self.object.pk])
        return context


class StaffImportView(RoleRequiredMixin, OwnOrganizationMixin, TemplateView):
    allowed_roles = STAFF_KEEPERS
    template_name = "people/import_upload.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", StaffFileForm())
        kwargs["recent"] = ImportBatch.objects.filter(status=ImportBatch.Status.APPLIED).select_related(
            "created_by__person"
        )[:5]
        kwargs["headers"] = TEMPLATE_HEADERS
        return super().get_context_data(**kwargs)

    def post(self, request):
        form = StaffFileForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        upload = form.cleaned_data["file"]
        try:
            batch, plan = staff_import_prepare(
                organization=self.get_organization(), name=upload.name, content=upload.read(), actor=request.user
            )
        except ImportFileError as error:
            form.add_error("file", str(error))
            return self.render_to_response(self.get_context_data(form=form))
        if batch is None:
            messages.error(request, "Ничего не загружено: исправьте строки из списка ниже и выберите файл снова.")
            return self.render_to_response(
                self.get_context_data(form=StaffFileForm(), plan=plan, file_name=upload.name)
            )
        return redirect("people:import-preview", batch.pk)


class ImportPreviewView(RoleRequiredMixin, TemplateView):
    allowed_roles = STAFF_KEEPERS
    template_name = "people/import_preview.html"

    def get_batch(self) -> ImportBatch:
        # Someone else's upload is not ours to look at or apply.
        return get_object_or_404(ImportBatch, pk=self.kwargs["pk"], created_by=self.request.user)

    def get_context_data(self, **kwargs):
        batch = self.get_batch()
        plan = None
        chosen = kwargs.pop("chosen", {})
        if batch.status == ImportBatch.Status.PREVIEW:
            plan = staff_import_plan(batch)
            for row in plan.probable_duplicates:
                row.choice = chosen.get(row.line, "")
        return super().get_context_data(batch=batch, plan=plan, new_person=NEW_PERSON, **kwargs)

    def matches(self) -> dict:
        """The curator's decisions on probable duplicates: «match-<line>» = a person's pk or «new»."""
        matches = {}
        for key, value in self.request.POST.items():
            line = id_param(key.removeprefix("match-")) if key.startswith("match-") else None
            if line is not None:
                matches[line] = NEW_PERSON if value == NEW_PERSON else id_param(value)
        return matches

    def post(self, request, pk):
        batch = self.get_batch()
        matches = self.matches()
        try:
            batch = staff_import_apply(batch=batch, actor=request.user, matches=matches)
        except ValidationError as error:  # UndecidedDuplicates among them: every such row is listed
            report_errors(request, error)
            batch.refresh_from_db()
            if batch.status != ImportBatch.Status.PREVIEW:
                return redirect("people:import")
            # The preview again, with the decisions already made still marked.
            chosen = {line: str(value) for line, value in matches.items() if value is not None}
            return self.render_to_response(self.get_context_data(chosen=chosen))
        messages.success(
            request,
            f"Список загружен: добавлено {batch.created_count}, обновлено {batch.updated_count}, "
            f"без изменений {batch.unchanged_count}.",
        )
        return redirect(reverse("people:person-list"))


class ImportTemplateView(RoleRequiredMixin, View):
    """An empty list with the expected columns and one example row."""

    allowed_roles = STAFF_KEEPERS

    def get(self, request):
        from openpyxl import Workbook
        from openpyxl.styles import Font

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "Сотрудники"
        append_row(sheet, TEMPLATE_HEADERS)
        append_row(sheet, TEMPLATE_EXAMPLE)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for column in "ABCDEFGHIJKLM":
            sheet.column_dimensions[column].width = 18
        buffer = io.BytesIO()
        workbook.save(buffer)
        return file_response(buffer.getvalue(), XLSX_CONTENT_TYPE, "Образец файла сотрудников.xlsx")


# --- organizations: ours (its settings) and the partners -------------------------------------

# The list's slots: columns higher apps add (a header once, a cell a row) and the joins they need.
ORGANIZATION_HEADERS = "people.organization.headers"
ORGANIZATION_CELLS = "people.organization.cells"


class OrganizationListView(RoleRequiredMixin, ListView):
    allowed_roles = STAFF_READERS
    template_name = "people/organization_list.html"
    context_object_name = "organizations"

    def get_queryset(self):
        organizations = Organization.objects.annotate(
            working=Count("people", filter=Q(people__status="working"), distinct=True)
        ).order_by("kind", "short_name")
        return extensions.prepare(ORGANIZATION_CELLS, organizations)

    def get_context_data(self, **kwargs):
        return super().get_context_data(can_edit=bool(self.roles & STAFF_KEEPERS), **kwargs)


class PartnerFormMixin(RoleRequiredMixin, ServiceFormMixin):
    allowed_roles = STAFF_KEEPERS
    form_class = PartnerOrganizationForm
    template_name = "people/organization_form.html"

    def get_queryset(self):
        return Organization.objects.exclude(kind=Organization.Kind.OWN)

    def run_service(self, form):
        return organization_save(organization=form.instance, actor=self.request.user)

    def get_success_url(self):
        return reverse("people:organization-list")


class PartnerCreateView(PartnerFormMixin, CreateView):
    success_message = "Организация-партнёр добавлена."


class PartnerUpdateView(PartnerFormMixin, UpdateView):
    success_message = "Изменения сохранены."


class OrganizationSettingsView(RoleRequiredMixin, OwnOrganizationMixin, ServiceFormMixin, UpdateView):
    """Requisites that documents print, the head, and the mentoring settings."""

    allowed_roles = SETTINGS_KEEPERS
    form_class = OrganizationSettingsForm
    template_name = "people/organization_settings.html"
    success_message = "Настройки организации сохранены."

    def get_object(self, queryset=None):
        return self.get_organization()

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "actor": self.request.user}

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            # The head changed hands meanwhile, or the successor was dismissed or became an administrator.
            form_errors(form, error)
            return self.form_invalid(form)

    def run_service(self, form):
        return organization_save(organization=form.instance, actor=self.request.user)

    def get_success_url(self):
        return reverse("people:organization-settings")


# --- reference lists: one set of pages for all (people.references) ---------------------------


class ReferenceMixin(RoleRequiredMixin):
    def get_model(self):
        model = reference_lists().get(self.kwargs["kind"])
        if model is None:
            raise Http404("Нет такого справочника.")
        return model

    def get_queryset(self):
        return self.get_model().objects.all()

    def get_context_data(self, **kwargs):
        model = self.get_model()
        return super().get_context_data(
            kind=self.kwargs["kind"],
            list_title=str(model._meta.verbose_name_plural).capitalize(),
            item_title=str(model._meta.verbose_name),
            references=[(kind, str(m._meta.verbose_name_plural).capitalize()) for kind, m in reference_lists().items()],
            flag_fields=[f for f in model._meta.fields if isinstance(f.default, bool) and f.name != "is_active"],
            can_edit=bool(self.roles & reference_keepers(self.kwargs["kind"])),
            **kwargs,
        )


class ReferenceListView(ReferenceMixin, ListView):
    allowed_roles = STAFF_READERS
    template_name = "people/reference_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        names = [flag.name for flag in context["flag_fields"]]
        context["rows"] = [(item, [getattr(item, name) for name in names]) for item in context["object_list"]]
        return context


class ReferenceHistoryView(ReferenceMixin, HistoryPageMixin, TemplateView):
    """The history of a list's items (added, renamed, taken out of use), for the list's readers."""

    allowed_roles = STAFF_READERS

    def record_title(self) -> str:
        return str(self.get_model()._meta.verbose_name_plural).capitalize()

    def back_url(self) -> str:
        return reverse("people:reference-list", args=[self.kwargs["kind"]])

    def get_context_data(self, **kwargs):
        kwargs.pop("kind", None)  # TemplateView passes the URL's; ReferenceMixin names it itself
        return super().get_context_data(**kwargs)

    def history_sources(self):
        model = self.get_model()
        return [Source(str(model._meta.verbose_name).capitalize(), model.history.all(), name_of=lambda row: row.name)]


class ReferenceFormMixin(ReferenceMixin, ServiceFormMixin):
    @property
    def allowed_roles(self):
        return reference_keepers(self.kwargs["kind"])

    template_name = "people/reference_form.html"

    def get_form_class(self):
        return reference_form_class(self.get_model())

    def run_service(self, form):
        return reference_item_save(item=form.instance, actor=self.request.user)

    def get_success_url(self):
        return reverse("people:reference-list", args=[self.kwargs["kind"]])


class ReferenceCreateView(ReferenceFormMixin, CreateView):
    success_message = "Добавлено в справочник."


class ReferenceUpdateView(ReferenceFormMixin, UpdateView):
    success_message = "Изменения сохранены."


# --- logins from the employee's card ----------------------------------------------------------

# The buttons of the card's «Вход в систему», in order; each shown only where the service allows it.
LOGIN_ACTIONS = ("create", "reset", "close", "open")
# Where a one-time password waits, in the session of the one who made it, until shown once.
ISSUED_PASSWORD_KEY = "people-issued-password"


def login_actions(person, actor) -> list[str]:
    return [action for action in LOGIN_ACTIONS if not login_errors(person=person, actor=actor, action=action)]


class PersonLoginMixin(RoleRequiredMixin, SingleObjectMixin):
    """A login action on a card: the staff keepers, on a person they can see (else 404); refusals come
    back as messages on the card, never as an error page."""

    allowed_roles = STAFF_KEEPERS
    action = ""

    def get_queryset(self):
        return people_for(self.request.user).select_related("user")

    def refused(self, error: ValidationError):
        report_errors(self.request, error)
        return redirect(self.object)

    def issued(self, person, password: str):
        self.request.session[ISSUED_PASSWORD_KEY] = {"person": person.pk, "password": password}
        return redirect("people:person-login-issued", pk=person.pk)


class PersonLoginCreateView(PersonLoginMixin, FormView):
    template_name = "people/person_login_form.html"
    form_class = LoginCreateForm

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if errors := login_errors(person=self.object, actor=request.user, action="create"):
            return self.refused(ValidationError(errors))
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().post(request, *args, **kwargs)

    def get_initial(self):
        person = self.object
        return {
            "username": proposed_username(
                last_name=person.last_name, first_name=person.first_name, middle_name=person.middle_name
            )
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(person=self.object, **kwargs)

    def form_valid(self, form):
        try:
            person, password = person_login_create(
                person=self.object, username=form.cleaned_data["username"], actor=self.request.user
            ).obj
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        return self.issued(person, password)


@method_decorator(never_cache, name="dispatch")  # nor kept by the browser for «Back»
class PersonLoginIssuedView(PersonLoginMixin, DetailView):
    """The one-time password, shown once: it leaves the session as the page is drawn."""

    template_name = "people/person_login_issued.html"
    context_object_name = "person"

    def get_context_data(self, **kwargs):
        issued = self.request.session.get(ISSUED_PASSWORD_KEY) or {}
        password = None
        if issued.get("person") == self.object.pk:
            password = self.request.session.pop(ISSUED_PASSWORD_KEY)["password"]
        return super().get_context_data(password=password, **kwargs)


class PersonLoginActionView(PersonLoginMixin, View):
    """POST only: «Сбросить пароль», «Закрыть вход», «Открыть вход»."""

    http_method_names = ["post"]
    services = {
        "reset": person_login_reset_password,
        "close": person_login_close,
        "open": person_login_open,
    }
    done = {"close": "Вход закрыт: сотрудник больше не сможет войти.", "open": "Вход открыт."}

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        try:
            outcome = self.services[self.action](person=self.object, actor=request.user)
        except ValidationError as error:
            return self.refused(error)
        if self.action == "reset":
            return self.issued(*outcome.obj)
        messages.success(request, self.done[self.action])
        return redirect(self.object)


class PersonLoginCloseView(PersonLoginActionView):
    """GET: the confirmation that says what will happen; POST closes."""

    http_method_names = ["get", "post"]
    action = "close"
    template_name = "people/person_login_close.html"

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if errors := login_errors(person=self.object, actor=request.user, action="close"):
            return self.refused(ValidationError(errors))
        return render(request, self.template_name, {"person": self.object})
