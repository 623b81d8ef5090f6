"""Writes of the regulation on mentoring: its text kept while it is a project, adopted by the registered
introduction order (frozen from then on), a new edition started from the adopted one."""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction

from accounts.models import User
from core.services import Outcome, validated_save
from people.models import Organization
from records.models import Order

from ..models.regulation import Regulation

FROZEN = (
    "Положение утверждено приказом и не редактируется: изменения вносятся новой редакцией, которую утверждает новый "
    "приказ."
)


def regulation_project(own: Organization) -> Regulation | None:
    """The newest regulation not yet adopted (the one the next introduction order approves), or None."""
    return (
        Regulation.objects.filter(organization=own)
        .exclude(order__status__in=[Order.Status.REGISTERED, Order.Status.SIGNED])
        .order_by("-created_at", "-pk")
        .first()
    )


def regulation_in_force(own: Organization) -> Regulation | None:
    """The regulation adopted by the latest registered order: the rules the staff work by now."""
    return (
        Regulation.objects.filter(organization=own, order__status__in=[Order.Status.REGISTERED, Order.Status.SIGNED])
        .select_related("order")
        .order_by("-order__date", "-order__number", "-pk")
        .first()
    )


@transaction.atomic
def regulation_save(*, regulation: Regulation, actor: User) -> Outcome:
    """Create or correct a project of the regulation; an adopted one is refused (it is frozen with its order)."""
    if regulation.pk is not None:
        stored = Regulation.objects.select_for_update(of=("self",)).select_related("order").get(pk=regulation.pk)
        if stored.is_adopted:
            raise ValidationError(FROZEN)
    else:
        regulation.created_by = actor
    regulation.text = regulation.text.strip()
    regulation.title = regulation.title.strip()
    validated_save(regulation, actor=actor)
    warnings = []
    if not regulation.council_protocol_date or not regulation.council_protocol_number:
        warnings.append(
            "Не указан протокол педагогического совета: в приказе и в Положении останется строка «от ________ № ____»."
        )
    if not regulation.union_opinion_date or not regulation.union_opinion_number:
        warnings.append(
            "Не указано мнение профсоюзной организации (ст. 372 ТК РФ): в приказе останется строка для заполнения."
        )
    return Outcome(regulation, warnings)


@transaction.atomic
def regulation_new_edition(*, regulation: Regulation, actor: User) -> Outcome:
    """A new edition to edit, starting from the adopted text; the protocols are the new edition's own."""
    if not regulation.is_adopted:
        raise ValidationError("Новая редакция начинается с утверждённого Положения: этот проект можно править и так.")
    project = regulation_project(regulation.organization)
    if project is not None:
        raise ValidationError("Проект новой редакции уже есть: продолжите работу с ним.")
    edition = Regulation(
        organization=regulation.organization, title=regulation.title, text=regulation.text, replaces=regulation
    )
    return regulation_save(regulation=edition, actor=actor)


def regulation_link(regulation: Regulation, order: Order, *, actor: User) -> None:
    """The project of the introduction order carries this project as its annex 1."""
    regulation.order = order
    validated_save(regulation, actor=actor)


def regulations_adopted_by(order: Order, actor: User) -> None:
    """The introduction order is registered: the regulation it carries is adopted, its annex frozen."""
    from ..regulation_documents import regulation_pdf

    for regulation in Regulation.objects.select_for_update(of=("self",)).filter(order=order).select_related("order"):
        regulation.order = order
        regulation.annex_pdf.save(
            f"polozhenie-{order.year}-{order.number}.pdf",
            ContentFile(regulation_pdf(regulation, on=order.date)),
            save=False,
        )
        validated_save(regulation, actor=actor)


def regulations_released_by(order: Order, actor: User) -> None:
    """The introduction order's project is withdrawn (records.services.order_void, the kind's
    `on_void`): the regulation it carried is a project again, editable and ready for the next
    introduction order; its history records the change with who made it."""
    for regulation in Regulation.objects.select_for_update(of=("self",)).filter(order=order):
        regulation.order = None
        validated_save(regulation, actor=actor)
