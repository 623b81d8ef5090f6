"""Demo reports: last year's completed program (Петрова → Ёлкина, «ИКТ») has both reports, sent ten
days before its end, their figures prefilled from its plan and diagnostics as the form would offer them
and the rest written as a mentor and a young teacher would write it. Written directly, since the
services refuse a closed program. Loading is idempotent: a program with reports is left as it is."""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from programs.models import Program
from results import prefill
from results.models import Report

MENTOR_TEXT = {
    "characterization": (
        "За год Ёлкина освоила работу с интерактивной доской и облачными сервисами: сама готовит занятия "
        "с мультимедийным сопровождением, ведёт страницу группы на сайте детского сада. На открытом "
        "показе в марте провела занятие уверенно, дети были вовлечены. Ответственна, охотно принимает советы."
    ),
    "self_assessment": (
        "План выполнен полностью. Удалось выстроить регулярные встречи раз в две недели; не хватило "
        "времени на взаимопосещения во второй половине года — в следующей программе запланирую их раньше."
    ),
    "mentee_opinion": (
        "Ёлкина отмечает, что больше всего помогли совместная подготовка открытого занятия и разбор "
        "записей её занятий; хотела бы продолжить работу по развитию речи."
    ),
    "recommendation": Report.Recommendation.COMPLETE,
    "recommendation_note": "Рекомендую представить опыт на районном методическом объединении.",
}
MENTEE_TEXT = {
    "satisfaction": 9,
    "proposals": "Чаще проводить взаимопосещения с другими молодыми педагогами.",
}
EXTRA_LEARNED = "Готовлю занятия с мультимедийным сопровождением и веду страницу группы на сайте детского сада."


def _at(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(16)))


@transaction.atomic
def load(today=None) -> int:
    """Add the missing demo reports; return how many were added."""
    today = today or timezone.localdate()
    program = (
        Program.objects.filter(
            status=Program.Status.COMPLETED,
            pairing__mentor__person__personnel_number="004",
            pairing__direction__name="ИКТ",
        )
        .select_related("pairing__mentor__person__user", "pairing__direction")
        .prefetch_related("pairing__mentees__person__user", "items")
        .first()
    )
    if program is None or program.reports.exists():
        return 0
    sent_on = program.ends_on - timedelta(days=10)
    mentor = program.pairing.mentor.person
    added = 0
    fields = {**prefill.initial(program, Report.Kind.MENTOR, mentor, sent_on), **MENTOR_TEXT}
    fields["period_to"] = program.ends_on
    if not fields["remaining_difficulties"]:
        fields["remaining_difficulties"] = "Существенных затруднений не осталось."
    Report.objects.create(
        program=program,
        kind=Report.Kind.MENTOR,
        author=mentor,
        submitted_at=_at(sent_on),
        submitted_by=mentor.user,
        **fields,
    )
    added += 1
    for mentee in program.pairing.mentees.all():
        person = mentee.person
        fields = {**prefill.initial(program, Report.Kind.MENTEE, person, sent_on), **MENTEE_TEXT}
        fields["period_to"] = program.ends_on
        fields["learned"] = "\n".join(part for part in (fields["learned"], EXTRA_LEARNED) if part)
        if not fields["remaining_difficulties"]:
            fields["remaining_difficulties"] = "Хочу увереннее работать с родителями в онлайн-формате."
        Report.objects.create(
            program=program,
            kind=Report.Kind.MENTEE,
            author=person,
            submitted_at=_at(sent_on + timedelta(days=1)),
            submitted_by=person.user,
            **fields,
        )
        added += 1
    return added
