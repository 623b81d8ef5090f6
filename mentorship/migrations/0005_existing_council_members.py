"""Members recorded before proposals existed were already in the council: keep them there."""

from django.db import migrations


def mark_existing(apps, schema_editor):
    CouncilMembership = apps.get_model("mentorship", "CouncilMembership")
    CouncilMembership.objects.filter(joined_on__isnull=False, left_on__isnull=True).update(status="member")
    CouncilMembership.objects.filter(left_on__isnull=False).update(status="left")


class Migration(migrations.Migration):
    dependencies = [("mentorship", "0004_council_proposals_refresh_and_export_log")]

    operations = [migrations.RunPython(mark_existing, migrations.RunPython.noop)]
