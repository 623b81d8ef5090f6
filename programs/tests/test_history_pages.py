"""The history pages of a program (with its plan), of a logged activity (with its evidence files), of
a one-off meeting (with whom too) and of a request for release from duty: the changes in words, the
files' part only for those who open the files, and a cost in queries that does not grow with the
history. Who opens the pages at all: the role matrices of test_program_views.py and
test_logging_access.py."""

from datetime import timedelta
from importlib import import_module

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from conftest import page_text, queries_of
from core.tests.files import jpeg_with_exif
from mentorship.models import MentoringForm

from ..models import Evidence, Meeting, ReleaseRequest
from ..services.releases import release_refuse, release_request
from .factories import program_in_work
from .test_logging_evidence import post_record, upload


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def program(world):
    return program_in_work(world.pairing, due=2)


def test_the_program_page_links_to_its_history(world, client_as, program):
    text = page_text(client_as("mentee"), program.get_absolute_url())
    assert reverse("programs:program-history", args=[program.pk]) in text


def test_a_plan_item_mark_reads_in_words(world, client_as, program):
    item = program.items.order_by("position").first()
    item.done_on = timezone.localdate()
    item.done_note = "Провели вместе с родителями"
    item._history_user = world.users["curator"]
    item.save()

    text = page_text(client_as("mentee"), reverse("programs:program-history", args=[program.pk]))
    assert f"План: пункт {item.position} «{item.activity[:60]}»" in text
    assert f"выполнено: «{item.done_on:%d.%m.%Y}»" in text
    assert "отметка о выполнении: «Провели вместе с родителями»" in text
    assert "Морозова И.И., " in text


def test_the_program_history_costs_the_same_however_long(world, client_as, program):
    url = reverse("programs:program-history", args=[program.pk])
    client = client_as("curator")
    few = queries_of(client, url)
    for n, item in enumerate(program.items.all()):
        item.responsible = f"Старший воспитатель № {n}"
        item._history_user = world.users["curator"]
        item.save()
    program.strengths = "Творческий подход"
    program._history_user = world.users["mentor"]
    program.save()
    # Session, user, roles, the program; its rows and its plan's with their authors; the names; the
    # title names the pair by both sides (its mentor, its mentees).
    assert few == 13
    assert queries_of(client, url) == few
    assert "→ «Творческий подход»" in page_text(client, url)


def test_evidence_added_and_removed_reads_in_words_for_those_who_open_the_files(world, client_as, program):
    post_record(client_as("mentor"), program, [upload("утро.jpg", jpeg_with_exif(), "image/jpeg")])
    evidence = Evidence.objects.get()
    url = reverse("programs:record-history", args=[evidence.record_id])
    text = page_text(client_as("mentee"), url)
    assert "Подтверждающий файл: «утро.jpg»" in text
    assert "файл: файл загружен" in text
    assert "Петрова С.И., " in text

    response = client_as("mentor").post(reverse("programs:evidence-delete", args=[evidence.pk]))
    assert response.status_code == 302
    assert "удаление" in page_text(client_as("curator"), url)
    # The council reads the activity, not its files (nor that there were any).
    council = page_text(client_as("council"), url)
    assert "что сделано: «Взаимопосещение: утренний круг»" in council
    assert "утро.jpg" not in council and "Подтверждающий файл" not in council


def test_the_activity_history_costs_the_same_however_many_files(world, client_as, program):
    post_record(client_as("mentor"), program, [upload("утро.jpg", jpeg_with_exif(), "image/jpeg")])
    record = Evidence.objects.get().record
    url = reverse("programs:record-history", args=[record.pk])
    client = client_as("mentee")
    few = queries_of(client, url)
    for n in range(4):
        Evidence.objects.create(
            record=record, file=f"evidence/{n}.jpg", original_name=f"{n}.jpg", kind="photo", size=10
        )
    assert queries_of(client, url) == few


# --- one-off meetings ----------------------------------------------------------------------------------


def post_meeting(client, world, participants, *, meeting=None, topic="Адаптация ребёнка в группе", result=""):
    url = reverse("programs:meeting-update", args=[meeting.pk]) if meeting else reverse("programs:meeting-create")
    response = client.post(
        url,
        {
            "held_on": timezone.localdate().isoformat(),
            "participants": [person.pk for person in participants],
            "form": MentoringForm.objects.get(name="Ситуационное").pk,
            "topic": topic,
            "result": result,
        },
    )
    assert response.status_code == 302
    return meeting or Meeting.objects.latest("pk")


def test_a_meetings_history_tells_who_was_there_and_what_was_corrected(world, client_as):
    meeting = post_meeting(client_as("mentor"), world, [world.other_person])
    post_meeting(
        client_as("mentor"), world, [world.other_person, world.mentee.person], meeting=meeting, result="Памятка"
    )
    url = reverse("programs:meeting-history", args=[meeting.pk])
    text = page_text(client_as("curator"), url)
    assert "Петрова С.И., " in text
    assert "с кем: «Семёнова Дарья Игоревна»" in text
    assert "вопрос, тема: «Адаптация ребёнка в группе»" in text
    assert "результат: «Памятка»" in text
    # The correction is one entry: its people and its result together.
    correction = text.split('class="history-entry')[1]
    assert "с кем «Семёнова Дарья Игоревна» → «Иванова Анна Ивановна, Семёнова Дарья Игоревна»" in correction
    assert "результат: «Памятка»" in correction
    # The curator goes back to the list, which links here; the mentor to the meeting's form.
    assert f'href="{reverse("programs:meeting-list")}"' in text
    assert url in page_text(client_as("curator"), reverse("programs:meeting-list"))
    form_url = reverse("programs:meeting-update", args=[meeting.pk])
    assert f'href="{form_url}"' in page_text(client_as("mentor"), url)
    assert url in page_text(client_as("mentor"), form_url)


def test_a_meetings_history_costs_the_same_however_long(world, client_as):
    meeting = post_meeting(client_as("mentor"), world, [world.other_person])
    url = reverse("programs:meeting-history", args=[meeting.pk])
    few = queries_of(client_as("head"), url)
    for n in range(4):
        people = [world.other_person, world.mentee.person] if n % 2 else [world.other_person]
        post_meeting(client_as("mentor"), world, people, meeting=meeting, topic=f"Адаптация ребёнка, встреча {n}")
    # Session, user, roles; the meeting as the list reads it (with its participants); its rows with
    # their authors, with whom at each row; the names of the mentor, the form, the people; the head's
    # queue in the menu.
    assert few == 12
    assert queries_of(client_as("head"), url) == few


# --- requests for release from duty -------------------------------------------------------------------


def ask_and_refuse(world, program) -> ReleaseRequest:
    release = release_request(
        program=program,
        item=None,
        event="Открытый показ",
        date=timezone.localdate() + timedelta(days=7),
        hours=2,
        substitute=None,
        actor=world.users["mentee"],
    ).obj
    release_refuse(release=release, comment="Некем заменить в этот день", actor=world.users["head"])
    return release


def test_a_releases_history_tells_who_asked_and_who_decided(world, client_as, program):
    release = ask_and_refuse(world, program)
    url = reverse("programs:release-history", args=[release.pk])
    text = page_text(client_as("mentor"), url)
    assert "Иванова А.И., " in text and "Соколова Е.И., " in text
    assert "мероприятие программы: «Открытый показ»" in text
    assert "состояние «На рассмотрении» → «Отказано»" in text
    assert "комментарий руководителя: «Некем заменить в этот день»" in text
    assert f'href="{reverse("programs:release-list")}"' in text
    assert url in page_text(client_as("mentee"), reverse("programs:release-list"))


def test_a_releases_history_costs_the_same_however_long(world, client_as, program):
    release = release_request(
        program=program,
        item=None,
        event="Открытый показ",
        date=timezone.localdate() + timedelta(days=7),
        hours=2,
        substitute=None,
        actor=world.users["mentee"],
    ).obj
    url = reverse("programs:release-history", args=[release.pk])
    few = queries_of(client_as("curator"), url)
    for n in range(4):
        release.event = f"Открытый показ, часть {n}"
        release._history_user = world.users["mentee"]
        release.save()
    release_refuse(release=release, comment="Нет замены", actor=world.users["head"])
    assert queries_of(client_as("curator"), url) == few


def test_meetings_logged_before_their_participants_were_kept_read_without_a_false_change(world, client_as):
    meeting = post_meeting(client_as("mentor"), world, [world.other_person])
    post_meeting(client_as("mentor"), world, [world.other_person], meeting=meeting, result="Памятка")
    participants = Meeting.history.model._history_m2m_fields[0]
    kept = Meeting.history.model.__dict__[participants.name].model
    kept.objects.all().delete()  # as before the migration that began keeping them
    import_module("programs.migrations.0008_meeting_participants_known_so_far").fill_in(apps, None)
    post_meeting(client_as("mentor"), world, [world.other_person], meeting=meeting, result="Памятка и план")
    text = page_text(client_as("curator"), reverse("programs:meeting-history", args=[meeting.pk]))
    # Known from the meeting as it is now, they read as there from the start (the last entry, its
    # creation), not as added by the first edit after the migration.
    assert text.count("с кем") == 1
    assert "с кем: «Семёнова Дарья Игоревна»" in text.rsplit("создание", 1)[1]


def test_a_new_meeting_is_one_entry_with_whom(world, client_as):
    meeting = post_meeting(client_as("mentor"), world, [world.other_person])
    text = page_text(client_as("curator"), reverse("programs:meeting-history", args=[meeting.pk]))
    entries = text.split('class="history-entry')[1:]
    assert len(entries) == 1
    assert "создание" in entries[0] and "с кем: «Семёнова Дарья Игоревна»" in entries[0]
