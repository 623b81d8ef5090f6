"""Reads of the library: which materials a user reads, with everything a list row shows."""

from datetime import timedelta

from django.db.models import QuerySet
from django.utils import timezone

from people.roles import Role, roles_of

from .models import Material
from .roles import OVERSEERS


def materials_for(user) -> QuerySet[Material]:
    """The council, the curator and the head: every material, withdrawn ones too; a mentor and a
    mentee: the published materials addressed to them or to everyone; anyone else: none."""
    roles = roles_of(user)
    materials = Material.objects.select_related("published_by__person", "withdrawn_by__person").prefetch_related(
        "directions", "forms"
    )
    if roles & OVERSEERS:
        return materials
    if not roles & {Role.MENTOR, Role.MENTEE}:
        return materials.none()
    audiences = Material.audiences_of(mentor=Role.MENTOR in roles, mentee=Role.MENTEE in roles)
    return materials.filter(withdrawn_at__isnull=True, audience__in=audiences)


def editable_materials(user) -> QuerySet[Material]:
    """What a publisher may correct or withdraw: every published material (not a withdrawn one)."""
    return materials_for(user).filter(withdrawn_at__isnull=True)


# How long a material counts as new on a reader's home page.
NEW_FOR_DAYS = 30


def home_news(request, person) -> dict | None:
    """«Новые материалы» on a mentor's or a mentee's home page, in one query: up to three materials of
    their audience published in the last `NEW_FOR_DAYS` days. Those who publish them see none."""
    roles = roles_of(request.user)
    if roles & OVERSEERS or not roles & {Role.MENTOR, Role.MENTEE}:
        return None
    since = timezone.now() - timedelta(days=NEW_FOR_DAYS)
    audiences = Material.audiences_of(mentor=Role.MENTOR in roles, mentee=Role.MENTEE in roles)
    news = list(
        Material.objects.filter(withdrawn_at__isnull=True, audience__in=audiences, published_at__gte=since)
        .order_by("-published_at", "-pk")
        .values("pk", "title", "kind")[:3]
    )
    if not news:
        return None
    kinds = dict(Material.Kind.choices)
    return {"new_materials": [{**row, "kind": kinds[row["kind"]]} for row in news]}
