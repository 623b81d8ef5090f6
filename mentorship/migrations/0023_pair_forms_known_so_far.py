"""The forms of mentoring of the pairs and groups proposed before their history kept them: each of a
pair's earlier history rows is given the forms the pair has now — the only ones known — so that the
first edit after this does not read as if they had all been added then (as 0021 did for mentees)."""

from django.db import migrations


def fill_in(apps, schema_editor):
    Pairing = apps.get_model("mentorship", "Pairing")
    HistoricalPairing = apps.get_model("mentorship", "HistoricalPairing")
    Forms = apps.get_model("mentorship", "HistoricalPairing_forms")
    through = Pairing.forms.through
    now = {}
    for row in through.objects.values("id", "pairing_id", "mentoringform_id"):
        now.setdefault(row["pairing_id"], []).append(row)
    rows = HistoricalPairing.objects.filter(id__in=list(now)).exclude(history_type="-")
    Forms.objects.bulk_create(
        Forms(
            id=link["id"],
            history_id=row.history_id,
            pairing_id=link["pairing_id"],
            mentoringform_id=link["mentoringform_id"],
        )
        for row in rows.only("history_id", "id")
        for link in now[row.id]
    )


class Migration(migrations.Migration):
    dependencies = [("mentorship", "0022_history_of_pair_forms")]

    operations = [migrations.RunPython(fill_in, migrations.RunPython.noop)]
