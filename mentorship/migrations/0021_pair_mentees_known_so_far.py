"""The mentees of the pairs and groups proposed before their history kept them: each of a pair's
earlier history rows is given the mentees the pair has now — the only ones known — so that the first
edit after this does not read as if they had all joined then."""

from django.db import migrations


def fill_in(apps, schema_editor):
    Pairing = apps.get_model("mentorship", "Pairing")
    HistoricalPairing = apps.get_model("mentorship", "HistoricalPairing")
    Mentees = apps.get_model("mentorship", "HistoricalPairing_mentees")
    through = Pairing.mentees.through
    now = {}
    for row in through.objects.values("id", "pairing_id", "mentee_id"):
        now.setdefault(row["pairing_id"], []).append(row)
    rows = HistoricalPairing.objects.filter(id__in=list(now)).exclude(history_type="-")
    Mentees.objects.bulk_create(
        Mentees(id=link["id"], history_id=row.history_id, pairing_id=link["pairing_id"], mentee_id=link["mentee_id"])
        for row in rows.only("history_id", "id")
        for link in now[row.id]
    )


class Migration(migrations.Migration):
    dependencies = [("mentorship", "0020_history_of_pair_mentees")]

    operations = [migrations.RunPython(fill_in, migrations.RunPython.noop)]
