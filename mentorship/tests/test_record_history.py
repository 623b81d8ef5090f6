"""The history pages of a mentor's and a mentee's bank records and of a pair: the changes in words,
for exactly the record's readers (the role matrix is in test_access.py), the difficulties, the
request and the salary «скрыто» to whom the record's page does not show them, and a cost in queries
that does not grow with the history; a group's mentees too, also for the pairs proposed before
they were kept."""

from datetime import date
from decimal import Decimal
from importlib import import_module

import pytest
from django.apps import apps
from django.urls import reverse

from conftest import page_text, queries_of
from mentorship.models import Direction, MenteeCategory, MentoringForm, Pairing
from mentorship.services.bank import mentee_save, mentor_save
from mentorship.services.pairs import pairing_propose, pairing_update
from mentorship.tests.factories import MenteeFactory, PersonFactory


def test_the_mentee_page_links_to_its_history(world, client_as):
    text = page_text(client_as("mentee"), reverse("mentorship:mentee-detail", args=[world.mentee.pk]))
    assert reverse("mentorship:mentee-history", args=[world.mentee.pk]) in text


def test_a_mentee_change_reads_in_words(world, client_as):
    mentee = world.mentee
    mentee.strengths = "Умеет договариваться с родителями"
    mentee.category = MenteeCategory.objects.exclude(pk=mentee.category_id).first()
    mentee_save(mentee=mentee, actor=world.users["curator"])

    text = page_text(client_as("head"), reverse("mentorship:mentee-history", args=[mentee.pk]))
    assert "Морозова И.И., " in text
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
    assert "Морозова И.И., " in text
    client = client_as("curator")
    few = queries_of(client, url)
    for n in range(5):
        pairing.note = f"Встречи по средам, № {n}"
        pairing.save()
    assert queries_of(client, url) == few


# --- a group's mentees ----------------------------------------------------------------------------


@pytest.fixture
def smirnova(db):
    return MenteeFactory(person=PersonFactory(last_name="Смирнова", first_name="Ольга", middle_name="Павловна"))


def propose(world, mentees):
    return pairing_propose(
        mentor=world.other_mentor,
        mentees=mentees,
        direction=Direction.objects.get(name="ИКТ"),
        forms=[MentoringForm.objects.get(name="В группе")],
        starts_on=date(2026, 12, 1),
        planned_end_on=date(2027, 5, 31),
        actor=world.users["curator"],
    ).obj


def correct(world, pairing, mentees, *, note=""):
    """The proposal corrected as its form does: every field sent again, `mentees` and `note` changed."""
    return pairing_update(
        pairing=pairing,
        mentor=pairing.mentor,
        mentees=mentees,
        direction=pairing.direction,
        forms=list(pairing.forms.all()),
        starts_on=pairing.starts_on,
        planned_end_on=pairing.planned_end_on,
        note=note,
        actor=world.users["council"],
    ).obj


def test_a_mentee_joining_a_group_reads_with_who_and_when(world, client_as, smirnova):
    ivanova, zaytseva = world.mentee, world.other_mentee
    group = propose(world, [ivanova, zaytseva])
    correct(world, group, [ivanova, zaytseva, smirnova], note="Смирнова присоединилась")
    text = page_text(client_as("curator"), reverse("mentorship:pairing-history", args=[group.pk]))
    entries = text.split('class="history-entry')[1:]
    # The correction is one entry, newest first: who, the mentee added and the note together.
    correction = entries[0]
    assert "Волкова Н.И., " in correction
    assert (
        "наставляемые «Зайцева Алина Ивановна, Иванова Анна Ивановна» → "
        "«Зайцева Алина Ивановна, Иванова Анна Ивановна, Смирнова Ольга Павловна»"
    ) in correction
    assert "примечание: «Смирнова присоединилась»" in correction
    # The proposal is one entry by the curator: its creation with its mentees and forms.
    assert len(entries) == 2
    assert "создание" in entries[1] and "Морозова И.И., " in entries[1]
    assert "наставляемые: «Зайцева Алина Ивановна, Иванова Анна Ивановна»" in entries[1]
    assert "формы: «В группе»" in entries[1]


def test_a_form_of_mentoring_added_reads_in_the_pair_history(world, client_as, smirnova):
    group = propose(world, [world.mentee, smirnova])
    pairing_update(
        pairing=group,
        mentor=group.mentor,
        mentees=[world.mentee, smirnova],
        direction=group.direction,
        forms=[
            MentoringForm.objects.get(name="В группе"),
            MentoringForm.objects.get(name="Виртуальное (дистанционное)"),
        ],
        starts_on=group.starts_on,
        planned_end_on=group.planned_end_on,
        note="",
        actor=world.users["council"],
    )
    text = page_text(client_as("curator"), reverse("mentorship:pairing-history", args=[group.pk]))
    correction = text.split('class="history-entry')[1]
    assert "Волкова Н.И., " in correction
    assert "формы «В группе» → «В группе, Виртуальное (дистанционное)»" in correction


def test_a_mentee_leaving_a_group_reads_too(world, client_as, smirnova):
    group = propose(world, [world.mentee, world.other_mentee, smirnova])
    correct(world, group, [world.other_mentee, smirnova])
    text = page_text(client_as("head"), reverse("mentorship:pairing-history", args=[group.pk]))
    correction = text.split('class="history-entry')[1]
    assert "Волкова Н.И., " in correction
    assert (
        "наставляемые «Зайцева Алина Ивановна, Иванова Анна Ивановна, Смирнова Ольга Павловна» → "
        "«Зайцева Алина Ивановна, Смирнова Ольга Павловна»"
    ) in correction


def test_the_pair_history_costs_the_same_however_its_mentees_change(world, client_as, smirnova):
    group = propose(world, [world.mentee, world.other_mentee])
    url = reverse("mentorship:pairing-history", args=[group.pk])
    client = client_as("curator")
    few = queries_of(client, url)
    for n in range(4):
        mentees = [world.mentee, world.other_mentee, smirnova] if n % 2 else [world.mentee, smirnova]
        correct(world, group, mentees, note=f"Правка № {n}")
    # Session, user, roles; the pair as its readers read it (its mentees with their persons, positions
    # and categories, its forms, its consents); its rows with their authors, the mentees at each row
    # (one query) and its forms at each row (one query), its consents' rows; the names of the mentor,
    # the direction, the users, the mentees and the forms (one query each).
    assert few == 19
    assert queries_of(client, url) == few


def test_pairs_proposed_before_their_mentees_were_kept_read_without_a_false_change(world, client_as, smirnova):
    group = propose(world, [world.mentee, smirnova])
    correct(world, group, [world.mentee, smirnova], note="Встречи по вторникам")
    kept = Pairing.history.model.__dict__["mentees"].model
    kept.objects.all().delete()  # as before the migration that began keeping them
    import_module("mentorship.migrations.0021_pair_mentees_known_so_far").fill_in(apps, None)
    correct(world, group, [world.mentee, smirnova], note="Встречи по средам")
    text = page_text(client_as("curator"), reverse("mentorship:pairing-history", args=[group.pk]))
    # Known from the pair as it is now, they read as there from the start (the creation's row), not as
    # joined by the first edit after the migration.
    assert text.count("наставляемые") == 1
    assert "наставляемые: «Иванова Анна Ивановна, Смирнова Ольга Павловна»" in text.rsplit("создание", 1)[1]


def test_pairs_proposed_before_their_forms_were_kept_read_without_a_false_change(world, client_as, smirnova):
    group = propose(world, [world.mentee, smirnova])
    correct(world, group, [world.mentee, smirnova], note="Встречи по вторникам")
    Pairing.history.model.__dict__["forms"].model.objects.all().delete()  # as before 0022 began keeping them
    import_module("mentorship.migrations.0023_pair_forms_known_so_far").fill_in(apps, None)
    correct(world, group, [world.mentee, smirnova], note="Встречи по средам")
    text = page_text(client_as("curator"), reverse("mentorship:pairing-history", args=[group.pk]))
    assert text.count("формы") == 1
    assert "формы: «В группе»" in text.rsplit("создание", 1)[1]
