"""A moment is told by the local day it happened on, not UTC's: an answer given at 01:30 in Moscow on
1 December (22:30 UTC on 30 November) reads as given on 01.12."""

from datetime import UTC, datetime

from django.test import override_settings

from surveys.models import Response


@override_settings(TIME_ZONE="Europe/Moscow")
def test_a_response_reads_its_local_day():
    late = datetime(2026, 11, 30, 22, 30, tzinfo=UTC)
    assert Response(submitted_at=late).state_label == "заполнено (01.12.2026)"
    assert Response(declined_at=late).state_label == "отказ (01.12.2026)"
