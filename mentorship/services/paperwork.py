"""Paperwork behind a mentor (ТК РФ ст. 351.8).

Our own employee mentors under an additional agreement to the employment contract that states the
content, the term, the form and the extra pay. The order services call this module when they
register an order: fixing a pair writes an agreement for its mentor; replacing the mentor ends the
old mentor's agreement by an agreement of its own (its last day, the pay stopping after it) and writes
one for the new mentor; an early end ends the mentor's agreement the same way; extending
the term writes an agreement that changes the term of the mentor's agreement in force (the pay and
the rest stay). A partner organization's mentor gets no agreement and no pay from us: the
cooperation agreement with that organization is recorded instead.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from accounts.models import User
from core.declension import Case, gender_of, signature_name
from core.services import Outcome, authored, validated_save
from core.text import lower_first, plural
from people.facts import position_on
from people.models import Organization
from people.roles import roles_of
from records.models import Order
from records.wording import full_name_in_case, position_in_case, position_phrase

from ..models import CooperationAgreement, MentoringAgreement, Pairing
from ..roles import AGREEMENT_CLERKS, COOPERATION_RECORDERS

__all__ = [
    "agreement_update",
    "agreements_on_approval",
    "agreements_on_extension",
    "agreements_on_replacement",
    "agreements_on_termination",
    "cooperation_agreement_record",
    "current_agreement",
]

LAW = "статья 351.8 Трудового кодекса Российской Федерации"


def _by_gender(person, male: str, female: str, unknown: str) -> str:
    gender = gender_of(person.first_name, person.middle_name, last_name=person.last_name)
    return {"male": male, "female": female}.get(gender, unknown)


def _order_reference(order: Order) -> str:
    return f"приказом от {order.date:%d.%m.%Y} № {order.number_text} «{order.heading}»"


def _parties(own: Organization, mentor, on) -> str:
    """«<employer>, именуемое …, в лице заведующего Соколовой Елены Викторовны, действующей …, и
    Петрова Светлана Николаевна, воспитатель, именуемая …» — the contract's requisites follow in
    the document, as the clerk fills them in."""
    head = own.head
    head_post = str(position_on(head, on))
    head_position = position_in_case(head_post, Case.GENITIVE) or lower_first(head_post)
    employee = mentor.person
    return (
        f"{own.full_name}, именуемое в дальнейшем «Работодатель», в лице {head_position} "
        f"{full_name_in_case(head, Case.GENITIVE)}, "
        f"{_by_gender(head, 'действующего', 'действующей', 'действующего(ей)')} "
        f"на основании Устава, с одной стороны, и {employee.full_name}, {lower_first(str(position_on(employee, on)))}, "
        f"{_by_gender(employee, 'именуемый', 'именуемая', 'именуемый(ая)')} в дальнейшем «Работник», с другой "
        "стороны, заключили настоящее дополнительное соглашение к трудовому договору"
    )


def _pay_snapshot(own: Organization) -> dict:
    rule = own.mentor_pay_rule
    return {
        "pay_rule": rule,
        "pay_amount": own.mentor_pay_amount if rule == Organization.PayRule.FIXED else None,
        "pay_percent": own.mentor_pay_percent if rule == Organization.PayRule.PERCENT else None,
    }


def _signers(own: Organization, mentor, on) -> dict:
    """Who signs, with the posts they hold on the agreement's date `on` (people.facts)."""
    head, employee = own.head, mentor.person
    return {
        "employer": own.full_name,
        "employee": f"{employee.full_name}, {lower_first(str(position_on(employee, on)))}",
        "employer_signer_position": str(position_on(head, on)),
        "employer_signer_name": signature_name(head.last_name, head.first_name, head.middle_name),
        "employee_signer_name": signature_name(employee.last_name, employee.first_name, employee.middle_name),
    }


def _assignment_clauses(agreement: MentoringAgreement, *, pairing: Pairing, own: Organization, replacing) -> list:
    mentor = agreement.mentor.person
    mentees = [mentee.person for mentee in pairing.mentees.all()]
    group = len(mentees) > 1
    consent = next((c for c in pairing.consents.all() if c.person_id == mentor.pk and c.is_valid), None)
    consent_text = f" от {consent.given_on:%d.%m.%Y}" if consent else ""
    named = "; ".join(
        f"{full_name_in_case(m, Case.GENITIVE)}, {position_phrase(m, own, Case.GENITIVE, on=agreement.date)}"
        for m in mentees
    )
    # «наставляемой — Ивановой Анны …»: the participle follows a single mentee's gender.
    one = mentees[0].gendered("наставляемого", "наставляемой") if mentees else "наставляемого"
    whom = f"группы наставляемых: {named}, —" if group else f"{one} — {named}, —"
    reason = " в связи с заменой наставника" if replacing else ""
    forms = "; ".join(f"«{form}»" for form in pairing.forms.all())
    form = (
        f"групповая (наставническая группа из {plural(len(mentees), 'наставляемого', 'наставляемых', 'наставляемых')})"
        if group
        else "индивидуальная (наставническая пара)"
    )
    pronoun = _by_gender(mentor, "его", "её", "его (её)")
    with_one = mentees[0].gendered("наставляемым", "наставляемой") if mentees else "наставляемым"
    return [
        f"Работодатель поручает, а Работник с {pronoun} письменного согласия{consent_text}{reason} принимает на себя "
        f"выполнение работы по наставничеству ({LAW}) в отношении {whom} в соответствии с Положением о "
        f"наставничестве педагогических работников {own.short_name} и {_order_reference(agreement.order)}.",
        "Содержание работы по наставничеству: помощь в профессиональной и должностной адаптации и в преодолении "
        f"профессиональных затруднений по направлению «{pairing.direction}»; разработка совместно с "
        f"{'наставляемыми' if group else with_one} персонализированной программы наставничества и её "
        "реализация; учёт проведённых мероприятий; итоговый отчёт о результатах наставничества.",
        f"Срок наставничества: с {agreement.starts_on:%d.%m.%Y} по {agreement.ends_on:%d.%m.%Y}.",
        f"Форма наставничества: {form}; формы по пункту 2.3 Положения о наставничестве: {forms}.",
        f"За выполнение работы по наставничеству Работнику устанавливается доплата в размере {agreement.pay_text()}. "
        "За неполный календарный месяц доплата начисляется пропорционально числу календарных дней наставничества "
        "в этом месяце и выплачивается в сроки выплаты заработной платы.",
        "Работодатель и Работник вправе досрочно прекратить выполнение работы по наставничеству, письменно "
        f"предупредив об этом другую сторону не менее чем за три рабочих дня ({LAW}).",
        f"Настоящее соглашение вступает в силу с {agreement.starts_on:%d.%m.%Y}, является неотъемлемой частью "
        "трудового договора и составлено в двух экземплярах, имеющих равную юридическую силу, по одному для каждой "
        "из сторон. Остальные условия трудового договора остаются без изменений.",
    ]


def _write_assignment(*, pairing: Pairing, mentor, order: Order, starts_on, actor: User, replacing=False):
    own = order.organization
    agreement = MentoringAgreement(
        pairing=pairing,
        mentor=mentor,
        order=order,
        kind=MentoringAgreement.Kind.ASSIGNMENT,
        date=order.date,
        starts_on=starts_on,
        ends_on=pairing.planned_end_on,
        mentees_count=pairing.mentees.count(),
        parties=_parties(own, mentor, order.date),
        created_by=actor,
        **_pay_snapshot(own),
        **_signers(own, mentor, order.date),
    )
    agreement.clauses = _assignment_clauses(agreement, pairing=pairing, own=own, replacing=replacing)
    validated_save(agreement, actor=actor)
    return agreement


def _is_own_staff(mentor) -> bool:
    return mentor.person.organization.is_own


def current_agreement(pairing: Pairing, mentor) -> MentoringAgreement | None:
    """The mentor's agreement on this pair now in force (the last of a chain of term changes);
    None once an agreement has ended it."""
    return (
        MentoringAgreement.objects.filter(pairing=pairing, mentor=mentor, amended_by__isnull=True)
        .exclude(kind=MentoringAgreement.Kind.END)
        .order_by("-date", "-pk")
        .first()
    )


def _write_end(*, previous: MentoringAgreement, last_day, cause: str, order: Order, actor: User) -> MentoringAgreement:
    """The agreement that ends `previous` (ст. 351.8 ТК РФ): the mentor's last day of the work and
    that the pay stops after it. The terms it ends are kept on it as they were (pay, term), so the
    pay list still reads them from the chain's last link."""
    own = order.organization
    mentor = previous.mentor
    if previous.ended_on is None or previous.ended_on > last_day:
        previous.ended_on = last_day
        validated_save(previous, actor=actor)
    agreement = MentoringAgreement(
        pairing=previous.pairing,
        mentor=mentor,
        order=order,
        kind=MentoringAgreement.Kind.END,
        amends=previous,
        date=order.date,
        contract_number=previous.contract_number,
        contract_date=previous.contract_date,
        starts_on=previous.starts_on,
        ends_on=previous.ends_on,
        ended_on=last_day,
        mentees_count=previous.mentees_count,
        pay_rule=previous.pay_rule,
        pay_amount=previous.pay_amount,
        pay_percent=previous.pay_percent,
        parties=_parties(own, mentor, order.date),
        created_by=actor,
        **_signers(own, mentor, order.date),
    )
    # «{first}» and «{amended}» are filled with those agreements' requisites when printed (the clerk
    # may number them later), as in an agreement changing the term.
    which = "{first}" if previous.amends_id is None else "{first} (в редакции дополнительного соглашения {amended})"
    agreement.clauses = [
        f"В связи с {cause} ({_order_reference(order)}) стороны пришли к соглашению прекратить выполнение "
        "Работником работы по наставничеству (дополнительной работы), порученной дополнительным соглашением "
        f"{which} к трудовому договору ({LAW}). Последний день выполнения работы по наставничеству — "
        f"{last_day:%d.%m.%Y}.",
        "Доплата за наставническую деятельность, установленная дополнительным соглашением {first}, выплачивается "
        f"по {last_day:%d.%m.%Y} включительно (за неполный месяц — пропорционально числу календарных дней "
        f"наставничества) и после {last_day:%d.%m.%Y} не выплачивается.",
        f"Дополнительное соглашение {which} прекращает действие после {last_day:%d.%m.%Y}. Остальные условия "
        "трудового договора остаются без изменений.",
        "Настоящее соглашение вступает в силу со дня его подписания, является неотъемлемой частью трудового "
        "договора и составлено в двух экземплярах, имеющих равную юридическую силу, по одному для каждой из сторон.",
    ]
    validated_save(agreement, actor=actor)
    return agreement


def agreements_on_approval(*, pairings, order: Order, actor: User) -> list[MentoringAgreement]:
    """An additional agreement for every own-staff mentor of the pairs the order fixes."""
    return [
        _write_assignment(pairing=pairing, mentor=pairing.mentor, order=order, starts_on=pairing.starts_on, actor=actor)
        for pairing in pairings
        if _is_own_staff(pairing.mentor)
    ]


def agreements_on_replacement(
    *, pairing: Pairing, old_mentor, new_mentor, last_day, starts_on, order: Order, actor: User
) -> MentoringAgreement | None:
    """The old mentor's agreement ends on `last_day` — the day before the new mentor starts, or the
    last day of a leaving mentor's contract — by an agreement «О прекращении …» (the order stops the
    old mentor's pay after it); the new mentor, if ours, gets an agreement for the rest of the same term."""
    previous = current_agreement(pairing, old_mentor)
    if previous is not None:
        _write_end(previous=previous, last_day=last_day, cause="заменой наставника", order=order, actor=actor)
    if not _is_own_staff(new_mentor):
        return None
    return _write_assignment(
        pairing=pairing, mentor=new_mentor, order=order, starts_on=starts_on, actor=actor, replacing=True
    )


def agreements_on_termination(*, pairing: Pairing, last_day, order: Order, actor: User) -> MentoringAgreement | None:
    """An early end of the pair ends its mentor's agreement on `last_day`, by an agreement of its own."""
    previous = current_agreement(pairing, pairing.mentor)
    if previous is None:
        return None
    return _write_end(
        previous=previous, last_day=last_day, cause="досрочным прекращением наставничества", order=order, actor=actor
    )


def agreements_on_extension(*, pairing: Pairing, order: Order, actor: User) -> MentoringAgreement | None:
    """A longer term changes one clause of the agreement in force: a new agreement says so and
    the rest stays as agreed (the pay too, even if the organization's rule changed since). A pair
    fixed before the system wrote agreements gets a full one instead."""
    mentor = pairing.mentor
    if not _is_own_staff(mentor):
        return None
    previous = current_agreement(pairing, mentor)
    if previous is None:
        return _write_assignment(pairing=pairing, mentor=mentor, order=order, starts_on=pairing.starts_on, actor=actor)
    own = order.organization
    agreement = MentoringAgreement(
        pairing=pairing,
        mentor=mentor,
        order=order,
        kind=MentoringAgreement.Kind.TERM,
        amends=previous,
        date=order.date,
        contract_number=previous.contract_number,
        contract_date=previous.contract_date,
        starts_on=previous.starts_on,
        ends_on=pairing.planned_end_on,
        mentees_count=previous.mentees_count,
        pay_rule=previous.pay_rule,
        pay_amount=previous.pay_amount,
        pay_percent=previous.pay_percent,
        parties=_parties(own, mentor, order.date),
        created_by=actor,
        **_signers(own, mentor, order.date),
    )
    # «{first}» and «{amended}» are filled with those agreements' requisites when printed: the
    # clerk may number them later. A second extension amends the first one's wording of clause 3.
    which = "{first}" if previous.amends_id is None else "{first} (в редакции дополнительного соглашения {amended})"
    agreement.clauses = [
        f"В связи с продлением срока наставничества ({_order_reference(order)}) изложить пункт 3 дополнительного "
        f"соглашения {which} к трудовому договору в следующей редакции: «3. Срок наставничества: "
        f"с {agreement.starts_on:%d.%m.%Y} по {agreement.ends_on:%d.%m.%Y}.»",
        "Остальные условия дополнительного соглашения {first} и трудового договора остаются без изменений.",
        "Настоящее соглашение вступает в силу со дня его подписания и составлено в двух экземплярах, имеющих равную "
        "юридическую силу, по одному для каждой из сторон.",
    ]
    validated_save(agreement, actor=actor)
    return agreement


@transaction.atomic
def agreement_update(
    *, agreement: MentoringAgreement, number: str, date, contract_number: str, contract_date, actor: User
) -> Outcome:
    """The clerk fills in the requisites: the agreement's number and date, the employment
    contract's number and date. The content stays as the order wrote it."""
    if not roles_of(actor) & AGREEMENT_CLERKS:
        raise PermissionDenied("Реквизиты соглашения заполняют руководитель, куратор или администратор.")
    agreement = MentoringAgreement.objects.select_for_update().get(pk=agreement.pk)
    agreement.number, agreement.contract_number = number.strip(), contract_number.strip()
    agreement.date, agreement.contract_date = date, contract_date
    validated_save(agreement, actor=actor)
    warnings = []
    if agreement.date < agreement.order.date:
        warnings.append(
            f"Соглашение датировано раньше приказа ({agreement.order.date:%d.%m.%Y}), на основании которого составлено."
        )
    return Outcome(agreement, warnings)


@transaction.atomic
def cooperation_agreement_record(*, agreement: CooperationAgreement, actor: User) -> Outcome:
    """Record the cooperation agreement with a partner organization, under which its people
    mentor here (3.3: the head makes network contacts; the curator keeps the records)."""
    if not roles_of(actor) & COOPERATION_RECORDERS:
        raise PermissionDenied("Договор о сотрудничестве записывают руководитель или куратор.")
    agreement.created_by = actor
    agreement.full_clean()
    with authored(agreement, actor):
        agreement.save()
    return Outcome(agreement)
