"""«Настройки организации»: the head changes only by the current head handing the post over to a
successor. The system administrator keeps the requisites and the mentoring settings but never names
the head (he could name himself, and the head appoints the curator); nobody names as head a person
whose login is a superuser's."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import User
from conftest import expect
from people.models import Organization, Person
from people.roles import Role, roles_of
from people.services import organization_save
from people.tests.factories import PartnerFactory, PersonFactory, UserFactory

SETTINGS = reverse("people:organization-settings")


def form_data(own: Organization, **changes) -> dict:
    data = {
        "full_name": own.full_name,
        "short_name": own.short_name,
        "mentor_capacity": own.mentor_capacity,
        "mentor_min_experience_years": own.mentor_min_experience_years,
        "mentor_pay_rule": own.mentor_pay_rule,
    }
    return {**data, **changes}


def fresh(user: User) -> User:
    """The user read again, without the roles remembered for an earlier request."""
    return User.objects.get(pk=user.pk)


@pytest.mark.parametrize(("role", "status"), expect({"head", "admin"}).items())
def test_only_the_head_is_offered_the_head_field(world, client_as, role, status):
    response = client_as(role).get(SETTINGS)
    assert response.status_code == status
    if status != 200:
        return
    page = response.content.decode()
    assert ('name="head"' in page) == (role == "head")
    if role == "admin":
        assert "Руководитель — Соколова Елена" in page
        assert "Сменить руководителя может только он сам" in page


def test_the_head_field_offers_no_superusers_card(world, client_as):
    page = client_as("head").get(SETTINGS).content.decode()
    assert f'value="{world.person("curator").pk}"' in page
    assert f'value="{world.person("admin").pk}"' not in page


@pytest.mark.parametrize("candidate", ["admin", "curator"])
def test_the_administrator_keeps_the_settings_but_the_head_stays(world, client_as, candidate):
    own = Organization.own()
    head = own.head
    response = client_as("admin").post(
        SETTINGS, form_data(own, short_name="Ласточка", mentor_capacity=3, head=world.person(candidate).pk)
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert (own.short_name, own.mentor_capacity, own.head) == ("Ласточка", 3, head)
    assert own.history.first().history_user == world.users["admin"]
    assert roles_of(fresh(world.users["admin"])) == {Role.ADMIN}
    assert Role.HEAD not in roles_of(fresh(world.users[candidate]))


def test_the_head_hands_the_post_over_to_a_successor(world, client_as):
    own = Organization.own()
    successor = world.person("curator")
    response = client_as("head").post(SETTINGS, form_data(own, head=successor.pk))
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.head == successor
    assert own.history.first().history_user == world.users["head"]
    assert Role.HEAD in roles_of(fresh(world.users["curator"]))
    assert Role.HEAD not in roles_of(fresh(world.users["head"]))
    assert client_as("head").get(SETTINGS).status_code == 403
    assert 'name="head"' in client_as("curator").get(SETTINGS).content.decode()


@pytest.mark.parametrize("candidate", ["admin", "dismissed", "partner"])
def test_the_head_cannot_hand_over_to_an_administrator_a_dismissed_or_a_partners_employee(world, client_as, candidate):
    own = Organization.own()
    people = {
        "admin": world.person("admin"),
        "dismissed": PersonFactory(status=Person.Status.LEFT, left_on=date(2025, 1, 31)),
        "partner": PersonFactory(organization=PartnerFactory()),
    }
    response = client_as("head").post(SETTINGS, form_data(own, head=people[candidate].pk))
    assert response.status_code == 200
    assert "Выберите корректный вариант" in response.content.decode()
    assert Organization.own().head == world.person("head")


def test_with_no_head_the_administrator_reads_how_the_first_head_is_set_and_sets_none(world, client_as):
    Organization.objects.filter(kind=Organization.Kind.OWN).update(head=None)
    client = client_as("admin")
    page = client.get(SETTINGS).content.decode()
    assert "Руководитель не указан" in page and "manage.py init_organization" in page and "--head-username" in page
    own = Organization.own()
    assert client.post(SETTINGS, form_data(own, head=world.person("admin").pk)).status_code == 302
    assert Organization.own().head is None


# --- the rule itself, in the service: whatever form or command calls it -----------------------


@pytest.mark.parametrize("actor", ["admin", "curator", "council", "mentor", "norole"])
def test_the_service_refuses_a_new_head_from_anyone_but_the_head(world, actor):
    own = Organization.own()
    own.head = world.person(actor)
    with pytest.raises(ValidationError, match="Руководителя сменяет только сам руководитель"):
        organization_save(organization=own, actor=world.users[actor])
    assert Organization.own().head == world.person("head")


def test_the_service_refuses_a_superusers_card_as_head_even_from_the_head(world):
    own = Organization.own()
    own.head = world.person("admin")
    with pytest.raises(ValidationError, match="учётная запись системного администратора"):
        organization_save(organization=own, actor=world.users["head"])
    own.head = None
    with pytest.raises(ValidationError, match="не остаётся без руководителя"):
        organization_save(organization=own, actor=world.users["head"])
    assert Organization.own().head == world.person("head")


def test_the_first_head_is_set_once_and_never_a_superusers_card(world):
    Organization.objects.filter(kind=Organization.Kind.OWN).update(head=None)
    own = Organization.own()
    administrator = world.users["admin"]
    own.head = world.person("admin")
    with pytest.raises(ValidationError, match="учётная запись системного администратора"):
        organization_save(organization=own, actor=administrator)
    first = PersonFactory(user=UserFactory(username="zav"))
    own.head = first
    organization_save(organization=own, actor=administrator)
    assert Organization.own().head == first
    own.head = world.person("curator")
    with pytest.raises(ValidationError, match="Руководителя сменяет только сам руководитель"):
        organization_save(organization=own, actor=administrator)


def test_the_administrator_records_the_website_and_a_bare_address_is_taken_as_https(world, client_as):
    own = Organization.own()
    page = client_as("admin").get(SETTINGS).content.decode()
    assert 'name="website"' in page and "Официальный сайт" in page
    response = client_as("admin").post(SETTINGS, form_data(own, website="ds-lastochka.ru"))
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.website == "https://ds-lastochka.ru"
    response = client_as("admin").post(SETTINGS, form_data(own, website="не адрес"))
    assert response.status_code == 200 and "Введите правильный URL" in response.content.decode()
