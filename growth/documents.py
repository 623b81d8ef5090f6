"""The благодарственное письмо / почётная грамота of each mentor of an approved reward: A4, one page
a mentor, the kindergarten's requisites, the mentor named in the dative («Петровой Светлане
Николаевне»), the ground and the order, a place for the head's signature and the seal."""

from django.utils.formats import date_format

from core.declension import Case, UnknownGenderError, decline_full_name, signature_name
from core.pdf import render_pdf
from people.facts import position_on

from .models import RewardKind, RewardProposal


def dative_full_name(person) -> str:
    """«Петровой Светлане Николаевне»; a name the declension cannot place stays as written."""
    try:
        return decline_full_name(person.last_name, person.first_name, person.middle_name, Case.DATIVE)
    except UnknownGenderError:
        return person.full_name


def lowercase_start(text: str) -> str:
    """«За успешную…» → «за успешную…», to follow «выражает благодарность»; «ИКТ…» stays."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def letters(proposal: RewardProposal) -> list[dict]:
    """One letter a mentor: the name in the dative and the post held on the order's date."""
    mentors = proposal.mentors.select_related("person__position").order_by("person__last_name", "person__first_name")
    return [
        {
            "name": dative_full_name(mentor.person),
            "position": str(position_on(mentor.person, proposal.order.date)).lower(),
        }
        for mentor in mentors
    ]


def letters_context(proposal: RewardProposal) -> dict:
    """What a letter prints, the same for the PDF and the DOCX."""
    order = proposal.order
    organization = order.organization
    head = organization.head
    is_gratitude = proposal.reward_kind == RewardKind.GRATITUDE
    return {
        "proposal": proposal,
        "order": order,
        "organization": organization,
        "org_details": " · ".join(
            part for part in (organization.address, organization.inn and f"ИНН {organization.inn}") if part
        ),
        "is_gratitude": is_gratitude,
        "title": "Благодарственное письмо" if is_gratitude else "Почётная грамота",
        "lead": "Администрация выражает благодарность" if is_gratitude else "вручается",
        "letters": letters(proposal),
        "reason": lowercase_start(proposal.reason.strip().rstrip(".")),
        "basis": f"Приказ от {order.date:%d.%m.%Y} № {order.number_text} «О поощрении наставников»",
        "stamp": " · ".join(part for part in ("М. П.", order.place, f"{date_format(order.date, 'j E Y')} г.") if part),
        "head_position": order.signer_position,
        "head_name": order.signer_name
        or (signature_name(head.last_name, head.first_name, head.middle_name) if head else ""),
    }


def render_letters_pdf(proposal: RewardProposal) -> bytes:
    return render_pdf("growth/pdf/letters.html", letters_context(proposal))
