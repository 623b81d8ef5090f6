"""A municipality's worth of records, built in seconds: the data set every municipal benchmark uses.

    from benchmarks import municipal
    municipal.use_database(postgres=False)   # before anything imports Django models
    data = municipal.build()                  # seeded: the same rows on every run

2,000 staff (our own and five partners'), 600 mentors, 1,000 mentees, 1,000 pairs or groups in
every state of their life cycle (with consents, the orders that fixed them and the additional
agreements behind the pay), 1,000 programs with 10,000 plan items and 20,000 logged activities,
one-off meetings, releases from duty, growth records, publication consents, the council, this
year's roadmap and everything the head's queue shows (pairs, programs and releases waiting).

Rows go in with bulk_create, so neither `save()` nor the services run: what they would fill
(the search name, the order's table) is filled here, and no history rows are written. Dates are
placed around today (programs of this academic year, some overdue), so the pages look like the
middle of a year whatever day it is; everything else comes from `random.Random(seed)`.

The database is a throwaway: a fresh SQLite file in a temporary folder, or (`use_database(postgres=True)`)
a temporary PostgreSQL 15 cluster started from the machine's binaries the way .ci/run starts its own
(run as root; the cluster and its folder are removed at exit), or a `DATABASE_URL` you pass.
Never the project's own database.
"""

import atexit
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PGBIN = Path("/usr/lib/postgresql/15/bin")

STAFF = 2000
PARTNER_STAFF = 50  # of STAFF: people of partner organizations (a college, a school…)
MENTORS = 600
MENTEES = 1000
PAIRS = 1000
PROGRAMS = 1000
PLAN_ITEMS = 10_000
RECORDS = 20_000
PASSWORD = "bench"

LAST_NAMES = [
    "Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Васильев", "Соколов", "Михайлов", "Новиков",
    "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов",
    "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьёв",
    "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв", "Сергеев", "Кузьмин", "Фролов", "Александров",
]  # fmt: skip
FIRST_NAMES_F = ["Анна", "Мария", "Елена", "Ольга", "Наталья", "Ирина", "Светлана", "Татьяна", "Дарья", "Юлия"]
FIRST_NAMES_M = ["Алексей", "Сергей", "Андрей", "Дмитрий", "Игорь", "Павел"]
MIDDLE_F = ["Александровна", "Сергеевна", "Викторовна", "Игоревна", "Николаевна", "Дмитриевна", "Петровна"]
MIDDLE_M = ["Александрович", "Сергеевич", "Викторович", "Игоревич", "Николаевич"]
ACTIVITIES = [
    "Консультация по планированию образовательной деятельности",
    "Взаимопосещение режимных моментов",
    "Открытый показ занятия по ФОП ДО",
    "Мастер-класс по организации РППС",
    "Подготовка к родительскому собранию",
    "Самообразование: изучение методической литературы",
    "Анализ конспекта занятия",
    "Курсы повышения квалификации",
]


@dataclass
class Municipal:
    """What the benchmarks need to find in the data set: logins (password `PASSWORD`) and a few ids."""

    head: str = "head"
    curator: str = "curator"
    council: str = "council"
    mentor: str = "mentor"
    mentee: str = "mentee"
    admin: str = "admin"
    pay_year: int = 0
    pay_month: int = 0
    seconds: float = 0.0
    counts: dict | None = None


# --- the database -------------------------------------------------------------------------------


def _start_postgres() -> str:
    """A throwaway PostgreSQL 15 cluster (UTF-8, C.UTF-8 locale, fsync off) on a free local port;
    stopped and removed at exit. Returns its DATABASE_URL."""
    if not (PGBIN / "initdb").exists():
        sys.exit(f"Нет PostgreSQL 15 в {PGBIN}: передайте DATABASE_URL или запустите без --postgres.")
    folder = Path(tempfile.mkdtemp(prefix="nastavnik-pg-"))
    shutil.chown(folder, "postgres")

    def pg(*command: str) -> None:
        subprocess.run(["runuser", "-u", "postgres", "--", *command], check=True, stdout=subprocess.DEVNULL)

    def stop() -> None:
        command = [str(PGBIN / "pg_ctl"), "-D", str(folder / "data"), "stop", "-m", "fast"]
        subprocess.run(["runuser", "-u", "postgres", "--", *command], check=False, capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)

    atexit.register(stop)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # UTF-8 with a C.UTF-8 locale: otherwise ILIKE does not fold Cyrillic case (as in .ci/run).
    pg(str(PGBIN / "initdb"), "-D", str(folder / "data"), "-E", "UTF8", "--locale=C.UTF-8", "-U", "postgres")
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off -c synchronous_commit=off"
    pg(str(PGBIN / "pg_ctl"), "-D", str(folder / "data"), "-l", str(folder / "log"), "-w", "start", "-o", options)
    pg(str(PGBIN / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "nastavnik")
    return f"postgres://postgres@127.0.0.1:{port}/nastavnik"


def use_database(*, postgres: bool = False, url: str | None = None) -> str:
    """Point Django at a throwaway database and set it up; returns a label for the printout.
    Call before importing any model."""
    if url:
        label = "DATABASE_URL"
    elif postgres:
        url, label = _start_postgres(), "PostgreSQL 15 (временный кластер)"
    else:
        url = f"sqlite:///{Path(tempfile.mkdtemp(prefix='nastavnik-municipal-')) / 'bench.sqlite3'}"
        label = "SQLite (временный файл)"
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ["DJANGO_DEBUG"] = "1"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return label


# --- the data set ------------------------------------------------------------------------------


def _name(rng: random.Random) -> tuple[str, str, str]:
    if rng.random() < 0.9:
        last = rng.choice(LAST_NAMES)
        return last + "а" if not last.endswith("ий") else last, rng.choice(FIRST_NAMES_F), rng.choice(MIDDLE_F)
    return rng.choice(LAST_NAMES), rng.choice(FIRST_NAMES_M), rng.choice(MIDDLE_M)


def build(seed: int = 2026, today: date | None = None) -> Municipal:
    """Fill the (migrated, empty) database with the municipal data set. Deterministic for a seed and a day."""
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from accounts.models import User
    from growth.models import GrowthRecord
    from mentorship.models import (
        CouncilMembership,
        CuratorAppointment,
        Direction,
        Mentee,
        MenteeCategory,
        Mentor,
        MentoringAgreement,
        MentoringForm,
        Pairing,
        PairingConsent,
        PairingTransition,
        PublicationConsent,
    )
    from mentorship.services.orders import PAIRING
    from people.models import Education, Organization, Person, Position, QualificationCategory
    from programs.models import ActivityForm, ActivityRecord, Meeting, PlanItem, Program, ReleaseRequest
    from records.models import Order, OrderJournal

    started = time.perf_counter()
    rng = random.Random(seed)
    today = today or timezone.localdate()
    year_start = date(today.year if today.month >= 9 else today.year - 1, 9, 1)
    now = timezone.now()

    # Logins: the roles of the benchmark, one password (hashed once).
    password = make_password(PASSWORD)
    logins = {
        name: User(username=name, password=password, is_superuser=name == "admin", is_staff=name == "admin")
        for name in ("head", "curator", "council", "mentor", "mentee", "admin")
    }
    User.objects.bulk_create(logins.values())
    logins = {user.username: user for user in User.objects.all()}

    own = Organization.objects.create(
        kind=Organization.Kind.OWN,
        full_name="Управление образования городского округа «Первоуральск» (муниципальная сеть)",
        short_name="Муниципальная сеть детских садов и школ",
        address="623100, Свердловская обл., г. Первоуральск, ул. Ленина, д. 1",
        mentor_pay_rule=Organization.PayRule.FIXED,
        mentor_pay_amount=Decimal("3000.00"),
    )
    partners = Organization.objects.bulk_create(
        Organization(kind=kind, full_name=f"{label} (партнёр)", short_name=label)
        for kind, label in [
            (Organization.Kind.COLLEGE, "Первоуральский педагогический колледж"),
            (Organization.Kind.UNIVERSITY, "Уральский педагогический университет"),
            (Organization.Kind.SCHOOL, "Школа № 7"),
            (Organization.Kind.CULTURE, "Дворец культуры"),
            (Organization.Kind.SPORTS, "Спортивная школа"),
        ]
    )
    OrderJournal.objects.create(organization=own, year=today.year, next_number=500)

    positions = list(Position.objects.filter(is_active=True))
    pedagogical = [p for p in positions if p.is_pedagogical and not p.is_deputy_head] or positions
    other = [p for p in positions if not p.is_pedagogical] or positions
    deputy = next((p for p in positions if p.is_deputy_head), positions[0])
    directions = list(Direction.objects.all())
    forms = [f for f in MentoringForm.objects.all() if not f.is_one_off and not f.needs_group]
    group_form = next((f for f in MentoringForm.objects.all() if f.needs_group), forms[0])
    one_off = [f for f in MentoringForm.objects.all() if f.is_one_off] or forms
    categories = list(MenteeCategory.objects.all())
    activity_forms = list(ActivityForm.objects.all())
    categories_of_staff = [c.value for c in QualificationCategory]
    educations = [e.value for e in Education]

    # --- staff: 2,000 people, 5 % dismissed; the first ones hold the roles -------------------------
    people = []
    for n in range(1, STAFF + 1):
        last, first, middle = _name(rng)
        partner = n > STAFF - PARTNER_STAFF
        pedagogical_post = n <= 1700 or partner
        hired = year_start - timedelta(days=rng.randint(0, 30 * 365))
        left = not partner and n > 10 and rng.random() < 0.05
        person = Person(
            organization=partners[n % len(partners)] if partner else own,
            last_name=last,
            first_name=first,
            middle_name=middle,
            personnel_number="" if partner else f"{n:05d}",
            position=rng.choice(pedagogical if pedagogical_post else other),
            hired_on=hired,
            position_since=hired,
            teaching_since=hired - timedelta(days=rng.randint(0, 5 * 365)) if pedagogical_post else None,
            qualification_category=rng.choice(categories_of_staff),
            education=rng.choice(educations),
            status=Person.Status.LEFT if left else Person.Status.WORKING,
            left_on=today - timedelta(days=rng.randint(1, 300)) if left else None,
        )
        person.search_name = person.build_search_name()
        people.append(person)
    people[0].position = people[1].position = deputy  # the head and the curator
    Person.objects.bulk_create(people, batch_size=500)
    people = list(Person.objects.order_by("pk"))
    head, curator, council_chair = people[0], people[1], people[2]
    for person, login in [(head, "head"), (curator, "curator"), (council_chair, "council")]:
        person.user = logins[login]
    own.head = head
    own.save(update_fields=["head"])
    CuratorAppointment.objects.create(organization=own, person=curator, appointed_on=year_start - timedelta(days=400))
    CouncilMembership.objects.bulk_create(
        CouncilMembership(
            person=person,
            status=CouncilMembership.Status.MEMBER,
            joined_on=year_start - timedelta(days=300),
            is_chair=person is council_chair,
        )
        for person in people[2:9]
    )

    # --- the bank: mentors among experienced staff (and the partners'), mentees among the rest ----
    working = [p for p in people[3:] if p.status == Person.Status.WORKING]
    mentor_people = [p for p in working if p.teaching_since][: MENTORS - 30] + [
        p for p in working if p.organization_id != own.pk
    ][:30]
    taken = {p.pk for p in mentor_people}
    mentee_people = [p for p in working if p.pk not in taken and p.organization_id == own.pk][:MENTEES]
    mentor_people[0].user = logins["mentor"]
    mentee_people[0].user = logins["mentee"]
    Person.objects.bulk_update(
        [head, curator, council_chair, mentor_people[0], mentee_people[0]], ["user"], batch_size=100
    )

    mentors = Mentor.objects.bulk_create(
        Mentor(
            person=person,
            consent_given_on=year_start - timedelta(days=rng.randint(0, 400)) if rng.random() < 0.92 else None,
            competencies="Развивающие технологии, ФОП ДО, работа с семьями",
            salary=Decimal(rng.randrange(25000, 60000, 500)),
            added_on=year_start - timedelta(days=rng.randint(0, 700)),
        )
        for person in mentor_people
    )
    mentors = list(Mentor.objects.order_by("pk"))
    Mentor.directions.through.objects.bulk_create(
        Mentor.directions.through(mentor_id=mentor.pk, direction_id=direction.pk)
        for mentor in mentors
        for direction in rng.sample(directions, rng.randint(1, 3))
    )
    Mentee.objects.bulk_create(
        Mentee(
            person=person,
            category=rng.choice(categories),
            difficulties="Организация режимных моментов; планирование ОД по ФОП ДО; общение с родителями",
            request="Помочь выстроить занятия и режим дня",
            strengths="Доброжелательность, владение ИКТ",
            consent_given_on=year_start - timedelta(days=rng.randint(0, 200)) if rng.random() < 0.9 else None,
            added_on=year_start - timedelta(days=rng.randint(0, 300)),
        )
        for person in mentee_people
    )
    mentees = list(Mentee.objects.select_related("person").order_by("pk"))
    PublicationConsent.objects.bulk_create(
        PublicationConsent(person=person, data=["name", "position"], given_on=year_start)
        for person in rng.sample(working, 300)
    )

    # --- pairs in every state; mentor i % 600 (at most two current pairs each), mentee i ----------
    S = Pairing.Status
    statuses = (
        [S.ACTIVE] * 700
        + [S.FIXED] * 40
        + [S.COMPLETED] * 100
        + [S.TERMINATED] * 30
        + [S.AWAITING_APPROVAL] * 40
        + [S.AWAITING_CONSENTS] * 30
        + [S.PROPOSED] * 25
        + [S.RETURNED] * 15
        + [S.CANCELLED] * 20
    )
    rng.shuffle(statuses)
    pairings = []
    for n, status in enumerate(statuses[:PAIRS]):
        closed = status in (S.COMPLETED, S.TERMINATED)
        starts = (
            year_start - timedelta(days=365) + timedelta(days=rng.randint(0, 60))
            if closed
            else (year_start + timedelta(days=rng.randint(0, 75)))
        )
        ends = starts + timedelta(days=rng.choice([180, 270, 364]))
        pairings.append(
            Pairing(
                mentor=mentors[n % len(mentors)],
                direction=rng.choice(directions),
                status=status,
                starts_on=starts,
                planned_end_on=ends,
                proposed_by=logins["curator"],
                ended_on=(ends if status == S.COMPLETED else starts + timedelta(days=100)) if closed else None,
                termination_initiator=Pairing.Initiator.EMPLOYER if status == S.TERMINATED else "",
                termination_reason="Увольнение наставляемого" if status == S.TERMINATED else "",
            )
        )
    # The logged-in mentor's first pair is the logged-in mentee's, and it runs.
    pairings[0].status = S.ACTIVE
    Pairing.objects.bulk_create(pairings, batch_size=500)
    pairings = list(Pairing.objects.select_related("mentor__person").order_by("pk"))
    group = {n for n in range(len(pairings)) if n % 10 == 5}
    members = {
        pairing.pk: [mentees[n % len(mentees)]] + ([mentees[(n + 500) % len(mentees)]] if n in group else [])
        for n, pairing in enumerate(pairings)
    }
    Pairing.mentees.through.objects.bulk_create(
        Pairing.mentees.through(pairing_id=pk, mentee_id=mentee.pk)
        for pk, chosen in members.items()
        for mentee in chosen
    )
    Pairing.forms.through.objects.bulk_create(
        Pairing.forms.through(pairing_id=pairing.pk, mentoringform_id=form.pk)
        for n, pairing in enumerate(pairings)
        for form in ([group_form] if n in group else []) + [forms[n % len(forms)]]
    )
    consenting = [p for p in pairings if p.status not in (S.PROPOSED, S.CANCELLED)]
    PairingConsent.objects.bulk_create(
        (
            PairingConsent(pairing=pairing, person_id=person_id, given_on=pairing.starts_on - timedelta(days=10))
            for pairing in consenting
            for person_id in [pairing.mentor.person_id, *(m.person_id for m in members[pairing.pk])]
            # A few pairs still wait for a mentee's consent.
            if not (pairing.status == S.AWAITING_CONSENTS and person_id != pairing.mentor.person_id and pairing.pk % 2)
        ),
        batch_size=1000,
    )
    PairingTransition.objects.bulk_create(
        (
            PairingTransition(
                pairing=pairing,
                source=S.AWAITING_APPROVAL if pairing.status == S.RETURNED else S.PROPOSED,
                target=pairing.status,
                actor=logins["head"] if pairing.status == S.RETURNED else logins["curator"],
                comment="Уточните срок и форму наставничества" if pairing.status == S.RETURNED else "",
                at=now - timedelta(days=rng.randint(1, 60)),
            )
            for pairing in pairings
        ),
        batch_size=1000,
    )

    # --- orders fixing the pairs (ten pairs each) and the agreements behind the pay -------------
    under_order = [p for p in pairings if p.status in Pairing.UNDER_ORDER_STATUSES]
    orders = []
    for number, start in enumerate(range(0, len(under_order), 10), start=1):
        chunk = under_order[start : start + 10]
        day = min(p.starts_on for p in chunk) - timedelta(days=5)
        orders.append(
            Order(
                organization=own,
                kind=PAIRING,
                status=Order.Status.REGISTERED,
                date=day,
                year=day.year,
                number=number,
                number_text=f"{number}-ОД",
                heading="О закреплении наставнических пар (групп)",
                preamble="В соответствии с Положением о наставничестве педагогических работников",
                clauses=["Закрепить наставнические пары (группы) согласно таблице.", "Контроль — куратору."],
                table=[
                    {
                        "mentor": p.mentor.person.full_name,
                        "mentee": m.person.full_name,
                        "starts_on": f"{p.starts_on:%d.%m.%Y}",
                        "ends_on": f"{p.planned_end_on:%d.%m.%Y}",
                    }
                    for p in chunk
                    for m in members[p.pk]
                ],
                acquaintance=[p.mentor.person.full_name for p in chunk],
                signer_position="Начальник управления образования",
                signer_name=head.short_name,
                created_by=logins["curator"],
                registered_at=now,
                registered_by=logins["head"],
            )
        )
    orders = Order.objects.bulk_create(orders)
    orders = list(Order.objects.order_by("pk"))
    Pairing.orders.through.objects.bulk_create(
        Pairing.orders.through(pairing_id=pairing.pk, order_id=orders[index // 10].pk)
        for index, pairing in enumerate(under_order)
    )
    MentoringAgreement.objects.bulk_create(
        (
            MentoringAgreement(
                pairing=pairing,
                mentor=pairing.mentor,
                order=orders[index // 10],
                date=orders[index // 10].date,
                number=str(index + 1),
                starts_on=pairing.starts_on,
                ends_on=pairing.planned_end_on,
                ended_on=pairing.ended_on if pairing.status == S.TERMINATED else None,
                pay_rule=Organization.PayRule.FIXED,
                pay_amount=Decimal("3000.00"),
                mentees_count=len(members[pairing.pk]),
                employer=own.full_name,
                employee=pairing.mentor.person.full_name,
                parties="Работодатель и работник",
                clauses=["Работник выполняет обязанности наставника."],
                employer_signer_position="Начальник",
                employer_signer_name=head.short_name,
                employee_signer_name=pairing.mentor.person.short_name,
                created_by=logins["curator"],
            )
            for index, pairing in enumerate(under_order)
            if pairing.mentor.person.organization_id == own.pk
        ),
        batch_size=500,
    )

    # --- programs: one per pair, its state following the pair's -------------------------------
    P = Program.Status

    def program_status(pairing: Pairing) -> str:
        if pairing.status == S.ACTIVE:
            return rng.choices([P.RUNNING, P.CORRECTION, P.APPROVED, P.REVIEW], [85, 4, 5, 6])[0]
        return {
            S.FIXED: P.REVIEW,
            S.COMPLETED: P.COMPLETED,
            S.TERMINATED: P.TERMINATED,
            S.CANCELLED: P.TERMINATED,
        }.get(pairing.status, P.DRAFT)

    programs = []
    for pairing in pairings[:PROGRAMS]:
        status = program_status(pairing)
        programs.append(
            Program(
                pairing=pairing,
                status=status,
                starts_on=pairing.starts_on,
                ends_on=pairing.planned_end_on,
                difficulties="Планирование ОД по ФОП ДО; режимные моменты",
                strengths="Владение ИКТ",
                goal="Профессиональное становление педагога",
                tasks="Освоить планирование; провести открытый показ",
                expected_results="Самостоятельное проведение ОД",
                curator_agreed_at=now if status != P.DRAFT else None,
                curator_agreed_by=curator if status != P.DRAFT else None,
                council_agreed_at=now if status not in (P.DRAFT, P.REVIEW) else None,
                approved_at=now if status not in (P.DRAFT, P.REVIEW) else None,
                approved_by=logins["head"] if status not in (P.DRAFT, P.REVIEW) else None,
                termination_reason="Пара прекращена" if status == P.TERMINATED else "",
                created_by=logins["curator"],
            )
        )
    programs[0].status = P.RUNNING
    Program.objects.bulk_create(programs, batch_size=500)
    programs = list(Program.objects.order_by("pk"))

    per_program = PLAN_ITEMS // len(programs)
    items = []
    for program in programs:
        span = (program.ends_on - program.starts_on).days
        for position in range(1, per_program + 1):
            deadline = program.starts_on + timedelta(days=span * position // (per_program + 1))
            done = program.status == P.COMPLETED or (deadline < today and rng.random() < 0.8)
            items.append(
                PlanItem(
                    program=program,
                    position=position,
                    direction=program.pairing.direction,
                    activity=rng.choice(ACTIVITIES),
                    form=rng.choice(activity_forms),
                    deadline=deadline,
                    responsible="Наставник",
                    expected_result="Конспект, самоанализ",
                    done_on=min(deadline, today) if done else None,
                    done_note="Выполнено" if done else "",
                )
            )
    PlanItem.objects.bulk_create(items, batch_size=1000)
    done_items: dict[int, list[int]] = {}
    for pk, program_id in PlanItem.objects.filter(done_on__isnull=False).values_list("pk", "program_id"):
        done_items.setdefault(program_id, []).append(pk)
    logged = [p for p in programs if p.status in (P.RUNNING, P.CORRECTION, P.COMPLETED, P.TERMINATED)]
    mentor_user = {programs[0].pk: logins["mentor"]}
    records = []
    for n in range(RECORDS):
        program = logged[n % len(logged)]
        day = program.starts_on + timedelta(days=rng.randint(0, max(0, min((today - program.starts_on).days, 300))))
        confirmed = rng.random() < 0.85
        records.append(
            ActivityRecord(
                program=program,
                item_id=rng.choice(done_items[program.pk]) if done_items.get(program.pk) else None,
                done_on=day,
                description=rng.choice(ACTIVITIES),
                result="Проведено, обсуждены итоги",
                logged_by=mentor_user.get(program.pk),
                logged_at=now,
                confirmed_at=now if confirmed else None,
            )
        )
    ActivityRecord.objects.bulk_create(records, batch_size=2000)

    # --- one-off meetings, releases (30 wait for the head), growth records ------------------------
    Meeting.objects.bulk_create(
        Meeting(
            mentor=mentors[n % len(mentors)],
            form=one_off[n % len(one_off)],
            held_on=today - timedelta(days=rng.randint(0, 200)),
            topic="Ситуационная консультация",
        )
        for n in range(500)
    )
    meetings = list(Meeting.objects.order_by("pk"))
    Meeting.participants.through.objects.bulk_create(
        Meeting.participants.through(meeting_id=meeting.pk, person_id=mentees[n % len(mentees)].person_id)
        for n, meeting in enumerate(meetings)
    )
    running = [p for p in programs if p.status == P.RUNNING]
    R = ReleaseRequest.Status
    ReleaseRequest.objects.bulk_create(
        ReleaseRequest(
            program=program,
            person=program.pairing.mentor.person,
            event="Открытый показ занятия у наставника",
            date=today + timedelta(days=rng.randint(3, 40)),
            hours=Decimal("2.0"),
            substitute=working[(n * 7) % len(working)] if n % 3 else None,
            status=R.REQUESTED if n < 30 else rng.choice([R.APPROVED, R.REFUSED, R.WITHDRAWN]),
            requested_by=logins["curator"],
        )
        for n, program in enumerate(running[:130])
    )
    G = GrowthRecord.Status
    GrowthRecord.objects.bulk_create(
        (
            GrowthRecord(
                person=rng.choice(working),
                kind=kind,
                title="Курсы «Реализация ФОП ДО»" if kind == "course" else "Участие в конкурсе «Педагог года»",
                organizer="ИРО Свердловской области",
                hours=72 if kind == "course" else None,
                date=today - timedelta(days=rng.randint(0, 500)),
                status=rng.choices([G.CONFIRMED, G.PROPOSED, G.RETURNED], [80, 15, 5])[0],
                created_by=logins["curator"],
            )
            for kind in (rng.choice(["course", "contest"]) for _ in range(3000))
        ),
        batch_size=1000,
    )

    # --- this year's roadmap, through its service (the typical 8 stages) ------------------------
    from roadmap.services import BASIS_TYPICAL, roadmap_create

    roadmap_create(start_year=year_start.year, basis=BASIS_TYPICAL, actor=logins["curator"], today=today)

    from django.apps import apps

    counts = {
        model._meta.verbose_name_plural: model.objects.count()
        for model in [Person, Mentor, Mentee, Pairing, Program, PlanItem, ActivityRecord, Order, MentoringAgreement]
    }
    assert apps.get_model("people", "Person").objects.count() == STAFF
    return Municipal(pay_year=today.year, pay_month=today.month, seconds=time.perf_counter() - started, counts=counts)
