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
from .organization import Organization
from .pairs import Pairing
from .people import Education, Person, QualificationCategory
from .references import REFERENCE_MODELS, Direction, MenteeCategory, MentoringForm, Position

__all__ = [
    "REFERENCE_MODELS",
    "BankRefresh",
    "ConsentMixin",
    "CouncilMembership",
    "CuratorAppointment",
    "Direction",
    "Education",
    "ExportLog",
    "Mentee",
    "MenteeCategory",
    "Mentor",
    "MentoringForm",
    "Organization",
    "Pairing",
    "Person",
    "Position",
    "PublicationConsent",
    "PublishableData",
    "QualificationCategory",
]
