from django.contrib import admin


class ListedFiltersOnly:
    """The changelist filters only by what its `list_filter` offers. Django's admin accepts a URL
    lookup on any field of the model (`?difficulties__icontains=Тр`), which would let whoever opens
    the admin read a field it never shows, letter by letter; any other lookup is refused (400)."""

    def lookup_allowed(self, lookup, value, request=None):
        for item in self.list_filter:
            name = item if isinstance(item, str) else item[0] if isinstance(item, (list, tuple)) else None
            if name is None:
                # A SimpleListFilter class: it reads its own parameter, not a lookup of ours.
                continue
            if lookup == name or lookup.startswith(f"{name}__"):
                return super().lookup_allowed(lookup, value, request)
        return False


class ReadOnlyAdmin(ListedFiltersOnly, admin.ModelAdmin):
    """Records that are facts once written: the administrator reads them, never edits them."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
