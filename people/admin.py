from django.contrib import admin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm

from accounts.admin import UserAdmin
from accounts.models import User
from core.admin import ReadOnlyAdmin, ReadOnlyHistoryAdmin, ReferenceListAdmin
from core.text import normalize_for_search

from .forms import EmployeeChoiceField
from .models import ExportLog, ImportBatch, Organization, Person, Position
from .services import login_link_errors, person_link_login


@admin.register(Position)
class PositionAdmin(ReferenceListAdmin):
    list_display = ("name", "is_pedagogical", "is_deputy_head", "is_active", "sort_order")


@admin.register(Organization)
class OrganizationAdmin(ReadOnlyHistoryAdmin):
    # The head (a role) and the requisites are set in «Настройки организации», by the head.
    list_display = ("short_name", "kind", "inn")
    list_filter = ("kind",)
    search_fields = ("short_name", "full_name", "inn")


@admin.register(Person)
class PersonAdmin(ReadOnlyHistoryAdmin):
    # A person's card is personal data kept in the staff registry; whose login it is decides every
    # role of that login, so it is never linked here.
    list_display = ("name", "position", "organization", "personnel_number", "status")
    list_filter = ("status", "organization", "position__is_pedagogical", "position")
    search_fields = ("search_name", "personnel_number")
    list_select_related = ("position", "organization")

    @admin.display(description="ФИО", ordering="last_name")
    def name(self, obj):
        return obj.full_name

    def get_search_results(self, request, queryset, search_term):
        # The admin's search folds case and «ё» like the bank's own lists.
        return super().get_search_results(request, queryset, normalize_for_search(search_term))


@admin.register(ExportLog)
class ExportLogAdmin(ReadOnlyAdmin):
    list_display = ("exported_at", "exported_by", "what", "rows")


@admin.register(ImportBatch)
class ImportBatchAdmin(ReadOnlyAdmin):
    list_display = ("file_name", "created_by", "created_at", "status", "created_count", "updated_count")
    exclude = ("content", "rows")


# --- logins: accounts keeps them, the staff registry says whose each is ---------------------


class EmployeeOfLogin:
    """A login form's «Сотрудник»: the employee this login becomes (people.services). The field is on
    every form, shown or not, so that an employee posted where none may be linked is refused with
    the reason, never saved; `actor` is the administrator (LoginAdmin.get_form)."""

    actor: User

    def clean(self):
        data = super().clean()
        person = data.get("person")
        if person is not None:
            shown = "person" in (self._meta.fields or ())
            for error in login_link_errors(user=self.instance, actor=self.actor, person=person):
                self.add_error("person" if shown else None, error)
        return data


class LoginCreationForm(EmployeeOfLogin, AdminUserCreationForm):
    person = EmployeeChoiceField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Django's Russian speaks of single sign-on and LDAP, which this system has none of.
        self.fields[
            "usable_password"
        ].help_text = (
            "Выключите, если по этому логину не должны входить с паролем (например, пока сотрудник не вышел на работу)."
        )


class LoginChangeForm(EmployeeOfLogin, UserChangeForm):
    person = EmployeeChoiceField()


admin.site.unregister(User)


@admin.register(User)
class LoginAdmin(UserAdmin):
    """accounts' logins, and whose login each is: the administrator links a login to a working
    employee who has none, when adding it or later, once (people.services.person_link_login); the
    link is in the employee's history and in the admin's log. A superuser login, his own and one
    already linked show their employee or the reason instead."""

    add_form = LoginCreationForm
    form = LoginChangeForm
    add_fieldsets = ((None, {"fields": ("username", "usable_password", "password1", "password2", "person")}),)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type(form.__name__, (form,), {"actor": request.user})

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        (name, options), *rest = fieldsets
        shown = "employee" if login_link_errors(user=obj, actor=request.user) else "person"
        return ((name, {**options, "fields": (*options["fields"], shown)}), *rest)

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        return readonly if obj is None else (*readonly, "employee")

    @admin.display(description="Сотрудник")
    def employee(self, obj):
        person = Person.objects.filter(user=obj).first()
        if person is not None:
            return person.full_name
        # Shown instead of the choice only where login_link_errors refuses any employee: with no
        # employee yet, that is a superuser's login or the administrator's own.
        if obj.is_superuser:
            return "Не привязывается: учётная запись системного администратора."
        return "Не привязывается: это ваша учётная запись."

    def save_model(self, request, obj, form, change):
        if not change:
            # The administrator knows the first password he typed: the user replaces it at sign-in.
            obj.must_change_password = True
        super().save_model(request, obj, form, change)
        person = form.cleaned_data.get("person")
        if person is not None:
            person = person_link_login(person=person, user=obj, actor=request.user).obj
            self.log_change(request, person, f"Привязана учётная запись «{obj.username}».")
