"""The application for release from duty for a program's event (1.4 of the regulation), prefilled
from the request, with the substitute's written consent to the extra work under it (ТК РФ ст. 60.2:
another employee's duties only with their written consent; ст. 151: paid extra, in the amount the
sides agree on, as the order says). The substitute is a pedagogical worker (services.releases); the
order cites this consent. Laid out by core.letters, as mentorship's letters are."""

from django.utils import timezone

from core.declension import Case, gender_of
from core.letters import BLANK_DATE, Letter, Part, Signed
from core.text import decimal_text
from mentorship.letters import from_person
from people.models import Organization
from records.wording import full_name_in_case, initials_and_surname, position_phrase

from .models import ReleaseRequest


def _agrees(person) -> str:
    if person is None:
        return "согласен(на)"
    gender = gender_of(person.first_name, person.middle_name, last_name=person.last_name)
    return {"male": "согласен", "female": "согласна"}.get(gender, "согласен(на)")


def release_letter(release: ReleaseRequest) -> Letter:
    own = Organization.own()
    person, substitute = release.person, release.substitute
    hours = decimal_text(release.hours)
    when = f"{release.date:%d.%m.%Y} на {hours} ч"
    if substitute is not None:
        duties = (
            f"На время моего отсутствия прошу поручить выполнение моих обязанностей "
            f"{position_phrase(substitute, own, Case.DATIVE)} {full_name_in_case(substitute, Case.DATIVE)} "
            f"с {substitute.gendered('его', 'её')} письменного согласия и с доплатой за дополнительную работу "
            "в размере, установленном соглашением сторон "
            "(статьи 60.2 и 151 Трудового кодекса Российской Федерации)."
        )
        substitute_line = f"Я, {substitute.full_name}, {position_phrase(substitute, own, Case.NOMINATIVE)},"
        substitute_sign = initials_and_surname(substitute, Case.NOMINATIVE)
    else:
        duties = (
            "На время моего отсутствия прошу поручить выполнение моих обязанностей другому педагогическому "
            "работнику с его письменного согласия и с доплатой за дополнительную работу в размере, установленном "
            "соглашением сторон (статьи 60.2 и 151 Трудового кодекса Российской Федерации)."
        )
        substitute_line = "Я, " + "_" * 44 + ","
        substitute_sign = "_" * 16
    return Letter(
        kind="ЗАЯВЛЕНИЕ",
        subject="об освобождении от основной работы для участия в мероприятии программы наставничества",
        title=f"Заявление об освобождении от работы {release.date:%d.%m.%Y} — {person.full_name}",
        to=from_person(person, own),
        paragraphs=[
            f"Прошу освободить меня от основной работы {when} для участия в мероприятии персонализированной "
            f"программы наставничества: «{release.event.strip()}».",
            duties,
        ],
        signed=Signed(
            initials_and_surname(person, Case.NOMINATIVE), left=f"{timezone.localtime(release.requested_at):%d.%m.%Y}"
        ),
        parts=[
            Part(
                heading="Согласие работника на выполнение дополнительной работы (статья 60.2 ТК РФ)",
                paragraphs=[
                    f"{substitute_line} {_agrees(substitute)} {when} выполнять дополнительную работу — обязанности "
                    f"{position_phrase(person, own, Case.GENITIVE)} {full_name_in_case(person, Case.GENITIVE)} — "
                    "в течение установленной продолжительности рабочего дня, с доплатой в размере, установленном "
                    "соглашением сторон (статья 151 Трудового кодекса Российской Федерации)."
                ],
                signed=Signed(substitute_sign, left=BLANK_DATE),
            )
        ],
    )
