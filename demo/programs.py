"""Demo programs of the kindergarten «Ласточка», one in every state, on the pairs of demo/kindergarten.py.

- Петрова → Ёлкина, «ИКТ», last year: завершена, a best practice;
- Фёдорова → Тихонова, «Режимные моменты», last year: прекращена with the pair;
- Петрова → Иванова, «Режимные моменты», since the academic year's start: реализуется — some activities
  done, some due, one overdue, a few logged activities;
- Новикова → Зайцева, «Взаимодействие с семьями»: корректировка (after one finished correction: 2 versions);
- Крылова (колледж) → Карпова (студентка), «ОД по ФОП ДО»: на согласовании, agreed by the curator and the
  council, so it waits in the head's queue;
- Белова → Павлова, «Воспитательная работа», fixed today: утверждена, starts later;
- Белова → Орлова, «Адаптация в коллективе», awaiting the head: черновик.

Programs of running pairs are made through the services, as the people would; the two of last year's
closed pairs are written directly (a program is not started for a closed pair), with their log.
Loading is idempotent: a pair that has a program is left as it is.
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from core.dates import add_months
from mentorship.models import Pairing
from people.models import Person
from programs.models import ActivityForm, ActivityRecord, PlanItem, Program, ProgramTransition, ProgramVersion
from programs.services.program import (
    plan_item_mark,
    plan_item_save,
    program_agree,
    program_create,
    program_move,
    program_prefill,
    program_set_best_practice,
    program_snapshot,
    program_update,
)

S = Program.Status
CONSULT, VISIT, SHOW, MASTER, SELF = (
    "Консультация",
    "Взаимопосещение",
    "Открытый показ",
    "Мастер-класс",
    "Самообразование",
)
COURSES, SEMINAR, ANALYSIS, JOINT, CONTEST = (
    "Курсы повышения квалификации",
    "Семинар, практикум",
    "Анализ занятия (режимного момента)",
    "Совместная разработка (конспект, проект)",
    "Участие в конкурсе",
)

# (day offset from the program's start, activity form, activity, expected result or product)
ROUTINE = {
    "goal": "Сформировать у наставляемой умение самостоятельно организовывать режимные моменты в группе "
    "раннего возраста как образовательные ситуации в соответствии с ФОП ДО.",
    "tasks": "1. Изучить режим дня группы и требования ФОП ДО и СанПиН 1.2.3685-21 к его организации.\n"
    "2. Освоить приёмы формирования культурно-гигиенических навыков (умывание, приём пищи, одевание).\n"
    "3. Научиться проводить утренний круг и удерживать внимание детей.\n"
    "4. Подобрать игровой материал (потешки, пальчиковые игры) для режимных моментов.",
    "expected_results": "Наставляемая самостоятельно и без потерь времени проводит режимные моменты; "
    "дети группы владеют навыками самообслуживания по возрасту; собрана картотека игр для режимных моментов; "
    "проведён открытый показ утреннего круга.",
    # offsets from today: done ones behind, one overdue, the rest ahead
    "items": [
        (
            -70,
            CONSULT,
            "Консультация «Режим дня группы раннего возраста по ФОП ДО: гибкость и последовательность»",
            "Памятка «Режим дня группы» в папке наставляемой",
        ),
        (
            -55,
            VISIT,
            "Наблюдение в группе наставника: утренний приём детей и утренний круг",
            "Лист наблюдения с выводами",
        ),
        (
            -40,
            MASTER,
            "Мастер-класс «Культурно-гигиенические навыки: приёмы организации умывания»",
            "Алгоритм умывания в картинках для группы",
        ),
        (
            -10,
            JOINT,
            "Совместная разработка картотеки потешек и игр для одевания на прогулку и подготовки ко сну",
            "Картотека (не менее 20 игр)",
        ),
        (
            10,
            ANALYSIS,
            "Посещение наставником прогулки в группе наставляемой, совместный анализ",
            "Анализ режимного момента, рекомендации",
        ),
        (
            35,
            SELF,
            "Самообразование: организация дневного сна и постепенного подъёма",
            "Конспект литературы, план «бодрящей гимнастики»",
        ),
        (70, SHOW, "Открытый показ: утренний круг в группе наставляемой", "Конспект утреннего круга, самоанализ"),
        (
            110,
            SEMINAR,
            "Выступление наставляемой на семинаре-практикуме «Режимные моменты как образовательная ситуация»",
            "Презентация опыта",
        ),
        (
            150,
            CONSULT,
            "Итоговая встреча: самооценка, обсуждение оставшихся затруднений",
            "Лист самооценки, портфолио наставляемой",
        ),
    ],
}

FAMILIES = {
    "goal": "Помочь наставляемой выстроить партнёрское взаимодействие с семьями воспитанников и освоить "
    "ведение документации группы.",
    "tasks": "1. Освоить формы взаимодействия с родителями: индивидуальная беседа, родительское собрание, "
    "родительский чат.\n2. Научиться готовить и проводить родительское собрание.\n"
    "3. Освоить ведение документации группы (табель, план воспитательно-образовательной работы).",
    "expected_results": "Наставляемая самостоятельно проводит родительское собрание и консультации; "
    "ведёт родительский чат по правилам детского сада; документация группы ведётся без замечаний.",
    "items": [
        (
            14,
            CONSULT,
            "Консультация «Формы взаимодействия с семьями воспитанников по ФОП ДО»",
            "Памятка по формам работы с родителями",
        ),
        (
            30,
            CONSULT,
            "Консультация «Документация воспитателя: что, когда и как заполнять»",
            "Перечень документов группы с образцами",
        ),
        (45, VISIT, "Посещение родительского собрания в группе наставника", "Лист наблюдения"),
        (
            60,
            JOINT,
            "Совместная подготовка родительского собрания «Адаптация ребёнка в средней группе»",
            "Сценарий собрания, памятки для родителей",
        ),
        (
            100,
            SHOW,
            "Родительское собрание в группе наставляемой (наставник присутствует)",
            "Протокол собрания, самоанализ",
        ),
        (
            130,
            MASTER,
            "Мастер-класс «Трудный разговор с родителем: как сохранить доверие»",
            "Алгоритм беседы с родителями",
        ),
        (
            170,
            JOINT,
            "Совместная разработка проекта «Семейные традиции» с участием родителей",
            "Паспорт проекта, фотоотчёт",
        ),
        (220, CONSULT, "Итоговая встреча: самооценка, отзыв родительского комитета", "Лист самооценки"),
    ],
}

STUDENT = {
    "difficulties": "Нет опыта самостоятельного проведения образовательной деятельности; затрудняется "
    "в подборе методов и приёмов для детей среднего дошкольного возраста.",
    "goal": "Подготовить студентку к самостоятельному проведению образовательной деятельности в средней "
    "группе в соответствии с ФОП ДО.",
    "tasks": "1. Изучить образовательную программу детского сада и календарный план средней группы.\n"
    "2. Освоить структуру занятия и приёмы мотивации детей.\n3. Провести зачётное занятие.",
    "expected_results": "Студентка самостоятельно проводит занятие в средней группе; собрана папка конспектов; "
    "получен положительный отзыв руководителя практики.",
    "items": [
        (
            5,
            CONSULT,
            "Знакомство с образовательной программой и календарным планом средней группы",
            "Выписки из программы",
        ),
        (15, VISIT, "Посещение занятий воспитателей средней группы", "Дневник практики"),
        (30, JOINT, "Совместная разработка конспекта занятия по развитию речи", "Конспект занятия"),
        (45, SHOW, "Проведение студенткой фрагмента занятия с анализом", "Анализ занятия"),
        (65, MASTER, "Мастер-класс «Игровая мотивация на занятии»", "Картотека игровых приёмов"),
        (85, SHOW, "Зачётное занятие по ФОП ДО", "Конспект, отзыв руководителя практики"),
    ],
}

DISCIPLINE = {
    "goal": "Помочь наставляемой выстроить в старшей группе правила поведения и позитивную дисциплину "
    "средствами воспитательной работы по ФОП ДО.",
    "tasks": "1. Изучить рабочую программу воспитания и календарный план воспитательной работы.\n"
    "2. Освоить приёмы введения правил группы вместе с детьми.\n"
    "3. Использовать утренний и вечерний круг для решения конфликтов.",
    "expected_results": "В группе введены и соблюдаются правила, принятые вместе с детьми; снизилось число "
    "конфликтов; наставляемая проводит утренний и вечерний круг.",
    "items": [
        (
            10,
            CONSULT,
            "Консультация «Рабочая программа воспитания: ценности и календарный план»",
            "Выписка из календарного плана на полугодие",
        ),
        (25, VISIT, "Наблюдение вечернего круга в группе наставника", "Лист наблюдения"),
        (40, JOINT, "Совместная разработка «Правил нашей группы» с детьми", "Плакат правил группы"),
        (70, MASTER, "Мастер-класс «Решение детских конфликтов через круг»", "Алгоритм разрешения конфликта"),
        (100, ANALYSIS, "Посещение наставником вечернего круга в группе наставляемой", "Анализ, рекомендации"),
        (130, SEMINAR, "Семинар-практикум «Позитивная дисциплина в детском саду»", "Выступление наставляемой"),
        (170, CONSULT, "Итоговая встреча: самооценка наставляемой", "Лист самооценки"),
    ],
}

ADAPTATION = {
    "goal": "Помочь педагогу-психологу войти в коллектив детского сада и освоить составление индивидуальных "
    "маршрутов сопровождения детей.",
    "tasks": "1. Познакомить с традициями, локальными актами и командой детского сада.\n"
    "2. Освоить порядок работы психолого-педагогического консилиума (ППк).\n"
    "3. Составить индивидуальный маршрут сопровождения ребёнка.",
    "expected_results": "Наставляемая участвует в работе ППк; составлены два индивидуальных маршрута; "
    "наставляемая включена в проекты детского сада.",
    "items": [
        (7, CONSULT, "Знакомство с традициями и локальными актами детского сада", "Перечень локальных актов"),
        (20, VISIT, "Участие в заседании ППк вместе с наставником", "Протокол заседания"),
        (40, JOINT, "Совместное составление индивидуального маршрута сопровождения ребёнка", "Индивидуальный маршрут"),
        (75, SEMINAR, "Семинар «Психолого-педагогическое сопровождение по ФОП ДО»", "Конспект семинара"),
        (110, SHOW, "Открытое коррекционно-развивающее занятие", "Конспект, самоанализ"),
        (150, CONSULT, "Итоговая встреча: самооценка, планы на следующий год", "Лист самооценки"),
    ],
}

ICT = {
    "goal": "Освоить электронное ведение документации группы и создание цифровых образовательных ресурсов, "
    "опираясь на сильные стороны наставляемой во владении ИКТ.",
    "tasks": "1. Перевести документацию группы в электронный вид по образцам детского сада.\n"
    "2. Освоить создание интерактивных дидактических игр.\n3. Подготовить цифровое портфолио педагога.",
    "expected_results": "Документация группы ведётся в электронном виде без замечаний; создано не менее пяти "
    "интерактивных игр; оформлено цифровое портфолио.",
    "final_assessment": "План выполнен полностью. Документация группы ведётся в электронном виде без замечаний "
    "старшего воспитателя; созданы 6 интерактивных игр для ОД по ФЭМП и развитию речи; оформлено "
    "цифровое портфолио. Затруднение в работе с документацией снято.",
    "curator_conclusion": "Программа реализована в полном объёме. Рекомендовано представить опыт на "
    "методическом объединении и включить программу в банк лучших практик.",
    "items": [
        (14, CONSULT, "Консультация «Документация группы: состав и сроки»", "Перечень документов"),
        (
            35,
            JOINT,
            "Совместный перевод плана воспитательно-образовательной работы в электронный вид",
            "Электронный план на квартал",
        ),
        (
            60,
            MASTER,
            "Мастер-класс наставляемой для наставника «Интерактивные игры в конструкторе»",
            "Две интерактивные игры",
        ),
        (90, SELF, "Самообразование: цифровые образовательные ресурсы для дошкольников", "Каталог ресурсов"),
        (120, SHOW, "Открытый показ ОД с интерактивной игрой", "Конспект ОД, самоанализ"),
        (150, JOINT, "Оформление цифрового портфолио педагога", "Портфолио"),
        (200, CONTEST, "Участие в муниципальном конкурсе «Цифровой педагог»", "Сертификат участника"),
        (250, CONSULT, "Итоговая встреча: самооценка, отчёт", "Лист самооценки"),
    ],
}

NEW_STAFF = {
    "difficulties": "Не знакома с режимом дня и традициями детского сада; затрудняется в организации "
    "режимных моментов в старшей группе.",
    "goal": "Помочь новому воспитателю освоить режим дня и традиции детского сада.",
    "tasks": "1. Изучить режим дня и традиции детского сада.\n2. Освоить организацию режимных моментов "
    "в старшей группе.",
    "expected_results": "Наставляемая организует режимные моменты в старшей группе самостоятельно.",
    "items": [
        (14, CONSULT, "Знакомство с режимом дня и традициями детского сада", "Памятка"),
        (40, VISIT, "Наблюдение режимных моментов в группе наставника", "Лист наблюдения"),
        (70, MASTER, "Мастер-класс «Дежурство в старшей группе»", "Алгоритм дежурства"),
        (110, ANALYSIS, "Анализ прогулки в группе наставляемой", "Рекомендации"),
        (160, SHOW, "Открытый показ режимного момента", "Конспект, самоанализ"),
        (230, CONSULT, "Итоговая встреча", "Лист самооценки"),
    ],
}


def _at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _stamp(program: Program, day: date) -> None:
    """Put the last log entry on the day it would have happened (the services write «now»)."""
    last = program.transitions.order_by("-pk").first()
    ProgramTransition.objects.filter(pk=last.pk).update(at=_at(day))


def _pair(mentor: str, direction: str) -> Pairing | None:
    return (
        Pairing.objects.filter(mentor__person__personnel_number=mentor, direction__name=direction)
        .order_by("-starts_on")
        .first()
    )


def _items(program: Program, rows, *, anchor: date, actor) -> list[PlanItem]:
    forms = {form.name: form for form in ActivityForm.objects.all()}
    made = []
    for offset, form, activity, result in rows:
        deadline = min(max(anchor + timedelta(days=offset), program.starts_on), program.ends_on)
        item = PlanItem(
            program=program,
            direction=program.pairing.direction,
            activity=activity,
            form=forms[form],
            deadline=deadline,
            responsible=program.pairing.mentor.person.short_name,
            expected_result=result,
        )
        made.append(plan_item_save(item=item, actor=actor).obj)
    return made


def _through_review(program, *, mentor, curator, council, head, days, approve=True):
    """Send for agreement, agree (curator, council), approve — each on its day."""
    program_move(program=program, target=S.REVIEW, actor=mentor)
    _stamp(program, days[0])
    program_agree(program=program, on_behalf="curator", actor=curator)
    _stamp(program, days[1])
    if council is not None:
        program_agree(program=program, on_behalf="council", actor=council)
        _stamp(program, days[1])
    Program.objects.filter(pk=program.pk).update(
        curator_agreed_at=_at(days[1]), council_agreed_at=_at(days[1], 12) if council else None
    )
    if approve:
        program_move(program=program, target=S.APPROVED, actor=head)
        _stamp(program, days[2])
        Program.objects.filter(pk=program.pk).update(approved_at=_at(days[2]))
        program.versions.filter(number=1).update(created_at=_at(days[2]))


def _create(pairing, text, *, actor, day, starts_on=None, ends_on=None):
    prefill = program_prefill(pairing)
    program = program_create(
        pairing=pairing,
        starts_on=starts_on or prefill["starts_on"],
        ends_on=ends_on or prefill["ends_on"],
        difficulties=text.get("difficulties") or prefill["difficulties"],
        strengths=prefill["strengths"],
        goal=text["goal"],
        tasks=text["tasks"],
        expected_results=text["expected_results"],
        actor=actor,
    ).obj
    _stamp(program, day)
    return program


@transaction.atomic
def load(today: date | None = None) -> int:
    """Create the demo programs that are missing; return how many were made."""
    today = today or timezone.localdate()
    users = {
        number: person.user
        for number, person in (
            (n, Person.objects.filter(personnel_number=n).select_related("user").first())
            for n in ("001", "002", "003", "004")
        )
        if person is not None
    }
    if len(users) < 4 or any(user is None for user in users.values()):
        return 0
    head, curator, council, mentor = users["001"], users["002"], users["003"], users["004"]
    made = 0

    pairing = _pair("004", "ИКТ")
    if pairing is not None and not pairing.programs.exists():
        _closed_program(pairing, ICT, head=head, curator=curator, council=council, mentor=mentor, fate=S.COMPLETED)
        made += 1
    pairing = _pair("012", "Режимные моменты")
    if pairing is not None and not pairing.programs.exists():
        _closed_program(
            pairing, NEW_STAFF, head=head, curator=curator, council=council, mentor=curator, fate=S.TERMINATED
        )
        made += 1

    pairing = _pair("004", "Режимные моменты")
    if pairing is not None and pairing.status in Pairing.CURRENT_STATUSES and not pairing.programs.exists():
        _running(pairing, mentor=mentor, curator=curator, council=council, head=head, today=today)
        made += 1
    pairing = _pair("008", "Взаимодействие с семьями воспитанников")
    if pairing is not None and pairing.status in Pairing.CURRENT_STATUSES and not pairing.programs.exists():
        _corrected(pairing, curator=curator, council=council, head=head, today=today)
        made += 1
    pairing = _pair("П-01", "Организация образовательной деятельности (ОД) по ФОП ДО")
    if pairing is not None and pairing.status in Pairing.CURRENT_STATUSES and not pairing.programs.exists():
        starts_on = min(add_months(pairing.starts_on, 1), pairing.planned_end_on)
        program = _create(pairing, STUDENT, actor=curator, day=pairing.starts_on, starts_on=starts_on)
        _items(program, STUDENT["items"], anchor=program.starts_on, actor=curator)
        days = [min(today, pairing.starts_on + timedelta(days=d)) for d in (10, 14)]
        _through_review(
            program,
            mentor=curator,
            curator=curator,
            council=council,
            head=head,
            days=[*days, today],
            approve=False,
        )
        made += 1
    pairing = _pair("016", "Воспитательная работа")
    if pairing is not None and pairing.status in Pairing.CURRENT_STATUSES and not pairing.programs.exists():
        program = _create(pairing, DISCIPLINE, actor=council, day=today)
        _items(program, DISCIPLINE["items"], anchor=program.starts_on, actor=council)
        _through_review(
            program,
            mentor=council,
            curator=curator,
            council=council,
            head=head,
            days=[today, today, today],
        )
        made += 1
    pairing = _pair("016", "Адаптация в коллективе")
    if pairing is not None and pairing.status == Pairing.Status.AWAITING_APPROVAL and not pairing.programs.exists():
        program = _create(pairing, ADAPTATION, actor=council, day=today)
        _items(program, ADAPTATION["items"], anchor=program.starts_on, actor=council)
        made += 1
    _meetings_and_release(mentor=mentor, today=today)
    return made


def _meetings_and_release(*, mentor, today: date) -> None:
    """Петрова's one-off meetings with colleagues outside her pair, and Иванова's request to be
    released for the next open show — waiting in the head's queue. Both through the services."""
    from mentorship.models import MentoringForm
    from programs.models import Meeting, ReleaseRequest
    from programs.services.logging import meeting_save
    from programs.services.releases import release_request

    people = {p.personnel_number: p for p in Person.objects.filter(personnel_number__in=["005", "006", "009", "018"])}
    if not Meeting.objects.exists() and {"006", "018"} <= people.keys():
        for days_ago, form, who, topic, result in (
            (
                20,
                "Ситуационное",
                ["006"],
                "Ребёнок плачет при расставании с мамой утром: как помочь в первые дни",
                "Разобрали приёмы «ритуала прощания»; договорились показать уголок уединения в группе.",
            ),
            (
                6,
                "Скоростное",
                ["006", "018"],
                "Как коротко и спокойно рассказать родителям о конфликте детей",
                "Составили памятку из трёх шагов для разговора с родителями.",
            ),
        ):
            meeting_save(
                held_on=today - timedelta(days=days_ago),
                form=MentoringForm.objects.get(name=form),
                participants=[people[number] for number in who],
                topic=topic,
                result=result,
                actor=mentor,
            )
    mentee = people.get("005")
    program = Program.objects.filter(pairing__mentees__person=mentee, status=S.RUNNING).first() if mentee else None
    if program is None or mentee.user is None or "009" not in people or ReleaseRequest.objects.exists():
        return
    item = program.items.filter(done_on__isnull=True, deadline__gt=today, form__name="Открытый показ").first()
    if item is None:
        return
    release_request(
        program=program,
        item=item,
        event=f"{item.activity} (пункт {item.position} плана)",
        date=item.deadline,
        hours=Decimal("2"),
        substitute=people["009"],
        actor=mentee.user,
    )


def _running(pairing, *, mentor, curator, council, head, today) -> Program:
    """Петрова → Иванова: written together in the first days, approved, running since; the log kept."""
    start = pairing.starts_on
    program = _create(pairing, ROUTINE, actor=mentor, day=start)
    items = _items(program, ROUTINE["items"], anchor=today, actor=mentor)
    _through_review(
        program,
        mentor=mentor,
        curator=curator,
        council=council,
        head=head,
        days=[start, start + timedelta(days=2), start + timedelta(days=4)],
    )
    program_move(program=program, target=S.RUNNING, actor=mentor)
    _stamp(program, start + timedelta(days=5))
    past = [item for item in items if item.deadline < today]
    # Every past activity is done on time except the latest one: it is overdue.
    for item in past[:-1]:
        plan_item_mark(item=item, done_on=item.deadline, note="Проведено по плану", actor=mentor)
    for item in items:
        item.refresh_from_db()
    mentee = pairing.mentees.first()
    records = [
        (
            items[0],
            "Провела консультацию по режиму дня группы раннего возраста, разобрали гибкий режим на период адаптации.",
            "Наставляемая составила памятку для своей группы.",
        ),
        (
            items[1],
            "Наставляемая наблюдала утренний приём и утренний круг в моей группе.",
            "Заполнен лист наблюдения; выделены приёмы привлечения внимания детей.",
        ),
        (
            items[2],
            "Мастер-класс по организации умывания: показала приёмы, потешки, алгоритм в картинках.",
            "Алгоритм умывания размещён в умывальной комнате группы наставляемой.",
        ),
    ]
    for number, (item, description, result) in enumerate(records):
        if not item.is_done:
            continue
        record = ActivityRecord.objects.create(
            program=program,
            item=item,
            done_on=item.done_on,
            description=description,
            result=result,
            logged_by=mentor,
            logged_at=_at(item.done_on, 17),
        )
        if number < 2 and mentee is not None:
            record.confirmed_at = _at(item.done_on + timedelta(days=1), 9)
            record.confirmed_by = mentee.person
            record.save(update_fields=["confirmed_at", "confirmed_by"])
    return program


def _corrected(pairing, *, curator, council, head, today) -> Program:
    """Новикова → Зайцева: approved, corrected once (version 2), now in a second correction."""
    start = pairing.starts_on
    program = _create(pairing, FAMILIES, actor=curator, day=start)
    items = _items(program, FAMILIES["items"], anchor=start, actor=curator)
    _through_review(
        program,
        mentor=curator,
        curator=curator,
        council=council,
        head=head,
        days=[start + timedelta(days=3), start + timedelta(days=5), start + timedelta(days=7)],
    )
    program_move(program=program, target=S.RUNNING, actor=curator)
    _stamp(program, start + timedelta(days=8))
    for item in items[:3]:
        if item.deadline < today:
            plan_item_mark(item=item, done_on=item.deadline, note="Проведено", actor=curator)
    first_correction = min(today, start + timedelta(days=40))
    program_move(
        program=program,
        target=S.CORRECTION,
        actor=council,
        comment="Родительский комитет просит перенести собрание на декабрь; добавить работу с родительским чатом.",
    )
    _stamp(program, first_correction)
    meeting = items[4]
    meeting.deadline = min(meeting.deadline + timedelta(days=14), program.ends_on)
    plan_item_save(item=meeting, actor=council)
    chat = PlanItem(
        program=program,
        direction=pairing.direction,
        activity="Консультация «Родительский чат группы: правила и этика общения»",
        form=ActivityForm.objects.get(name=CONSULT),
        deadline=min(start + timedelta(days=75), program.ends_on),
        responsible=pairing.mentor.person.short_name,
        expected_result="Правила родительского чата, согласованные с родителями",
    )
    plan_item_save(item=chat, actor=council)
    program_update(
        program=program,
        starts_on=program.starts_on,
        ends_on=program.ends_on,
        difficulties=program.difficulties,
        strengths=program.strengths,
        goal=program.goal,
        tasks=program.tasks + "\n4. Освоить правила ведения родительского чата.",
        expected_results=program.expected_results,
        actor=council,
    )
    program_move(
        program=program,
        target=S.RUNNING,
        actor=council,
        agreed=True,
        comment="Собрание перенесено на две недели; добавлена консультация о родительском чате и задача 4.",
    )
    _stamp(program, first_correction + timedelta(days=1))
    program.versions.filter(number=2).update(created_at=_at(first_correction + timedelta(days=1)))
    program_move(
        program=program,
        target=S.CORRECTION,
        actor=curator,
        comment="Наставляемая направлена на курсы повышения квалификации в январе: сдвинуть сроки проекта.",
    )
    _stamp(program, today)
    # Being corrected now: the family project moves three weeks later (not yet agreed, so not a version).
    project = program.items.get(pk=items[6].pk)
    project.deadline = min(project.deadline + timedelta(days=21), program.ends_on)
    plan_item_save(item=project, actor=curator)
    return program


def _closed_program(pairing, text, *, head, curator, council, mentor, fate) -> Program:
    """Last year's programs: written as the services would have left them, with their log and version."""
    start = pairing.starts_on
    ends_on = pairing.planned_end_on
    prefill = program_prefill(pairing)
    approved_on = start + timedelta(days=10)
    program = Program.objects.create(
        pairing=pairing,
        status=fate,
        starts_on=start,
        ends_on=ends_on,
        difficulties=text.get("difficulties") or prefill["difficulties"],
        strengths=prefill["strengths"],
        goal=text["goal"],
        tasks=text["tasks"],
        expected_results=text["expected_results"],
        created_by=mentor,
        curator_agreed_at=_at(start + timedelta(days=6)),
        curator_agreed_by=curator.person,
        council_agreed_at=_at(start + timedelta(days=8)),
        council_agreed_by=council.person,
        approved_at=_at(approved_on),
        approved_by=head,
    )
    forms = {form.name: form for form in ActivityForm.objects.all()}
    end = pairing.ended_on or ends_on
    for position, (offset, form, activity, result) in enumerate(text["items"], start=1):
        deadline = min(start + timedelta(days=offset), ends_on)
        done = fate == S.COMPLETED or deadline < end
        PlanItem.objects.create(
            program=program,
            position=position,
            direction=pairing.direction,
            activity=activity,
            form=forms[form],
            deadline=deadline,
            responsible=pairing.mentor.person.short_name,
            expected_result=result,
            done_on=deadline if done else None,
            done_note="Проведено" if done else "",
        )
    ProgramVersion.objects.create(
        program=program,
        number=1,
        data=program_snapshot(program),
        comment="Утверждённая программа",
        created_by=head,
        created_at=_at(approved_on),
    )
    log = [
        ("", S.DRAFT, mentor, start, ""),
        (S.DRAFT, S.REVIEW, mentor, start + timedelta(days=3), ""),
        (S.REVIEW, S.REVIEW, curator, start + timedelta(days=6), "Согласовано куратором"),
        (S.REVIEW, S.REVIEW, council, start + timedelta(days=8), "Согласовано методическим объединением"),
        (S.REVIEW, S.APPROVED, head, approved_on, ""),
        (S.APPROVED, S.RUNNING, mentor, approved_on + timedelta(days=1), ""),
    ]
    if fate == S.COMPLETED:
        program.final_assessment, program.curator_conclusion = text["final_assessment"], text["curator_conclusion"]
        log.append((S.RUNNING, S.COMPLETED, curator, end, ""))
    else:
        program.termination_reason = (
            "Наставничество прекращено приказом по просьбе наставляемой о смене наставника "
            "(психологическая несовместимость)."
        )
        log.append((S.RUNNING, S.TERMINATED, head, end, program.termination_reason))
    program.save(update_fields=["final_assessment", "curator_conclusion", "termination_reason"])
    for source, target, actor, day, comment in log:
        ProgramTransition.objects.create(
            program=program, source=source, target=target, actor=actor, at=_at(day), comment=comment
        )
    if fate == S.COMPLETED:
        program_set_best_practice(program=program, value=True, actor=curator)
        _stamp(program, end + timedelta(days=7))
    return program
