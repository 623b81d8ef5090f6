from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.admin import ListedFiltersOnly, ReadOnlyAdmin

from .models import ExportLog, ImportBatch, Organization, Person, Position


@admin.register(Position)
class PositionAdmin(ListedFiltersOnly, admin.ModelAdmin):
    list_editable = ("is_active", "sort_order")
    search_fields = ("name",)
    list_display = ("name", "is_pedagogical", "is_deputy_head", "is_active", "sort_order")


@admin.register(Organization)
class OrganizationAdmin(ListedFiltersOnly, SimpleHistoryAdmin):
    list_display = ("short_name", "kind", "inn")
    list_filter = ("kind",)
    search_fields = ("short_name", "full_name", "inn")
    autocomplete_fields = ("head",)


@admin.register(Person)
class PersonAdmin(ListedFiltersOnly, SimpleHistoryAdmin):
    list_display = ("full_name", "position", "organization", "personnel_number", "status")
    list_filter = ("status", "organization", "position__is_pedagogical", "position")
    search_fields = ("search_name", "personnel_number")
    autocomplete_fields = ("user",)
    list_select_related = ("position", "organization")

    def get_search_results(self, request, queryset, search_term):
        # The admin's search folds case and «ё» like the bank's own lists.
        from core.text import normalize_for_search

        return super().get_search_results(request, queryset, normalize_for_search(search_term))


@admin.register(ExportLog)
class ExportLogAdmin(ReadOnlyAdmin):
    list_display = ("exported_at", "exported_by", "what", "rows")


@admin.register(ImportBatch)
class ImportBatchAdmin(ReadOnlyAdmin):
    list_display = ("file_name", "created_by", "created_at", "status", "created_count", "updated_count")
    exclude = ("content",)
