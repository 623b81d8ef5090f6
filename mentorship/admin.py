from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.admin import ListedFiltersOnly, ReadOnlyAdmin

from .models import (
    BankRefresh,
    CooperationAgreement,
    CouncilMembership,
    CuratorAppointment,
    Direction,
    Mentee,
    MenteeCategory,
    Mentor,
    MentoringAgreement,
    MentoringForm,
    Pairing,
    PairingConsent,
    PairingTransition,
    PublicationConsent,
)


@admin.register(Direction, MenteeCategory)
class ReferenceAdmin(ListedFiltersOnly, admin.ModelAdmin):
    list_display = ("name", "is_active", "sort_order")
    list_editable = ("is_active", "sort_order")
    search_fields = ("name",)


@admin.register(MentoringForm)
class MentoringFormAdmin(ReferenceAdmin):
    list_display = ("name", "is_one_off", "needs_group", "is_active", "sort_order")


@admin.register(Mentor)
class MentorAdmin(ListedFiltersOnly, SimpleHistoryAdmin):
    list_display = ("__str__", "consent_given_on", "is_active")
    list_filter = ("is_active", "directions")
    search_fields = ("person__search_name",)
    autocomplete_fields = ("person",)
    filter_horizontal = ("directions",)
    list_select_related = ("person",)


@admin.register(Mentee)
class MenteeAdmin(ListedFiltersOnly, SimpleHistoryAdmin):
    # A mentee's difficulties and request are not shown to the administrator (DOMAIN.md).
    exclude = Mentee.SENSITIVE_FIELDS
    history_list_display = ("category", "is_active")
    list_display = ("__str__", "category", "consent_given_on", "is_active")
    list_filter = ("is_active", "category")
    search_fields = ("person__search_name",)
    autocomplete_fields = ("person",)
    list_select_related = ("person", "category")

    def history_view(self, request, object_id, extra_context=None):
        # simple-history's pages would show every field, difficulties included: the bank's own
        # history page hides them from those who may not read them.
        from django.shortcuts import redirect

        mentee = self.get_object(request, object_id)
        return redirect("people:person-history", mentee.person_id) if mentee else redirect("admin:index")


@admin.register(PublicationConsent)
class PublicationConsentAdmin(ListedFiltersOnly, SimpleHistoryAdmin):
    list_display = ("person", "given_on", "valid_until", "withdrawn_on")
    autocomplete_fields = ("person",)
    list_select_related = ("person",)


@admin.register(CuratorAppointment)
class CuratorAppointmentAdmin(ListedFiltersOnly, SimpleHistoryAdmin):
    list_display = ("person", "organization", "appointed_on", "ended_on")
    autocomplete_fields = ("person",)


@admin.register(CouncilMembership)
class CouncilMembershipAdmin(ListedFiltersOnly, SimpleHistoryAdmin):
    list_display = ("person", "joined_on", "left_on", "is_chair")
    autocomplete_fields = ("person",)


@admin.register(Pairing)
class PairingAdmin(ListedFiltersOnly, SimpleHistoryAdmin):
    list_display = ("__str__", "status", "starts_on", "planned_end_on")
    list_filter = ("status", "direction")
    autocomplete_fields = ("mentor", "mentees")
    filter_horizontal = ("forms",)
    list_select_related = ("mentor__person", "direction")


@admin.register(PairingTransition)
class PairingTransitionAdmin(ReadOnlyAdmin):
    list_display = ("pairing", "source", "target", "actor", "at")
    list_select_related = ("pairing__mentor__person", "pairing__direction", "actor")


@admin.register(PairingConsent)
class PairingConsentAdmin(ListedFiltersOnly, SimpleHistoryAdmin):
    list_display = ("person", "pairing", "given_on", "withdrawn_on")
    list_select_related = ("person", "pairing__mentor__person", "pairing__direction")
    autocomplete_fields = ("person",)


@admin.register(BankRefresh)
class BankRefreshAdmin(ReadOnlyAdmin):
    list_display = ("done_at", "done_by", "added", "reviewed")


@admin.register(MentoringAgreement)
class MentoringAgreementAdmin(ReadOnlyAdmin):
    # Written by the order services; the clerk fills in its requisites on the pair's page.
    list_display = ("__str__", "kind", "starts_on", "ends_on", "ended_on")
    list_filter = ("kind",)
    list_select_related = ("mentor__person",)


@admin.register(CooperationAgreement)
class CooperationAgreementAdmin(ListedFiltersOnly, SimpleHistoryAdmin):
    list_display = ("number", "signed_on", "partner", "valid_until")
    list_select_related = ("partner",)
