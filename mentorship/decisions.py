"""Decisions about people in a pair, told by notices (notices.decisions): the pair's mentor and mentees
when the head fixes it by order, the curator when the head returns it with a comment."""

from notices.decisions import Told

from .models import CuratorAppointment, Pairing


def pairing_decisions(pairing, source, target, comment) -> list[Told]:
    url = pairing.get_absolute_url()
    if target == Pairing.Status.FIXED:
        people = [pairing.mentor.person, *(mentee.person for mentee in pairing.mentees.all())]
        text = f"{pairing.kind_label} {pairing.sides} утверждена приказом руководителя"
        return [Told(person.user_id, text, url) for person in people]
    if target == Pairing.Status.RETURNED:
        curators = CuratorAppointment.objects.filter(ended_on__isnull=True).select_related("person")
        whom = "группу" if pairing.kind_label == "Группа" else "пару"
        text = f"Руководитель вернул {whom} {pairing.sides} с комментарием: «{comment}»"
        return [Told(appointment.person.user_id, text, url) for appointment in curators]
    return []
