from django.contrib import admin

from core.admin import ReadOnlyAdmin, ReadOnlyHistoryAdmin, ReferenceListAdmin
from core.text import normalize_for_search

from .models import ExportLog, ImportBatch, Organization, Person, Position


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
    list_display = ("full_name", "position", "organization", "personnel_number", "status")
    list_filter = ("status", "organization", "position__is_pedagogical", "position")
    search_fields = ("search_name", "personnel_number")
    list_select_related = ("position", "organization")

    def get_search_results(self, request, queryset, search_term):
        # The admin's search folds case and «ё» like the bank's own lists.
        return super().get_search_results(request, queryset, normalize_for_search(search_term))


@admin.register(ExportLog)
class ExportLogAdmin(ReadOnlyAdmin):
    list_display = ("exported_at", "exported_by", "what", "rows")


@admin.register(ImportBatch)
class ImportBatchAdmin(ReadOnlyAdmin):
    list_display = ("file_name", "created_by", "created_at", "status", "created_count", "updated_count")
    exclude = ("content",)
