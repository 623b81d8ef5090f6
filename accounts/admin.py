from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied

from core.admin import ListedFiltersOnly

from .models import User

# Roles follow from records (people.roles), not from groups or permissions: a group could only
# open the admin to a staff login, and nobody is made staff here.
admin.site.unregister(Group)


@admin.register(User)
class UserAdmin(ListedFiltersOnly, BaseUserAdmin):
    """The administrator creates a login with its first password and switches a login off; he does
    not set anybody's password afterwards (each changes their own in the application), nor makes
    anybody a superuser or staff, nor deletes a login that the history names as an author. Whose
    login it is (an employee) is the staff registry's: people.admin.LoginAdmin extends this one."""

    list_display = ("username", "__str__", "is_active", "is_superuser", "last_login")
    list_filter = ("is_active", "is_superuser")
    search_fields = ("username", "person__last_name", "person__first_name")
    fieldsets = (
        (None, {"fields": ("username", "is_active")}),
        ("Права и даты", {"fields": ("is_superuser", "is_staff", "last_login", "date_joined")}),
    )
    filter_horizontal = ()

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        return ("username", "is_superuser", "is_staff", "last_login", "date_joined")

    def user_change_password(self, request, id, form_url=""):
        raise PermissionDenied

    def has_delete_permission(self, request, obj=None):
        return False


# --- sign-in records of django-axes, read in Russian ----------------------------------------------
# The library's own pages name their columns and records in English («Access Log for head @ …») and
# open every header a browser sent; the administrator reads the lists here, with no record pages: a
# lockout is lifted by resetting the password on the employee's card, or by `manage.py axes_reset`.


class SignInRecordAdmin(ListedFiltersOnly, admin.ModelAdmin):
    list_display_links = None
    list_filter = ("attempt_time",)
    search_fields = ("username", "ip_address")
    date_hierarchy = "attempt_time"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        # The list only: a record's page would be the library's English one.
        return obj is None and super().has_view_permission(request)

    @admin.display(description="логин", ordering="username")
    def login(self, obj):
        return obj.username or "—"

    @admin.display(description="адрес компьютера", ordering="ip_address")
    def address(self, obj):
        return obj.ip_address or "—"

    @admin.display(description="браузер")
    def browser(self, obj):
        return obj.user_agent if obj.user_agent not in ("", None, "unknown", "<unknown>") else "не указан"


for model in (AccessAttempt, AccessLog, AccessFailureLog):
    if admin.site.is_registered(model):
        admin.site.unregister(model)


@admin.register(AccessAttempt)
class FailedSignInsAdmin(SignInRecordAdmin):
    list_display = ("attempt_time", "login", "address", "browser", "failures_since_start", "state")

    @admin.display(description="состояние")
    def state(self, obj):
        limit = settings.AXES_FAILURE_LIMIT
        left = limit - obj.failures_since_start
        return f"осталось попыток: {left}" if left > 0 else "вход закрыт"


@admin.register(AccessLog)
class SignInsAdmin(SignInRecordAdmin):
    list_display = ("attempt_time", "logout_time", "login", "address", "browser")


@admin.register(AccessFailureLog)
class FailedSignInLogAdmin(SignInRecordAdmin):
    list_display = ("attempt_time", "login", "address", "browser", "locked_out")
