"""The demo kindergarten's methodological library, published through the services like real materials.

Волкова (the council's chair) publishes the memo «Как вести журнал наставничества» for mentors (a PDF)
and the checklist for observing a lesson (a DOCX) for mentees; the curator the typical program of
mentoring (a PDF) for everyone and a link to the federal programme; an old memo was withdrawn. The
files are made here, so the downloads open real documents.

Idempotent: if any material exists, nothing is done.
"""

import io

from django.core.files.base import ContentFile
from django.db import transaction
from docx import Document
from weasyprint import HTML

from materials.models import Material
from materials.services import material_save, material_withdraw
from mentorship.models import Direction, MentoringForm
from people.models import Person

JOURNAL_MEMO = [
    "1. Журнал ведёт наставник с первого дня программы; наставляемый читает его и добавляет свои отметки.",
    "2. После каждой встречи запишите дату, форму (беседа, открытый показ, совместное планирование), тему "
    "и что договорились сделать к следующей встрече.",
    "3. Отмечайте не только сделанное, но и затруднения: что не получилось и почему. По ним методическое "
    "объединение подбирает материалы и консультации.",
    "4. Прикладывайте подтверждения: конспект занятия, фото развивающей среды (без лиц детей), план.",
    "5. Раз в месяц перечитайте журнал вместе с наставляемым и сверьте его с планом программы.",
    "6. Журнал — основа итогового отчёта наставника: пишите так, чтобы через полгода было понятно, что происходило.",
]

PROGRAM_SECTIONS = [
    ("1. Пояснительная записка", "Программа предназначена для молодых педагогов и сотрудников, впервые "
     "приступивших к работе в детском саду. Срок реализации — от трёх месяцев до года."),
    ("2. Цель", "Ускорить профессиональное становление педагога, помочь ему освоить организацию "
     "образовательной деятельности по ФОП ДО и войти в коллектив."),
    ("3. Задачи", "Изучить режим дня и режимные моменты группы; освоить планирование и проведение "
     "занятий; научиться выстраивать взаимодействие с семьями воспитанников; вести документацию группы."),
    ("4. Формы работы", "Беседы и консультации, открытые показы наставника, взаимопосещение занятий, "
     "совместное планирование, самоанализ."),
    ("5. Ожидаемые результаты", "Педагог самостоятельно планирует и проводит занятия, ведёт документацию, "
     "уверенно общается с родителями; итоговая самодиагностика показывает рост по выбранным направлениям."),
]  # fmt: skip

CHECKLIST_ITEMS = [
    "Цель занятия понятна детям и соответствует возрасту группы.",
    "Материалы и оборудование подготовлены заранее, их хватает всем детям.",
    "Смена видов деятельности: не больше 10 минут одного вида.",
    "Педагог использует вопросы, которые побуждают детей рассуждать.",
    "Есть физкультминутка или подвижная пауза.",
    "Каждый ребёнок вовлечён; педагог замечает тех, кто не участвует.",
    "В конце занятия подведены итоги вместе с детьми.",
    "Время занятия соответствует СанПиН для возраста группы.",
]


def _pdf(name: str, title: str, paragraphs: list[str]) -> ContentFile:
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    html = (
        "<html lang='ru'><body style='font-family: serif; font-size: 13pt'>"
        f"<h1 style='font-size: 16pt'>{title}</h1>{body}</body></html>"
    )
    return ContentFile(HTML(string=html).write_pdf(), name=name)


def _checklist_docx() -> ContentFile:
    document = Document()
    document.add_heading("Чек-лист наблюдения за занятием", level=1)
    document.add_paragraph("Группа: ____________  Дата: ____________  Наблюдал(а): ____________")
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Что наблюдаем", "Да / нет", "Комментарий"), strict=True):
        cell.text = text
    for item in CHECKLIST_ITEMS:
        table.add_row().cells[0].text = item
    document.add_paragraph("Что получилось лучше всего: ")
    document.add_paragraph("Что попробовать в следующий раз: ")
    output = io.BytesIO()
    document.save(output)
    return ContentFile(output.getvalue(), name="чек-лист.docx")


def _publish(user, *, directions=(), forms=(), **fields) -> Material:
    return material_save(
        material=Material(**fields),
        directions=Direction.objects.filter(name__in=directions),
        forms=MentoringForm.objects.filter(name__in=forms),
        actor=user,
    ).obj


@transaction.atomic
def load() -> int:
    """Publish the demo materials if there are none; return how many were published."""
    if Material.objects.exists():
        return 0
    people = {p.personnel_number: p for p in Person.objects.filter(personnel_number__in=("002", "003"))}
    curator, council = people.get("002"), people.get("003")
    if curator is None or council is None or not (curator.user and council.user):
        return 0
    old = _publish(
        council.user,
        title="Памятка по адаптации молодого педагога (2023)",
        kind=Material.Kind.MEMO,
        audience=Material.Audience.MENTEES,
        description="Прежняя редакция памятки, до перехода на ФОП ДО.",
        link="https://fop.edu.ru/",
        directions=["Адаптация в коллективе"],
    )
    material_withdraw(material=old, actor=council.user)
    _publish(
        curator.user,
        title="Федеральная образовательная программа дошкольного образования",
        kind=Material.Kind.OTHER,
        audience=Material.Audience.ALL,
        description="Официальный сайт ФОП ДО: текст программы, методические рекомендации, примеры планирования.",
        link="https://fop.edu.ru/",
        directions=["Организация образовательной деятельности (ОД) по ФОП ДО"],
    )
    _publish(
        curator.user,
        title="Типовая программа наставничества для молодого педагога",
        kind=Material.Kind.TYPICAL_PROGRAM,
        audience=Material.Audience.ALL,
        description="Основа персонализированной программы: цель, задачи, формы работы и ожидаемые результаты. "
        "Пара дополняет её своим планом.",
        file=_pdf(
            "типовая-программа.pdf",
            "Типовая программа наставничества «Педагог – педагог»",
            [f"<b>{heading}</b><br>{text}" for heading, text in PROGRAM_SECTIONS],
        ),
        forms=["Педагог – педагог", "Традиционное («один на один»)"],
    )
    _publish(
        council.user,
        title="Чек-лист наблюдения за занятием",
        kind=Material.Kind.CHECKLIST,
        audience=Material.Audience.MENTEES,
        description="Для взаимопосещения: отметьте, что увидели на занятии наставника, и обсудите на встрече.",
        file=_checklist_docx(),
        directions=["Организация образовательной деятельности (ОД) по ФОП ДО"],
        forms=["Педагог – педагог"],
    )
    _publish(
        council.user,
        title="Как вести журнал наставничества",
        kind=Material.Kind.MEMO,
        audience=Material.Audience.MENTORS,
        description="Что и как записывать после встреч с наставляемым, чтобы журнал помог в итоговом отчёте.",
        file=_pdf("журнал.pdf", "Как вести журнал наставничества", JOURNAL_MEMO),
        directions=["Работа с документацией"],
    )
    return Material.objects.count()
