from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.dates import add_months
from mentorship.models import CouncilMembership, CuratorAppointment
from mentorship.tests.factories import (
    OwnOrganizationFactory,
    PartnerFactory,
    PersonFactory,
    PublicationConsentFactory,
)
from people.models import Organization, Person

pytestmark = pytest.mark.django_db


# --- Person: names and search -------------------------------------------------------------


def test_search_name_is_folded_full_name():
    person = PersonFactory(last_name=" СЕМЁНОВА ", first_name="Дарья", middle_name="Игоревна")
    person.refresh_from_db()
    assert person.search_name == "семенова дарья игоревна"


def test_search_name_follows_a_renamed_person():
    person = PersonFactory(last_name="Иванова", first_name="Анна")
    person.last_name = "Ёлкина"
    person.save()
    assert Person.objects.search("елкина").get() == person
    assert not Person.objects.search("иванова").exists()


@pytest.mark.parametrize("text", ["семен", "Семён", "СЕМЁН", "семенова", "  дарья   семЕнова "])
def test_search_ignores_yo_and_case(text):
    wanted = PersonFactory(last_name="Семёнова", first_name="Дарья", middle_name="Игоревна")
    PersonFactory(last_name="Петрова", first_name="Светлана", middle_name="Николаевна")
    assert list(Person.objects.search(text)) == [wanted]


def test_search_finds_a_cyrillic_substring_in_any_case():
    wanted = PersonFactory(last_name="Иванова", first_name="Анна", middle_name="Дмитриевна")
    PersonFactory(last_name="Петрова", first_name="Светлана", middle_name="Николаевна")
    assert list(Person.objects.search("ива")) == [wanted]
    assert list(Person.objects.search("ИВА")) == [wanted]


def test_search_with_yo_in_the_query_finds_a_name_written_with_e():
    wanted = PersonFactory(last_name="Федорова", first_name="Екатерина")
    assert list(Person.objects.search("Фёдор")) == [wanted]


def test_search_requires_every_word():
    anna = PersonFactory(last_name="Иванова", first_name="Анна")
    PersonFactory(last_name="Иванова", first_name="Мария")
    assert list(Person.objects.search("анна иванова")) == [anna]


def test_blank_search_returns_everybody():
    PersonFactory.create_batch(3)
    assert Person.objects.search("   ").count() == 3


def test_short_name_has_initials():
    assert PersonFactory.build(last_name="Петрова", first_name="Светлана", middle_name="Николаевна").short_name == (
        "Петрова С.Н."
    )
    assert PersonFactory.build(last_name="Смит", first_name="Джон", middle_name="").short_name == "Смит Д."


# --- Person: teaching experience ----------------------------------------------------------


def test_teaching_experience_grows_with_time():
    person = PersonFactory.build(teaching_since=date(2008, 9, 24))
    assert person.teaching_months(on=date(2026, 11, 23)) == 18 * 12 + 1
    assert person.teaching_months(on=date(2026, 11, 24)) == 18 * 12 + 2
    assert person.teaching_months(on=date(2027, 9, 24)) == 19 * 12


def test_teaching_experience_stops_on_the_day_the_person_left():
    person = PersonFactory.build(teaching_since=date(2020, 9, 1), status=Person.Status.LEFT, left_on=date(2025, 3, 15))
    assert person.teaching_months(on=date(2025, 3, 1)) == 4 * 12 + 6
    assert person.teaching_months(on=date(2026, 11, 24)) == 4 * 12 + 6
    assert person.teaching_months(on=date(2030, 1, 1)) == 4 * 12 + 6


def test_teaching_experience_is_unknown_without_a_start_date():
    person = PersonFactory.build(teaching_since=None)
    assert person.teaching_months(on=date(2026, 11, 24)) is None
    assert person.teaching_experience == "—"
    assert person.teaching_years is None


def test_teaching_experience_text_and_years_count_to_today():
    today = timezone.localdate()
    person = PersonFactory.build(teaching_since=add_months(today, -(18 * 12 + 2)))
    assert person.teaching_experience == "18 лет 2 мес."
    assert person.teaching_years == 18


# --- Person: clean() ----------------------------------------------------------------------


def _clean_errors(person) -> dict:
    with pytest.raises(ValidationError) as error:
        person.clean()
    return error.value.message_dict


def test_clean_requires_a_leaving_date_for_a_person_who_left():
    person = PersonFactory.build(status=Person.Status.LEFT, left_on=None)
    assert _clean_errors(person) == {"left_on": ["Укажите дату увольнения."]}


def test_clean_refuses_a_leaving_date_for_a_working_person():
    person = PersonFactory.build(status=Person.Status.WORKING, left_on=date(2025, 1, 1))
    assert _clean_errors(person) == {"left_on": ["У работающего сотрудника не бывает даты увольнения."]}


def test_clean_refuses_leaving_before_being_hired():
    person = PersonFactory.build(hired_on=date(2020, 9, 1), status=Person.Status.LEFT, left_on=date(2020, 8, 31))
    assert _clean_errors(person) == {"left_on": ["Дата увольнения раньше даты приёма."]}


def test_clean_refuses_teaching_experience_starting_in_the_future():
    person = PersonFactory.build(teaching_since=timezone.localdate() + timedelta(days=1))
    assert _clean_errors(person) == {"teaching_since": ["Стаж не может начинаться в будущем."]}


def test_clean_accepts_a_consistent_person():
    PersonFactory.build(
        teaching_since=timezone.localdate(),
        status=Person.Status.LEFT,
        hired_on=date(2020, 9, 1),
        left_on=date(2020, 9, 1),
    ).clean()


# --- Database constraints -----------------------------------------------------------------


def test_personnel_number_is_unique_within_an_organization():
    own = OwnOrganizationFactory()
    PersonFactory(organization=own, personnel_number="004")
    with pytest.raises(IntegrityError), transaction.atomic():
        PersonFactory(organization=own, personnel_number="004")
    assert Person.objects.filter(personnel_number="004").count() == 1


def test_same_personnel_number_is_allowed_in_a_partner_organization():
    PersonFactory(organization=OwnOrganizationFactory(), personnel_number="004")
    PersonFactory(organization=PartnerFactory(), personnel_number="004")
    assert Person.objects.filter(personnel_number="004").count() == 2


def test_blank_personnel_numbers_are_allowed_many_times():
    own = OwnOrganizationFactory()
    PersonFactory.create_batch(3, organization=own, personnel_number="")
    assert Person.objects.filter(organization=own, personnel_number="").count() == 3


def test_database_refuses_a_left_status_without_a_date():
    person = PersonFactory()
    person.status = Person.Status.LEFT
    with pytest.raises(IntegrityError), transaction.atomic():
        person.save()


def test_only_one_own_organization():
    Organization.objects.create(kind=Organization.Kind.OWN, full_name="Детский сад № 1", short_name="ДС № 1")
    with pytest.raises(IntegrityError), transaction.atomic():
        Organization.objects.create(kind=Organization.Kind.OWN, full_name="Детский сад № 2", short_name="ДС № 2")
    Organization.objects.create(kind=Organization.Kind.SCHOOL, full_name="Школа № 5", short_name="СШ № 5")
    Organization.objects.create(kind=Organization.Kind.SCHOOL, full_name="Школа № 6", short_name="СШ № 6")
    assert Organization.objects.filter(kind=Organization.Kind.OWN).count() == 1
    assert Organization.objects.count() == 3


def test_only_one_current_curator_per_organization():
    own = OwnOrganizationFactory()
    first = CuratorAppointment.objects.create(organization=own, person=PersonFactory(), appointed_on=date(2024, 9, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        CuratorAppointment.objects.create(organization=own, person=PersonFactory(), appointed_on=date(2025, 9, 1))
    first.ended_on = date(2025, 8, 31)
    first.save()
    CuratorAppointment.objects.create(organization=own, person=PersonFactory(), appointed_on=date(2025, 9, 1))
    assert CuratorAppointment.objects.filter(organization=own, ended_on__isnull=True).count() == 1
    assert CuratorAppointment.objects.filter(organization=own).count() == 2


def test_only_one_current_council_membership_per_person():
    person = PersonFactory()
    first = CouncilMembership.objects.create(person=person, status="member", joined_on=date(2024, 9, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        CouncilMembership.objects.create(person=person)  # a proposal while a member
    first.status, first.left_on = "left", date(2025, 5, 31)
    first.save()
    CouncilMembership.objects.create(person=person, status="member", joined_on=date(2025, 9, 1))
    assert CouncilMembership.objects.filter(person=person).count() == 2
    assert CouncilMembership.objects.filter(person=person, status="member").count() == 1


def test_unique_constraints_report_in_russian_through_full_clean():
    own = OwnOrganizationFactory()
    PersonFactory(organization=own, personnel_number="004")
    duplicate = PersonFactory.build(organization=own, personnel_number="004")
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "Табельный номер уже есть у другого сотрудника этой организации." in error.value.messages


# --- PublicationConsent -------------------------------------------------------------------


def test_publication_consent_is_not_in_force_before_it_is_given():
    consent = PublicationConsentFactory.build(given_on=date(2026, 9, 1))
    assert not consent.is_in_force(on=date(2026, 8, 31))
    assert consent.is_in_force(on=date(2026, 9, 1))


def test_publication_consent_without_end_date_lasts_until_withdrawn():
    consent = PublicationConsentFactory.build(given_on=date(2026, 9, 1), valid_until=None)
    assert consent.is_in_force(on=date(2040, 1, 1))


def test_publication_consent_ends_after_valid_until():
    consent = PublicationConsentFactory.build(given_on=date(2026, 9, 1), valid_until=date(2027, 8, 31))
    assert consent.is_in_force(on=date(2027, 8, 31))
    assert not consent.is_in_force(on=date(2027, 9, 1))


def test_publication_consent_withdrawal_takes_effect_the_same_day():
    consent = PublicationConsentFactory.build(given_on=date(2026, 9, 1), withdrawn_on=date(2026, 10, 15))
    assert consent.is_in_force(on=date(2026, 10, 14))
    assert not consent.is_in_force(on=date(2026, 10, 15))
    assert not consent.is_in_force(on=date(2026, 12, 1))


def test_publication_consent_in_force_defaults_to_today():
    today = timezone.localdate()
    assert PublicationConsentFactory.build(given_on=today).is_in_force()
    assert not PublicationConsentFactory.build(given_on=today - timedelta(days=10), withdrawn_on=today).is_in_force()


def _consent_errors(consent) -> dict:
    with pytest.raises(ValidationError) as error:
        consent.clean()
    return error.value.message_dict


@pytest.mark.parametrize("data", [[], ["name", "salary"], ["password"]])
def test_publication_consent_needs_known_data_items(data):
    consent = PublicationConsentFactory.build(data=data)
    assert _consent_errors(consent) == {"data": ["Отметьте, какие данные можно публиковать."]}


def test_publication_consent_cannot_end_before_it_is_given():
    consent = PublicationConsentFactory.build(given_on=date(2026, 9, 1), valid_until=date(2026, 8, 31))
    assert _consent_errors(consent) == {"valid_until": ["Срок действия кончается раньше даты согласия."]}


def test_publication_consent_cannot_be_withdrawn_before_it_is_given():
    consent = PublicationConsentFactory.build(given_on=date(2026, 9, 1), withdrawn_on=date(2026, 8, 1))
    assert _consent_errors(consent) == {"withdrawn_on": ["Отзыв не может быть раньше самого согласия."]}


def test_publication_consent_labels_follow_choices():
    consent = PublicationConsentFactory.build(data=["name", "achievements"])
    consent.clean()
    assert consent.data_labels == ["ФИО", "Достижения и результаты наставничества"]


@pytest.mark.django_db
def test_a_group_is_named_by_both_sides():
    from mentorship.tests.factories import MenteeFactory, MentorFactory, PairingFactory
    from people.tests.factories import PersonFactory

    mentor = MentorFactory(person=PersonFactory(last_name="Новикова", first_name="Ольга", middle_name="Петровна"))
    mentees = [
        MenteeFactory(person=PersonFactory(last_name="Лебедева", first_name="Анна", middle_name="Ивановна")),
        MenteeFactory(person=PersonFactory(last_name="Киселёва", first_name="Дарья", middle_name="Олеговна")),
    ]
    pairing = PairingFactory(mentor=mentor, mentees=mentees)
    assert pairing.kind_label == "Группа"
    assert pairing.sides.startswith("Новикова О.П. → ")
    assert "Лебедева А.И." in pairing.sides and "Киселёва Д.О." in pairing.sides
    assert str(pairing) == f"{pairing.sides} ({pairing.direction})"
    assert "Новикова Ольга Петровна → " in pairing.sides_full
