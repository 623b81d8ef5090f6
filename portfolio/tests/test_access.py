"""Who opens which portfolio: the mentor her own only, the head and the curator any mentor's; a mentee,
the council, the administrator and a person without a role get 403; anonymous goes to the login page.
A person who never was a mentor has no portfolio (404 for everyone)."""

import pytest
from django.urls import reverse

from conftest import ROLES, expect, saved_as

READERS = {"head", "curator"}

MATRIX = {
    "own": expect(READERS | {"mentor"}),
    "other": expect(READERS, not_found={"mentor"}),
    "not_a_mentor": expect(set(), not_found=READERS | {"mentor"}),
}


def person_of_case(world, case: str):
    return {
        "own": world.mentor.person,
        "other": world.other_mentor.person,
        "not_a_mentor": world.other_person,
    }[case]


@pytest.mark.parametrize("name", ["portfolio:detail", "portfolio:pdf"])
@pytest.mark.parametrize("case", list(MATRIX))
@pytest.mark.parametrize("role", ROLES)
def test_matrix(world, client_as, name, case, role):
    url = reverse(name, args=[person_of_case(world, case).pk])
    response = client_as(role).get(url)
    assert response.status_code == MATRIX[case][role], (name, case, role)
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("accounts:login"))
    if response.status_code == 200 and name == "portfolio:pdf":
        assert response["Content-Type"] == "application/pdf"
        person = person_of_case(world, case)
        assert saved_as(response) == f"Портфолио наставника — {person.full_name}.pdf"
        assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize("role", ROLES)
def test_my_portfolio_takes_a_mentor_to_her_own_and_refuses_the_others(world, client_as, role):
    response = client_as(role).get(reverse("portfolio:mine"))
    if role == "mentor":
        assert response.status_code == 302
        assert response["Location"] == reverse("portfolio:detail", args=[world.mentor.person.pk])
    elif role == "anonymous":
        assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
    else:
        assert response.status_code == 403


def test_a_mentor_taken_out_of_the_bank_keeps_her_portfolio_for_the_curator(world, client_as):
    world.other_mentor.is_active = False
    world.other_mentor.save()
    response = client_as("curator").get(reverse("portfolio:detail", args=[world.other_mentor.person.pk]))
    assert response.status_code == 200
    assert "выведена из банка" in response.content.decode()


def test_the_menu_offers_my_portfolio_to_a_mentor_only(world, client_as):
    def labels(role):
        context = client_as(role).get(reverse("dashboard:home")).context
        return [entry["label"] for entry in [*context["menu_main"], *context["menu_more"]]]

    assert "Моё портфолио" in labels("mentor")
    for role in ("head", "curator", "council", "mentee", "admin", "norole"):
        assert "Моё портфолио" not in labels(role), role


def test_the_card_of_a_mentor_links_to_her_portfolio_for_the_head_and_the_curator(world, client_as):
    mentor_card = reverse("people:person-detail", args=[world.mentor.person.pk])
    link = reverse("portfolio:detail", args=[world.mentor.person.pk])
    for role in ("head", "curator"):
        assert link in client_as(role).get(mentor_card).content.decode(), role
    # The council and the administrator open the card but not the portfolio: no link.
    for role in ("council", "admin"):
        page = client_as(role).get(mentor_card)
        assert page.status_code == 200 and link not in page.content.decode(), role
    # Someone who never was a mentor has no portfolio to link to.
    other_card = client_as("curator").get(reverse("people:person-detail", args=[world.other_person.pk]))
    assert "Портфолио наставника" not in other_card.content.decode()


def test_the_bank_of_mentors_links_each_mentor_to_her_portfolio(world, client_as):
    body = client_as("curator").get(reverse("mentorship:mentor-list")).content.decode()
    for mentor in (world.mentor, world.other_mentor):
        assert reverse("portfolio:detail", args=[mentor.person.pk]) in body
    council = client_as("council").get(reverse("mentorship:mentor-list")).content.decode()
    assert reverse("portfolio:detail", args=[world.mentor.person.pk]) not in council
    detail = client_as("head").get(reverse("mentorship:mentor-detail", args=[world.mentor.pk])).content.decode()
    assert reverse("portfolio:detail", args=[world.mentor.person.pk]) in detail
