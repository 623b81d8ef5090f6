"""Program reviews: the chair assigns members of the council, a member writes the review in the browser
and sends it (frozen from then), the program's readers see it on the program's page, and the meeting
that hears the program lists it on the agenda item."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from conftest import ROLES, expect
from council.models import ProgramReview
from council.services import review_save, review_send, reviews_assign

READERS = {"head", "curator", "council"}


@pytest.fixture
def review(world, member, program):
    return reviews_assign(program=program, reviewers=[member], actor=world.users["council"]).obj[0]


@pytest.fixture
def sent(world, review):
    review_save(review=review, text="Программа соответствует затруднениям наставляемой.", actor=world.users["member"])
    return review_send(review=review, actor=world.users["member"]).obj


PAGES = [
    ("list", lambda r: reverse("council:review-list"), expect(READERS)),
    # The chair («council» in the shared world) reads a draft's page but does not write it.
    ("detail", lambda r: r.get_absolute_url(), expect(READERS)),
    # Only the reviewer sends: the chair, another member, gets 404 (not theirs).
    ("send", lambda r: reverse("council:review-send", args=[r.pk]), expect(set(), not_found={"council"})),
    ("assign", lambda r: reverse("council:review-assign", args=[r.program_id]), expect({"council"})),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "url", "statuses"), PAGES, ids=[page[0] for page in PAGES])
def test_pages_for_every_role(client_as, review, role, name, url, statuses):
    assert client_as(role).get(url(review)).status_code == statuses[role], (name, role)


@pytest.mark.parametrize(("name", "status"), [("list", 200), ("detail", 200), ("send", 200), ("assign", 403)])
def test_the_reviewer_writes_but_does_not_assign(client, world, review, name, status):
    client.force_login(world.users["member"])
    url = {page[0]: page[1] for page in PAGES}[name]
    assert client.get(url(review)).status_code == status


def test_the_chair_assigns_from_the_program_page(client_as, world, member, program):
    client = client_as("council")
    page = client.get(program.get_absolute_url()).content.decode()
    assert reverse("council:review-assign", args=[program.pk]) in page
    response = client.post(reverse("council:review-assign", args=[program.pk]), {"reviewers": [member.pk]})
    assert response.url == program.get_absolute_url()
    assert ProgramReview.objects.get().reviewer == member
    # Naming her again adds nothing.
    client.post(reverse("council:review-assign", args=[program.pk]), {"reviewers": [member.pk]})
    assert ProgramReview.objects.count() == 1


def test_the_pairs_mentor_does_not_review_his_program(world, program):
    from mentorship.models import CouncilMembership

    mentor_member = CouncilMembership.objects.create(person=world.mentor.person, status="member")
    with pytest.raises(ValidationError, match="Наставник пары"):
        reviews_assign(program=program, reviewers=[mentor_member], actor=world.users["council"])


def test_only_the_chair_assigns(world, member, program):
    with pytest.raises(PermissionDenied):
        reviews_assign(program=program, reviewers=[member], actor=world.users["curator"])
    with pytest.raises(PermissionDenied):
        reviews_assign(program=program, reviewers=[member], actor=world.users["member"])


def test_the_reviewer_writes_and_sends_in_the_browser(client, world, review, program):
    client.force_login(world.users["member"])
    client.post(review.get_absolute_url(), {"text": "Цель и задачи согласованы; план реалистичен."})
    review.refresh_from_db()
    assert review.text == "Цель и задачи согласованы; план реалистичен." and review.status == "draft"
    # A draft is the reviewer's: the program's readers do not see it yet.
    assert "Цель и задачи согласованы" not in client_as_page(client, world, "head", program)
    client.force_login(world.users["member"])
    client.post(reverse("council:review-send", args=[review.pk]), {"confirmed": "1"})
    review.refresh_from_db()
    assert review.status == "sent" and review.sent_at
    for role in ("head", "curator", "mentor", "mentee"):
        assert "Цель и задачи согласованы" in client_as_page(client, world, role, program), role


def client_as_page(client, world, role, program) -> str:
    client.force_login(world.users[role])
    return client.get(program.get_absolute_url()).content.decode()


def test_a_sent_review_is_frozen(client, world, sent):
    with pytest.raises(ValidationError, match="уже отправлена"):
        review_save(review=sent, text="Другое", actor=world.users["member"])
    client.force_login(world.users["member"])
    assert client.post(sent.get_absolute_url(), {"text": "Другое"}).status_code == 404
    assert client.post(reverse("council:review-send", args=[sent.pk]), {"confirmed": "1"}).status_code == 404
    sent.refresh_from_db()
    assert sent.text == "Программа соответствует затруднениям наставляемой."


def test_someone_else_cannot_write_the_review(client, world, review):
    client.force_login(world.users["council"])  # the chair, not the reviewer
    assert client.post(review.get_absolute_url(), {"text": "Чужой текст"}).status_code == 403
    with pytest.raises(PermissionDenied):
        review_save(review=review, text="Чужой текст", actor=world.users["council"])


def test_an_empty_review_is_not_sent(world, review):
    with pytest.raises(ValidationError, match="пуста"):
        review_send(review=review, actor=world.users["member"])


def test_the_meeting_lists_the_reviews_of_its_program(client_as, meeting, sent):
    page = client_as("head").get(meeting.get_absolute_url()).content.decode()
    assert "Рецензии" in page and sent.get_absolute_url() in page


def test_review_list_queries_are_pinned(client_as, world, member, program, django_assert_num_queries):
    from programs.models import Program
    from programs.tests.factories import program_with_plan

    reviews_assign(program=program, reviewers=[member], actor=world.users["council"])
    client = client_as("head")
    # As many for four reviews as for one.
    with django_assert_num_queries(8) as first:
        client.get(reverse("council:review-list"))
    for _ in range(3):
        other = program_with_plan(world.pairing, Program.Status.REVIEW, items=0)
        reviews_assign(program=other, reviewers=[member], actor=world.users["council"])
    with django_assert_num_queries(len(first.captured_queries)):
        response = client.get(reverse("council:review-list"))
    assert len(response.context["reviews"]) == 4
