"""Reads of the library: which materials a user reads, with everything a list row shows."""

from django.db.models import QuerySet

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
