from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from core.admin import ListedFiltersOnly

from .models import User


@admin.register(User)
class UserAdmin(ListedFiltersOnly, BaseUserAdmin):
    list_display = ("username", "__str__", "is_active", "is_superuser", "last_login")
    list_filter = ("is_active", "is_superuser")
    search_fields = ("username", "person__last_name", "person__first_name")
