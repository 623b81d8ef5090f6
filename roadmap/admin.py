from django.contrib import admin

from core.admin import ReadOnlyAdmin

from .models import Activity, Roadmap, RoadmapTransition


@admin.register(Roadmap)
class RoadmapAdmin(ReadOnlyAdmin):
    # The roadmap is drafted, approved by order and marked in the system, never here.
    list_display = ("__str__", "status", "order")
    list_filter = ("status",)
    list_select_related = ("order",)


@admin.register(Activity)
class ActivityAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "stage", "ends_on", "done_on")
    list_filter = ("stage__roadmap",)
    list_select_related = ("stage__roadmap",)


@admin.register(RoadmapTransition)
class RoadmapTransitionAdmin(ReadOnlyAdmin):
    list_display = ("roadmap", "source", "target", "actor", "at")
    list_select_related = ("roadmap", "actor")
