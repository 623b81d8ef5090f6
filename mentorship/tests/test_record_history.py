"""The history pages of a mentor's and a mentee's bank records and of a pair: the changes in words,
for exactly the record's readers (the role matrix is in test_access.py), the difficulties, the
request and the salary «скрыто» to whom the record's page does not show them, and a cost in queries
that does not grow with the history."""

from decimal import Decimal

import pytest
from django.urls import reverse

from conftest import page_text, queries_of
from mentorship.models import Direction, MenteeCategory
from mentorship.services.bank import mentee_save, mentor_save


def test_the_mentee_page_links_to_its_history(world, client_as):
    text = page_text(client_as("mentee"), reverse("mentorship:mentee-detail", args=[world.mentee.pk]))
    assert reverse("mentorship:mentee-history", args=[world.mentee.pk]) in text


def test_a_mentee_change_reads_in_words(world, client_as):
    mentee = world.mentee
    mentee.strengths = "Умеет договариваться с родителями"
    mentee.category = MenteeCategory.objects.exclude(pk=mentee.category_id).first()
    mentee_save(mentee=mentee, actor=world.users["curator"])

    text = page_text(client_as("head"), reverse("mentorship:mentee-history", args=[mentee.pk]))
    assert "Морозова И. И., " in text
    assert "сильные стороны «Творческий подход» → «Умеет договариваться с родителями»" in text
    assert f"категория «Молодой специалист» → «{mentee.category.name}»" in text


@pytest.mark.parametrize(("role", "shown"), [("curator", True), ("head", True), ("mentee", True), ("admin", False)])
def test_difficulties_are_hidden_from_whom_the_page_hides_them(world, client_as, role, shown):
    mentee = world.mentee
    mentee.difficulties = "Не получается проводить утренний круг"
    mentee_save(mentee=mentee, actor=world.users["curator"])

    text = page_text(client_as(role), reverse("mentorship:mentee-history", args=[mentee.pk]))
    assert ("утренний круг" in text) is shown
    assert ("Научиться планировать день" in text) is shown
    assert ("профессиональные затруднения: скрыто" in text) is not shown


def test_the_salary_is_hidden_from_the_mentor_and_shown_to_the_curator(world, client_as):
    mentor = world.mentor
    mentor.salary = Decimal("41000.00")
    mentor_save(mentor=mentor, directions=mentor.directions.all(), actor=world.users["curator"])
    url = reverse("mentorship:mentor-history", args=[mentor.pk])

    assert "должностной оклад, руб.: «41 000,00»" in page_text(client_as("curator"), url)
    own = page_text(client_as("mentor"), url)
    assert "должностной оклад, руб.: скрыто" in own
    assert "41000" not in own


def test_the_mentor_history_costs_the_same_however_long(world, client_as):
    mentor, curator = world.mentor, world.users["curator"]
    directions = list(Direction.objects.order_by("pk")[:6])
    url = reverse("mentorship:mentor-history", args=[mentor.pk])
    client = client_as("curator")

    mentor_save(mentor=mentor, directions=directions[:1], actor=curator)
    few = queries_of(client, url)
    for size in range(2, 7):
        mentor.capacity = size
        mentor_save(mentor=mentor, directions=directions[:size], actor=curator)
    # Session, user, roles, the mentor; the rows with their authors, the directions chosen at each
    # row; the names of the people and the directions named.
    assert queries_of(client, url) == few == 9
    assert "направления «" in page_text(client, url)


def test_the_pair_history_shows_its_moves_and_consents(world, client_as):
    pairing = world.pairing
    pairing.note = "Встречи по вторникам"
    pairing._history_user = world.users["curator"]
    pairing.save()
    url = reverse("mentorship:pairing-history", args=[pairing.pk])

    text = page_text(client_as("mentee"), url)
    assert "примечание: «Встречи по вторникам»" in text
    assert "Морозова И. И., " in text
    client = client_as("curator")
    few = queries_of(client, url)
    for n in range(5):
        pairing.note = f"Встречи по средам, № {n}"
        pairing.save()
    assert queries_of(client, url) == few
