"""The curator's yearly refresh, the head appointing the curator and approving the council."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from core.dates import add_months
from mentorship.models import BankRefresh, CouncilMembership, CuratorAppointment, Mentee
from mentorship.selectors import refresh_candidates, refresh_is_due
from mentorship.services.bank import council_decide, council_propose, council_remove
from mentorship.tests.factories import PairingFactory, PersonFactory, position
from people.models import Organization
from people.roles import Role, roles_of

TODAY = date(2026, 11, 24)


@pytest.fixture
def staff(db):
    """Hand-made staff around every boundary of the refresh rule, measured on TODAY."""
    people = {
        "young": PersonFactory(last_name="Молодая", teaching_since=add_months(TODAY, -35), hired_on=date(2024, 1, 10)),
        "three_years": PersonFactory(
            last_name="Ровно", teaching_since=add_months(TODAY, -36), hired_on=date(2020, 1, 1)
        ),
        "experienced": PersonFactory(
            last_name="Опытная", teaching_since=add_months(TODAY, -37), hired_on=date(2020, 1, 1)
        ),
        "newcomer": PersonFactory(last_name="Новенькая", teaching_since=date(2010, 9, 1), hired_on=date(2026, 9, 1)),
        "new_post": PersonFactory(
            last_name="Переведённая",
            teaching_since=date(2012, 9, 1),
            hired_on=date(2015, 9, 1),
            position_since=date(2026, 2, 1),
        ),
        "cook": PersonFactory(
            last_name="Повар", teaching_since=None, hired_on=date(2026, 10, 1), position=position("Повар")
        ),
        "left": PersonFactory(
            last_name="Ушедшая", teaching_since=add_months(TODAY, -5), status="left", left_on=date(2026, 10, 1)
        ),
        "in_bank": PersonFactory(last_name="Вбанке", teaching_since=add_months(TODAY, -5)),
        "mentored": PersonFactory(last_name="Снаставником", teaching_since=add_months(TODAY, -5)),
    }
    from mentorship.tests.factories import MenteeFactory

    MenteeFactory(person=people["in_bank"])
    PairingFactory(mentees=[MenteeFactory(person=people["mentored"], is_active=False)])
    return people


def test_refresh_lists_exactly_those_who_need_a_mentor(staff):
    found = {candidate.person.last_name: candidate for candidate in refresh_candidates(today=TODAY)}
    assert set(found) == {"Молодая", "Ровно", "Новенькая", "Переведённая"}
    assert found["Молодая"].category_name == "Молодой специалист"
    assert found["Новенькая"].category_name == "Новый сотрудник детского сада"
    assert found["Переведённая"].category_name == "Назначен на новую должность"
    assert "принята 01.09.2026" in found["Новенькая"].reasons


def test_refresh_is_due_after_twelve_months(world):
    own = Organization.own()
    assert refresh_is_due(None, today=TODAY)
    refresh = BankRefresh.objects.create(organization=own, done_by=world.users["curator"])
    BankRefresh.objects.filter(pk=refresh.pk).update(done_at=timezone.make_aware(timezone.datetime(2025, 11, 25, 12)))
    refresh.refresh_from_db()
    assert not refresh_is_due(refresh, today=TODAY)
    assert refresh_is_due(refresh, today=date(2026, 11, 25))


def test_curator_adds_semenova_from_the_refresh_page_in_one_step(world, client_as):
    semenova = world.other_person
    semenova.hired_on = timezone.localdate()
    semenova.save()
    client = client_as("curator")
    page = client.get(reverse("mentorship:refresh")).content.decode()
    assert "Семёнова Дарья Игоревна" in page
    form = client.get(reverse("mentorship:refresh")).context["form"]
    data = {name: "on" for name in form.fields if name.startswith("add_")}
    for candidate in form.candidates:
        data[f"category_{candidate.person.pk}"] = form.fields[f"category_{candidate.person.pk}"].initial
    response = client.post(reverse("mentorship:refresh"), data, follow=True)
    assert "Включены в банк наставляемых" in response.content.decode()
    mentee = Mentee.objects.get(person=semenova)
    assert mentee.category.name == "Новый сотрудник детского сада"
    assert mentee.history.first().history_user == world.users["curator"]
    refresh = BankRefresh.objects.get()
    assert refresh.done_by == world.users["curator"]
    assert refresh.added == len(form.candidates)
    assert "Семёнова" not in client.get(reverse("mentorship:refresh")).content.decode()


def test_an_unticked_candidate_is_not_added_but_the_refresh_is_recorded(world, client_as):
    world.other_person.hired_on = timezone.localdate()
    world.other_person.save()
    response = client_as("curator").post(reverse("mentorship:refresh"), {})
    assert response.status_code == 302
    assert not Mentee.objects.filter(person=world.other_person).exists()
    assert BankRefresh.objects.get().added == 0


def test_curator_home_reminds_when_refresh_is_overdue(world, client_as):
    page = client_as("curator").get(reverse("dashboard:home")).content.decode()
    assert "ещё не актуализировался" in page
    BankRefresh.objects.create(organization=Organization.own(), done_by=world.users["curator"])
    assert "актуализировался" not in client_as("curator").get(reverse("dashboard:home")).content.decode()


def test_head_appoints_a_curator_and_is_warned_about_a_non_deputy(world, client_as):
    response = client_as("head").post(
        reverse("mentorship:curator-appoint"),
        {"person": world.other_person.pk, "appointed_on": "2026-12-01"},
        follow=True,
    )
    body = response.content.decode()
    assert "из заместителей руководителя" in body
    current = CuratorAppointment.objects.get(ended_on__isnull=True)
    assert current.person == world.other_person
    previous = CuratorAppointment.objects.get(person=world.person("curator"))
    assert previous.ended_on == date(2026, 11, 30)
    world.users["curator"].__dict__.pop("_roles", None)
    assert Role.CURATOR not in roles_of(type(world.users["curator"]).objects.get(username="curator"))


def test_appointing_the_same_curator_again_is_refused_with_a_reason(world, client_as):
    response = client_as("head").post(
        reverse("mentorship:curator-appoint"), {"person": world.person("curator").pk, "appointed_on": "2026-12-01"}
    )
    assert response.status_code == 200
    assert "уже назначен куратором" in response.content.decode()
    assert CuratorAppointment.objects.count() == 1


def test_council_member_needs_the_heads_approval(world):
    person = world.other_person
    membership = council_propose(person=person, actor=world.users["curator"]).obj
    assert membership.status == CouncilMembership.Status.PROPOSED
    with pytest.raises(ValidationError):
        council_propose(person=person, actor=world.users["curator"])
    council_decide(membership=membership, approve=True, actor=world.users["head"])
    membership.refresh_from_db()
    assert membership.status == CouncilMembership.Status.MEMBER
    assert membership.joined_on == timezone.localdate()
    council_remove(membership=membership, actor=world.users["head"])
    membership.refresh_from_db()
    assert membership.status == CouncilMembership.Status.LEFT
    with pytest.raises(ValidationError, match="Нельзя перевести"):
        council_decide(membership=membership, approve=True, actor=world.users["head"])


def test_a_proposal_gives_no_council_role_until_approved(world, client_as):
    client_as("curator").post(reverse("mentorship:council-propose"), {"person": world.person("norole").pk})
    user = type(world.users["norole"]).objects.get(username="norole")
    assert roles_of(user) == set()
    membership = CouncilMembership.objects.get(person=world.person("norole"))
    client_as("head").post(reverse("mentorship:council-decide", args=[membership.pk]), {"action": "approve"})
    user = type(world.users["norole"]).objects.get(username="norole")
    assert roles_of(user) == {Role.COUNCIL}


def test_head_sees_pending_proposals_on_home(world, client_as):
    CouncilMembership.objects.create(person=world.other_person)
    assert "Куратор предлагает в состав" in client_as("head").get(reverse("dashboard:home")).content.decode()


def test_unknown_council_action_changes_nothing(world, client_as):
    membership = CouncilMembership.objects.create(person=world.other_person)
    client_as("head").post(reverse("mentorship:council-decide", args=[membership.pk]), {"action": "drop"})
    membership.refresh_from_db()
    assert membership.status == CouncilMembership.Status.PROPOSED


def test_head_edits_requisites_and_bad_inn_loses_nothing(world, client_as):
    client = client_as("head")
    data = {
        "full_name": "МКДОУ «Детский сад «Ласточка» г. Первоуральска",
        "short_name": "Ласточка",
        "inn": "6625012345",
        "head": world.person("head").pk,
        "mentor_capacity": "3",
        "mentor_min_experience_years": "2",
        "mentor_pay_rule": "none",
    }
    response = client.post(reverse("people:organization-settings"), data)
    assert response.status_code == 200
    assert "контрольная цифра" in response.content.decode()
    assert "г. Первоуральска" in response.content.decode()
    response = client.post(reverse("people:organization-settings"), {**data, "inn": "6625012346"})
    assert response.status_code == 302
    own = Organization.own()
    assert (own.short_name, own.mentor_capacity, own.mentor_min_experience_years) == ("Ласточка", 3, 2)
