from datetime import date

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.utils import timezone

from accounts.models import User
from core.dates import whole_months_between
from demo.kindergarten import DEMO_PASSWORD, academic_year_start, load_demo
from mentorship.models import CouncilMembership, CuratorAppointment, Mentee, Mentor, Pairing
from people.models import Organization, Person, QualificationCategory

pytestmark = pytest.mark.django_db

LOGINS = ("head", "curator", "council", "mentor", "mentee", "admin")


@pytest.fixture
def demo():
    return load_demo()


def person(last_name: str) -> Person:
    return Person.objects.get(last_name=last_name, organization__kind=Organization.Kind.OWN)


def _row_counts() -> dict[str, int]:
    # Every model of the project, history tables included.
    labels = ("accounts", "people", "records", "mentorship", "dashboard", "core")
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in labels
    }


def test_every_demo_login_has_the_password_demo(demo):
    users = User.objects.filter(username__in=LOGINS)
    assert sorted(user.username for user in users) == sorted(LOGINS)
    assert all(user.is_active and user.check_password(DEMO_PASSWORD) for user in users)


def test_demo_admin_is_a_superuser_and_nobody_else_is(demo):
    assert User.objects.get(username="admin").is_superuser
    assert list(User.objects.filter(is_superuser=True).values_list("username", flat=True)) == ["admin"]


def test_demo_logins_belong_to_the_named_people(demo):
    expected = {
        "head": "Соколова",
        "curator": "Морозова",
        "council": "Волкова",
        "mentor": "Петрова",
        "mentee": "Иванова",
        "admin": "Кузнецов",
    }
    assert {username: User.objects.get(username=username).person.last_name for username in LOGINS} == expected


def test_demo_sokolova_heads_the_own_organization(demo):
    own = Organization.own()
    assert own.short_name == "МКДОУ «Детский сад «Ласточка»"
    assert own.head == person("Соколова")


def test_demo_morozova_is_the_current_curator(demo):
    current = CuratorAppointment.objects.get(organization=Organization.own(), ended_on__isnull=True)
    assert current.person == person("Морозова")


def test_demo_volkova_chairs_the_council(demo):
    membership = CouncilMembership.objects.get(person=person("Волкова"), status="member")
    assert membership.is_chair


def test_demo_petrova_is_a_highest_category_mentor_with_18_years(demo):
    petrova = person("Петрова")
    assert petrova.qualification_category == QualificationCategory.HIGHEST
    assert petrova.teaching_years == 18
    assert petrova.mentor.is_active
    assert petrova.mentor.has_consent


def test_demo_ivanova_is_a_young_specialist_paired_with_petrova(demo):
    ivanova = person("Иванова")
    assert ivanova.mentee.category.name == "Молодой специалист"
    assert ivanova.teaching_years == 1
    pairing = Pairing.objects.current().get(mentees=ivanova.mentee)
    assert pairing.mentor == person("Петрова").mentor


def test_demo_semenova_is_new_this_year_without_login_or_mentee_record(demo):
    semenova = Person.objects.get(last_name="Семёнова", first_name="Дарья", middle_name="Игоревна")
    assert semenova.user is None
    assert not Mentee.objects.filter(person=semenova).exists()
    assert not Mentor.objects.filter(person=semenova).exists()
    assert semenova.hired_on >= academic_year_start(timezone.localdate())
    assert semenova.hired_on <= timezone.localdate()


def test_demo_semenova_is_found_by_a_search_without_yo(demo):
    assert list(Person.objects.search("семенова")) == [person("Семёнова")]


def test_demo_has_about_thirty_own_staff_and_some_partners(demo):
    own_staff = Person.objects.filter(organization__kind=Organization.Kind.OWN).count()
    assert 25 <= own_staff <= 35
    assert Person.objects.exclude(organization__kind=Organization.Kind.OWN).exists()
    assert Organization.objects.filter(kind=Organization.Kind.OWN).count() == 1


def test_demo_experience_is_counted_from_today(demo):
    today = timezone.localdate()
    petrova = person("Петрова")
    assert whole_months_between(petrova.teaching_since, today) == 18 * 12 + 2


def test_first_load_reports_what_it_added(demo):
    assert demo["organizations"] == Organization.objects.count()
    assert demo["people"] == Person.objects.count()
    assert demo["users"] == len(LOGINS)
    assert demo["mentors"] == Mentor.objects.count()
    assert demo["mentees"] == Mentee.objects.count()
    assert demo["pairs"] == Pairing.objects.count()


def test_the_notices_of_past_years_are_read_and_this_years_wait(demo):
    from notices.models import Notice
    from records.models import Order

    start = academic_year_start(timezone.localdate())
    past = [order.get_absolute_url() for order in Order.objects.filter(date__lt=start)]
    assert past and Notice.objects.filter(url__in=past).exists()
    assert not Notice.objects.filter(url__in=past, read_at=None).exists()
    last_years_pair = Pairing.objects.filter(starts_on__lt=start).first()
    assert not Notice.objects.filter(url=last_years_pair.get_absolute_url(), read_at=None).exists()
    this_year = [order.get_absolute_url() for order in Order.objects.filter(date__gte=start).exclude(number=None)]
    assert Notice.objects.filter(url__in=this_year, read_at=None, user__username="mentor").exists()


def test_second_load_adds_nothing(demo):
    before = _row_counts()
    added = load_demo()
    assert added == dict.fromkeys(added, 0)
    assert _row_counts() == before
    assert before["people.HistoricalPerson"] > 0


def test_every_demo_person_has_an_address_of_their_own_on_the_reserved_domain(demo):
    addresses = list(Person.objects.values_list("email", flat=True))
    assert all(address.endswith("@lastochka.example") for address in addresses)
    assert len(set(addresses)) == len(addresses)
    by_login = dict(Person.objects.filter(user__isnull=False).values_list("user__username", "email"))
    assert by_login["head"] == "sokolova.ev@lastochka.example"
    assert by_login["curator"] == "morozova.ia@lastochka.example"
    assert by_login["mentor"] == "petrova.sn@lastochka.example"
    assert person("Семёнова").email == "semenova.di@lastochka.example"


def test_a_demo_loaded_before_the_addresses_gets_them_and_nothing_else(demo):
    Person.objects.filter(last_name__in=["Петрова", "Семёнова"]).update(email="")
    people = Person.objects.count()
    added = load_demo()
    assert added == dict.fromkeys(added, 0)
    assert Person.objects.count() == people
    assert person("Петрова").email == "petrova.sn@lastochka.example"
    assert person("Семёнова").history.latest("history_date").history_user == User.objects.get(username="admin")


def test_load_demo_keeps_a_record_someone_changed(demo):
    petrova = person("Петрова")
    petrova.phone = "+7 900 111-22-33"
    petrova.email = "svetlana@example.ru"
    petrova.save()
    load_demo()
    assert person("Петрова").phone == "+7 900 111-22-33"
    assert person("Петрова").email == "svetlana@example.ru"


def test_demo_history_names_who_made_the_records(demo):
    admin = User.objects.get(username="admin")
    curator = User.objects.get(username="curator")
    assert person("Семёнова").history.earliest("history_date").history_user == admin
    assert person("Петрова").mentor.history.earliest("history_date").history_user == curator


def test_load_demo_command_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="только в режиме разработки"):
        call_command("load_demo")
    assert not Person.objects.exists()
    assert not User.objects.exists()


def test_load_demo_command_works_with_debug_and_twice(settings, capsys):
    settings.DEBUG = True
    call_command("load_demo")
    assert "загружен (" in capsys.readouterr().out
    assert User.objects.filter(username__in=LOGINS).count() == len(LOGINS)
    people = Person.objects.count()

    call_command("load_demo")
    assert "ничего не добавлено" in capsys.readouterr().out
    assert Person.objects.count() == people


def test_academic_year_starts_on_the_first_of_september():
    assert academic_year_start(date(2026, 11, 24)) == date(2026, 9, 1)
    assert academic_year_start(date(2026, 9, 1)) == date(2026, 9, 1)
    assert academic_year_start(date(2026, 8, 31)) == date(2025, 9, 1)
