"""The demo kindergarten's growth records and rewards, walked through the services like real ones.

Петрова (the mentor) has her courses, a contest, a reward of the education department and an open
event still waiting for the curator; Иванова (the mentee) her courses, a publication waiting and an
open event returned with a comment; Ёлкина (Петрова's mentee of last year) her certification and a
contest since the program; Новикова her certification; Волкова a publication. The curator
keeps the rewarding rule (two versions). One proposal — a благодарность to Петрова for the completed
ИКТ program — is approved by the head, so the order «О поощрении наставников» is registered and the
letters print; another one — a premium — waits in the head's queue; a third — a грамота — the head
returned to the curator with a comment, for her to correct and send again.

Idempotent: if any growth record exists, nothing is done. Call it after the programs and the roadmap
(its order comes after theirs in the journal).
"""

from datetime import date

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from weasyprint import HTML

from core.dates import add_months
from growth.models import GrowthRecord, Kind, Level, RewardKind, RewardProposal
from growth.services import (
    record_review,
    record_save,
    reward_proposal_approve,
    reward_proposal_create,
    reward_proposal_move,
    reward_rule_save,
)
from people.models import Person, QualificationCategory
from programs.models import Program
from records.services import order_register

RULE_2024 = (
    "Наставники поощряются по итогам учебного года: благодарностью заведующего или почётной грамотой детского "
    "сада — за завершённую персонализированную программу наставничества."
)
RULE_CURRENT = (
    "1. Наставники поощряются по итогам реализации персонализированных программ наставничества и по итогам "
    "учебного года.\n"
    "2. Виды поощрения: благодарность заведующего (благодарственное письмо); почётная грамота детского сада; "
    "премия из стимулирующей части фонда оплаты труда; ходатайство о награждении знаком отличия "
    "«За наставничество».\n"
    "3. Основания: программа завершена, план выполнен, наставляемый прошёл итоговую самодиагностику; участие "
    "наставляемого в конкурсах профессионального мастерства; открытые мероприятия наставнической пары.\n"
    "4. Представление готовит куратор наставничества, решение принимает заведующий приказом."
)


def _scan(name: str, title: str, lines: list[str]) -> ContentFile:
    """A demo «scan»: a one-page PDF with the document's text, so the scan links open something real."""
    body = "".join(f"<p>{line}</p>" for line in lines)
    html = f"<html lang='ru'><body style='font-family: serif'><h1>{title}</h1>{body}</body></html>"
    return ContentFile(HTML(string=html).write_pdf(), name=name)


def _person(number: str) -> Person | None:
    return Person.objects.filter(personnel_number=number).select_related("user").first()


def _save(user, **fields) -> GrowthRecord:
    return record_save(record=GrowthRecord(**fields), actor=user).obj


@transaction.atomic
def load(today: date | None = None) -> int:
    """Create the demo growth records and rewards if there are none; return how many records were made."""
    today = today or timezone.localdate()
    if GrowthRecord.objects.exists():
        return 0
    head, curator, council, petrova, ivanova, novikova = (
        _person(n) for n in ("001", "002", "003", "004", "005", "008")
    )
    if None in (head, curator, council, petrova, ivanova, novikova) or not (petrova.user and ivanova.user):
        return 0
    keeper, mentor, mentee = curator.user, petrova.user, ivanova.user
    ict = Program.objects.filter(pairing__mentor__person=petrova, status=Program.Status.COMPLETED).first()
    running = Program.objects.filter(pairing__mentees__person=ivanova, status=Program.Status.RUNNING).first()

    # Петрова: what she added herself and the curator confirmed, and one still waiting.
    course = _save(
        mentor,
        person=petrova,
        kind=Kind.COURSE,
        title="Наставничество в образовательной организации: технологии сопровождения молодых педагогов",
        organizer="Институт развития образования Свердловской области",
        hours=36,
        started_on=add_months(today, -14),
        date=add_months(today, -14) + timezone.timedelta(days=11),
        document_number="662412345678",
        scan=_scan(
            "udostoverenie.pdf",
            "Удостоверение о повышении квалификации № 662412345678",
            [
                "Петрова Светлана Николаевна",
                "прошла обучение по программе «Наставничество в образовательной "
                "организации: технологии сопровождения молодых педагогов», 36 часов.",
            ],
        ),
    )
    contest = _save(
        mentor,
        person=petrova,
        kind=Kind.CONTEST,
        title="Воспитатель года — 2026",
        organizer="Управление образования городского округа",
        level=Level.MUNICIPAL,
        result="Лауреат",
        date=add_months(today, -7),
    )
    for record in (course, contest):
        record_review(record=record, confirm=True, actor=keeper)
    _save(
        keeper,
        person=petrova,
        kind=Kind.REWARD,
        reward_kind=RewardKind.CERTIFICATE,
        title="За многолетний добросовестный труд и успехи в воспитании дошкольников",
        organizer="Управление образования городского округа",
        date=add_months(today, -20),
        document_number="Приказ № 214 от 25.09.2024",
    )
    _save(
        mentor,
        person=petrova,
        kind=Kind.OPEN_EVENT,
        title="Мастер-класс для молодых педагогов «Режимные моменты без спешки»",
        level=Level.KINDERGARTEN,
        date=today - timezone.timedelta(days=10),
        program=running,
    )

    # Иванова: courses confirmed, an open event returned with a comment, a publication waiting.
    ivanova_course = _save(
        mentee,
        person=ivanova,
        kind=Kind.COURSE,
        title="Федеральная образовательная программа дошкольного образования: организация образовательной деятельности",
        organizer="Уральский государственный педагогический университет",
        hours=72,
        started_on=add_months(today, -3),
        date=add_months(today, -3) + timezone.timedelta(days=20),
        document_number="662400987654",
        program=running,
    )
    record_review(record=ivanova_course, confirm=True, actor=keeper)
    event = _save(
        mentee,
        person=ivanova,
        kind=Kind.OPEN_EVENT,
        title="Открытый показ НОД",
        level=Level.KINDERGARTEN,
        date=today - timezone.timedelta(days=20),
        program=running,
    )
    record_review(
        record=event,
        confirm=False,
        comment="Напишите тему занятия полностью и приложите программу показа.",
        actor=keeper,
    )
    _save(
        mentee,
        person=ivanova,
        kind=Kind.PUBLICATION,
        title="Утренний круг в младшей группе: из опыта работы молодого воспитателя",
        organizer="Сборник «Педагогический поиск», выпуск 12",
        date=today - timezone.timedelta(days=5),
    )

    # Ёлкина, Петрова's mentee of last year (ИКТ, completed): certified and in a contest since, added by
    # the curator (confirmed at once) — the later results of Петрова's portfolio.
    elkina = _person("029")
    if elkina is not None:
        _save(
            keeper,
            person=elkina,
            kind=Kind.CERTIFICATION,
            category=QualificationCategory.FIRST,
            date=add_months(today, -5),
            document_number="Приказ Министерства образования и молодёжной политики Свердловской области № 517-Д",
            program=ict,
        )
        _save(
            keeper,
            person=elkina,
            kind=Kind.CONTEST,
            title="Педагогический дебют",
            organizer="Управление образования городского округа",
            level=Level.MUNICIPAL,
            result="Призёр",
            date=add_months(today, -8),
            program=ict,
        )

    # Новикова's certification and Волкова's publication, added by the curator (confirmed at once).
    _save(
        keeper,
        person=novikova,
        kind=Kind.CERTIFICATION,
        category=QualificationCategory.HIGHEST,
        date=add_months(today, -9),
        document_number="Приказ Министерства образования и молодёжной политики Свердловской области № 123-Д",
    )
    _save(
        keeper,
        person=council,
        kind=Kind.PUBLICATION,
        title="Методическое объединение наставников в детском саду: как организовать работу",
        organizer="Журнал «Справочник старшего воспитателя»",
        date=add_months(today, -4),
    )

    # The rewarding rule: the earlier version and the one in force.
    reward_rule_save(text=RULE_2024, effective_from=date(2024, 9, 1), actor=keeper)
    reward_rule_save(
        text=RULE_CURRENT,
        effective_from=date(today.year, 9, 1),
        scan=_scan("poryadok.pdf", "Порядок поощрения наставников", RULE_CURRENT.split("\n")),
        actor=keeper,
    )

    # A благодарность to Петрова for the ИКТ program, approved by order; a premium waiting for the head.
    gratitude = reward_proposal_create(
        proposal=RewardProposal(
            reward_kind=RewardKind.GRATITUDE,
            reason="За успешную реализацию персонализированной программы наставничества по направлению «ИКТ»",
        ),
        mentors=[petrova.mentor],
        programs=[ict] if ict else [],
        actor=keeper,
    ).obj
    # Approved into a project, then registered by the head: the reward takes effect with the registration.
    order_register(order=reward_proposal_approve(proposal=gratitude, actor=head.user, date=today).obj, actor=head.user)
    reward_proposal_create(
        proposal=RewardProposal(
            reward_kind=RewardKind.BONUS,
            amount=5000,
            reason="За подготовку наставляемого к муниципальному конкурсу «Воспитатель года»",
        ),
        mentors=[petrova.mentor, novikova.mentor] if hasattr(novikova, "mentor") else [petrova.mentor],
        programs=[],
        actor=keeper,
    )
    # A грамота the head returned: the curator is to name the program and send it again.
    certificate = reward_proposal_create(
        proposal=RewardProposal(reward_kind=RewardKind.CERTIFICATE, reason="За наставническую деятельность"),
        mentors=[petrova.mentor],
        programs=[],
        actor=keeper,
    ).obj
    reward_proposal_move(
        proposal=certificate,
        target=RewardProposal.Status.RETURNED,
        comment="Укажите программу, по итогам которой представляете, и за что именно: основание слишком общее.",
        actor=head.user,
    )
    return GrowthRecord.objects.count()
