from datetime import date

import factory
from factory.django import DjangoModelFactory

from accounts.models import User
from people.models import Organization, Person, Position


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
    # Letters, not digits, make each name unique: digits are no part of a name.
    last_name = factory.Sequence(lambda n: "Тестова" + str(n).translate(str.maketrans("0123456789", "абвгдежзик")))
    first_name = "Мария"
    middle_name = "Ивановна"
    personnel_number = factory.Sequence(lambda n: f"T{n:04d}")
    position = factory.LazyFunction(position)
    hired_on = date(2020, 9, 1)
    teaching_since = date(2010, 9, 1)
