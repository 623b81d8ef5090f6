"""What the Django admin may do here. The system administrator keeps logins and the reference lists;
every other record is written through the application (its services, orders and transitions) and
only read here, so that the admin grants no role, touches no workflow and changes no personal data.
"""

from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from simple_history.admin import SimpleHistoryAdmin


def readable_json(value, labels: dict | None = None) -> str:
    """A JSON field as the admin's reader reads it: the values, one item per line, never the keys
    (they are the program's names, in English); a value with a label shows the label."""
    labels = labels or {}

    def item(entry) -> str:
        if isinstance(entry, dict):
            return "; ".join(item(part) for part in entry.values() if part not in (None, "", []))
        if isinstance(entry, list):
            return ", ".join(item(part) for part in entry)
        return str(labels.get(entry, entry))

    if isinstance(value, list):
        return "\n".join(item(entry) for entry in value) or "—"
    return item(value) if value not in (None, "", {}) else "—"


class ListedFiltersOnly:
    """The changelist filters only by what its `list_filter` offers. Django's admin accepts a URL
    lookup on any field of the model (`?difficulties__icontains=Тр`), which would let whoever opens
    the admin read a field it never shows, letter by letter; any other lookup is refused (400)."""

    def lookup_allowed(self, lookup, value, request=None):
        for item in self.list_filter:
            name = item if isinstance(item, str) else item[0] if isinstance(item, (list, tuple)) else None
            if name is None:
                # A SimpleListFilter class: it reads its own parameter, not a lookup of ours.
                if lookup == getattr(item, "parameter_name", None):
                    return True
                continue
            if lookup == name or lookup.startswith(f"{name}__"):
                return super().lookup_allowed(lookup, value, request)
        return False


class ReadOnly:
    """Records the application writes (a role, a pair, a consent, an order, a person's card): the
    administrator reads them here and never adds, edits or deletes them."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(ReadOnly, ListedFiltersOnly, admin.ModelAdmin):
    """A read-only record without a history of its own (facts once written, journals)."""


class ReadOnlyHistoryAdmin(ReadOnly, ListedFiltersOnly, SimpleHistoryAdmin):
    """A read-only record whose history simple-history keeps: its history pages stay readable."""

    def _id_or_404(self, object_id) -> None:
        # simple-history reads the id in the address as it is, and a non-number («abc», «²») ends
        # in ValueError; Django's own change page answers such an id with «not found», so do these.
        try:
            self.model._meta.pk.to_python(unquote(object_id))
        except ValidationError as error:
            raise Http404 from error

    def history_view(self, request, object_id, extra_context=None):
        self._id_or_404(object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # simple-history saves a POSTed past version when the user may merely *view* the record
        # (it asks for view or change permission, not for change), so the page only shows it.
        if request.method != "GET":
            raise PermissionDenied
        self._id_or_404(object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)


class ReferenceListAdmin(ListedFiltersOnly, admin.ModelAdmin):
    """A reference list a kindergarten extends (posts, directions, forms, categories): the
    administrator adds and edits items as on the application's own pages. An item is taken out of
    use (`is_active`), never deleted: records that named it keep it. Every change is in the admin's
    log (LogEntry) with who made it."""

    list_display = ("name", "is_active", "sort_order")
    list_editable = ("is_active", "sort_order")
    search_fields = ("name",)

    def has_delete_permission(self, request, obj=None):
        return False


class RecordKindFilter(admin.SimpleListFilter):
    """The kinds of records the admin shows, by their Russian names: Django's own filter would list
    every model, the history tables and their links among them («historical приказ»)."""

    title = "вид записи"
    parameter_name = "content_type"

    def lookups(self, request, model_admin):
        kinds = ContentType.objects.get_for_models(*admin.site._registry).values()
        return sorted(((kind.pk, str(kind)) for kind in kinds), key=lambda item: item[1].lower())

    def queryset(self, request, queryset):
        # Only a kind the filter offers: anything else in the address («²», a huge number) lists all.
        offered = {str(pk) for pk, _name in self.lookup_choices}
        return queryset.filter(content_type_id=int(self.value())) if self.value() in offered else queryset


@admin.register(LogEntry)
class LogEntryAdmin(ReadOnlyAdmin):
    """Everything done in the admin, by whom and when; nobody edits or deletes it here."""

    list_display = ("action_time", "user", "content_type", "object_repr", "action_flag", "get_change_message")
    list_filter = ("action_flag", RecordKindFilter)
    search_fields = ("object_repr", "user__username")
    list_select_related = ("user", "content_type")
