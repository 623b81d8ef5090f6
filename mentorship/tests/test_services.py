from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.dates import add_months
from mentorship.models import Direction, Mentee, MenteeCategory, Mentor, PublicationConsent
from mentorship.services.bank import (
    mentee_save,
    mentor_save,
    mentor_warnings,
    publication_consent_save,
    publication_consent_withdraw,
)
from mentorship.tests.factories import (
    MentorFactory,
    OwnOrganizationFactory,
    PartnerFactory,
    PersonFactory,
    PublicationConsentFactory,
    UserFactory,
    position,
)
from people.models import Organization, Person
from people.services import person_save

pytestmark = pytest.mark.django_db


@pytest.fixture
def curator():
    return UserFactory(username="curator")


def _experienced(years: int, months: int = 0):
    return add_months(timezone.localdate(), -(years * 12 + months))


# --- history records the actor ------------------------------------------------------------


def test_person_save_records_the_actor_in_history(curator):
    person = PersonFactory.build(organization=OwnOrganizationFactory(), last_name="Семёнова")
    outcome = person_save(person=person, actor=curator)
    assert outcome.obj.pk is not None
    assert outcome.warnings == []
    assert person.history.count() == 1
    assert person.history.first().history_user == curator
    assert person.history.first().history_type == "+"

    other = UserFactory(username="head")
    person.phone = "+7 900 000-00-00"
    person_save(person=person, actor=other)
    assert person.history.count() == 2
    assert person.history.first().history_user == other


def test_mentor_save_records_the_actor_for_the_record_and_its_directions(curator):
    directions = Direction.objects.filter(name__in=["Режимные моменты", "ИКТ"])
    mentor = Mentor(person=PersonFactory(), consent_given_on=date(2025, 9, 1))
    mentor_save(mentor=mentor, directions=directions, actor=curator)
    assert set(mentor.directions.values_list("name", flat=True)) == {"Режимные моменты", "ИКТ"}
    assert mentor.history.first().history_user == curator
    assert {record.history_user for record in mentor.history.all()} == {curator}


def test_mentee_save_records_the_actor_in_history(curator):
    mentee = Mentee(
        person=PersonFactory(),
        category=MenteeCategory.objects.get(name="Молодой специалист"),
        consent_given_on=date(2025, 9, 1),
    )
    outcome = mentee_save(mentee=mentee, actor=curator)
    assert outcome.warnings == []
    assert mentee.history.first().history_user == curator


def test_publication_consent_save_records_the_actor(curator):
    consent = PublicationConsentFactory.build(person=PersonFactory())
    publication_consent_save(consent=consent, actor=curator)
    assert consent.history.first().history_user == curator


# --- warnings -----------------------------------------------------------------------------


def test_mentor_warnings_are_empty_for_a_fitting_mentor():
    mentor = MentorFactory(person=PersonFactory(teaching_since=_experienced(10)), consent_given_on=date(2025, 9, 1))
    assert mentor_warnings(mentor) == []


def test_mentor_warnings_name_a_missing_written_consent():
    mentor = MentorFactory(person=PersonFactory(teaching_since=_experienced(10)), consent_given_on=None)
    assert mentor_warnings(mentor) == [
        "Нет согласия на обработку персональных данных: наставника нельзя будет закрепить приказом (3.2)."
    ]


def test_mentor_warnings_name_experience_under_the_organizations_minimum():
    mentor = MentorFactory(person=PersonFactory(teaching_since=_experienced(3, 4)))
    assert mentor_warnings(mentor) == ["Педстаж 3 года 4 мес. — меньше принятого минимума (5 лет)."]


def test_mentor_minimum_experience_is_a_setting_of_the_organization():
    own = OwnOrganizationFactory()
    mentor = MentorFactory(person=PersonFactory(organization=own, teaching_since=_experienced(3, 4)))
    own.mentor_min_experience_years = 3
    own.save()
    assert mentor_warnings(mentor) == []
    own.mentor_min_experience_years = 4
    own.save()
    assert len(mentor_warnings(mentor)) == 1


@pytest.mark.parametrize(("minimum", "words"), [(1, "1 год"), (2, "2 года"), (5, "5 лет")])
def test_mentor_experience_warning_declines_the_minimum(minimum, words):
    own = OwnOrganizationFactory()
    own.mentor_min_experience_years = minimum
    own.save()
    mentor = MentorFactory(person=PersonFactory(organization=own, teaching_since=timezone.localdate()))
    assert mentor_warnings(mentor) == [f"Педстаж 0 мес. — меньше принятого минимума ({words})."]


def test_mentor_warnings_name_a_non_pedagogical_own_post():
    person = PersonFactory(position=position("Помощник воспитателя"), teaching_since=_experienced(10))
    assert mentor_warnings(MentorFactory(person=person)) == ["Должность «Помощник воспитателя» не педагогическая."]


def test_mentor_warnings_ignore_a_partners_post():
    OwnOrganizationFactory()
    person = PersonFactory(
        organization=PartnerFactory(), position=position("Студент-практикант"), teaching_since=_experienced(10)
    )
    assert mentor_warnings(MentorFactory(person=person)) == []


def test_mentor_warnings_name_missing_experience():
    mentor = MentorFactory(person=PersonFactory(teaching_since=None))
    assert mentor_warnings(mentor) == ["Не указан педагогический стаж."]


def test_mentor_save_returns_the_warnings_but_saves(curator):
    mentor = Mentor(person=PersonFactory(teaching_since=None))
    outcome = mentor_save(mentor=mentor, directions=[], actor=curator)
    assert Mentor.objects.filter(pk=mentor.pk).exists()
    assert outcome.warnings == [
        "Нет согласия на обработку персональных данных: наставника нельзя будет закрепить приказом (3.2).",
        "Не указан педагогический стаж.",
    ]


def test_mentee_save_warns_without_consent_but_saves(curator):
    mentee = Mentee(person=PersonFactory(), category=MenteeCategory.objects.get(name="Молодой специалист"))
    outcome = mentee_save(mentee=mentee, actor=curator)
    assert Mentee.objects.filter(pk=mentee.pk).exists()
    assert outcome.warnings == [
        "Нет согласия наставляемого на обработку персональных данных: пару нельзя будет закрепить приказом (3.3)."
    ]


def test_person_save_warns_when_a_person_who_left_stays_in_the_mentor_bank(curator):
    mentor = MentorFactory()
    person = mentor.person
    person.status = Person.Status.LEFT
    person.left_on = timezone.localdate()
    outcome = person_save(person=person, actor=curator)
    assert outcome.warnings == ["Сотрудник уволен, но остаётся в банке наставников: выведите его из банка."]


# --- publication consent withdrawal -------------------------------------------------------


def test_publication_consent_withdraw_takes_effect_today(curator):
    today = timezone.localdate()
    consent = PublicationConsentFactory(given_on=today - timedelta(days=30))
    assert consent.is_in_force()
    publication_consent_withdraw(consent=consent, withdrawn_on=None, actor=curator)
    consent.refresh_from_db()
    assert consent.withdrawn_on == today
    assert not consent.is_in_force()
    assert consent.is_in_force(on=today - timedelta(days=1))
    assert consent.history.first().history_user == curator


def test_publication_consent_withdraw_keeps_the_given_date(curator):
    consent = PublicationConsentFactory(given_on=date(2026, 9, 1))
    publication_consent_withdraw(consent=consent, withdrawn_on=date(2026, 10, 15), actor=curator)
    consent.refresh_from_db()
    assert consent.withdrawn_on == date(2026, 10, 15)
    assert not consent.is_in_force(on=date(2026, 10, 15))


# --- validation errors propagate and nothing is written ---------------------------------


def test_person_save_raises_validation_error_and_writes_nothing(curator):
    person = PersonFactory.build(organization=OwnOrganizationFactory(), status=Person.Status.LEFT, left_on=None)
    with pytest.raises(ValidationError) as error:
        person_save(person=person, actor=curator)
    assert "left_on" in error.value.message_dict
    assert not Person.objects.exists()
    assert not Person.history.exists()


def test_person_save_refuses_a_duplicate_personnel_number_as_validation_error(curator):
    existing = PersonFactory(personnel_number="004")
    duplicate = PersonFactory.build(organization=existing.organization, personnel_number="004")
    with pytest.raises(ValidationError) as error:
        person_save(person=duplicate, actor=curator)
    assert "Табельный номер уже есть у другого сотрудника этой организации." in error.value.messages
    assert Person.objects.filter(personnel_number="004").count() == 1


def test_mentor_save_refuses_a_second_mentor_record_for_one_person(curator):
    existing = MentorFactory()
    with pytest.raises(ValidationError) as error:
        mentor_save(mentor=Mentor(person=existing.person), directions=[], actor=curator)
    assert "person" in error.value.message_dict
    assert Mentor.objects.count() == 1


def test_publication_consent_withdraw_before_given_is_refused(curator):
    consent = PublicationConsentFactory(given_on=date(2026, 9, 1))
    with pytest.raises(ValidationError) as error:
        publication_consent_withdraw(consent=consent, withdrawn_on=date(2026, 8, 1), actor=curator)
    assert error.value.message_dict == {"withdrawn_on": ["Отзыв не может быть раньше самого согласия."]}
    assert PublicationConsent.objects.get(pk=consent.pk).withdrawn_on is None


def test_mentor_warnings_without_own_organization_skip_the_experience_check():
    mentor = MentorFactory(person=PersonFactory(organization=PartnerFactory(), teaching_since=None))
    assert not Organization.objects.filter(kind=Organization.Kind.OWN).exists()
    assert mentor_warnings(mentor) == []
