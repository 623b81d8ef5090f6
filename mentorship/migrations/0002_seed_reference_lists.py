"""Preschool defaults of the reference lists (DOMAIN.md); the curator extends them."""

from django.db import migrations

DIRECTIONS = [
    "Организация образовательной деятельности (ОД) по ФОП ДО",
    "Режимные моменты",
    "Развивающая предметно-пространственная среда (РППС)",
    "Взаимодействие с семьями воспитанников",
    "Воспитательная работа",
    "Психолого-педагогическое сопровождение",
    "Адаптация в коллективе",
    "Работа с документацией",
    "ИКТ",
]

# (name, is_one_off, needs_group) — the forms of 2.3 of the regulation.
FORMS = [
    ("Педагог – педагог", False, False),
    ("Руководитель образовательной организации – педагог", False, False),
    ("Работодатель – студент", False, False),
    ("Педагог вуза/колледжа – молодой педагог", False, False),
    ("Виртуальное (дистанционное)", False, False),
    ("В группе", False, True),
    ("Краткосрочное или целеполагающее", False, False),
    ("Реверсивное", False, False),
    ("Ситуационное", True, False),
    ("Скоростное", True, False),
    ("Традиционное («один на один»)", False, False),
    ("Воспитатель – воспитатель", False, False),
    ("Руководитель – воспитатель", False, False),
]

MENTEE_CATEGORIES = [
    "Молодой специалист",
    "Новый сотрудник детского сада",
    "Назначен на новую должность",
    "Педагог с профессиональными затруднениями",
    "Возвращается после длительного перерыва",
    "Студент на практике",
]

# (name, is_pedagogical, is_deputy_head)
POSITIONS = [
    ("Заведующий", False, False),
    ("Заместитель заведующего", False, True),
    ("Старший воспитатель", True, False),
    ("Воспитатель", True, False),
    ("Музыкальный руководитель", True, False),
    ("Инструктор по физической культуре", True, False),
    ("Учитель-логопед", True, False),
    ("Учитель-дефектолог", True, False),
    ("Педагог-психолог", True, False),
    ("Педагог дополнительного образования", True, False),
    ("Социальный педагог", True, False),
    ("Помощник воспитателя", False, False),
    ("Младший воспитатель", False, False),
    ("Заведующий хозяйством", False, False),
    ("Медицинская сестра", False, False),
    ("Повар", False, False),
    ("Делопроизводитель", False, False),
    ("Системный администратор", False, False),
    ("Учитель", True, False),
    ("Преподаватель", True, False),
    ("Студент-практикант", False, False),
]


def seed(apps, schema_editor):
    Direction = apps.get_model("mentorship", "Direction")
    MentoringForm = apps.get_model("mentorship", "MentoringForm")
    MenteeCategory = apps.get_model("mentorship", "MenteeCategory")
    Position = apps.get_model("mentorship", "Position")
    for order, name in enumerate(DIRECTIONS, start=1):
        Direction.objects.get_or_create(name=name, defaults={"sort_order": order * 10})
    for order, (name, one_off, group) in enumerate(FORMS, start=1):
        MentoringForm.objects.get_or_create(
            name=name, defaults={"sort_order": order * 10, "is_one_off": one_off, "needs_group": group}
        )
    for order, name in enumerate(MENTEE_CATEGORIES, start=1):
        MenteeCategory.objects.get_or_create(name=name, defaults={"sort_order": order * 10})
    for order, (name, pedagogical, deputy) in enumerate(POSITIONS, start=1):
        Position.objects.get_or_create(
            name=name, defaults={"sort_order": order * 10, "is_pedagogical": pedagogical, "is_deputy_head": deputy}
        )


class Migration(migrations.Migration):
    dependencies = [("mentorship", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
