"""Ids and free text read past a form come from outside: a value that is no id of ours («abc»,
«²», «٣», a negative or huge number, a NUL) is treated as absent or gives a 404, never a 500, on every
page that reads one (core.http)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from mentorship.tests.factories import PartnerFactory
from programs.models import Program
from programs.tests.factories import program_in_work
from roadmap.services import roadmap_create

HOSTILE = ["abc", "²", "٣", "-1", "0", "1.5", "99999999999999999999", "1\x00", ""]


@pytest.fixture
def places(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    program = program_in_work(world.pairing, done=1, due=1)
    roadmap = roadmap_create(
        start_year=timezone.localdate().year if timezone.localdate().month >= 9 else timezone.localdate().year - 1,
        basis="typical",
        actor=world.users["curator"],
    ).obj
    return {"program": program, "roadmap": roadmap, "partner": PartnerFactory()}


def pages(places, value):
    """(role, method, url, data): every page that reads an id or text past its form."""
    program: Program = places["program"]
    return [
        ("curator", "get", reverse("mentorship:pairing-create"), {"mentee": value, "mentor": value}),
        ("curator", "get", reverse("mentorship:mentor-create"), {"person": value}),
        ("curator", "get", reverse("mentorship:mentee-create"), {"person": value}),
        ("curator", "get", reverse("mentorship:cooperation-create", args=[places["partner"].pk]), {"pairing": value}),
        (
            "head",
            "post",
            reverse("mentorship:approval-queue"),
            {"action": "return", "pairing": value, "comment": "x\x00"},
        ),
        ("head", "post", reverse("mentorship:approval-queue"), {"pairings": [value, value]}),
        ("curator", "get", reverse("programs:program-create", args=[program.pairing_id]), {"from": value}),
        ("curator", "get", reverse("programs:program-compare", args=[program.pk]), {"old": value, "new": value}),
        ("mentor", "get", reverse("programs:record-create", args=[program.pk]), {"item": value}),
        ("mentor", "get", reverse("programs:release-create", args=[program.pk]), {"item": value}),
        ("curator", "get", reverse("roadmap:activity-create", args=[places["roadmap"].pk]), {"stage": value}),
    ]


@pytest.mark.parametrize("value", HOSTILE, ids=lambda value: repr(value))
def test_no_hostile_value_gives_a_server_error(world, client_as, places, value):
    for role, method, url, data in pages(places, value):
        response = getattr(client_as(role), method)(url, data)
        assert response.status_code < 500, (role, method, url, data, response.status_code)
        assert response.status_code in (200, 302, 404), (role, method, url, data, response.status_code)
