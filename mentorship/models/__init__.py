from .bank import (
    ConsentMixin,
    CouncilMembership,
    CuratorAppointment,
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
    "ConsentMixin",
    "CouncilMembership",
    "CuratorAppointment",
    "Direction",
    "Education",
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
