"""The participants of the meetings logged before their history was kept: each of a meeting's earlier
history rows is given the participants the meeting has now — the only ones known — so that the first
edit after this does not read as if they had all been added then."""

from django.db import migrations


def fill_in(apps, schema_editor):
    Meeting = apps.get_model("programs", "Meeting")
    HistoricalMeeting = apps.get_model("programs", "HistoricalMeeting")
    Participants = apps.get_model("programs", "HistoricalMeeting_participants")
    through = Meeting.participants.through
    now = {}
    for row in through.objects.values("id", "meeting_id", "person_id"):
        now.setdefault(row["meeting_id"], []).append(row)
    rows = HistoricalMeeting.objects.filter(id__in=list(now)).exclude(history_type="-")
    Participants.objects.bulk_create(
        Participants(id=link["id"], history_id=row.history_id, meeting_id=link["meeting_id"], person_id=link["person_id"])
        for row in rows.only("history_id", "id")
        for link in now[row.id]
    )


class Migration(migrations.Migration):
    dependencies = [("programs", "0007_history_of_meeting_participants")]

    operations = [migrations.RunPython(fill_in, migrations.RunPython.noop)]
