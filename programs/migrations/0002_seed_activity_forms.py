from django.db import migrations

FORMS = [
    "Консультация",
    "Взаимопосещение",
    "Открытый показ",
    "Мастер-класс",
    "Самообразование",
    "Курсы повышения квалификации",
    "Семинар, практикум",
    "Анализ занятия (режимного момента)",
    "Совместная разработка (конспект, проект)",
    "Участие в конкурсе",
]


def seed(apps, schema_editor):
    ActivityForm = apps.get_model("programs", "ActivityForm")
    for order, name in enumerate(FORMS, start=1):
        ActivityForm.objects.get_or_create(name=name, defaults={"sort_order": order * 10})


class Migration(migrations.Migration):
    dependencies = [("programs", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
