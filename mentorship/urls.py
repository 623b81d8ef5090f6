from django.urls import path

from .views import (
    bank,
    consents,
    documents,
    governance,
    pairs,
    paperwork,
    profile,
    queue,
    transfer,
)

app_name = "mentorship"

urlpatterns = [
    path(
        "people/<int:person_pk>/publication-consents/new/",
        consents.PublicationConsentCreateView.as_view(),
        name="publication-consent-create",
    ),
    path(
        "publication-consents/<int:pk>/withdraw/",
        consents.PublicationConsentWithdrawView.as_view(),
        name="publication-consent-withdraw",
    ),
    path(
        "publication-consents/<int:pk>/scan/",
        consents.PublicationConsentScanView.as_view(),
        name="publication-consent-scan",
    ),
    path("mentors/", bank.MentorListView.as_view(), name="mentor-list"),
    path("mentors/new/", bank.MentorCreateView.as_view(), name="mentor-create"),
    path("mentors/<int:pk>/", bank.MentorDetailView.as_view(), name="mentor-detail"),
    path("mentors/<int:pk>/edit/", bank.MentorUpdateView.as_view(), name="mentor-update"),
    path("mentors/<int:pk>/consent/", bank.MentorConsentScanView.as_view(), name="mentor-consent-scan"),
    path("mentees/", bank.MenteeListView.as_view(), name="mentee-list"),
    path("mentees/new/", bank.MenteeCreateView.as_view(), name="mentee-create"),
    path("mentees/<int:pk>/", bank.MenteeDetailView.as_view(), name="mentee-detail"),
    path("mentees/<int:pk>/edit/", bank.MenteeUpdateView.as_view(), name="mentee-update"),
    path("mentees/<int:pk>/consent/", bank.MenteeConsentScanView.as_view(), name="mentee-consent-scan"),
    path("council/", governance.GovernanceView.as_view(), name="governance"),
    path("council/curator/", governance.CuratorAppointView.as_view(), name="curator-appoint"),
    path("council/propose/", governance.CouncilProposeView.as_view(), name="council-propose"),
    path("council/<int:pk>/decide/", governance.CouncilDecisionView.as_view(), name="council-decide"),
    path("refresh/", governance.RefreshView.as_view(), name="refresh"),
    path("export.xlsx", transfer.BankExportView.as_view(), name="export"),
    path("exports/", transfer.ExportLogView.as_view(), name="export-log"),
    path("pairs/", pairs.PairingListView.as_view(), name="pairing-list"),
    path("pairs/new/", pairs.PairingCreateView.as_view(), name="pairing-create"),
    path("pairs/<int:pk>/", pairs.PairingDetailView.as_view(), name="pairing-detail"),
    path("pairs/<int:pk>/edit/", pairs.PairingUpdateView.as_view(), name="pairing-update"),
    path("pairs/<int:pk>/replace-mentor/", pairs.PairingReplaceView.as_view(), name="pairing-replace"),
    path("pairs/<int:pk>/extend/", pairs.PairingExtendView.as_view(), name="pairing-extend"),
    path("pairs/<int:pk>/terminate/", pairs.PairingTerminateView.as_view(), name="pairing-terminate"),
    path("pairs/<int:pk>/move/", pairs.PairingMoveView.as_view(), name="pairing-move"),
    path("pairs/<int:pk>/consents/", pairs.PairingConsentView.as_view(), name="pairing-consent"),
    path("pair-consents/<int:pk>/scan/", pairs.PairingConsentScanView.as_view(), name="pairing-consent-scan"),
    path(
        "pair-consents/<int:pk>/withdraw/", pairs.PairingConsentWithdrawView.as_view(), name="pairing-consent-withdraw"
    ),
    path(
        "pairs/<int:pk>/consent-form/<int:person_pk>.pdf",
        documents.PairingConsentFormView.as_view(),
        name="pairing-consent-form",
    ),
    path(
        "pairs/<int:pk>/consent-form/<int:person_pk>.docx",
        paperwork.PairingConsentDocxView.as_view(),
        name="pairing-consent-docx",
    ),
    path("agreements/<int:pk>/pdf/", paperwork.AgreementPdfView.as_view(), name="agreement-pdf"),
    path("agreements/<int:pk>/docx/", paperwork.AgreementDocxView.as_view(), name="agreement-docx"),
    path("agreements/<int:pk>/edit/", paperwork.AgreementUpdateView.as_view(), name="agreement-update"),
    path(
        "organizations/<int:pk>/cooperation/new/",
        paperwork.CooperationAgreementCreateView.as_view(),
        name="cooperation-create",
    ),
    path("cooperation/<int:pk>/scan/", paperwork.CooperationScanView.as_view(), name="cooperation-scan"),
    path("payroll/", paperwork.PayrollView.as_view(), name="payroll"),
    path("payroll/<int:year>-<int:month>.xlsx", paperwork.PayrollFileView.as_view(kind="xlsx"), name="payroll-xlsx"),
    path("payroll/<int:year>-<int:month>.pdf", paperwork.PayrollFileView.as_view(kind="pdf"), name="payroll-pdf"),
    path("queue/", queue.ApprovalQueueView.as_view(), name="approval-queue"),
    path("me/", profile.MyProfileView.as_view(), name="my-profile"),
]
