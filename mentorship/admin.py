"""The bank, the roles and the pairs are written in the system (services, the head's decisions, the
orders), so the admin only reads them; the reference lists stay editable as on their own pages."""

from django.contrib import admin
from django.shortcuts import redirect

from core.admin import ReadOnlyAdmin, ReadOnlyHistoryAdmin, ReferenceListAdmin, readable_json

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
    PublishableData,
)

admin.site.register((Direction, MenteeCategory), ReferenceListAdmin)


@admin.register(MentoringForm)
class MentoringFormAdmin(ReferenceListAdmin):
    list_display = ("name", "is_one_off", "needs_group", "is_active", "sort_order")


@admin.register(Mentor)
class MentorAdmin(ReadOnlyHistoryAdmin):
    list_display = ("__str__", "consent_given_on", "is_active")
    list_filter = ("is_active", "directions")
    search_fields = ("person__search_name",)
    list_select_related = ("person",)


@admin.register(Mentee)
class MenteeAdmin(ReadOnlyHistoryAdmin):
    # A mentee's difficulties and request are not shown to the administrator (DOMAIN.md).
    exclude = Mentee.SENSITIVE_FIELDS
    history_list_display = ("category", "is_active")
    list_display = ("__str__", "category", "consent_given_on", "is_active")
    list_filter = ("is_active", "category")
    search_fields = ("person__search_name",)
    list_select_related = ("person", "category")

    def history_view(self, request, object_id, extra_context=None):
        # simple-history's pages would show every field, difficulties included: the bank's own
        # history page hides them from those who may not read them.
        mentee = self.get_object(request, object_id)
        return redirect("people:person-history", mentee.person_id) if mentee else redirect("admin:index")

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # A past version, like the list of versions, is read on the bank's history page.
        return self.history_view(request, object_id)


@admin.register(PublicationConsent)
class PublicationConsentAdmin(ReadOnlyHistoryAdmin):
    list_display = ("person", "given_on", "valid_until", "withdrawn_on")
    list_select_related = ("person",)
    exclude = ("data",)
    readonly_fields = ("data_text",)

    @admin.display(description="какие данные можно публиковать")
    def data_text(self, obj):
        return readable_json(obj.data, dict(PublishableData.choices))


@admin.register(CuratorAppointment)
class CuratorAppointmentAdmin(ReadOnlyHistoryAdmin):
    # The head appoints the curator in the system («Куратор и МО»).
    list_display = ("person", "organization", "appointed_on", "ended_on")
    list_select_related = ("person", "organization")


@admin.register(CouncilMembership)
class CouncilMembershipAdmin(ReadOnlyHistoryAdmin):
    # The curator proposes, the head approves in the system.
    list_display = ("person", "status", "joined_on", "left_on", "is_chair")
    list_select_related = ("person",)


@admin.register(Pairing)
class PairingAdmin(ReadOnlyHistoryAdmin):
    list_display = ("__str__", "status", "starts_on", "planned_end_on")
    list_filter = ("status", "direction")
    list_select_related = ("mentor__person", "direction")


@admin.register(PairingTransition)
class PairingTransitionAdmin(ReadOnlyAdmin):
    list_display = ("pairing", "source", "target", "actor", "at")
    list_select_related = ("pairing__mentor__person", "pairing__direction", "actor")


@admin.register(PairingConsent)
class PairingConsentAdmin(ReadOnlyHistoryAdmin):
    list_display = ("person", "pairing", "given_on", "withdrawn_on")
    list_select_related = ("person", "pairing__mentor__person", "pairing__direction")


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
class CooperationAgreementAdmin(ReadOnlyHistoryAdmin):
    list_display = ("number", "signed_on", "partner", "valid_until")
    list_select_related = ("partner",)
