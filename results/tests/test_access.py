"""Every page of the reports, every role: anonymous → login; a role that never reads programs (the
system administrator, a person without a role) → 403; another pair's report → 404 for its outsiders;
a draft → 404 for everyone but its author."""

import pytest
from django.urls import reverse

from conftest import ROLES, expect

from ..models import Report
from .factories import closing_program, report

READERS = {"head", "curator", "council", "mentor", "mentee"}
Kind = Report.Kind


@pytest.fixture
def reports(world):
    own = closing_program(world.pairing)
    other = closing_program(world.other_mentor.pairings.get())
    return {
        "own": own,
        "other": other,
        "sent": report(own, Kind.MENTOR, world.mentor.person),
        "draft": report(own, Kind.MENTEE, world.mentee.person, sent=False),
        "other_sent": report(other, Kind.MENTOR, world.other_mentor.person),
    }


CASES = [
    # (url name, method, target, matrix)
    ("results:write", "get", "own", expect({"mentee"}, ok_status=200) | {"mentor": 302}),
    ("results:write", "get", "other", expect(set(), not_found={"mentor", "mentee"})),
    ("results:report", "get", "sent", expect(READERS)),
    ("results:report", "get", "draft", expect({"mentee"}, not_found=READERS - {"mentee"})),
    ("results:report", "get", "other_sent", expect(READERS - {"mentor", "mentee"}, not_found={"mentor", "mentee"})),
    ("results:report-pdf", "get", "sent", expect(READERS)),
    ("results:report-pdf", "get", "draft", expect({"mentee"}, not_found=READERS - {"mentee"})),
    ("results:report-pdf", "get", "other_sent", expect(READERS - {"mentor", "mentee"}, not_found={"mentor", "mentee"})),
    ("results:report-docx", "get", "sent", expect(READERS)),
    ("results:report-docx", "get", "draft", expect({"mentee"}, not_found=READERS - {"mentee"})),
    (
        "results:report-docx",
        "get",
        "other_sent",
        expect(READERS - {"mentor", "mentee"}, not_found={"mentor", "mentee"}),
    ),
    ("results:report-return", "post", "sent", expect({"curator"}, ok_status=302)),
    ("results:report-return", "post", "draft", expect(set(), not_found={"curator"})),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "method", "target", "matrix"), CASES, ids=[f"{c[0]}-{c[2]}" for c in CASES])
def test_who_opens_the_reports(client_as, reports, role, name, method, target, matrix):
    response = getattr(client_as(role), method)(
        reverse(name, args=[reports[target].pk]),
        {"comment": "Допишите характеристику.", "confirmed": "1"} if method == "post" else None,
    )
    assert response.status_code == matrix[role], (role, name, target)


def test_the_curator_returns_a_report_and_it_becomes_its_authors_draft(client_as, reports, world):
    sent = reports["sent"]
    url = reverse("results:report-return", args=[sent.pk])
    page = client_as("curator").post(url, {"comment": "Допишите."}).content.decode()
    assert "Отчёт снова станет черновиком автора" in page and "Допишите." in page  # it asks first
    sent.refresh_from_db()
    assert sent.is_submitted
    client_as("curator").post(url, {"comment": "Допишите.", "confirmed": "1"})
    sent.refresh_from_db()
    assert not sent.is_submitted and sent.returned_comment == "Допишите."
    # Now a draft: the curator no longer reads it, the mentor edits it and sees the comment.
    assert client_as("curator").get(reverse("results:report", args=[sent.pk])).status_code == 404
    page = client_as("mentor").get(reverse("results:write", args=[reports["own"].pk])).content.decode()
    assert "Куратор вернул отчёт" in page and "Допишите." in page


@pytest.mark.parametrize("value", ["abc", "²", "-1", "99999999999999999999"])
def test_a_hostile_address_is_a_404(client_as, reports, value):
    response = client_as("curator").get(f"/results/{value}/")
    assert response.status_code == 404
