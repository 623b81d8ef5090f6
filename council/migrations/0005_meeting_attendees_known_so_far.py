"""Who attended the council's meetings recorded before their history kept it: each of a meeting's
earlier history rows is given the attendees the meeting has now — the only ones known — so that the
first edit after this does not read as if they had all been marked present then."""

from django.db import migrations


def fill_in(apps, schema_editor):
    Meeting = apps.get_model("council", "Meeting")
    HistoricalMeeting = apps.get_model("council", "HistoricalMeeting")
    Attendees = apps.get_model("council", "HistoricalMeeting_attendees")
    through = Meeting.attendees.through
    now = {}
    for row in through.objects.values("id", "meeting_id", "councilmembership_id"):
        now.setdefault(row["meeting_id"], []).append(row)
    rows = HistoricalMeeting.objects.filter(id__in=list(now)).exclude(history_type="-")
    Attendees.objects.bulk_create(
        Attendees(
            id=link["id"],
            history_id=row.history_id,
            meeting_id=link["meeting_id"],
            councilmembership_id=link["councilmembership_id"],
        )
        for row in rows.only("history_id", "id")
        for link in now[row.id]
    )


class Migration(migrations.Migration):
    dependencies = [("council", "0004_history_of_meeting_attendees")]

    operations = [migrations.RunPython(fill_in, migrations.RunPython.noop)]
