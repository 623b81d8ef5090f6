"""The positions: items written before their history was kept (seeded by earlier
migrations, or added before it) get the creation row they lack, by «система», with their values as
they are now — the only ones known — so that a list's history starts from each item's creation."""

from django.db import migrations
from django.utils import timezone

MODELS = ['Position']


def record_creation(apps, schema_editor):
    now = timezone.now()
    for name in MODELS:
        model = apps.get_model("people", name)
        history = apps.get_model("people", "Historical" + name)
        recorded = set(history.objects.values_list("id", flat=True))
        columns = [field.attname for field in history._meta.fields if not field.name.startswith("history_")]
        history.objects.bulk_create(
            history(history_date=now, history_type="+", **{column: getattr(item, column) for column in columns})
            for item in model.objects.exclude(pk__in=recorded)
        )


class Migration(migrations.Migration):
    dependencies = [("people", "0005_positions_history")]

    operations = [migrations.RunPython(record_creation, migrations.RunPython.noop)]
