"""Writes of the library: publishing a material (or correcting it) and withdrawing it."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from core.services import Outcome, saved_with, validated_save

from .models import Material


@transaction.atomic
def material_save(*, material: Material, directions, forms, actor) -> Outcome:
    """Publish a new material (its publisher and time are the actor and now) or save a correction of a
    published one; its directions and forms of mentoring are replaced by those given. A withdrawn
    material is not corrected."""
    if material.pk is not None and Material.objects.filter(pk=material.pk, withdrawn_at__isnull=False).exists():
        raise ValidationError("Материал снят с публикации: его уже не исправить.")
    if material.pk is None:
        material.published_by = actor
        material.published_at = timezone.now()
    saved_with(material, actor=actor, directions=directions, forms=forms)  # one entry of its history
    return Outcome(material)


@transaction.atomic
def material_withdraw(*, material: Material, actor) -> Outcome:
    """Withdraw a material from its readers: it stays in the library for the council, the curator and
    the head, with who withdrew it and when; its file is kept."""
    material = Material.objects.select_for_update().get(pk=material.pk)
    if material.is_withdrawn:
        raise ValidationError("Материал уже снят с публикации.")
    material.withdrawn_at = timezone.now()
    material.withdrawn_by = actor
    validated_save(material, actor=actor)
    return Outcome(material)
