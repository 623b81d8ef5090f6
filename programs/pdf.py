"""The personalized program as a printed document (DOMAIN.md: approval block; mentor and mentees with
position and experience; forms; individual/group; term; difficulties; strengths; goal; tasks; the plan
with completion marks; expected results; final assessment; signatures). Rendered on request.
"""

from django.utils import timezone
from django.utils.formats import date_format

from core.declension import signature_name
from core.letters import BLANK_DATE
from core.pdf import render_pdf
from mentorship.models import CuratorAppointment
from people.facts import facts_on
from people.models import Organization

from .agreement import council_basis
from .models import Program

TEMPLATE = "programs/pdf/program.html"


def _signed(person) -> str:
    return signature_name(person.last_name, person.first_name, person.middle_name) if person else "_" * 16


def _date(moment) -> str:
    if moment is None:
        return BLANK_DATE
    return date_format(timezone.localtime(moment), "«d» E Y г.")


def facts_date(program: Program):
    """The day the program's facts about people stand on: the day it was approved, and until then
    the day it starts (a project describes the pair as it begins)."""
    return timezone.localdate(program.approved_at) if program.approved_at else program.starts_on


def _participant(person, own, day) -> dict:
    facts = facts_on(person, day)
    position = str(facts.position)
    position = position[:1].lower() + position[1:]
    if own is None or person.organization_id != own.pk:
        position = f"{position}, {person.organization.short_name}"
    return {
        "name": person.full_name,
        "position": position,
        "experience": facts.experience,
        "sign": _signed(person),
    }


def program_context(program: Program) -> dict:
    """What the printed program shows; `program` comes from the views' `program_page` (all joined)."""
    own = Organization.own()
    head = program.approved_by.person if program.approved_by and hasattr(program.approved_by, "person") else None
    head = head or (own.head if own else None)
    curator = program.curator_agreed_by
    if curator is None and own is not None:
        appointment = (
            CuratorAppointment.objects.filter(organization=own, ended_on__isnull=True).select_related("person").first()
        )
        curator = appointment.person if appointment else None
    mentees = [mentee.person for mentee in program.pairing.mentees.all()]
    day = facts_date(program)
    return {
        "organization": own,
        "program": program,
        "pairing": program.pairing,
        "approve": {
            "position": f"{head.position}" if head else "Руководитель",
            "organization": own.short_name if own else "",
            "name": _signed(head),
            "date": _date(program.approved_at),
        },
        "curator": {"name": _signed(curator), "date": _date(program.curator_agreed_at)},
        "council": {
            "name": _signed(program.council_agreed_by),
            "date": _date(program.council_agreed_at),
            "basis": council_basis(program),
        }
        if program.council_agreed_at
        else None,
        "mentor": _participant(program.pairing.mentor.person, own, day),
        "mentees": [_participant(person, own, day) for person in mentees],
        "is_group": len(mentees) > 1,
        "forms": "; ".join(str(form) for form in program.pairing.forms.all()),
        "items": list(program.items.all()),
        "curator_sign": _signed(curator),
    }


def program_pdf(program: Program) -> bytes:
    return render_pdf(TEMPLATE, program_context(program))
