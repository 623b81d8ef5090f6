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
