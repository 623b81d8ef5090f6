"""Roadmaps built through the services, for the current academic year unless a test says otherwise."""

from datetime import date

import pytest
from django.utils import timezone

from records.services import order_register
from roadmap.models import Roadmap, academic_start_year
from roadmap.services import BASIS_TYPICAL, roadmap_approve, roadmap_create, roadmap_move

YEAR = academic_start_year(timezone.localdate())


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def in_year(year: int) -> date:
    """A day inside the academic year `year`/`year + 1`: making its roadmap is allowed then."""
    return date(year, 10, 1)


@pytest.fixture
def make(world):
    def make(year: int = YEAR, basis: str = BASIS_TYPICAL, source: Roadmap | None = None) -> Roadmap:
        return roadmap_create(
            start_year=year,
            basis=basis,
            source=source,
            actor=world.users["curator"],
            today=in_year(year) if year != YEAR else None,
        ).obj

    return make


@pytest.fixture
def send(world):
    def send(roadmap: Roadmap) -> Roadmap:
        return roadmap_move(roadmap=roadmap, target=Roadmap.Status.AWAITING_APPROVAL, actor=world.users["curator"]).obj

    return send


@pytest.fixture
def approve(world, send):
    def approve(roadmap: Roadmap, **kwargs):
        if roadmap.status != Roadmap.Status.AWAITING_APPROVAL:
            send(roadmap)
        reason = kwargs.pop("reason", "")
        order = roadmap_approve(roadmap=roadmap, actor=world.users["head"], **kwargs).obj
        roadmap.refresh_from_db()
        assert order.is_draft and roadmap.status == Roadmap.Status.AWAITING_APPROVAL and roadmap.order == order
        # The roadmap is approved when the head registers the order.
        order = order_register(order=order, actor=world.users["head"], reason=reason)
        roadmap.refresh_from_db()
        return order

    return approve


@pytest.fixture
def draft(make) -> Roadmap:
    return make()


@pytest.fixture
def approved(make, approve) -> Roadmap:
    roadmap = make()
    approve(roadmap)
    return roadmap
