from .bank import (
    MenteeConsentScanView,
    MenteeCreateView,
    MenteeDetailView,
    MenteeListView,
    MenteeUpdateView,
    MentorConsentScanView,
    MentorCreateView,
    MentorDetailView,
    MentorListView,
    MentorUpdateView,
)
from .consents import PublicationConsentCreateView, PublicationConsentScanView, PublicationConsentWithdrawView
from .governance import (
    CouncilDecisionView,
    CouncilProposeView,
    CuratorAppointView,
    GovernanceView,
    OrganizationSettingsView,
    RefreshView,
)
from .organizations import OrganizationListView, PartnerCreateView, PartnerUpdateView
from .people import PersonCreateView, PersonDetailView, PersonHistoryView, PersonListView, PersonUpdateView
from .profile import MyProfileView
from .references import ReferenceCreateView, ReferenceListView, ReferenceUpdateView
from .transfer import BankExportView, ExportLogView, ImportPreviewView, ImportTemplateView, StaffImportView

__all__ = [
    "BankExportView",
    "CouncilDecisionView",
    "CouncilProposeView",
    "CuratorAppointView",
    "ExportLogView",
    "GovernanceView",
    "ImportPreviewView",
    "ImportTemplateView",
    "MenteeConsentScanView",
    "MenteeCreateView",
    "MenteeDetailView",
    "MenteeListView",
    "MenteeUpdateView",
    "MentorConsentScanView",
    "MentorCreateView",
    "MentorDetailView",
    "MentorListView",
    "MentorUpdateView",
    "MyProfileView",
    "OrganizationListView",
    "OrganizationSettingsView",
    "PartnerCreateView",
    "PartnerUpdateView",
    "PersonCreateView",
    "PersonDetailView",
    "PersonHistoryView",
    "PersonListView",
    "PersonUpdateView",
    "PublicationConsentCreateView",
    "PublicationConsentScanView",
    "PublicationConsentWithdrawView",
    "ReferenceCreateView",
    "ReferenceListView",
    "ReferenceUpdateView",
    "RefreshView",
    "StaffImportView",
]
