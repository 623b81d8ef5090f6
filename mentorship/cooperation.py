"""The cooperation agreement with a partner organization (3.3 of the regulation: people of a college,
a university or another school mentor here, or ours mentor their students), written from a template
and the two organizations' records, for the curator to take to the partner: a draft to agree on, its
number and date left as lines. The signed paper is then recorded with its scan
(CooperationAgreement), which stays the record.

The text: the parties with who signs for each; the subject; each side's duties; no money between the
sides and none for the partner's mentors from us (their consent forms say the same: mentorship.
documents._payment); personal data (each side the operator of its own people's data, passed only
with their consent, 152-ФЗ); term, changes and ending; the sides' requisites and signatures.
"""

from datetime import date

from core.declension import Case, gender_of
from core.docx import DocxDocument
from core.pdf import render_pdf
from people.models import Organization
from records.wording import full_name_in_case, initials_and_surname, position_in_case

BLANK = "____________"
BLANK_NUMBER = "______"


def _signer(organization: Organization) -> tuple[str, str, str]:
    """(«в лице заведующего Соколовой Елены Викторовны, действующей на основании Устава», the post as
    signed, «Е.В. Соколова»); lines to fill in when the organization's head is not recorded."""
    head = organization.head
    if head is None:
        return f"в лице {BLANK}, действующего(ей) на основании {BLANK}", "Руководитель", BLANK
    post = str(head.position)
    genitive = position_in_case(post, Case.GENITIVE) or post.lower()
    acting = {"male": "действующего", "female": "действующей"}.get(
        gender_of(head.first_name, head.middle_name, last_name=head.last_name), "действующего(ей)"
    )
    return (
        f"в лице {genitive} {full_name_in_case(head, Case.GENITIVE)}, {acting} на основании Устава",
        post,
        initials_and_surname(head, Case.NOMINATIVE),
    )


def _requisites(organization: Organization) -> list[str]:
    lines = [organization.full_name]
    for label, value in (
        ("Адрес", organization.address),
        ("ИНН", organization.inn),
        ("ОГРН", organization.ogrn),
        ("Телефон", organization.phone),
        ("Эл. почта", organization.email),
        ("Сайт", organization.website),
    ):
        lines.append(f"{label}: {value or BLANK}")
    return lines


def cooperation_context(partner: Organization, *, today: date) -> dict:
    own = Organization.own()
    if own is None or partner.is_own:
        raise ValueError("Договор о сотрудничестве — между нашей организацией и организацией-партнёром.")
    own_by, own_post, own_name = _signer(own)
    partner_by, partner_post, partner_name = _signer(partner)
    year_end = date(today.year + (1 if today.month >= 9 else 0), 8, 31)
    sections = [
        (
            "Предмет договора",
            [
                "Стороны взаимодействуют в реализации системы наставничества педагогических работников "
                f"{own.short_name}: работники Партнёра с их письменного согласия выполняют функции наставников "
                f"педагогических работников Организации (в том числе молодых специалистов), а педагогические "
                "работники Организации — наставников обучающихся Партнёра, проходящих практику в Организации.",
                "Наставничество осуществляется по персонализированным программам наставничества, которые "
                "разрабатываются и согласуются в порядке, установленном Положением о системе наставничества "
                f"педагогических работников {own.short_name} (далее — Положение).",
            ],
        ),
        (
            "Обязанности сторон",
            [
                "Организация: назначает куратора наставничества; включает наставников — работников Партнёра — "
                "в базу наставников с их письменного согласия; закрепляет наставнические пары (группы) приказом "
                "руководителя; создаёт условия для проведения мероприятий программ; знакомит наставников с "
                "Положением и локальными актами, касающимися их участия.",
                "Партнёр: предлагает кандидатуры наставников из числа своих работников; содействует их участию в "
                "мероприятиях программ наставничества в согласованное время; сообщает Организации о прекращении "
                "трудовых отношений с наставником или о невозможности продолжать наставничество не позднее чем "
                "за три рабочих дня.",
                "Стороны обмениваются сведениями о ходе и результатах наставничества в объёме, необходимом для "
                "исполнения договора, и совместно подводят его итоги по окончании учебного года.",
            ],
        ),
        (
            "Финансовые условия",
            [
                "Договор безвозмездный: стороны не производят друг другу расчётов. Наставникам — работникам "
                "Партнёра — доплата за наставничество Организацией не устанавливается; их труд оплачивается "
                "Партнёром по его локальным актам.",
            ],
        ),
        (
            "Персональные данные",
            [
                "Каждая сторона является оператором персональных данных своих работников и обучающихся. "
                "Персональные данные передаются другой стороне только в объёме, необходимом для наставничества, "
                "и только с письменного согласия субъекта (Федеральный закон от 27.07.2006 № 152-ФЗ «О "
                "персональных данных»); стороны обеспечивают их конфиденциальность и безопасность.",
            ],
        ),
        (
            "Срок действия, изменение и расторжение",
            [
                f"Договор вступает в силу с даты его подписания и действует по {year_end:%d.%m.%Y}; если ни одна "
                "из сторон за месяц до окончания срока письменно не заявит о его прекращении, договор считается "
                "продлённым на следующий учебный год.",
                "Изменения оформляются дополнительными соглашениями в письменной форме. Каждая сторона вправе "
                "расторгнуть договор, письменно уведомив другую сторону не менее чем за один месяц; наставничество "
                "по программам, начатым до расторжения, завершается или прекращается в порядке Положения.",
                "Договор составлен в двух экземплярах, имеющих равную юридическую силу, по одному для каждой стороны.",
            ],
        ),
    ]
    numbered = []
    for n, (heading, clauses) in enumerate(sections, start=1):
        numbered.append((f"{n}. {heading}", [f"{n}.{k}. {clause}" for k, clause in enumerate(clauses, start=1)]))
    return {
        "title": "ДОГОВОР",
        "number": BLANK_NUMBER,
        "subject": "о сетевом взаимодействии и сотрудничестве в сфере наставничества педагогических работников",
        "place": own.place,
        "date": f"«___» ____________ {today.year} г.",
        "parties": (
            f"{own.full_name} (далее — Организация) {own_by}, с одной стороны, и {partner.full_name} (далее — "
            f"Партнёр) {partner_by}, с другой стороны, заключили настоящий договор о нижеследующем:"
        ),
        "sections": numbered,
        "sides": [
            ("Организация", _requisites(own), own_post, own_name),
            ("Партнёр", _requisites(partner), partner_post, partner_name),
        ],
        "file_title": f"Проект договора о сотрудничестве с {partner.short_name}",
    }


def cooperation_pdf(partner: Organization, *, today: date) -> bytes:
    return render_pdf("mentorship/pdf/cooperation.html", cooperation_context(partner, today=today))


def cooperation_docx(partner: Organization, *, today: date) -> bytes:
    context = cooperation_context(partner, today=today)
    doc = DocxDocument(size=12, line_spacing=1.0)
    doc.paragraph(f"{context['title']} № {context['number']}", align="center", bold=True, indent=False)
    doc.paragraph(context["subject"], align="center", bold=True, indent=False, space_after=10)
    doc.row(context["place"], context["date"])
    doc.paragraph(context["parties"], space_before=10, space_after=6)
    for heading, clauses in context["sections"]:
        doc.paragraph(heading, align="center", bold=True, indent=False, space_before=6, space_after=3)
        for clause in clauses:
            doc.paragraph(clause, space_after=2)
    doc.paragraph("Реквизиты и подписи сторон", align="center", bold=True, indent=False, space_before=10)
    (left, left_lines, left_post, left_name), (right, right_lines, right_post, right_name) = context["sides"]
    doc.sides([left, *left_lines, left_post], [right, *right_lines, right_post], left_name, right_name)
    doc.row("М. П.", "М. П.")
    return doc.to_bytes()
