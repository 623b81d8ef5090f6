from django.contrib import admin


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records that are facts once written: the administrator reads them, never edits them."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
