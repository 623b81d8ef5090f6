"""Every page for every role, and what the pages do: the curator drafts and sends, the head
decides from the queue, the curator marks execution; forms keep what was typed."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import ROLES
from conftest import expect as role_matrix
from mentorship.tests.factories import PartnerFactory
from records.models import Order
from roadmap.models import Activity, Roadmap, Stage
from roadmap.services import BASIS_BLANK

from .conftest import YEAR

S = Roadmap.Status
READERS = {"head", "curator", "council", "admin"}
CURATOR = {"curator"}


def expect(ok: set[str], **kwargs) -> dict:
    """The shared role matrix; anonymous checked as a redirect to the login page."""
    return role_matrix(ok, anonymous="login", **kwargs)


def first_activity(roadmap) -> Activity:
    return Activity.objects.filter(stage__roadmap=roadmap).order_by("stage__number", "number").first()


# (name, fixture with the roadmap, how to build the URL, expected status per role)
PAGES = [
    ("list", "draft", lambda r: reverse("roadmap:list"), expect(READERS)),
    ("create", "draft", lambda r: reverse("roadmap:create"), expect(CURATOR)),
    ("detail-draft", "draft", lambda r: reverse("roadmap:detail", args=[r.pk]), expect(READERS)),
    ("detail-approved", "approved", lambda r: reverse("roadmap:detail", args=[r.pk]), expect(READERS)),
    ("pdf", "draft", lambda r: reverse("roadmap:pdf", args=[r.pk]), expect(READERS)),
    ("annex", "approved", lambda r: reverse("roadmap:annex", args=[r.pk]), expect(READERS)),
    ("delete", "draft", lambda r: reverse("roadmap:delete", args=[r.pk]), expect(CURATOR)),
    ("stage-create", "draft", lambda r: reverse("roadmap:stage-create", args=[r.pk]), expect(CURATOR)),
    ("stage-update", "draft", lambda r: reverse("roadmap:stage-update", args=[r.stages.first().pk]), expect(CURATOR)),
    ("stage-delete", "draft", lambda r: reverse("roadmap:stage-delete", args=[r.stages.first().pk]), expect(CURATOR)),
    ("activity-create", "draft", lambda r: reverse("roadmap:activity-create", args=[r.pk]), expect(CURATOR)),
    (
        "activity-update",
        "draft",
        lambda r: reverse("roadmap:activity-update", args=[first_activity(r).pk]),
        expect(CURATOR),
    ),
    (
        "activity-delete",
        "draft",
        lambda r: reverse("roadmap:activity-delete", args=[first_activity(r).pk]),
        expect(CURATOR),
    ),
    (
        "activity-mark",
        "approved",
        lambda r: reverse("roadmap:activity-mark", args=[first_activity(r).pk]),
        expect(CURATOR),
    ),
    # What may not change any more is not found, for the curator too.
    (
        "edit-approved",
        "approved",
        lambda r: reverse("roadmap:activity-update", args=[first_activity(r).pk]),
        expect(set(), not_found=frozenset(CURATOR)),
    ),
    (
        "stage-approved",
        "approved",
        lambda r: reverse("roadmap:stage-create", args=[r.pk]),
        expect(set(), not_found=frozenset(CURATOR)),
    ),
    (
        "delete-approved",
        "approved",
        lambda r: reverse("roadmap:delete", args=[r.pk]),
        expect(set(), not_found=frozenset(CURATOR)),
    ),
    (
        "mark-draft",
        "draft",
        lambda r: reverse("roadmap:activity-mark", args=[first_activity(r).pk]),
        expect(set(), not_found=frozenset(CURATOR)),
    ),
]


def check(response, expected):
    if expected == "login":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    else:
        assert response.status_code == expected


@pytest.mark.parametrize(("name", "fixture", "url", "statuses"), PAGES, ids=[case[0] for case in PAGES])
@pytest.mark.parametrize("role", ROLES)
def test_page_by_role(request, client_as, name, fixture, url, statuses, role):
    roadmap = request.getfixturevalue(fixture)
    check(client_as(role).get(url(roadmap)), statuses[role])


def roadmap_of_a_partner():
    return Roadmap.objects.create(organization=PartnerFactory(), start_year=YEAR)


@pytest.mark.parametrize("role", sorted(READERS))
def test_a_roadmap_of_another_organization_is_not_found(world, client_as, role):
    other = roadmap_of_a_partner()
    assert client_as(role).get(reverse("roadmap:detail", args=[other.pk])).status_code == 404
    assert client_as(role).get(reverse("roadmap:pdf", args=[other.pk])).status_code == 404


# POST actions: (name, fixture, url, data, roles that may, the state it should leave)
ACTIONS = [
    (
        "send",
        "draft",
        lambda r: reverse("roadmap:move", args=[r.pk]),
        {"target": S.AWAITING_APPROVAL},
        {"curator"},
        S.AWAITING_APPROVAL,
    ),
    # The head's approval writes the project of the order; the roadmap is approved when it is registered.
    (
        "approve",
        "sent",
        lambda r: reverse("roadmap:approve", args=[r.pk]),
        {"confirmed": "1"},
        {"head"},
        S.AWAITING_APPROVAL,
    ),
    (
        "return",
        "sent",
        lambda r: reverse("roadmap:return", args=[r.pk]),
        {"comment": "Уточните сроки", "confirmed": "1"},
        {"head"},
        S.RETURNED,
    ),
    ("delete", "draft", lambda r: reverse("roadmap:delete", args=[r.pk]), {}, {"curator"}, None),
]


@pytest.fixture
def sent(draft, send):
    return send(draft)


@pytest.mark.parametrize(("name", "fixture", "url", "data", "allowed", "after"), ACTIONS, ids=[a[0] for a in ACTIONS])
@pytest.mark.parametrize("role", ROLES)
def test_action_by_role(request, client_as, name, fixture, url, data, allowed, after, role):
    roadmap = request.getfixturevalue(fixture)
    before = roadmap.status
    response = client_as(role).post(url(roadmap), data)
    if role == "anonymous":
        check(response, "login")
    elif role in allowed:
        assert response.status_code == 302
        if after is None:
            assert not Roadmap.objects.filter(pk=roadmap.pk).exists()
        else:
            assert Roadmap.objects.get(pk=roadmap.pk).status == after
        if name == "approve":
            project = Roadmap.objects.get(pk=roadmap.pk).order
            assert project.is_draft and response["Location"] == project.get_absolute_url()
        return
    else:
        assert response.status_code == 403
    assert Roadmap.objects.get(pk=roadmap.pk).status == before
    assert not Order.objects.filter(kind="roadmap").exists()


@pytest.mark.parametrize("role", ROLES)
def test_unmark_by_role(world, client_as, approved, role):
    activity = first_activity(approved)
    Activity.objects.filter(pk=activity.pk).update(done_on=timezone.localdate(), done_note="Да")
    response = client_as(role).post(reverse("roadmap:activity-unmark", args=[activity.pk]), {"confirmed": "1"})
    activity.refresh_from_db()
    if role == "curator":
        assert response.status_code == 302 and activity.done_on is None
    else:
        check(response, "login" if role == "anonymous" else 403)
        assert activity.done_on is not None


class TestCuratorPages:
    def test_the_list_offers_to_make_a_roadmap_only_to_the_curator(self, client_as, draft):
        page = client_as("curator").get(reverse("roadmap:list")).content.decode()
        assert f"{YEAR}/{YEAR + 1}" in page and "Составить дорожную карту" in page
        assert "Составить дорожную карту" not in client_as("head").get(reverse("roadmap:list")).content.decode()

    def test_the_next_year_is_made_as_a_copy_of_this_one(self, client_as, approved):
        client = client_as("curator")
        page = client.get(reverse("roadmap:create")).content.decode()
        assert f"Копия дорожной карты на {YEAR}/{YEAR + 1}" in page
        response = client.post(reverse("roadmap:create"), {"start_year": YEAR + 1, "basis": f"copy:{approved.pk}"})
        copy = Roadmap.objects.get(start_year=YEAR + 1)
        assert response.status_code == 302 and response["Location"] == copy.get_absolute_url()
        assert copy.copied_from == approved
        assert first_activity(copy).ends_on.year == first_activity(approved).ends_on.year + 1

    def test_a_refused_year_keeps_the_form(self, client_as, draft):
        response = client_as("curator").post(reverse("roadmap:create"), {"start_year": YEAR, "basis": "typical"})
        assert response.status_code == 200
        assert "Выберите корректный вариант" in response.content.decode()
        assert Roadmap.objects.count() == 1

    def test_when_both_years_exist_the_page_says_so(self, client_as, draft, make):
        make(YEAR + 1)
        page = client_as("curator").get(reverse("roadmap:create")).content.decode()
        assert "уже есть" in page and 'name="start_year"' not in page

    def test_an_activity_is_added_and_a_wrong_date_keeps_what_was_typed(self, client_as, draft):
        client = client_as("curator")
        stage = draft.stages.get(number=4)
        url = reverse("roadmap:activity-create", args=[draft.pk])
        assert f'value="{stage.pk}" selected' in client.get(url, {"stage": stage.pk}).content.decode()
        typed = {
            "stage": stage.pk,
            "text": "Семинар «Наставник в детском саду»",
            "starts_on": f"{YEAR}-08-01",
            "ends_on": f"{YEAR}-11-20",
            "responsible": "Старший воспитатель",
            "expected_result": "Наставники обучены",
        }
        response = client.post(url, typed)
        page = response.content.decode()
        assert response.status_code == 200
        assert "Начало — в пределах" in page and "Семинар «Наставник в детском саду»" in page
        assert "Старший воспитатель" in page
        response = client.post(url, {**typed, "starts_on": f"{YEAR}-11-10"})
        added = stage.activities.get(text="Семинар «Наставник в детском саду»")
        assert response.status_code == 302 and response["Location"].endswith(f"#activity-{added.pk}")
        assert added.number == 3

    def test_an_activity_moves_to_another_stage_from_its_form(self, client_as, draft):
        activity = first_activity(draft)
        target = draft.stages.get(number=8)
        client_as("curator").post(
            reverse("roadmap:activity-update", args=[activity.pk]),
            {
                "stage": target.pk,
                "text": activity.text,
                "starts_on": "",
                "ends_on": activity.ends_on.isoformat(),
                "responsible": activity.responsible,
                "expected_result": activity.expected_result,
            },
        )
        activity.refresh_from_db()
        assert activity.stage == target and activity.starts_on is None

    def test_a_stage_of_another_roadmap_is_not_offered(self, client_as, draft, make):
        other = make(YEAR + 1)
        response = client_as("curator").post(
            reverse("roadmap:activity-create", args=[draft.pk]),
            {
                "stage": other.stages.first().pk,
                "text": "Чужой этап",
                "ends_on": f"{YEAR}-10-01",
                "responsible": "Куратор",
                "expected_result": "—",
            },
        )
        assert response.status_code == 200 and not Activity.objects.filter(text="Чужой этап").exists()

    def test_stages_are_added_renamed_and_deleted(self, client_as, make):
        roadmap = make(basis=BASIS_BLANK)
        client = client_as("curator")
        client.post(reverse("roadmap:stage-create", args=[roadmap.pk]), {"title": "Сетевое взаимодействие"})
        stage = roadmap.stages.get(number=9)
        client.post(reverse("roadmap:stage-update", args=[stage.pk]), {"title": "Сетевое взаимодействие с партнёрами"})
        assert Stage.objects.get(pk=stage.pk).title == "Сетевое взаимодействие с партнёрами"
        client.post(reverse("roadmap:stage-delete", args=[roadmap.stages.first().pk]))
        assert roadmap.stages.count() == 8 and roadmap.stages.first().title.startswith("Формирование банка")

    def test_an_activity_is_deleted_after_confirmation(self, client_as, draft):
        activity = first_activity(draft)
        client = client_as("curator")
        assert activity.text[:30] in client.get(reverse("roadmap:activity-delete", args=[activity.pk])).content.decode()
        client.post(reverse("roadmap:activity-delete", args=[activity.pk]))
        assert not Activity.objects.filter(pk=activity.pk).exists()

    def test_sending_an_empty_stage_is_refused_with_the_reason(self, client_as, make):
        roadmap = make(basis=BASIS_BLANK)
        response = client_as("curator").post(
            reverse("roadmap:move", args=[roadmap.pk]), {"target": S.AWAITING_APPROVAL}, follow=True
        )
        assert "нет мероприятий" in response.content.decode()
        assert Roadmap.objects.get(pk=roadmap.pk).status == S.DRAFT

    def test_the_curator_marks_execution_and_a_future_date_keeps_the_form(self, client_as, approved):
        activity = first_activity(approved)
        client = client_as("curator")
        url = reverse("roadmap:activity-mark", args=[activity.pk])
        tomorrow = timezone.localdate() + timedelta(days=1)
        response = client.post(url, {"done_on": tomorrow.isoformat(), "note": "Протокол МО № 2"})
        assert response.status_code == 200
        page = response.content.decode()
        assert "позже сегодняшней" in page and "Протокол МО № 2" in page
        client.post(url, {"done_on": timezone.localdate().isoformat(), "note": "Протокол МО № 2"})
        activity.refresh_from_db()
        assert activity.done_on == timezone.localdate() and activity.done_note == "Протокол МО № 2"
        page = client.get(approved.get_absolute_url()).content.decode()
        assert f"выполнено {timezone.localdate():%d.%m.%Y}" in page


class TestDetailPage:
    def test_buttons_follow_the_role_and_the_state(self, client_as, draft, send):
        page = client_as("curator").get(draft.get_absolute_url()).content.decode()
        assert "Отправить руководителю" in page and "+ мероприятие в этап 1" in page and "Удалить черновик" in page
        page = client_as("head").get(draft.get_absolute_url()).content.decode()
        assert "Отправить руководителю" not in page and "+ мероприятие" not in page
        send(draft)
        page = client_as("curator").get(draft.get_absolute_url()).content.decode()
        assert "Забрать на доработку" in page and "+ мероприятие" not in page and "Удалить черновик" not in page
        page = client_as("head").get(draft.get_absolute_url()).content.decode()
        assert "Утвердить приказом" in page and "Вернуть куратору" in page
        page = client_as("council").get(draft.get_absolute_url()).content.decode()
        assert "Утвердить приказом" not in page and "Забрать на доработку" not in page

    def test_a_draft_taken_back_from_the_head_offers_no_delete(self, client_as, draft, send):
        send(draft)
        response = client_as("curator").post(reverse("roadmap:move", args=[draft.pk]), {"target": S.DRAFT})
        assert Roadmap.objects.get(pk=draft.pk).status == S.DRAFT
        page = client_as("curator").get(response["Location"]).content.decode()
        assert "Удалить черновик" not in page and "+ мероприятие" in page

    def test_overdue_activities_stand_out_only_on_an_approved_roadmap(self, client_as, draft, approve):
        activity = first_activity(draft)
        Activity.objects.filter(pk=activity.pk).update(ends_on=timezone.localdate() - timedelta(days=1), starts_on=None)
        page = client_as("curator").get(draft.get_absolute_url()).content.decode()
        assert "просрочено" not in page
        approve(draft)
        page = client_as("curator").get(draft.get_absolute_url()).content.decode()
        row = page.split(f'id="activity-{activity.pk}"')[1].split("</tr>")[0]
        assert "table-danger roadmap-overdue" in page.split(f'id="activity-{activity.pk}"')[1][:80]
        assert "просрочено" in row
        overdue = Activity.objects.filter(stage__roadmap=draft, ends_on__lt=timezone.localdate()).count()
        assert f'{overdue}</span> <span class="stat-label">просрочено' in page

    def test_the_returned_roadmap_shows_the_heads_comment(self, world, client_as, draft, send):
        send(draft)
        client_as("head").post(
            reverse("roadmap:return", args=[draft.pk]), {"comment": "Добавьте обучение наставников", "confirmed": "1"}
        )
        page = client_as("curator").get(draft.get_absolute_url()).content.decode()
        assert "Руководитель вернул дорожную карту" in page and "Добавьте обучение наставников" in page
        assert "Отправить руководителю снова" in page


class TestHeadDecision:
    def test_the_queue_shows_the_roadmap_and_approval_registers_the_order(self, client_as, draft, send):
        send(draft)
        client = client_as("head")
        queue = client.get(reverse("mentorship:approval-queue")).content.decode()
        assert 'id="queue-roadmap"' in queue and f"Дорожная карта на {YEAR}/{YEAR + 1} учебный год" in queue
        response = client.post(reverse("roadmap:approve", args=[draft.pk]), {"confirmed": "1"}, follow=True)
        # A project of the order first: the head is led to it, the roadmap waits for its registration.
        order = Order.objects.get(kind="roadmap")
        assert response.redirect_chain[-1][0] == order.get_absolute_url()
        assert "Проект приказа об утверждении дорожной карты" in response.content.decode()
        draft.refresh_from_db()
        assert order.is_draft and draft.status == S.AWAITING_APPROVAL and draft.order == order
        queue = client.get(reverse("mentorship:approval-queue")).content.decode()
        assert "ожидает регистрации приказа" in queue and order.get_absolute_url() in queue
        response = client.post(reverse("records:order-register", args=[order.pk]), follow=True)
        order.refresh_from_db()
        assert f"Приказ зарегистрирован: № {order.number_text}" in response.content.decode()
        draft.refresh_from_db()
        assert draft.status == S.APPROVED and draft.order == order and draft.annex_pdf
        queue = client.get(reverse("mentorship:approval-queue")).content.decode()
        assert 'id="queue-roadmap"' not in queue

    def test_returning_without_a_comment_is_refused(self, client_as, draft, send):
        send(draft)
        response = client_as("head").post(
            reverse("roadmap:return", args=[draft.pk]), {"comment": " ", "confirmed": "1"}, follow=True
        )
        assert "Напишите комментарий" in response.content.decode()
        assert Roadmap.objects.get(pk=draft.pk).status == S.AWAITING_APPROVAL

    def test_a_decision_from_the_roadmaps_page_returns_there_and_never_to_another_site(self, client_as, draft, send):
        send(draft)
        client = client_as("head")
        response = client.post(
            reverse("roadmap:return", args=[draft.pk]),
            {"comment": "Сроки", "next": draft.get_absolute_url(), "confirmed": "1"},
        )
        assert response["Location"] == draft.get_absolute_url()
        Roadmap.objects.filter(pk=draft.pk).update(status=S.AWAITING_APPROVAL)
        response = client.post(
            reverse("roadmap:approve", args=[draft.pk]), {"next": "https://example.com/", "confirmed": "1"}
        )
        # The approval leads to the project of its order, never to the other site.
        assert response["Location"] == Order.objects.get(kind="roadmap").get_absolute_url()

    @pytest.mark.parametrize(
        "next_url",
        ["//example.com/", "https:///example.com/", "/\\example.com/", "javascript:alert(1)", "http://testserver/"],
    )
    def test_an_off_site_next_goes_to_the_queue(self, client_as, draft, send, next_url):
        send(draft)
        response = client_as("head").post(
            reverse("roadmap:return", args=[draft.pk]),
            {"comment": "Сроки", "next": next_url, "confirmed": "1"},
            secure=True,
        )
        assert response["Location"] == reverse("mentorship:approval-queue")
        assert Roadmap.objects.get(pk=draft.pk).status == S.RETURNED

    def test_the_return_message_names_the_year(self, client_as, draft, send):
        send(draft)
        response = client_as("head").post(
            reverse("roadmap:return", args=[draft.pk]), {"comment": "Сроки", "confirmed": "1"}, follow=True
        )
        assert f"Дорожная карта на {YEAR}/{YEAR + 1} учебный год возвращена куратору." in response.content.decode()

    def test_approving_twice_gives_one_order(self, client_as, draft, send):
        send(draft)
        client = client_as("head")
        client.post(reverse("roadmap:approve", args=[draft.pk]), {"confirmed": "1"})
        response = client.post(reverse("roadmap:approve", args=[draft.pk]), {"confirmed": "1"}, follow=True)
        assert "Проект приказа об утверждении уже подготовлен" in response.content.decode()
        assert Order.objects.filter(kind="roadmap").count() == 1
        client.post(reverse("records:order-register", args=[Order.objects.get(kind="roadmap").pk]))
        response = client.post(reverse("roadmap:approve", args=[draft.pk]), {"confirmed": "1"}, follow=True)
        assert "утвердить можно только ту, что на утверждении" in response.content.decode()
        assert Order.objects.filter(kind="roadmap").count() == 1


def add_activities(roadmap, count: int) -> None:
    stages = list(roadmap.stages.all())
    for index in range(count):
        stage = stages[index % len(stages)]
        Activity.objects.create(
            stage=stage,
            number=index + 1,
            text=f"Мероприятие {index}",
            starts_on=date(YEAR, 9, 1),
            ends_on=date(YEAR, 9, 2) if index % 2 else date(YEAR + 1, 8, 31),
            responsible="Куратор",
            expected_result="Результат",
            done_on=date(YEAR, 9, 2) if index % 3 == 0 else None,
        )


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("role", ["curator", "head"])
def test_the_detail_page_costs_the_same_for_3_and_30_activities(world, client_as, make, approve, role):
    small, large = make(basis=BASIS_BLANK), make(YEAR + 1, basis=BASIS_BLANK)
    add_activities(small, 3)
    add_activities(large, 30)
    for roadmap in (small, large):
        Roadmap.objects.filter(pk=roadmap.pk).update(status=S.APPROVED)
        roadmap.transitions.create(source=S.DRAFT, target=S.AWAITING_APPROVAL, actor=world.users["curator"])
    client = client_as(role)
    client.get(small.get_absolute_url())  # the session and the roles, once
    assert queries(client, small.get_absolute_url()) == queries(client, large.get_absolute_url()) == PINNED[role]


# Session, user, roles (3); the roadmap with its order; stages; activities; the log; the head's menu
# badge (one count over every section of the head's queue together).
PINNED = {"curator": 7, "head": 8}


def test_the_list_costs_the_same_for_one_and_two_roadmaps(world, client_as, make):
    client = client_as("curator")
    make()
    client.get(reverse("roadmap:list"))
    one = queries(client, reverse("roadmap:list"))
    make(YEAR + 1)
    assert queries(client, reverse("roadmap:list")) == one == 6  # session, user, roles, roadmaps with counts, years


def test_the_roadmap_order_links_its_annex(client_as, approved):
    page = client_as("head").get(approved.order.get_absolute_url()).content.decode()
    assert approved.get_absolute_url() in page
    assert reverse("roadmap:annex", args=[approved.pk]) in page
    # The order's readers outside the bank (a mentor reading an order) get no link to a page they cannot open.
    assert (
        approved.get_absolute_url() not in client_as("mentor").get(approved.order.get_absolute_url()).content.decode()
    )


# --- the history page -------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_the_history_is_read_by_exactly_the_roadmaps_readers(client_as, draft, role):
    client = client_as(role)
    detail = client.get(reverse("roadmap:detail", args=[draft.pk]))
    history = client.get(reverse("roadmap:history", args=[draft.pk]))
    assert history.status_code == detail.status_code
    if detail.status_code == 200:
        assert reverse("roadmap:history", args=[draft.pk]) in detail.content.decode()


def test_the_history_tells_the_stages_and_activities_changes_in_words(world, client_as, draft):
    activity = first_activity(draft)
    activity.responsible = "Куратор и старший воспитатель"
    activity._history_user = world.users["curator"]
    activity.save()
    url = reverse("roadmap:history", args=[draft.pk])
    client = client_as("council")
    with CaptureQueriesContext(connection) as few:
        page = client.get(url).content.decode()
    assert f"Мероприятие: {activity.number}. {activity.text[:60]}" in page
    assert "→ «Куратор и старший воспитатель»" in page
    assert "Морозова И.И., " in page

    for stage in draft.stages.all():
        stage.title = f"{stage.title} (уточнено)"
        stage._history_user = world.users["curator"]
        stage.save()
    with CaptureQueriesContext(connection) as more:
        page = client.get(url).content.decode()
    assert "(уточнено)»" in page
    assert len(more) == len(few)


class TestConfirmations:
    def test_the_head_is_told_what_approving_does_before_the_order(self, client_as, sent):
        page = client_as("head").post(reverse("roadmap:approve", args=[sent.pk])).content.decode()
        assert "Будет подготовлен проект приказа об утверждении дорожной карты" in page
        assert "зарегистрируете, дорожная карта утверждается" in page
        assert Roadmap.objects.get(pk=sent.pk).status == S.AWAITING_APPROVAL

    def test_unmarking_an_activity_asks_first(self, client_as, approved):
        activity = first_activity(approved)
        Activity.objects.filter(pk=activity.pk).update(done_on=timezone.localdate(), done_note="Да")
        url = reverse("roadmap:activity-unmark", args=[activity.pk])
        page = client_as("curator").get(url).content.decode()
        assert "снова будет числиться" in page and ">Снять отметку</button>" in page
        activity.refresh_from_db()
        assert activity.done_on is not None
