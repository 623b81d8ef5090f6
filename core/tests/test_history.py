"""core.history: stored values into words, hidden fields, files as words, and one query per kind of
thing however long the history. Told on a mentor's bank record (the root conftest's world), whose
model keeps a many-to-many field and a file in its history."""

from datetime import timedelta
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.history import EMPTY, FILE_ATTACHED, FILE_REPLACED, HIDDEN, Change, Source, entries


def changes_of(entry) -> dict:
    return {change.label: (change.old, change.new) for change in entry.changes}


def save(record, user, **fields):
    for name, value in fields.items():
        setattr(record, name, value)
    record._history_user = user
    record.save()


def test_a_change_reads_as_words():
    assert Change("должность", "воспитатель", "старший воспитатель").words == (
        "должность «воспитатель» → «старший воспитатель»"
    )
    assert Change("телефон", EMPTY, "8 900 000-00-00").words == "телефон: «8 900 000-00-00»"
    assert Change("примечание", "было", EMPTY).words == "примечание «было» → —"
    assert Change("затруднения", HIDDEN, HIDDEN).words == "затруднения: скрыто"
    assert Change("скан", FILE_ATTACHED, FILE_REPLACED).words == "скан файл загружен → загружен другой файл"


def test_values_read_by_their_labels_names_and_dates(world):
    mentor, curator = world.mentor, world.users["curator"]
    # A day before: «the 1st of the month» is no change on the 1st (the test failed after midnight).
    save(mentor, curator, capacity=2, is_active=False, added_on=mentor.added_on - timedelta(days=1))
    (latest, *_) = entries([Source("Банк наставников", type(mentor).history.filter(id=mentor.pk))])
    assert latest.who == "Морозова И.И."
    assert latest.action == "Изменение"
    assert latest.subject == "Банк наставников"
    changes = changes_of(latest)
    assert changes["наставляемых одновременно"] == (EMPTY, "2")
    assert changes["в банке наставников"] == ("да", "нет")
    assert changes["включён в банк"][1] == mentor.added_on.strftime("%d.%m.%Y")


def test_hidden_fields_read_hidden_and_their_values_never_show(world):
    mentor, curator = world.mentor, world.users["curator"]
    save(mentor, curator, salary=Decimal("41000.00"))
    source = Source("Банк наставников", type(mentor).history.filter(id=mentor.pk), hidden=frozenset({"salary"}))
    latest = entries([source])[0]
    assert changes_of(latest) == {"должностной оклад, руб.": (HIDDEN, HIDDEN)}


def test_a_replaced_file_is_told_without_its_name(world):
    mentor, curator = world.mentor, world.users["curator"]
    save(mentor, curator, consent_scan="consents/первый.pdf")
    save(mentor, curator, consent_scan="consents/второй.pdf")
    replaced, attached, *_ = entries([Source("Банк", type(mentor).history.filter(id=mentor.pk))])
    assert changes_of(replaced) == {"скан согласия на обработку персональных данных": (FILE_ATTACHED, FILE_REPLACED)}
    assert changes_of(attached) == {"скан согласия на обработку персональных данных": (EMPTY, FILE_ATTACHED)}


def test_many_to_many_authors_and_names_cost_the_same_however_long(world):
    mentor, curator, head = world.mentor, world.users["curator"], world.users["head"]
    directions = type(mentor).directions.field.related_model.objects.order_by("pk")
    source = Source("Банк", type(mentor).history.filter(id=mentor.pk))

    mentor.directions.set(directions[:1])
    with CaptureQueriesContext(connection) as few:
        entries([source])
    for size in range(2, 6):
        save(mentor, head if size % 2 else curator, capacity=size)
        mentor.directions.set(directions[:size])
    with CaptureQueriesContext(connection) as more:
        told = entries([source])
    # The rows with their authors, the directions at each row, the names of the person and the directions.
    assert len(few) == 4
    assert len(more) == len(few)
    assert {entry.who for entry in told} >= {"Морозова И.И.", "Соколова Е.И."}
    named = [changes_of(entry)["направления"] for entry in told if "направления" in changes_of(entry)]
    assert (directions[0].name, ", ".join(sorted(d.name for d in directions[:2]))) in named


def test_a_row_that_changed_nothing_is_left_out(world):
    mentor, curator = world.mentor, world.users["curator"]
    save(mentor, curator, capacity=3)
    save(mentor, curator)  # saved as it was
    told = entries([Source("Банк", type(mentor).history.filter(id=mentor.pk))])
    assert type(mentor).history.filter(id=mentor.pk).count() == len(told) + 1
    assert all(entry.changes for entry in told)
