"""The one guarded move every life cycle uses (core.lifecycle), on a plain object with a table."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models

from core.lifecycle import LifeCycle, Transition, guard, move


class Log:
    def __init__(self):
        self.rows = []

    def create(self, **row):
        self.rows.append(row)


class Thing(LifeCycle):
    class Status(models.TextChoices):
        DRAFT = "draft", "Черновик"
        SENT = "sent", "Отправлен"
        DONE = "done", "Готов"
        GONE = "gone", "Снят"

    S = Status
    TRANSITIONS = {
        (S.DRAFT, S.SENT): Transition("Отправить", frozenset({"curator"})),
        (S.SENT, S.DRAFT): Transition("Вернуть", frozenset({"head"}), needs_comment=True),
        (S.SENT, S.DONE): Transition("Принять", frozenset({"head"})),
        (S.DRAFT, S.GONE): Transition("Снять вместе с парой", frozenset()),
    }

    def __init__(self, status="draft"):
        self.status = status
        self.saved_by = []
        self.transitions = Log()
        self.note = ""

    def get_status_display(self):
        return self.Status(self.status).label

    def save(self):
        self.saved_by.append(getattr(self, "_history_user", "nobody"))


def test_a_move_of_the_table_sets_the_fields_saves_with_the_author_and_logs():
    thing = Thing()
    source = move(thing, Thing.Status.SENT, actor="curator-user", roles={"curator"}, comment=" к сроку ", note="x")
    assert (source, thing.status, thing.note) == ("draft", "sent", "x")
    assert thing.saved_by == ["curator-user"]
    assert not hasattr(thing, "_history_user")  # the author is not left on the object for a later save
    assert thing.transitions.rows == [
        {"source": "draft", "target": "sent", "actor": "curator-user", "comment": "к сроку"}
    ]


def test_a_move_not_in_the_table_is_refused_in_russian():
    with pytest.raises(ValidationError, match="Из состояния «Черновик» нельзя перейти в «Готов»"):
        guard(Thing(), Thing.Status.DONE, roles={"head"})


def test_a_role_not_in_the_row_is_refused_and_nothing_is_saved():
    thing = Thing()
    with pytest.raises(PermissionDenied):
        move(thing, Thing.Status.SENT, actor="head-user", roles={"head"})
    assert thing.status == "draft" and thing.saved_by == [] and thing.transitions.rows == []


def test_a_row_that_asks_for_a_comment_refuses_an_empty_one():
    with pytest.raises(ValidationError, match="Напишите комментарий"):
        guard(Thing("sent"), Thing.Status.DRAFT, roles={"head"}, comment="  ")
    guard(Thing("sent"), Thing.Status.DRAFT, roles={"head"}, comment="нет сроков")


def test_system_moves_are_rows_without_roles_and_never_buttons():
    thing = Thing()
    with pytest.raises(PermissionDenied):
        guard(thing, Thing.Status.GONE, roles={"curator", "head", "admin"})
    move(thing, Thing.Status.GONE, actor=None, roles=None, comment="пара прекращена")
    assert thing.status == "gone" and thing.saved_by == [None]
    assert [target for target, _ in Thing().buttons({"curator", "head", "admin"})] == ["sent"]
