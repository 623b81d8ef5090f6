"""The printable consent to distribute personal data (согласие на обработку персональных данных,
разрешённых субъектом для распространения; 152-ФЗ ст. 10.1), as PDF and DOCX, prefilled for a person
of the bank.

It carries what ст. 10.1 and the requirements to its content (приказ Роскомнадзора от 24.02.2021 № 18)
ask for: the subject and how to reach them; the operator with its address, ИНН and ОГРН; the
information resource through which the data become public; the purpose; each category of data with
«разрешаю / не разрешаю» and the subject's conditions and prohibitions; the term; the right to demand
that the distribution stop. When the bank records a publication consent in force, the form prints what
that consent allows and until when; otherwise the person ticks by hand.
"""

from datetime import date

from django.utils import timezone

from core.declension import Case
from core.docx import DocxDocument
from core.letters import BLANK_DATE
from core.pdf import render_pdf
from people.models import Organization, Person
from records.wording import initials_and_surname

from .models import PublicationConsent, PublishableData
from .selectors import publication_consents_of

TEMPLATE = "mentorship/pdf/publication_consent.html"
BLANK = "_" * 30
TICKED, EMPTY = "☒", "☐"
PURPOSE = (
    "информирование о наставничестве педагогических работников: размещение сведений о наставниках, "
    "наставляемых и результатах наставничества в разделе «Наставничество» официального сайта организации"
)
WITHDRAWAL = (
    "Я вправе в любой момент потребовать прекратить передачу (распространение, предоставление, доступ) "
    "моих персональных данных, разрешённых для распространения, письменным требованием с указанием моих "
    "фамилии, имени, отчества, контактной информации и перечня данных, обработка которых подлежит "
    "прекращению (ч. 12 ст. 10.1 Федерального закона № 152-ФЗ). Передача прекращается в течение трёх "
    "рабочих дней с момента получения требования оператором, а действие согласия в части, указанной в "
    "требовании, прекращается с момента его поступления оператору (ч. 14 ст. 10.1)."
)
SILENCE = (
    "Молчание или бездействие не считается согласием на распространение персональных данных (ч. 8 ст. 10.1). "
    "Персональные данные, не отмеченные «разрешаю», распространению не подлежат."
)


def publication_form_title(person: Person) -> str:
    return f"Согласие на распространение персональных данных — {person.full_name}"


def consent_in_force(person: Person, on: date | None = None) -> PublicationConsent | None:
    """The person's latest publication consent in force on `on` (today), if the bank records one."""
    on = on or timezone.localdate()
    return next((consent for consent in publication_consents_of(person) if consent.is_in_force(on)), None)


def _operator(own: Organization | None) -> list[tuple[str, str]]:
    if own is None:
        return [("Наименование", BLANK), ("Адрес", BLANK), ("ИНН", BLANK), ("ОГРН", BLANK)]
    return [
        ("Наименование", own.full_name),
        ("Адрес", own.address or BLANK),
        ("ИНН", own.inn or BLANK),
        ("ОГРН", own.ogrn or BLANK),
    ]


def _contacts(person: Person) -> str:
    known = [f"телефон {person.phone}" if person.phone else "", f"эл. почта {person.email}" if person.email else ""]
    return ", ".join(part for part in known if part) or BLANK


def publication_form_context(person: Person) -> dict:
    """Everything the form prints for `person`; the categories ticked from the consent in force, if any."""
    own = Organization.own()
    consent = consent_in_force(person)
    allowed = set(consent.data) if consent else set()
    categories = [
        {
            "label": label,
            "allowed": TICKED if consent and value in allowed else EMPTY,
            "refused": TICKED if consent and value not in allowed else EMPTY,
        }
        for value, label in PublishableData.choices
    ]
    if consent is None:
        term = f"до {BLANK_DATE} либо до отзыва"
    elif consent.valid_until:
        term = f"с {consent.given_on:%d.%m.%Y} по {consent.valid_until:%d.%m.%Y}"
    else:
        term = f"с {consent.given_on:%d.%m.%Y} до отзыва"
    operator_name = own.full_name if own else "образовательной организации"
    return {
        "person": person,
        "organization": own,
        "name": person.full_name,
        "position": str(person.position),
        "contacts": _contacts(person),
        "operator": _operator(own),
        "statement": (
            f"Я, {person.full_name}, руководствуясь статьёй 10.1 Федерального закона от 27.07.2006 № 152-ФЗ "
            f"«О персональных данных», заявляю о согласии на распространение оператором — {operator_name} — "
            "моих персональных данных с целью, указанной ниже, в следующем порядке."
        ),
        "purpose": PURPOSE,
        "resource": "официальный сайт организации в сети «Интернет»: " + "_" * 30,
        "categories": categories,
        "prefilled": consent is not None,
        "consent": consent,
        "transfer": "передавать полученные персональные данные только по внутренней сети оператора / "
        "с использованием информационно-телекоммуникационных сетей / без передачи (нужное подчеркнуть)",
        "term": term,
        "withdrawal": WITHDRAWAL,
        "silence": SILENCE,
        "blank_date": BLANK_DATE,
        "signature": initials_and_surname(person, Case.NOMINATIVE),
    }


def publication_form_pdf(person: Person) -> bytes:
    return render_pdf(TEMPLATE, publication_form_context(person))


def publication_form_docx(person: Person) -> bytes:
    context = publication_form_context(person)
    doc = DocxDocument(size=12, line_spacing=1.0, draft_mark="")
    section = doc.document.sections[0]
    section.right_margin = section.top_margin  # 20 mm
    doc.paragraph("СОГЛАСИЕ", align="center", bold=True, indent=False)
    doc.paragraph(
        "на обработку персональных данных, разрешённых субъектом персональных данных для распространения",
        align="center",
        bold=True,
        indent=False,
        space_after=8,
    )
    doc.paragraph(context["statement"], space_after=4)
    doc.paragraph("Субъект персональных данных", bold=True, indent=False)
    doc.fields(
        [("ФИО", context["name"]), ("Должность", context["position"]), ("Контактная информация", context["contacts"])],
        size=11,
    )
    doc.paragraph("Оператор", bold=True, indent=False, space_before=4)
    doc.fields(context["operator"], size=11)
    doc.paragraph("Информационный ресурс", bold=True, indent=False, space_before=4)
    doc.paragraph(context["resource"], indent=False, size=11)
    doc.paragraph("Цель распространения", bold=True, indent=False, space_before=4)
    doc.paragraph(context["purpose"], indent=False, size=11)
    doc.paragraph("Персональные данные и решение по каждой категории", bold=True, indent=False, space_before=4)
    doc.table(
        ("Категория персональных данных", "Разрешаю", "Не разрешаю", "Условия и запреты"),
        [(row["label"], row["allowed"], row["refused"], "") for row in context["categories"]],
        widths=(65, 22, 25, 48),
        size=11,
    )
    doc.paragraph(f"Условия передачи оператором: {context['transfer']}.", indent=False, size=11, space_before=4)
    doc.paragraph(f"Срок действия согласия: {context['term']}.", indent=False, space_before=4)
    doc.paragraph(context["withdrawal"], size=11, space_before=4)
    doc.paragraph(context["silence"], size=11, space_after=8)
    doc.signature(context["blank_date"], context["signature"], hint=True)
    return doc.to_bytes()
