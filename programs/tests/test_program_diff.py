"""Version comparison: what changed between two versions of a program, field by field and row by row."""

from datetime import timedelta

import pytest
from django.urls import reverse

from ..diff import compare
from ..models import Program
from ..services.program import plan_item_delete, plan_item_save, program_move, program_update
from .factories import PlanItemFactory, program_with_plan

S = Program.Status


def _row(id_, position, activity, deadline="2026-10-01", **extra):
    return {
        "id": id_,
        "position": position,
        "direction": "Режимные моменты",
        "activity": activity,
        "form": "Консультация",
        "deadline": deadline,
        "responsible": "Петрова С.Н.",
        "expected_result": "Конспект",
        **extra,
    }


OLD = {
    "starts_on": "2026-09-01",
    "ends_on": "2027-02-28",
    "goal": "Освоить режимные моменты",
    "tasks": "1. Изучить режим",
    "items": [_row(1, 1, "Консультация по режиму дня"), _row(2, 2, "Взаимопосещение"), _row(3, 3, "Открытый показ")],
}
NEW = {
    "starts_on": "2026-09-01",
    "ends_on": "2027-05-31",
    "goal": "Освоить режимные моменты и прогулку",
    "tasks": "1. Изучить режим",
    "items": [
        _row(1, 1, "Консультация по режиму дня"),
        _row(3, 2, "Открытый показ", deadline="2027-03-15", form="Мастер-класс"),
        _row(9, 3, "Мастер-класс по организации прогулки"),
    ],
}


def test_fields_old_to_new_with_dates_as_people_write_them():
    result = compare(OLD, NEW)
    assert [(c.label, c.old, c.new) for c in result.fields] == [
        ("Окончание", "28.02.2027", "31.05.2027"),
        ("Цель", "Освоить режимные моменты", "Освоить режимные моменты и прогулку"),
    ]


def test_plan_rows_added_removed_and_changed_with_the_changed_cells():
    result = compare(OLD, NEW)
    assert [{n: v for n, v, _ in row.cells}["activity"] for row in result.added] == [
        "Мастер-класс по организации прогулки"
    ]
    assert [{n: v for n, v, _ in row.cells}["activity"] for row in result.removed] == ["Взаимопосещение"]
    (changed,) = result.changed
    marked = {name for name, _, flag in changed.cells if flag}
    # Moving up from № 3 to № 2 after a removal is not a change of the row itself.
    assert marked == {"deadline", "form"}
    assert changed.old_cells == {"deadline": "01.10.2026", "form": "Консультация"}
    assert {n: v for n, v, _ in changed.cells}["deadline"] == "15.03.2027"


def test_identical_versions_have_no_changes():
    assert compare(OLD, OLD).is_empty


@pytest.fixture
def corrected(world):
    """A program approved (version 1), then corrected by the mentor (version 2)."""
    head, mentor = world.users["head"], world.users["mentor"]
    program = program_with_plan(world.pairing, S.REVIEW, items=3, goal="Освоить режимные моменты")
    program_move(program=program, target=S.APPROVED, actor=head)
    program_move(program=program, target=S.RUNNING, actor=mentor)
    program_move(program=program, target=S.CORRECTION, actor=mentor, comment="Добавить прогулку")
    program_update(
        program=program,
        starts_on=program.starts_on,
        ends_on=program.ends_on,
        difficulties=program.difficulties,
        strengths=program.strengths,
        goal="Освоить режимные моменты и прогулку",
        tasks=program.tasks,
        expected_results=program.expected_results,
        actor=mentor,
    )
    _first, second, third = program.items.order_by("position")
    plan_item_delete(item=second, actor=mentor)
    third.deadline = third.deadline + timedelta(days=7)
    plan_item_save(item=third, actor=mentor)
    plan_item_save(
        item=PlanItemFactory.build(
            program=program, activity="Мастер-класс «Прогулка зимой»", deadline=program.starts_on + timedelta(days=5)
        ),
        actor=mentor,
    )
    program_move(program=program, target=S.RUNNING, actor=mentor, agreed=True)
    return program, second.activity, third


def test_the_correction_writes_version_two_with_the_reason(corrected):
    program, _, _ = corrected
    assert list(program.versions.values_list("number", "comment")) == [
        (1, "Утверждённая программа"),
        (2, "Добавить прогулку"),
    ]


def test_the_comparison_page_shows_what_changed(client_as, corrected):
    program, removed_activity, moved = corrected
    url = reverse("programs:program-compare", args=[program.pk])
    html = client_as("mentee").get(url, {"a": 1, "b": 2}).content.decode()
    assert "Версия 1 → версия 2" in html
    assert "Освоить режимные моменты и прогулку" in html
    fields = html.split('id="fields"')[1].split("</table>")[0]
    assert "Цель" in fields
    plan = html.split('id="plan-changes"')[1].split("</table>")[0]
    assert "добавлен" in plan and "Мастер-класс «Прогулка зимой»" in plan
    assert "удалён" in plan and removed_activity in plan
    changed_row = plan.split("изменён")[1].split("</tr>")[0]
    assert changed_row.count('class="table-warning"') == 1
    assert f"{moved.deadline:%d.%m.%Y}" in changed_row
    assert f"{moved.deadline - timedelta(days=7):%d.%m.%Y}" in changed_row


def test_the_comparison_page_survives_odd_input_and_single_versions(world, client_as, corrected):
    program, _, _ = corrected
    url = reverse("programs:program-compare", args=[program.pk])
    response = client_as("curator").get(url, {"a": "x", "b": "99"})
    assert response.status_code == 200 and "Версия 1 → версия 2" in response.content.decode()
    swapped = client_as("curator").get(url, {"a": 2, "b": 1}).content.decode()
    assert "Версия 1 → версия 2" in swapped
    lonely = program_with_plan(world.other_mentor.pairings.get(), S.RUNNING)
    lonely.versions.create(number=1, data={"items": []})
    page = client_as("curator").get(reverse("programs:program-compare", args=[lonely.pk])).content.decode()
    assert "Сравнивать пока нечего" in page
