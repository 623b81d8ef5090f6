"""Printed forms about a pair or group, prefilled from the records: the written consent every
participant signs before the order (3.2, 3.3 of the regulation; ТК РФ ст. 351.8; 152-ФЗ).

All wording is decided here — own staff or a partner's mentor, pair or group, a woman or a man —
so the templates only lay it out. A mentee's professional difficulties and request are never
put into a form: the form is handed round on paper.
"""

from core.declension import Case, gender_of, organization_name_in_case
from core.letters import BLANK_DATE
from core.pdf import render_pdf
from core.text import lower_first, plural
from mentorship.services.pairs import participants
from people.models import Organization, Person
from records.wording import full_name_in_case, initials_and_surname, position_in_case, position_phrase

from .models import Pairing

MENTOR_TEMPLATE = "mentorship/pdf/consent_mentor.html"
MENTEE_TEMPLATE = "mentorship/pdf/consent_mentee.html"

LABOUR_LAW = "ст. 351.8 ТК РФ"

MENTOR_DATA = (
    "фамилия, имя, отчество; место работы, должность; образование, квалификационная категория, "
    "педагогический стаж; контактные данные; сведения о наставнической деятельности и её результатах"
)
MENTEE_DATA = (
    "фамилия, имя, отчество; место работы, должность; образование, квалификационная категория, стаж; "
    "контактные данные; результаты диагностики профессиональных затруднений, запрос на наставничество, "
    "результаты самоанализа и освоения программы наставничества"
)


def consent_context(pairing: Pairing, person: Person) -> dict:
    """Everything the consent form of `person` in `pairing` prints.

    Raises ValueError when the person is not (or no longer) a participant of the pair.
    """
    people = participants(pairing)
    if person.pk not in {p.pk for p in people}:
        raise ValueError(f"{person.full_name} не участвует в этой паре (группе).")
    person = next(p for p in people if p.pk == person.pk)
    own = Organization.own()
    own_name = own.short_name if own else "образовательной организации"
    mentor = pairing.mentor.person
    mentees = people[1:]
    is_mentor = person.pk == mentor.pk
    own_staff = own is not None and mentor.organization_id == own.pk
    is_group = len(mentees) > 1
    gender = gender_of(person.first_name, person.middle_name, last_name=person.last_name)

    def by_gender(male: str, female: str, unknown: str) -> str:
        return {"male": male, "female": female}.get(gender, unknown)

    terms = [
        ("Срок", f"с {pairing.starts_on:%d.%m.%Y} по {pairing.planned_end_on:%d.%m.%Y}"),
        (
            "Вид",
            f"групповое (наставник и {plural(len(mentees), 'наставляемый', 'наставляемых', 'наставляемых')})"
            if is_group
            else "индивидуальное (пара)",
        ),
        ("Направление", f"«{pairing.direction}»"),
        ("Формы наставничества", "; ".join(f"«{form}»" for form in pairing.forms.all())),
    ]
    regulation = f"Положением о наставничестве педагогических работников {own_name}"
    context = {
        "organization": own,
        "addressee": _addressee(own),
        "sender_name": full_name_in_case(person, Case.GENITIVE),
        "sender_position": _sender_position(person, own),
        "name": person.full_name,
        "signature": initials_and_surname(person, Case.NOMINATIVE),
        "blank_date": BLANK_DATE,
        "acquainted": (
            f"С {regulation} {by_gender('ознакомлен', 'ознакомлена', 'ознакомлен(а)')}, "
            "свои права и обязанности мне разъяснены."
        ),
        "personal_data": _personal_data(
            own, MENTOR_DATA if is_mentor else MENTEE_DATA, mentee=not is_mentor, gender=by_gender
        ),
    }
    if is_mentor:
        # The post in apposition goes first, in the case of the sentence: «наставником воспитателя Ивановой …».
        named = [f"{position_phrase(m, own, Case.GENITIVE)} {full_name_in_case(m, Case.GENITIVE)}" for m in mentees]
        # A list after a colon inside a sentence closes with «, —».
        whom = f"группы наставляемых: {'; '.join(named)}, —" if is_group else named[0]
        # Ст. 351.8 binds our employer and our employee; a partner's mentor works under the cooperation
        # agreement with their organization (DOMAIN.md).
        basis = (
            f"со статьёй 351.8 Трудового кодекса Российской Федерации и {regulation}"
            if own_staff
            else f"с {regulation} и договором о сотрудничестве с организацией-партнёром"
        )
        context.update(
            template=MENTOR_TEMPLATE,
            title="педагогического работника на осуществление наставнической деятельности",
            statement=(
                f"Я, {person.full_name}, {position_phrase(person, own, Case.NOMINATIVE)}, в соответствии "
                f"{basis} даю согласие на назначение меня наставником {whom} на следующих условиях."
            ),
            terms=[
                *terms,
                (
                    "Содержание",
                    "разработка и реализация совместно с наставляемым персонализированной программы "
                    "наставничества, итоговый отчёт",
                ),
                ("Оплата", _payment(mentor, own)),
            ],
            ending=_mentor_ending(mentor, own),
        )
    else:
        others = [m for m in mentees if m.pk != person.pk]
        terms.insert(0, ("Наставник", f"{mentor.full_name}, {position_phrase(mentor, own, Case.NOMINATIVE)}"))
        if others:
            terms.insert(
                1,
                (
                    "Другие наставляемые группы",
                    "; ".join(f"{m.full_name}, {position_phrase(m, own, Case.NOMINATIVE)}" for m in others),
                ),
            )
        terms.append(
            (
                "Содержание",
                "участие в разработке и реализации персонализированной программы наставничества, "
                "самоанализ, итоговый отчёт",
            )
        )
        kind = "группе" if is_group else "паре"
        context.update(
            template=MENTEE_TEMPLATE,
            title=f"на участие в наставнической {kind} в качестве "
            f"{by_gender('наставляемого', 'наставляемой', 'наставляемого(ой)')}",
            statement=(
                f"Я, {person.full_name}, {position_phrase(person, own, Case.NOMINATIVE)}, в соответствии "
                f"с {regulation} даю согласие на участие в наставнической {kind} в качестве "
                f"{by_gender('наставляемого', 'наставляемой', 'наставляемого(ой)')} на следующих условиях."
            ),
            terms=terms,
            ending=(
                "Мне разъяснено, что о прекращении участия в наставничестве или о замене наставника я вправе "
                "обратиться с письменным заявлением к куратору наставничества; решение принимает работодатель."
            ),
        )
    return context


def consent_form_title(person: Person) -> str:
    """The name a participant's consent form (and its scan) is saved under."""
    return f"Согласие на участие в паре — {person.full_name}"


def consent_form_pdf(pairing: Pairing, person: Person) -> bytes:
    """The prefilled consent form of one participant, as PDF. ValueError if not a participant."""
    context = consent_context(pairing, person)
    return render_pdf(context["template"], context)


# --- names and positions -----------------------------------------------------------------------


def _sender_position(person: Person, own: Organization | None) -> list[str]:
    """Lines under «от …» in the addressee block: the position in the genitive when we can decline
    it, else as it is named (after a comma either way); a partner's organization on its own line."""
    lines = [position_in_case(str(person.position), Case.GENITIVE) or lower_first(str(person.position))]
    if own is None or person.organization_id != own.pk:
        lines.append(person.organization.short_name)
    return lines


def _addressee(own: Organization | None) -> dict:
    head = own.head if own else None
    if head is None:
        return {"position": "Руководителю", "organization": own.short_name if own else "", "name": "_" * 20}
    position = position_in_case(str(head.position), Case.DATIVE) or "руководителю"
    return {
        "position": position[:1].upper() + position[1:],
        "organization": own.short_name,
        "name": initials_and_surname(head, Case.DATIVE),
    }


def _payment(mentor: Person, own: Organization | None) -> str:
    if own is not None and mentor.organization_id == own.pk:
        return f"доплата устанавливается дополнительным соглашением к трудовому договору ({LABOUR_LAW})"
    own_name = own.short_name if own else "образовательной организацией"
    # The agreement's party by its full name, in brackets so that any name reads right after «с».
    return (
        "наставничество осуществляется в рамках договора о сотрудничестве с организацией-партнёром "
        f"({mentor.organization.full_name}), без доплаты по трудовому договору с {own_name}"
    )


def _mentor_ending(mentor: Person, own: Organization | None) -> str:
    if own is not None and mentor.organization_id == own.pk:
        return (
            "Мне разъяснено, что я и работодатель вправе досрочно прекратить наставничество, письменно "
            f"уведомив другую сторону не менее чем за три рабочих дня ({LABOUR_LAW})."
        )
    own_name = own.short_name if own else "образовательную организацию"
    return (
        f"Мне разъяснено, что я вправе досрочно прекратить наставничество, письменно уведомив {own_name} "
        "не менее чем за три рабочих дня; в том же порядке наставничество может прекратить и образовательная "
        "организация."
    )


def _personal_data(own: Organization | None, data: str, *, mentee: bool, gender) -> dict:
    """The 152-ФЗ paragraph (ст. 9 ч. 4: who, operator, purpose, data, actions, term, withdrawal).
    Distribution is excluded on purpose: publishing needs a separate consent (ст. 10.1)."""
    # «даю согласие оператору — Муниципальному казённому … учреждению …»: the full name in apposition
    # takes the dative; a name that cannot be declined (core.declension) is introduced, not declined.
    if own is None:
        operator = "оператору — образовательной организации"
    else:
        dative = organization_name_in_case(own.full_name, Case.DATIVE)
        operator = f"оператору — {dative}" if dative else f"оператору, которым является {own.full_name},"
        if own.address:
            operator += f" (адрес: {own.address})"
    access = (
        "предоставление доступа моему наставнику, куратору наставничества, руководителю и членам "
        "методического объединения, рассматривающим программу наставничества"
        if mentee
        else "предоставление доступа куратору наставничества, руководителю и членам методического объединения"
    )
    return {
        "gender_registered": gender("зарегистрированный", "зарегистрированная", "зарегистрированный(ая)"),
        "text": (
            "в соответствии со статьёй 9 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных» "
            f"даю согласие {operator} — на обработку моих персональных данных ({data}) в целях организации "
            "наставничества педагогических работников и ведения системы наставничества: сбор, запись, систематизацию, "
            f"накопление, хранение, уточнение, извлечение, использование, {access}, обезличивание, "
            "блокирование, удаление и уничтожение — с использованием средств автоматизации и без них."
        ),
        "limits": (
            "Распространение моих персональных данных, в том числе опубликование на официальном сайте "
            "организации, этим согласием не разрешается: на это даётся отдельное согласие (ст. 10.1 "
            "Федерального закона № 152-ФЗ). Согласие действует до окончания наставничества и истечения "
            "сроков хранения документов о нём и может быть отозвано мной письменным заявлением."
        ),
    }


# --- the additional agreement to a mentor's employment contract (ТК РФ ст. 351.8) -------------

AGREEMENT_TEMPLATE = "mentorship/pdf/agreement.html"
BLANK_NUMBER = "______"
BLANK_DATE_INLINE = "«___» ________ 20___ г."


def agreement_context(agreement) -> dict:
    """What the agreement prints: the text written with the order, and the requisites as the
    clerk has filled them in so far (blank lines where not yet)."""
    contract_date = f"{agreement.contract_date:%d.%m.%Y}" if agreement.contract_date else BLANK_DATE_INLINE
    return {
        "agreement": agreement,
        "title": "ДОПОЛНИТЕЛЬНОЕ СОГЛАШЕНИЕ",
        "number": agreement.number or BLANK_NUMBER,
        "subject": agreement.get_kind_display().lower(),
        "contract": f"к трудовому договору от {contract_date} № {agreement.contract_number or BLANK_NUMBER}",
        "place": agreement.order.organization.place,
        "date": f"{agreement.date:%d.%m.%Y}",
        "parties": f"{agreement.parties} от {contract_date} № {agreement.contract_number or BLANK_NUMBER} "
        "(далее — трудовой договор) о нижеследующем:",
        "clauses": agreement.rendered_clauses(),
        "received": f"Второй экземпляр соглашения {agreement.mentor.person.gendered('получил', 'получила')}",
        "blank_date": BLANK_DATE,
    }


def agreement_pdf(agreement) -> bytes:
    return render_pdf(AGREEMENT_TEMPLATE, agreement_context(agreement))
