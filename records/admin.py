from django.contrib import admin

from core.admin import ReadOnlyAdmin, ReadOnlyHistoryAdmin

from .models import Order, OrderJournal


@admin.register(Order)
class OrderAdmin(ReadOnlyAdmin):
    # A registered order is never edited: corrections are new orders, made in the system.
    list_display = ("number_text", "date", "heading", "status")
    list_filter = ("kind", "status", "year")
    search_fields = ("heading", "number_text")


@admin.register(OrderJournal)
class OrderJournalAdmin(ReadOnlyHistoryAdmin):
    # The next number and the suffix are set on the journal's page in the system.
    list_display = ("organization", "year", "next_number", "suffix")
