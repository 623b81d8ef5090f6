from django.urls import path

from . import views

app_name = "mentorship"

urlpatterns = [
    path(
        "people/<int:person_pk>/publication-consents/new/",
        views.PublicationConsentCreateView.as_view(),
        name="publication-consent-create",
    ),
    path(
        "publication-consents/<int:pk>/withdraw/",
        views.PublicationConsentWithdrawView.as_view(),
        name="publication-consent-withdraw",
    ),
    path(
        "publication-consents/<int:pk>/scan/",
        views.PublicationConsentScanView.as_view(),
        name="publication-consent-scan",
    ),
    path("mentors/", views.MentorListView.as_view(), name="mentor-list"),
    path("mentors/new/", views.MentorCreateView.as_view(), name="mentor-create"),
    path("mentors/<int:pk>/", views.MentorDetailView.as_view(), name="mentor-detail"),
    path("mentors/<int:pk>/edit/", views.MentorUpdateView.as_view(), name="mentor-update"),
    path("mentors/<int:pk>/consent/", views.MentorConsentScanView.as_view(), name="mentor-consent-scan"),
    path("mentees/", views.MenteeListView.as_view(), name="mentee-list"),
    path("mentees/new/", views.MenteeCreateView.as_view(), name="mentee-create"),
    path("mentees/<int:pk>/", views.MenteeDetailView.as_view(), name="mentee-detail"),
    path("mentees/<int:pk>/edit/", views.MenteeUpdateView.as_view(), name="mentee-update"),
    path("mentees/<int:pk>/consent/", views.MenteeConsentScanView.as_view(), name="mentee-consent-scan"),
    path("references/<slug:kind>/", views.ReferenceListView.as_view(), name="reference-list"),
    path("references/<slug:kind>/new/", views.ReferenceCreateView.as_view(), name="reference-create"),
    path("references/<slug:kind>/<int:pk>/edit/", views.ReferenceUpdateView.as_view(), name="reference-update"),
    path("organizations/", views.OrganizationListView.as_view(), name="organization-list"),
    path("organizations/new/", views.PartnerCreateView.as_view(), name="partner-create"),
    path("organizations/<int:pk>/edit/", views.PartnerUpdateView.as_view(), name="partner-update"),
    path("council/", views.GovernanceView.as_view(), name="governance"),
    path("council/curator/", views.CuratorAppointView.as_view(), name="curator-appoint"),
    path("council/propose/", views.CouncilProposeView.as_view(), name="council-propose"),
    path("council/<int:pk>/decide/", views.CouncilDecisionView.as_view(), name="council-decide"),
    path("settings/", views.OrganizationSettingsView.as_view(), name="organization-settings"),
    path("refresh/", views.RefreshView.as_view(), name="refresh"),
    path("export.xlsx", views.BankExportView.as_view(), name="export"),
    path("exports/", views.ExportLogView.as_view(), name="export-log"),
    path("pairs/", views.PairingListView.as_view(), name="pairing-list"),
    path("pairs/new/", views.PairingCreateView.as_view(), name="pairing-create"),
    path("pairs/<int:pk>/", views.PairingDetailView.as_view(), name="pairing-detail"),
    path("pairs/<int:pk>/edit/", views.PairingUpdateView.as_view(), name="pairing-update"),
    path("pairs/<int:pk>/replace-mentor/", views.PairingReplaceView.as_view(), name="pairing-replace"),
    path("pairs/<int:pk>/extend/", views.PairingExtendView.as_view(), name="pairing-extend"),
    path("pairs/<int:pk>/terminate/", views.PairingTerminateView.as_view(), name="pairing-terminate"),
    path("pairs/<int:pk>/move/", views.PairingMoveView.as_view(), name="pairing-move"),
    path("pairs/<int:pk>/consents/", views.PairingConsentView.as_view(), name="pairing-consent"),
    path("pair-consents/<int:pk>/scan/", views.PairingConsentScanView.as_view(), name="pairing-consent-scan"),
    path(
        "pair-consents/<int:pk>/withdraw/", views.PairingConsentWithdrawView.as_view(), name="pairing-consent-withdraw"
    ),
    path(
        "pairs/<int:pk>/consent-form/<int:person_pk>.pdf",
        views.PairingConsentFormView.as_view(),
        name="pairing-consent-form",
    ),
    path(
        "pairs/<int:pk>/consent-form/<int:person_pk>.docx",
        views.PairingConsentDocxView.as_view(),
        name="pairing-consent-docx",
    ),
    path("agreements/<int:pk>/pdf/", views.AgreementPdfView.as_view(), name="agreement-pdf"),
    path("agreements/<int:pk>/docx/", views.AgreementDocxView.as_view(), name="agreement-docx"),
    path("agreements/<int:pk>/edit/", views.AgreementUpdateView.as_view(), name="agreement-update"),
    path(
        "organizations/<int:pk>/cooperation/new/",
        views.CooperationAgreementCreateView.as_view(),
        name="cooperation-create",
    ),
    path("cooperation/<int:pk>/scan/", views.CooperationScanView.as_view(), name="cooperation-scan"),
    path("payroll/", views.PayrollView.as_view(), name="payroll"),
    path("payroll/<int:year>-<int:month>.xlsx", views.PayrollFileView.as_view(kind="xlsx"), name="payroll-xlsx"),
    path("payroll/<int:year>-<int:month>.pdf", views.PayrollFileView.as_view(kind="pdf"), name="payroll-pdf"),
    path("queue/", views.ApprovalQueueView.as_view(), name="approval-queue"),
    path("me/", views.MyProfileView.as_view(), name="my-profile"),
]
