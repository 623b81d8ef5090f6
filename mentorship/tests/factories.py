from datetime import date

import factory
from factory.django import DjangoModelFactory

from accounts.models import User
from mentorship.models import (
    Direction,
    Mentee,
    MenteeCategory,
    Mentor,
    MentoringForm,
    Organization,
    Pairing,
    Person,
    Position,
    PublicationConsent,
)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or "pass")
        if create:
            self.save(update_fields=["password"])


class OwnOrganizationFactory(DjangoModelFactory):
    class Meta:
        model = Organization
        django_get_or_create = ("kind",)

    kind = Organization.Kind.OWN
    full_name = "Муниципальное казённое дошкольное образовательное учреждение «Детский сад «Ласточка»"
    short_name = "МКДОУ «Детский сад «Ласточка»"


class PartnerFactory(DjangoModelFactory):
    class Meta:
        model = Organization

    kind = Organization.Kind.COLLEGE
    full_name = factory.Sequence(lambda n: f"Педагогический колледж № {n}")
    short_name = factory.Sequence(lambda n: f"Колледж № {n}")


def position(name: str = "Воспитатель") -> Position:
    return Position.objects.get(name=name)


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    organization = factory.SubFactory(OwnOrganizationFactory)
    last_name = factory.Sequence(lambda n: f"Тестова{n}")
    first_name = "Мария"
    middle_name = "Ивановна"
    personnel_number = factory.Sequence(lambda n: f"T{n:04d}")
    position = factory.LazyFunction(position)
    hired_on = date(2020, 9, 1)
    teaching_since = date(2010, 9, 1)


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
