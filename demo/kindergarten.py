"""The demo kindergarten «Ласточка». Tests and the README rely on its fixed facts:

head / curator / council / mentor / mentee / admin log in with the password «demo»;
Петрова (mentor, 18 years, высшая) mentors Иванова (молодой специалист, 1 year);
Семёнова Дарья Игоревна was hired this academic year and has no mentor and no login.

Every person has an e-mail address on the reserved domain lastochka.example (petrova.sn@…, like the
logins the system proposes), so the daily run writes the demo's letters (to sent-mail/ without EMAIL_HOST).

Loading is idempotent: a record that exists (by табельный номер or login) is left as it is, but for an
empty e-mail address, which is filled in (a demo loaded before the addresses existed gets them).
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from core.dates import academic_year_start, add_months
from mentorship.models import (
    CouncilMembership,
    CuratorAppointment,
    Direction,
    Mentee,
    MenteeCategory,
    Mentor,
    MentoringForm,
    Pairing,
    PublicationConsent,
    PublishableData,
)
from mentorship.services.bank import mentee_save, mentor_save, publication_consent_save
from people.logins import to_latin
from people.models import Organization, Person, Position, QualificationCategory
from people.services import person_save

DEMO_PASSWORD = "demo"
# Reserved for examples (RFC 2606): nothing the demo writes can reach a real mailbox.
DEMO_MAIL_DOMAIN = "lastochka.example"

OWN = {
    "full_name": "Муниципальное казённое дошкольное образовательное учреждение «Детский сад «Ласточка»",
    "short_name": "МКДОУ «Детский сад «Ласточка»",
    "address": "623100, Свердловская область, г. Первоуральск, ул. Береговая, д. 12",
    "inn": "6625012346",
    "ogrn": "1026601512343",
    "phone": "+7 (3439) 62-15-40",
    "email": "lastochka@example.ru",
}

PARTNERS = [
    ("school", "Муниципальное автономное общеобразовательное учреждение «Средняя школа № 5»", "МАОУ «СШ № 5»"),
    ("college", "ГАПОУ СО «Первоуральский педагогический колледж»", "Педагогический колледж"),
    ("university", "ФГБОУ ВО «Уральский государственный педагогический университет»", "УрГПУ"),
    ("culture", "МБУК «Детская библиотека им. П. П. Бажова»", "Детская библиотека"),
]

Q = QualificationCategory


@dataclass
class Staff:
    number: str
    last: str
    first: str
    middle: str
    position: str
    category: str = Q.NONE
    experience_months: int | None = None
    hired_months_ago: int = 60
    login: str = ""
    organization: str = ""  # short name of a partner; empty for our own staff
    education: str = "higher_ped"
    phone: str = ""

    @property
    def email(self) -> str:
        """«Петрова Светлана Николаевна» → petrova.sn@lastochka.example."""
        initials = to_latin(self.first)[:1] + to_latin(self.middle)[:1]
        return f"{to_latin(self.last)}.{initials}@{DEMO_MAIL_DOMAIN}"


STAFF = [
    Staff("001", "Соколова", "Елена", "Викторовна", "Заведующий", Q.HIGHEST, 26 * 12 + 4, 11 * 12, "head"),
    Staff(
        "002",
        "Морозова",
        "Ирина",
        "Александровна",
        "Заместитель заведующего",
        Q.HIGHEST,
        21 * 12 + 1,
        8 * 12,
        "curator",
    ),
    Staff("003", "Волкова", "Наталья", "Сергеевна", "Старший воспитатель", Q.HIGHEST, 19 * 12 + 7, 12 * 12, "council"),
    Staff(
        "004",
        "Петрова",
        "Светлана",
        "Николаевна",
        "Воспитатель",
        Q.HIGHEST,
        18 * 12 + 2,
        15 * 12,
        "mentor",
        phone="+7 912 600-14-22",
    ),
    Staff("005", "Иванова", "Анна", "Дмитриевна", "Воспитатель", Q.NONE, 14, 14, "mentee"),
    Staff("006", "Семёнова", "Дарья", "Игоревна", "Воспитатель", Q.NONE, 2, 0),
    Staff(
        "007",
        "Кузнецов",
        "Алексей",
        "Петрович",
        "Системный администратор",
        Q.NONE,
        None,
        5 * 12,
        "admin",
        education="higher",
    ),
    Staff("008", "Новикова", "Ольга", "Владимировна", "Воспитатель", Q.HIGHEST, 23 * 12, 20 * 12),
    Staff("009", "Лебедева", "Марина", "Юрьевна", "Воспитатель", Q.FIRST, 12 * 12 + 5, 9 * 12),
    Staff("010", "Козлова", "Татьяна", "Геннадьевна", "Музыкальный руководитель", Q.FIRST, 15 * 12, 10 * 12),
    Staff(
        "011", "Смирнова", "Юлия", "Андреевна", "Инструктор по физической культуре", Q.CONFORMITY, 6 * 12 + 3, 4 * 12
    ),
    Staff("012", "Фёдорова", "Екатерина", "Олеговна", "Учитель-логопед", Q.HIGHEST, 17 * 12, 13 * 12),
    Staff("013", "Орлова", "Ксения", "Павловна", "Педагог-психолог", Q.CONFORMITY, 2 * 12 + 8, 2 * 12 + 8),
    Staff("014", "Зайцева", "Алина", "Руслановна", "Воспитатель", Q.NONE, 7, 7),
    Staff("015", "Павлова", "Виктория", "Игоревна", "Воспитатель", Q.FIRST, 9 * 12 + 2, 3 * 12),
    Staff("016", "Белова", "Людмила", "Ивановна", "Воспитатель", Q.HIGHEST, 30 * 12, 25 * 12),
    Staff("017", "Григорьева", "Елизавета", "Максимовна", "Воспитатель", Q.NONE, 4, 4, education="student"),
    Staff("018", "Тихонова", "Полина", "Сергеевна", "Воспитатель", Q.FIRST, 8 * 12, 1 * 12 + 1),
    Staff("019", "Кудрявцева", "Анастасия", "Витальевна", "Учитель-дефектолог", Q.FIRST, 11 * 12, 6 * 12),
    Staff("020", "Гусева", "Нина", "Петровна", "Воспитатель", Q.CONFORMITY, 5 * 12 + 1, 5 * 12),
    Staff(
        "021", "Медведева", "Светлана", "Аркадьевна", "Педагог дополнительного образования", Q.FIRST, 10 * 12, 7 * 12
    ),
    Staff(
        "022",
        "Егорова",
        "Валентина",
        "Николаевна",
        "Помощник воспитателя",
        Q.NONE,
        None,
        9 * 12,
        education="vocational",
    ),
    Staff(
        "023", "Никитина", "Галина", "Михайловна", "Помощник воспитателя", Q.NONE, None, 6 * 12, education="vocational"
    ),
    Staff(
        "024", "Алексеева", "Ирина", "Борисовна", "Младший воспитатель", Q.NONE, None, 2 * 12, education="vocational"
    ),
    Staff("025", "Степанова", "Раиса", "Фёдоровна", "Повар", Q.NONE, None, 14 * 12, education="vocational"),
    Staff(
        "026", "Макарова", "Оксана", "Валерьевна", "Медицинская сестра", Q.NONE, None, 8 * 12, education="vocational"
    ),
    Staff("027", "Андреев", "Сергей", "Иванович", "Заведующий хозяйством", Q.NONE, None, 10 * 12, education="higher"),
    Staff("028", "Романова", "Дина", "Алексеевна", "Делопроизводитель", Q.NONE, None, 3 * 12, education="vocational"),
    Staff("029", "Ёлкина", "Вера", "Степановна", "Воспитатель", Q.FIRST, 3 * 12 + 1, 3 * 12 + 1),
    Staff("030", "Виноградова", "Мария", "Евгеньевна", "Музыкальный руководитель", Q.NONE, 1 * 12 + 10, 11),
    Staff(
        "П-01",
        "Крылова",
        "Елена",
        "Анатольевна",
        "Преподаватель",
        Q.HIGHEST,
        24 * 12,
        15 * 12,
        organization="Педагогический колледж",
    ),
    Staff("П-02", "Сорокин", "Дмитрий", "Олегович", "Учитель", Q.FIRST, 9 * 12, 6 * 12, organization="МАОУ «СШ № 5»"),
    Staff(
        "П-03",
        "Карпова",
        "Софья",
        "Денисовна",
        "Студент-практикант",
        Q.NONE,
        None,
        2,
        organization="Педагогический колледж",
        education="student",
    ),
]

# (mentor's number, directions, competencies, has consent)
MENTORS = [
    (
        "004",
        [
            "Режимные моменты",
            "Организация образовательной деятельности (ОД) по ФОП ДО",
            "Взаимодействие с семьями воспитанников",
        ],
        "Организация режимных моментов в младших группах; проектная деятельность; работа с родителями.",
        True,
    ),
    (
        "008",
        [
            "Развивающая предметно-пространственная среда (РППС)",
            "Организация образовательной деятельности (ОД) по ФОП ДО",
        ],
        "Построение РППС по ФОП ДО; игровые технологии; ТРИЗ для дошкольников.",
        True,
    ),
    (
        "012",
        ["Психолого-педагогическое сопровождение", "Работа с документацией"],
        "Логопедическое сопровождение; адаптированные программы; индивидуальные маршруты.",
        True,
    ),
    (
        "016",
        ["Воспитательная работа", "Адаптация в коллективе", "Режимные моменты"],
        "Патриотическое воспитание; традиции детского сада; наставничество с 2015 года.",
        True,
    ),
    ("010", ["Воспитательная работа"], "Музыкальное развитие; подготовка праздников и открытых показов.", False),
    (
        "П-01",
        ["Организация образовательной деятельности (ОД) по ФОП ДО", "ИКТ"],
        "Методика дошкольного образования; руководство педагогической практикой студентов.",
        True,
    ),
]

# (mentee's number, category, difficulties, request, strengths, has consent)
MENTEES = [
    (
        "005",
        "Молодой специалист",
        "Трудно удерживать внимание детей во время ОД; не хватает опыта в организации режимных моментов (умывание, сон).",
        "Научиться планировать день группы и проводить утренний круг.",
        "Творческий подход, хорошо рисует, владеет ИКТ.",
        True,
    ),
    (
        "014",
        "Молодой специалист",
        "Сложности в общении с родителями, ведение документации группы.",
        "Как готовить и проводить родительские собрания.",
        "Ответственность, доброжелательность.",
        True,
    ),
    (
        "013",
        "Молодой специалист",
        "Нет опыта составления индивидуальных маршрутов сопровождения.",
        "",
        "Современные диагностические методики.",
        False,
    ),
    ("017", "Новый сотрудник детского сада", "", "Познакомиться с традициями и укладом детского сада.", "", False),
    ("П-03", "Студент на практике", "", "Пройти практику в средней группе.", "Интерес к музыкальному развитию.", True),
    ("029", "Молодой специалист", "Мало опыта работы с документацией группы.", "", "Хорошо знает ИКТ.", True),
    (
        "030",
        "Молодой специалист",
        "Трудно выстраивать общение с родителями.",
        "Как вести родительский чат.",
        "Музыкальность.",
        True,
    ),
    (
        "018",
        "Новый сотрудник детского сада",
        "",
        "Познакомиться с традициями детского сада.",
        "Опыт работы в школе.",
        True,
    ),
    ("015", "Педагог с профессиональными затруднениями", "Дисциплина в старшей группе.", "", "Организованность.", True),
]

# (mentor, mentees, direction, forms, status, start months from academic year start, length in months)
# Pairs in every state of their life cycle, each made through the services as the curator and
# the head would, so the orders and the log exist too. (mentor, mentees, direction, forms,
# start and length in months counted from the start of the academic year, what happens.)
PAIR_FORM = ["Педагог – педагог"]
PAIRINGS = [
    ("004", ["029"], "ИКТ", ["Реверсивное"], -12, 9, "completed"),
    ("012", ["018"], "Режимные моменты", PAIR_FORM, -11, 9, "terminated"),
    (
        "004",
        ["005"],
        "Режимные моменты",
        ["Традиционное («один на один»)", "Воспитатель – воспитатель"],
        0,
        9,
        "active",
    ),
    ("008", ["014"], "Взаимодействие с семьями воспитанников", PAIR_FORM, 0, 9, "active"),
    (
        "П-01",
        ["П-03"],
        "Организация образовательной деятельности (ОД) по ФОП ДО",
        ["Работодатель – студент"],
        0,
        4,
        "active",
    ),
    ("016", ["015"], "Воспитательная работа", PAIR_FORM, 4, 6, "fixed"),
    ("016", ["013"], "Адаптация в коллективе", PAIR_FORM, 3, 6, "awaiting_approval"),
    ("012", ["017"], "Психолого-педагогическое сопровождение", PAIR_FORM, 3, 6, "awaiting_approval"),
    ("008", ["030"], "Развивающая предметно-пространственная среда (РППС)", PAIR_FORM, 3, 6, "consent_withdrawn"),
    ("010", ["018"], "Воспитательная работа", PAIR_FORM, 3, 6, "awaiting_consents"),
    ("012", ["029"], "Работа с документацией", PAIR_FORM, 3, 6, "proposed"),
    ("004", ["030"], "Взаимодействие с семьями воспитанников", PAIR_FORM, 3, 6, "returned"),
    ("П-01", ["013"], "ИКТ", PAIR_FORM, 3, 6, "cancelled"),
]


@transaction.atomic
def load_demo() -> dict[str, int]:
    """Create whatever part of the demo kindergarten is missing; return how many of each were added."""
    today = timezone.localdate()
    added = {"organizations": 0, "people": 0, "users": 0, "mentors": 0, "mentees": 0, "pairs": 0}

    own = Organization.objects.filter(kind=Organization.Kind.OWN).first()
    if own is None:
        own = Organization.objects.create(kind=Organization.Kind.OWN, **OWN)
        added["organizations"] += 1
    organizations = {own.short_name: own}
    for kind, full_name, short_name in PARTNERS:
        organization, created = Organization.objects.get_or_create(
            short_name=short_name, defaults={"kind": kind, "full_name": full_name}
        )
        organizations[short_name] = organization
        added["organizations"] += created

    admin_user = _user("admin", superuser=True, added=added)
    people = {}
    for staff in STAFF:
        organization = organizations[staff.organization] if staff.organization else own
        person = Person.objects.filter(organization=organization, personnel_number=staff.number).first()
        if person is None:
            person = Person(
                organization=organization,
                personnel_number=staff.number,
                last_name=staff.last,
                first_name=staff.first,
                middle_name=staff.middle,
                position=Position.objects.get(name=staff.position),
                hired_on=add_months(today, -staff.hired_months_ago)
                if staff.hired_months_ago
                else academic_year_start(today),
                teaching_since=add_months(today, -staff.experience_months)
                if staff.experience_months is not None
                else None,
                qualification_category=staff.category,
                education=staff.education,
                phone=staff.phone,
                email=staff.email,
            )
            person.position_since = person.hired_on
            person_save(person=person, actor=admin_user)
            added["people"] += 1
        elif not person.email:
            person.email = staff.email
            person_save(person=person, actor=admin_user)
        if staff.login and person.user_id is None:
            person.user = admin_user if staff.login == "admin" else _user(staff.login, added=added)
            person._history_user = admin_user
            person.save(update_fields=["user"])
        people[staff.number] = person

    if own.head_id is None:
        own.head = people["001"]
        own.save(update_fields=["head"])
    if not CuratorAppointment.objects.filter(organization=own, ended_on__isnull=True).exists():
        CuratorAppointment.objects.create(
            organization=own, person=people["002"], appointed_on=academic_year_start(today)
        )
    for number, chair in (("003", True), ("008", False), ("012", False)):
        CouncilMembership.objects.get_or_create(
            person=people[number],
            status=CouncilMembership.Status.MEMBER,
            defaults={"joined_on": academic_year_start(today), "is_chair": chair},
        )

    curator = people["002"].user
    for number, direction_names, competencies, consent in MENTORS:
        if hasattr(people[number], "mentor"):
            continue
        mentor = Mentor(
            person=people[number],
            competencies=competencies,
            consent_given_on=academic_year_start(today) if consent else None,
            added_on=academic_year_start(today),
        )
        mentor_save(mentor=mentor, directions=Direction.objects.filter(name__in=direction_names), actor=curator)
        added["mentors"] += 1

    for number, category, difficulties, request, strengths, consent in MENTEES:
        if hasattr(people[number], "mentee"):
            continue
        mentee = Mentee(
            person=people[number],
            category=MenteeCategory.objects.get(name=category),
            difficulties=difficulties,
            request=request,
            strengths=strengths,
            consent_given_on=academic_year_start(today) if consent else None,
            added_on=academic_year_start(today),
        )
        mentee_save(mentee=mentee, actor=curator)
        added["mentees"] += 1

    from demo.regulation import load as load_regulation

    # Before the pairs: the order that introduces the system and adopts the regulation opens the journal.
    added["regulations"] = load_regulation(curator=curator, head=people["001"].user, today=today)

    if not Pairing.objects.exists():
        from demo.paperwork import set_pay_rule

        set_pay_rule(own)  # 3 000 ₽ a month per mentee, before the orders write the agreements
        added["pairs"] = _demo_pairs(
            people,
            curator=curator,
            head=people["001"].user,
            today=today,
            before_the_year=_roadmap_loader(people, today=today, added=added),
        )

    from demo.paperwork import load_paperwork

    added.update(load_paperwork(actor=admin_user))  # the college's cooperation agreement, contract requisites

    if not PublicationConsent.objects.filter(person=people["004"]).exists():
        publication_consent_save(
            consent=PublicationConsent(
                person=people["004"],
                data=[
                    PublishableData.NAME,
                    PublishableData.POSITION,
                    PublishableData.EXPERIENCE,
                    PublishableData.ACHIEVEMENTS,
                ],
                given_on=academic_year_start(today),
            ),
            actor=curator,
        )

    from demo.programs import load as load_programs

    added["programs"] = load_programs(today)

    # Loaded among the pairs' orders (above), so that the journal runs in date order; here only when
    # the pairs were there already (a second load) and the year's roadmap was not.
    _roadmap_loader(people, today=today, added=added)()

    from demo.diagnostics import load as load_diagnostics

    added["diagnostics"] = load_diagnostics(today)

    from demo.surveys import load as load_surveys

    added["survey_answers"] = load_surveys(curator=people["002"].user, mentor=people["004"].user, today=today)

    from demo.results import load as load_results

    added["reports"] = load_results(today)

    from demo.growth import load as load_growth

    # After the roadmap: the order «О поощрении наставников» comes last in the journal.
    added["growth_records"] = load_growth(today)

    from demo.council import load as load_council

    # After the programs: the second meeting agrees the program under review.
    added["council_meetings"] = load_council(today)

    from demo.materials import load as load_materials

    added["materials"] = load_materials()

    from demo.public import load as load_public

    # The website's section: after the programs, whose best practice it shows.
    added["public_news"] = load_public(curator=people["002"].user, today=today)

    from demo.reports import load as load_reports

    # Last: the approved annual report freezes the figures of everything above.
    added["annual_reports"] = load_reports(curator=people["002"].user, head=people["001"].user, today=today)
    if added.get("pairs"):
        _past_years_notices_read(today)
    return added


def _past_years_notices_read(today) -> int:
    """The loader replays the last academic year through the services, and they tell people as they
    go; in a kindergarten that has worked a year, those notices were read long ago. What concerns the
    past years — an order dated before this academic year, a pair that started before it and its
    programs — is marked read, so «Решения о вас» opens on this year's news. Returns how many."""
    from notices.models import Notice
    from programs.models import Program
    from records.models import Order

    start = academic_year_start(today)
    past_pairs = Pairing.objects.filter(starts_on__lt=start)
    urls = [
        *(order.get_absolute_url() for order in Order.objects.filter(date__lt=start)),
        *(pairing.get_absolute_url() for pairing in past_pairs),
        *(program.get_absolute_url() for program in Program.objects.filter(pairing__in=past_pairs)),
    ]
    return Notice.objects.filter(read_at=None, url__in=urls).update(read_at=timezone.now())


# Why the demo's orders of past dates are registered out of the journal's rules (records.journal):
# a kindergarten that starts with the system enters the orders it has already issued on paper.
PAPER_ORDER = "Приказ издан на бумаге до начала работы в системе; внесён при переносе журнала."


def _roadmap_loader(people, *, today, added: dict):
    """The current year's roadmap (demo.roadmap), counted in `added["roadmaps"]`: its order is dated
    late in August, so it is registered after the orders of the year before and before those of
    September. Idempotent, as demo.roadmap.load is."""

    def load() -> None:
        from demo.roadmap import load as load_roadmap

        count = load_roadmap(curator=people["002"].user, head=people["001"].user, today=today)
        added["roadmaps"] = added.get("roadmaps", 0) + count

    return load


def _demo_pairs(people, *, curator, head, today, before_the_year) -> int:
    """Walk each demo pair through the services to its state; orders come out in date order, and
    `before_the_year` is called between the last order of the year before and the first of this one
    (the roadmap's order of late August)."""
    from mentorship.services.pair_orders import pairing_terminate, pairings_approve
    from mentorship.services.pairs import (
        pairing_consent_record,
        pairing_consent_withdraw,
        pairing_move,
        pairing_propose,
        participants,
    )
    from records.services import order_register

    S = Pairing.Status
    start = academic_year_start(today)
    made = {}
    for mentor, mentees, direction, forms, offset, length, fate in PAIRINGS:
        starts_on = add_months(start, offset)
        pairing = pairing_propose(
            mentor=people[mentor].mentor,
            mentees=[people[number].mentee for number in mentees],
            direction=Direction.objects.get(name=direction),
            forms=MentoringForm.objects.filter(name__in=forms),
            starts_on=starts_on,
            planned_end_on=add_months(starts_on, length) - timezone.timedelta(days=1),
            actor=curator,
        ).obj
        made[(mentor, direction)] = pairing
        if fate == "proposed":
            continue
        if fate == "cancelled":
            pairing_move(
                pairing=pairing,
                target=S.CANCELLED,
                actor=curator,
                comment="Наставник из колледжа в этом году не может вести второго наставляемого.",
            )
            continue
        pairing_move(pairing=pairing, target=S.AWAITING_CONSENTS, actor=curator)
        for person in participants(pairing):
            if fate == "awaiting_consents" and person == pairing.mentor.person:
                continue  # the music teacher has not signed yet
            pairing_consent_record(pairing=pairing, person=person, given_on=min(starts_on, today), actor=curator)
        if fate == "awaiting_consents":
            continue
        pairing_move(pairing=pairing, target=S.AWAITING_APPROVAL, actor=curator)
        if fate == "returned":
            pairing_move(
                pairing=pairing,
                target=S.RETURNED,
                actor=head,
                comment="Уточните срок: программа по работе с семьями не уложится в полгода.",
            )
        elif fate == "consent_withdrawn":
            consent = pairing.consents.get(person=people[mentees[0]])
            pairing_consent_withdraw(consent=consent, withdrawn_on=today, actor=curator)

    def approve(keys, on):
        # The head approves (a project of the order), then registers it: the pairs are fixed then.
        order = pairings_approve(pairings=[made[key] for key in keys], actor=head, date=on).obj
        order_register(order=order, actor=head, reason=PAPER_ORDER)

    approve([("004", "ИКТ")], add_months(start, -12))
    approve([("012", "Режимные моменты")], add_months(start, -11))
    notice = add_months(start, -7)
    from core.workdays import notice_end_date

    # The head's decision writes the order's project; the pair ends when it is registered.
    ending = pairing_terminate(
        pairing=made[("012", "Режимные моменты")],
        initiator=Pairing.Initiator.EMPLOYER,
        reason="Просьба наставляемой о смене наставника (через куратора): психологическая несовместимость",
        notice_on=notice,
        ends_on=notice_end_date(notice),
        actor=head,
        order_date=notice,
    ).obj
    order_register(order=ending, actor=head, reason=PAPER_ORDER)
    completed = made[("004", "ИКТ")]
    pairing_move(pairing=completed, target=S.COMPLETED, actor=curator, ended_on=completed.planned_end_on)
    before_the_year()
    approve(
        [
            ("004", "Режимные моменты"),
            ("008", "Взаимодействие с семьями воспитанников"),
            ("П-01", "Организация образовательной деятельности (ОД) по ФОП ДО"),
        ],
        start,
    )
    approve([("016", "Воспитательная работа")], today)
    return len(made)


def _user(username: str, *, added: dict, superuser: bool = False) -> User:
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(username=username, is_superuser=superuser, is_staff=superuser)
        user.set_password(DEMO_PASSWORD)
        user.save()
        added["users"] += 1
    return user
