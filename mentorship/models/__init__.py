from .agreements import CooperationAgreement, MentoringAgreement
from .bank import (
    BankRefresh,
    ConsentMixin,
    CouncilMembership,
    CuratorAppointment,
    ExportLog,
    Mentee,
    Mentor,
    PublicationConsent,
    PublishableData,
)
from .orders import Order, OrderJournal
from .organization import Organization
from .pairs import Pairing, PairingConsent, PairingTransition
from .people import Education, Person, QualificationCategory
from .references import REFERENCE_MODELS, Direction, MenteeCategory, MentoringForm, Position
from .transfer import ImportBatch

__all__ = [
    "REFERENCE_MODELS",
    "BankRefresh",
    "ConsentMixin",
    "CooperationAgreement",
    "CouncilMembership",
    "CuratorAppointment",
    "Direction",
    "Education",
    "ExportLog",
    "ImportBatch",
    "Mentee",
    "MenteeCategory",
    "Mentor",
    "MentoringAgreement",
    "MentoringForm",
    "Order",
    "OrderJournal",
    "Organization",
    "Pairing",
    "PairingConsent",
    "PairingTransition",
    "Person",
    "Position",
    "PublicationConsent",
    "PublishableData",
    "QualificationCategory",
]
