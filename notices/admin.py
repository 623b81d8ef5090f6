"""What the daily letter sent to whom, which decisions a person was told of, and what each chose to get
by e-mail: for the system administrator answering «письмо не пришло». Everything here is written by
the digest, the life cycles and the people themselves (notices.services), so it is only read; a
delivery may be deleted, and then its item goes in the person's next letter again."""

from django.contrib import admin
from django.utils import timezone

from core.admin import ListedFiltersOnly, ReadOnlyAdmin, readable_json
from core.text import normalize_for_search

from .models import Delivery, Notice, Preference
from .services import address_of, preference_of
from .sources import items_for, kinds


class ByPersonSearch:
    """Search by the login or by the employee's name, folding case and «ё» as the bank's lists do."""

    search_fields = ("user__username", "user__person__search_name")
    search_help_text = "Логин или фамилия, имя, отчество сотрудника."
    list_select_related = ("user__person",)

    def get_search_results(self, request, queryset, search_term):
        return super().get_search_results(request, queryset, normalize_for_search(search_term))


@admin.register(Preference)
class PreferenceAdmin(ByPersonSearch, ReadOnlyAdmin):
    # Each person sets their own on the page «Уведомления» (or stops letters by the link in one).
    list_display = ("user", "letters", "stopped_at")
    list_filter = ("stopped_at",)
    fields = ("user", "muted_text", "stopped_at")
    readonly_fields = ("muted_text",)

    @admin.display(description="письма", boolean=True)
    def letters(self, obj):
        return obj.wants_email

    @admin.display(description="не присылать на почту")
    def muted_text(self, obj):
        return readable_json(obj.muted_kinds, dict(kinds()))


@admin.register(Delivery)
class DeliveryAdmin(ByPersonSearch, ListedFiltersOnly, admin.ModelAdmin):
    """An item the digest sent to a person, recorded after the letter went out. Deleting the record is
    the one change allowed: the next daily run sends that item again (if it is still to be acted on)."""

    list_display = ("user", "what", "sent_at")
    search_help_text = "Логин или фамилия, имя, отчество сотрудника. Удалённая запись уходит снова в следующем письме."
    list_filter = ("sent_at",)
    date_hierarchy = "sent_at"
    fieldsets = (
        (
            None,
            {
                "fields": ("user", "what", "sent_at", "after_deletion", "key"),
                "description": (
                    "Это уведомление уже ушло в письме и больше не отправляется. Чтобы отправить его "
                    "ещё раз, удалите запись: оно придёт в следующем ежедневном письме, если по нему "
                    "ещё нужно что-то сделать."
                ),
            },
        ),
    )

    readonly_fields = ("what", "after_deletion")

    @admin.display(description="что сообщено")
    def what(self, obj):
        """The letter's words; a record kept before they were stored shows its key."""
        return obj.text or obj.key

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="если удалить запись")
    def after_deletion(self, obj):
        """What the next letter would bring for this item, asked of the sources as the digest asks them:
        the record's page answers whether deleting it resends anything."""
        item = next((item for item in items_for(obj.user, timezone.localdate()) if item.key == obj.key), None)
        preference = preference_of(obj.user)
        if item is None:
            return "Ничего не придёт: по этому уведомлению больше ничего не нужно делать."
        if not preference.wants_email:
            return "Ничего не придёт: сотрудник остановил письма."
        if item.kind in preference.muted_kinds:
            return "Ничего не придёт: такие уведомления сотрудник не получает на почту."
        if not address_of(obj.user):
            return "Ничего не придёт: в карточке сотрудника нет адреса электронной почты."
        return f"Уведомление придёт в следующем письме: «{item.text}»."


class KindFilter(admin.SimpleListFilter):
    """The kinds by their Russian names (notices.sources), not by their codes."""

    title = "вид"
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        stored = set(Notice.objects.values_list("kind", flat=True).distinct())
        return [(kind, label) for kind, label in kinds() if kind in stored]

    def queryset(self, request, queryset):
        return queryset.filter(kind=self.value()) if self.value() else queryset


@admin.register(Notice)
class NoticeAdmin(ByPersonSearch, ReadOnlyAdmin):
    # Stored when a decision is made or a mentee comments; it leaves the person's centre once they open it.
    list_display = ("user", "kind_label", "text", "created_at", "read_at")
    list_filter = (KindFilter, "created_at", "read_at")
    fields = ("user", "kind_label", "text", "url", "created_at", "read_at")
    readonly_fields = ("kind_label",)

    @admin.display(description="вид", ordering="kind")
    def kind_label(self, obj):
        return dict(kinds()).get(obj.kind, obj.kind)

    date_hierarchy = "created_at"
