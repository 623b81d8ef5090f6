from .agreements import CooperationAgreement, MentoringAgreement
from .bank import (
    BankRefresh,
    ConsentMixin,
    CouncilMembership,
    CuratorAppointment,
    Mentee,
    Mentor,
    PublicationConsent,
    PublishableData,
)
from .pairs import PairChange, Pairing, PairingConsent, PairingTransition
from .references import Direction, MenteeCategory, MentoringForm
from .regulation import Regulation

__all__ = [
    "BankRefresh",
    "ConsentMixin",
    "CooperationAgreement",
    "CouncilMembership",
    "CuratorAppointment",
    "Direction",
    "Mentee",
    "MenteeCategory",
    "Mentor",
    "MentoringAgreement",
    "MentoringForm",
    "PairChange",
    "Pairing",
    "PairingConsent",
    "PairingTransition",
    "PublicationConsent",
    "PublishableData",
    "Regulation",
]
