"""The letters about a pair its people write or receive, prefilled from the records (core.letters
lays them out): the mentor's notice of giving up the duties early, the employer's notice of taking
them back, and a mentee's application to replace the mentor or to end the pair early.

ТК РФ ст. 60.2 and 351.8: either side ends the extra duty early by a written notice at least three
working days ahead (core.workdays). A notice already given (the pair's notice date and last day, as
the early end recorded them) is printed with its dates; otherwise the dates are lines to fill in,
with the earliest last day a notice given today allows. The letters name the pair's order and
nobody's difficulties: the reason, if any, is the writer's to add by hand.
"""

from dataclasses import dataclass

from django.utils import timezone

from core.declension import Case, gender_of
from core.letters import BLANK_DATE, Letter, Part, Signed
from core.text import plural
from core.workdays import notice_end_date
from mentorship.services.pairs import participants
from people.models import Organization, Person
from records.wording import full_name_in_case, initials_and_surname, position_phrase

from .documents import _addressee
from .models import Pairing

# After «в соответствии со».
REASON = "Причина: " + "_" * 56 + "."
LABOUR_LAW = "статьями 60.2 и 351.8 Трудового кодекса Российской Федерации"


@dataclass(frozen=True)
class LetterKind:
    slug: str
    label: str  # the link's words on the pair's page
    side: str  # whose letter: "mentor", "mentee" or "employer"


KINDS = {
    kind.slug: kind
    for kind in (
        LetterKind("mentor-notice", "Уведомление о досрочном отказе от обязанностей наставника", "mentor"),
        LetterKind("employer-notice", "Уведомление наставнику об отмене поручения", "employer"),
        LetterKind("mentee-replace", "Заявление о замене наставника", "mentee"),
        LetterKind("mentee-end", "Заявление о досрочном прекращении наставничества", "mentee"),
    )
}


def kinds_for(pairing: Pairing, person: Person) -> list[LetterKind]:
    """The letters `person` of the pair writes (the employer's notice goes to the mentor). A partner's
    mentor is not our employee: the notices of ст. 60.2 are not theirs (their organization's
    cooperation agreement says how a pair of theirs ends)."""
    if person.pk != pairing.mentor.person_id:
        return [kind for kind in KINDS.values() if kind.side == "mentee"]
    if not pairing.mentor.person.organization.is_own:
        return []
    return [kind for kind in KINDS.values() if kind.side in ("mentor", "employer")]


def _fixing_order(pairing: Pairing) -> str:
    """«приказом от 01.09.2025 № 1-ОД»: the first registered order of the pair."""
    registered = sorted((order for order in pairing.orders.all() if order.number_text), key=lambda o: (o.date, o.pk))
    if not registered:
        return "приказом от «___» ____________ 20___ г. №\u00a0______"
    order = registered[0]
    return f"приказом от {order.date:%d.%m.%Y} №\u00a0{order.number_text}"


def _dates(pairing: Pairing, today) -> tuple[str, str]:
    """The notice's date and the pair's last day under it: as recorded by an early end, or lines to
    fill in with the earliest last day a notice given today allows."""
    if pairing.notice_on and pairing.ended_on:
        return f"{pairing.notice_on:%d.%m.%Y}", f"{pairing.ended_on:%d.%m.%Y}"
    earliest = notice_end_date(today)
    return BLANK_DATE, f"«___» ____________ 20___ г. (не ранее {earliest:%d.%m.%Y} при уведомлении {today:%d.%m.%Y})"


def _mentees_genitive(mentees: list[Person]) -> str:
    if len(mentees) == 1:
        mentee = mentees[0]
        word = {"female": "наставляемой", "male": "наставляемого"}.get(
            gender_of(mentee.first_name, mentee.middle_name, last_name=mentee.last_name), "наставляемого"
        )
        return f"{word} {full_name_in_case(mentee, Case.GENITIVE)}"
    names = ", ".join(full_name_in_case(mentee, Case.GENITIVE) for mentee in mentees)
    return f"группы наставляемых ({plural(len(mentees), 'человек', 'человека', 'человек')}: {names})"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def letters_for(pairing: Pairing, people: list[Person], viewer: Person | None, *, any_person: bool) -> list:
    """(person, their letters) for the pair's page: everyone's for the bank's readers
    (`any_person`), one's own otherwise; none before the pair is fixed by an order or after it ended
    as planned."""
    if pairing.status not in (*Pairing.CURRENT_STATUSES, Pairing.Status.TERMINATED):
        return []
    found = [
        (
            person,
            kinds_for(pairing, person)
            if any_person
            else [k for k in kinds_for(pairing, person) if k.side != "employer"],
        )
        for person in people
        if any_person or (viewer is not None and person.pk == viewer.pk)
    ]
    # A person with no letter of their own (a partner's mentor gives no notice to our employer) is not
    # listed as a name followed by nothing.
    return [(person, kinds) for person, kinds in found if kinds]


def from_person(person: Person, own: Organization | None) -> list[str]:
    """The addressee block of an employee's letter to the head: «Заведующему / МКДОУ … / Е.В. Соколовой /
    от Петровой Светланы Николаевны, / воспитателя» (programs' release application uses it too)."""
    addressee = _addressee(own)
    return [
        addressee["position"],
        addressee["organization"],
        addressee["name"],
        f"от {full_name_in_case(person, Case.GENITIVE)},",
        position_phrase(person, own, Case.GENITIVE),
    ]


def pair_letter(pairing: Pairing, person: Person, slug: str, today=None) -> Letter:
    """The letter `slug` (KINDS) of `person` of `pairing`. ValueError if the person is not in the pair
    or does not write that letter."""
    today = today or timezone.localdate()
    people = participants(pairing)
    person = next((p for p in people if p.pk == person.pk), None)
    kind = KINDS.get(slug)
    if person is None or kind is None or kind not in kinds_for(pairing, person):
        raise ValueError("Этот сотрудник не пишет такое письмо по этой паре.")
    own = Organization.own()
    mentor, mentees = people[0], people[1:]
    order = _fixing_order(pairing)
    notice_on, last_day = _dates(pairing, today)
    title = f"{kind.label} — {person.full_name}"
    if slug == "mentor-notice":
        return Letter(
            kind="УВЕДОМЛЕНИЕ",
            subject="о досрочном отказе от выполнения обязанностей наставника",
            title=title,
            to=from_person(mentor, own),
            paragraphs=[
                f"В соответствии со {LABOUR_LAW} уведомляю о досрочном отказе от выполнения дополнительной работы — "
                f"обязанностей наставника {_mentees_genitive(mentees)}, возложенных на меня {order}.",
                f"Последний день выполнения обязанностей наставника — {last_day}. Уведомление подаётся не позднее "
                "чем за три рабочих дня до прекращения наставничества.",
            ],
            signed=Signed(initials_and_surname(mentor, Case.NOMINATIVE), left=notice_on),
        )
    if slug == "employer-notice":
        head = own.head if own else None
        head_name = initials_and_surname(head, Case.NOMINATIVE) if head else "____________"
        return Letter(
            kind="УВЕДОМЛЕНИЕ",
            subject="о досрочной отмене поручения о выполнении обязанностей наставника",
            title=title,
            to=[_capital(position_phrase(mentor, own, Case.DATIVE)), initials_and_surname(mentor, Case.DATIVE)],
            paragraphs=[
                f"В соответствии со {LABOUR_LAW} уведомляем Вас о досрочной отмене поручения о выполнении "
                f"дополнительной работы — обязанностей наставника {_mentees_genitive(mentees)}, возложенных на Вас "
                f"{order}.",
                f"Последний день выполнения обязанностей наставника — {last_day}. Уведомление вручается не позднее "
                "чем за три рабочих дня до прекращения наставничества.",
            ],
            signed=Signed(head_name, left=str(head.position) if head else "Руководитель"),
            parts=[
                Part(
                    heading=f"С уведомлением {mentor.gendered('ознакомлен', 'ознакомлена')}, один экземпляр "
                    f"{mentor.gendered('получил', 'получила')}",
                    paragraphs=[],
                    signed=Signed(initials_and_surname(mentor, Case.NOMINATIVE)),
                )
            ],
        )
    mentor_named = f"{full_name_in_case(mentor, Case.NOMINATIVE)}, {position_phrase(mentor, own, Case.NOMINATIVE)}"
    if slug == "mentee-replace":
        paragraphs = [
            f"Прошу заменить наставника, закреплённого за мной {order} (наставник — {mentor_named}).",
            REASON,
            "Кандидатуру нового наставника прошу согласовать со мной: моё согласие на нового наставника будет "
            "дано письменно.",
        ]
        subject = "о замене наставника"
    else:
        paragraphs = [
            f"Прошу досрочно прекратить наставничество, закреплённое за мной {order} "
            f"(наставник — {mentor_named}). Последний день наставничества — {last_day}.",
            REASON,
        ]
        subject = "о досрочном прекращении наставничества"
    return Letter(
        kind="ЗАЯВЛЕНИЕ",
        subject=subject,
        title=title,
        to=from_person(person, own),
        paragraphs=paragraphs,
        signed=Signed(initials_and_surname(person, Case.NOMINATIVE)),
    )
