"""Keywords by which a mentee's difficulties point to a default direction (the curator edits them)."""

from django.db import migrations

KEYWORDS = {
    "Организация образовательной деятельности (ОД) по ФОП ДО": "од, занят, фоп, внимани, конспект, планирова",
    "Режимные моменты": "режим, умыван, прогулк, сон, питани, утренн, распорядок",
    "Развивающая предметно-пространственная среда (РППС)": "рппс, сред, центр, уголк, пространств",
    "Взаимодействие с семьями воспитанников": "родител, семь, собрани",
    "Воспитательная работа": "воспитательн, нравствен, патриот, праздник, традиц",
    "Психолого-педагогическое сопровождение": "сопровожд, маршрут, диагност, овз, индивидуальн",
    "Адаптация в коллективе": "адаптац, коллектив, традиц, уклад",
    "Работа с документацией": "документ, отчёт, отчет, журнал, планирова",
    "ИКТ": "икт, компьют, цифров, презентац, интерактив",
}


def seed(apps, schema_editor):
    Direction = apps.get_model("mentorship", "Direction")
    for name, keywords in KEYWORDS.items():
        Direction.objects.filter(name=name, keywords="").update(keywords=keywords)


class Migration(migrations.Migration):
    dependencies = [("mentorship", "0010_direction_keywords_for_matching")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
