from django.contrib import admin

from core.admin import ReadOnlyAdmin, ReadOnlyHistoryAdmin, readable_json

from .models import Order, OrderJournal


@admin.register(Order)
class OrderAdmin(ReadOnlyAdmin):
    # A registered order is never edited: corrections are new orders, made in the system.
    list_display = ("number_text", "date", "heading", "status")
    list_filter = ("kind", "status", "year")
    search_fields = ("heading", "number_text")
    # The order's parts as text, not as the JSON they are kept in.
    exclude = ("clauses", "table", "acquaintance")
    readonly_fields = ("clauses_text", "table_text", "acquaintance_text")

    @admin.display(description="пункты")
    def clauses_text(self, obj):
        return readable_json(obj.clauses)

    @admin.display(description="таблица")
    def table_text(self, obj):
        return readable_json(obj.table)

    @admin.display(description="лист ознакомления")
    def acquaintance_text(self, obj):
        return readable_json(obj.acquaintance)


@admin.register(OrderJournal)
class OrderJournalAdmin(ReadOnlyHistoryAdmin):
    # The next number and the suffix are set on the journal's page in the system.
    list_display = ("organization", "year", "next_number", "suffix")
