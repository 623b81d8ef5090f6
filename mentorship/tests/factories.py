from datetime import date

import factory
from factory.django import DjangoModelFactory

from core.services import Outcome
from mentorship.models import Direction, Mentee, MenteeCategory, Mentor, MentoringForm, Pairing, PublicationConsent
from people.tests.factories import (  # noqa: F401 (the bank's tests build people with these)
    OwnOrganizationFactory,
    PartnerFactory,
    PersonFactory,
    UserFactory,
    position,
)
from records.services import order_register


class MentorFactory(DjangoModelFactory):
    class Meta:
        model = Mentor

    person = factory.SubFactory(PersonFactory)
    consent_given_on = date(2025, 9, 1)
    competencies = "Режимные моменты, работа с родителями"


class MenteeFactory(DjangoModelFactory):
    class Meta:
        model = Mentee

    person = factory.SubFactory(PersonFactory, teaching_since=date(2025, 9, 1))
    category = factory.LazyFunction(lambda: MenteeCategory.objects.get(name="Молодой специалист"))
    difficulties = "Трудно удерживать внимание детей"
    request = "Научиться планировать день"
    strengths = "Творческий подход"
    consent_given_on = date(2025, 9, 1)


class PairingFactory(DjangoModelFactory):
    class Meta:
        model = Pairing
        skip_postgeneration_save = True

    mentor = factory.SubFactory(MentorFactory)
    direction = factory.LazyFunction(lambda: Direction.objects.get(name="Режимные моменты"))
    status = Pairing.Status.ACTIVE
    starts_on = date(2026, 9, 1)
    planned_end_on = date(2027, 5, 31)

    @factory.post_generation
    def mentees(self, create, extracted, **kwargs):
        if create and extracted:
            self.mentees.set(extracted)

    @factory.post_generation
    def forms(self, create, extracted, **kwargs):
        if create:
            self.forms.set(extracted or [MentoringForm.objects.get(name="Педагог – педагог")])


class PublicationConsentFactory(DjangoModelFactory):
    class Meta:
        model = PublicationConsent

    person = factory.SubFactory(PersonFactory)
    data = factory.LazyFunction(lambda: ["name", "position"])
    given_on = date(2026, 9, 1)


def mentee_consents(pairing, given_on) -> dict:
    """Every mentee's written consent to a new mentor, all given on one day (pairing_replace_mentor)."""
    return dict.fromkeys(pairing.mentees.all(), given_on)


def registered(decide, *, journal_reason: str = "", **kwargs) -> Outcome:
    """The head decides a change of a pair (`decide`: pairing_replace_mentor, pairing_extend or
    pairing_terminate, which write the order's project) and registers that order at once, with the
    journal's `journal_reason` when its date needs one: the pair changes then. The outcome carries the
    registered order and the decision's warnings."""
    outcome = decide(**kwargs)
    order = order_register(order=outcome.obj, actor=kwargs["actor"], reason=journal_reason)
    return Outcome(order, outcome.warnings)
