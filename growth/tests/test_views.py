"""Every page of growth records and rewards for every role, and what the pages do. Growth records
are personal data: the person their own, the curator all (and edits), the head reads all, a mentor
reads his current mentees'; the council and the system administrator no one's but their own."""

from datetime import date

import pytest
from django.urls import reverse

from conftest import ROLES, expect
from growth.models import GrowthRecord, Kind, RewardProposal, RewardRule

from .conftest import pdf_upload

EVERYONE = {"head", "curator", "council", "mentor", "mentee", "admin", "norole"}
READ_MENTEE = {"head", "curator", "mentor", "mentee"}
READ_ALL = {"head", "curator"}
CURATOR = {"curator"}
HEAD = {"head"}
NOT_THEIRS = EVERYONE  # a record outside the user's scope is a 404 on the pages every employee opens


def matrix(ok, *, others_404=False, **kwargs):
    return expect(ok, not_found=(EVERYONE - set(ok)) if others_404 else frozenset(), **kwargs)


GET_PAGES = [
    ("my", lambda g: reverse("growth:my"), matrix(EVERYONE)),
    ("list", lambda g: reverse("growth:record-list"), matrix({"head", "curator", "mentor"})),
    ("create-choose", lambda g: reverse("growth:record-create"), matrix(EVERYONE)),
    ("create-course", lambda g: reverse("growth:record-create") + "?kind=course", matrix(EVERYONE)),
    ("detail-mentee", lambda g: g.mentee_record.get_absolute_url(), matrix(READ_MENTEE, others_404=True)),
    ("detail-other", lambda g: g.other_record.get_absolute_url(), matrix(READ_ALL, others_404=True)),
    (
        "scan-mentee",
        lambda g: reverse("growth:record-scan", args=[g.mentee_record.pk]),
        matrix(READ_MENTEE, others_404=True),
    ),
    (
        "scan-other",
        lambda g: reverse("growth:record-scan", args=[g.other_record.pk]),
        matrix(READ_ALL, others_404=True),
    ),
    # The person edits their own record until it is confirmed; the curator any record.
    (
        "update-proposed",
        lambda g: reverse("growth:record-update", args=[g.mentee_record.pk]),
        matrix({"mentee", "curator"}, others_404=True),
    ),
    (
        "update-confirmed",
        lambda g: reverse("growth:record-update", args=[g.mentor_record.pk]),
        matrix(CURATOR, others_404=True),
    ),
    ("rewards", lambda g: reverse("growth:rewards"), matrix(READ_ALL)),
    ("proposal-create", lambda g: reverse("growth:proposal-create"), matrix(CURATOR)),
    # The curator corrects a proposal the head returned; one waiting for the head is not hers to change.
    ("proposal-update", lambda g: reverse("growth:proposal-update", args=[g.returned.pk]), matrix(CURATOR)),
    (
        "proposal-update-waiting",
        lambda g: reverse("growth:proposal-update", args=[g.proposal.pk]),
        expect(set(), not_found=CURATOR),
    ),
    ("rule-create", lambda g: reverse("growth:rule-create"), matrix(CURATOR)),
    ("rule-scan", lambda g: reverse("growth:rule-scan", args=[RewardRule.objects.get().pk]), matrix(READ_ALL)),
    # Letters print only for an approved proposal: this one waits, so its readers go back to the rewards.
    (
        "letters-waiting",
        lambda g: reverse("growth:proposal-letters", args=[g.proposal.pk]),
        matrix(READ_ALL, ok_status=302),
    ),
    (
        "letters-docx-waiting",
        lambda g: reverse("growth:proposal-letters-docx", args=[g.proposal.pk]),
        matrix(READ_ALL, ok_status=302),
    ),
]

POSTS = [
    (
        "review",
        lambda g: reverse("growth:record-review", args=[g.mentee_record.pk]),
        {"target": "confirmed"},
        matrix(CURATOR, ok_status=302),
    ),
    (
        "delete-own",
        lambda g: reverse("growth:record-delete", args=[g.mentee_record.pk]),
        {"confirmed": "1"},
        matrix({"mentee", "curator"}, ok_status=302, others_404=True),
    ),
    (
        "approve",
        lambda g: reverse("growth:proposal-approve", args=[g.proposal.pk]),
        {"confirmed": "1"},
        matrix(HEAD, ok_status=302),
    ),
    (
        "proposal-update",
        lambda g: reverse("growth:proposal-update", args=[g.returned.pk]),
        lambda g: {"mentors": [g.returned.mentors.get().pk], "reward_kind": "gratitude", "reason": "За программу"},
        matrix(CURATOR, ok_status=302),
    ),
    (
        "move",
        lambda g: reverse("growth:proposal-move", args=[g.proposal.pk]),
        {"comment": "Уточните основание", "confirmed": "1"},
        matrix({"head", "curator"}, ok_status=302),
    ),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "url", "statuses"), GET_PAGES, ids=[page[0] for page in GET_PAGES])
def test_every_page_for_every_role(growth, client_as, role, name, url, statuses):
    response = client_as(role).get(url(growth))
    assert response.status_code == statuses[role], (name, role)
    if role == "anonymous":
        assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "url", "data", "statuses"), POSTS, ids=[post[0] for post in POSTS])
def test_every_action_for_every_role(growth, client_as, role, name, url, data, statuses):
    response = client_as(role).post(url(growth), data(growth) if callable(data) else data)
    assert response.status_code == statuses[role], (name, role)


def test_a_login_without_a_staff_record_has_no_achievements_page(client, django_user_model):
    user = django_user_model.objects.create_user(username="lonely", password="x")
    client.force_login(user)
    response = client.get(reverse("growth:my"))
    assert response.status_code == 403


def test_the_mentor_reads_only_his_current_mentees_records(growth, world, client_as):
    page = client_as("mentor").get(reverse("growth:record-list")).content.decode()
    assert "Открытый показ: утренний круг" in page  # his mentee's
    assert "Наставничество в ДОО" in page  # his own
    assert "Воспитатель года" not in page  # a stranger's


def test_the_person_adds_a_record_that_waits_for_the_curator(world, client_as):
    client = client_as("norole")
    response = client.post(
        reverse("growth:record-create") + "?kind=course",
        {
            "title": "Первая помощь",
            "organizer": "Учебный центр",
            "hours": "16",
            "date": "2025-05-20",
            "scan": pdf_upload(),
        },
    )
    record = GrowthRecord.objects.get(title="Первая помощь")
    assert response.status_code == 302 and response["Location"] == record.get_absolute_url()
    assert record.person == world.person("norole")
    assert record.status == GrowthRecord.Status.PROPOSED and record.scan
    assert record.created_by == world.users["norole"]


def test_bad_input_keeps_what_was_typed_with_a_russian_reason(world, client_as):
    response = client_as("mentee").post(
        reverse("growth:record-create") + "?kind=course",
        {"title": "Курсы по ФОП ДО", "organizer": "", "hours": "0", "started_on": "2025-06-10", "date": "2025-06-01"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Курсы по ФОП ДО" in page  # what was typed stays
    assert "Обучение не может начаться позже, чем закончилось." in page or "Обязательное поле" in page
    assert not GrowthRecord.objects.exists()


def test_the_curator_adds_a_record_for_anyone_confirmed_at_once(world, client_as):
    response = client_as("curator").post(
        reverse("growth:record-create") + "?kind=certification",
        {"person": world.other_person.pk, "category": "first", "date": "2025-02-28", "document_number": "№ 45-Д"},
    )
    record = GrowthRecord.objects.get(person=world.other_person)
    assert response.status_code == 302
    assert record.status == GrowthRecord.Status.CONFIRMED and record.confirmed_by == world.users["curator"]
    assert record.summary == "Квалификационная категория: первая"


def test_a_person_cannot_name_someone_else_and_cannot_edit_a_confirmed_record(growth, world, client_as):
    client = client_as("mentee")
    client.post(
        reverse("growth:record-create") + "?kind=publication",
        {"person": world.other_person.pk, "title": "Статья", "organizer": "Сборник", "date": "2025-05-01"},
    )
    assert GrowthRecord.objects.get(title="Статья").person == world.mentee.person  # the field is not theirs to set
    growth.mentee_record.status = GrowthRecord.Status.CONFIRMED
    growth.mentee_record.save()
    assert client.get(reverse("growth:record-update", args=[growth.mentee_record.pk])).status_code == 404


def test_returned_with_a_comment_corrected_and_sent_again(growth, client_as):
    record = growth.mentee_record
    curator = client_as("curator")
    curator.post(reverse("growth:record-review", args=[record.pk]), {"target": "returned", "comment": ""})
    record.refresh_from_db()
    assert record.status == GrowthRecord.Status.PROPOSED  # no comment, no return
    curator.post(reverse("growth:record-review", args=[record.pk]), {"target": "returned", "comment": "Уточните тему"})
    record.refresh_from_db()
    assert record.status == GrowthRecord.Status.RETURNED and record.review_comment == "Уточните тему"
    mentee = client_as("mentee")
    assert "Куратор вернул ваши достижения" in mentee.get(reverse("dashboard:home")).content.decode()
    mentee.post(
        reverse("growth:record-update", args=[record.pk]),
        {"title": "Открытый показ: утренний круг в младшей группе", "level": "kindergarten", "date": "2025-10-15"},
    )
    record.refresh_from_db()
    assert record.status == GrowthRecord.Status.PROPOSED and record.title.endswith("в младшей группе")
    client_as("curator").post(reverse("growth:record-review", args=[record.pk]), {"target": "confirmed"})
    record.refresh_from_db()
    assert record.status == GrowthRecord.Status.CONFIRMED


def test_the_person_card_shows_growth_to_the_head_and_the_curator_only(growth, world, client_as):
    url = reverse("people:person-detail", args=[world.mentor.person.pk])
    assert "Профессиональный рост" in client_as("head").get(url).content.decode()
    assert "Профессиональный рост" in client_as("curator").get(url).content.decode()
    for role in ("council", "admin"):
        response = client_as(role).get(url)
        assert response.status_code == 200 and "Профессиональный рост" not in response.content.decode()


def test_the_rule_keeps_earlier_versions(growth, client_as):
    client = client_as("curator")
    response = client.post(
        reverse("growth:rule-create"), {"text": "Новая редакция: премия за конкурс.", "effective_from": "2026-09-01"}
    )
    assert response.status_code == 302
    assert RewardRule.objects.count() == 2
    page = client_as("head").get(reverse("growth:rewards")).content.decode()
    assert "Новая редакция: премия за конкурс." in page and "Прежние редакции (1)" in page


def test_a_bonus_without_an_amount_is_refused_and_the_form_keeps_the_reason(world, client_as):
    response = client_as("curator").post(
        reverse("growth:proposal-create"),
        {"mentors": [world.mentor.pk], "reward_kind": "bonus", "amount": "", "reason": "За конкурс"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Укажите размер премии в рублях." in page and "За конкурс" in page
    assert not RewardProposal.objects.exists()


def test_kinds_that_are_not_offered_choose_again(world, client_as):
    response = client_as("mentee").get(reverse("growth:record-create") + "?kind=%00bad")
    assert response.status_code == 200 and "Что добавить?" in response.content.decode()
    assert Kind.COURSE.label in response.content.decode()


def test_future_dates_are_refused_except_for_courses(world, client_as):
    response = client_as("mentee").post(
        reverse("growth:record-create") + "?kind=contest",
        {"title": "Конкурс", "level": "regional", "date": date(2099, 1, 1).isoformat()},
    )
    assert "Дата ещё не наступила" in response.content.decode()


def test_the_form_tells_the_curator_her_record_is_confirmed_at_once_and_the_others_it_waits(world, client_as):
    url = reverse("growth:record-create") + "?kind=course"
    assert "Что вносит куратор, сразу подтверждено." in client_as("curator").get(url).content.decode()
    for role in ("mentee", "head", "council"):
        page = client_as(role).get(url).content.decode()
        assert "После сохранения запись уйдёт куратору на подтверждение." in page and "сразу подтверждено" not in page


def test_the_head_is_told_what_approving_a_reward_does_first(growth, client_as):
    page = client_as("head").post(reverse("growth:proposal-approve", args=[growth.proposal.pk])).content.decode()
    assert "Будет подготовлен проект приказа «О поощрении наставников»" in page
    growth.proposal.refresh_from_db()
    assert growth.proposal.status == growth.proposal.Status.PROPOSED


def test_deleting_a_record_asks_first_without_a_script(growth, client_as):
    record = growth.mentee_record
    page = client_as("mentee").get(record.get_absolute_url()).content.decode()
    assert "onsubmit" not in page and ">Удалить запись</a>" in page
    url = reverse("growth:record-delete", args=[record.pk])
    confirm = client_as("mentee").get(url).content.decode()
    assert "будет удалена" in confirm and ">Удалить запись</button>" in confirm
    assert type(record).objects.filter(pk=record.pk).exists()
    client_as("mentee").post(url, {"confirmed": "1"})
    assert not type(record).objects.filter(pk=record.pk).exists()
