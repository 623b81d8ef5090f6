"""The demo kindergarten «Ласточка», loaded once per test module through its command (the demo app is
above reports in the layers, so it is not imported), its files in a temporary folder."""

import io

import pytest
from django.core.management import call_command
from django.test import override_settings


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        from django.db import connection, transaction

        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            with override_settings(DEBUG=True):  # the command loads the demo in development mode only
                call_command("load_demo", stdout=io.StringIO())
            from reports.models import AnnualReport

            # The demo approves last year's report; each test here sets the report's state it checks.
            AnnualReport.objects.all().delete()
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            connection.close()
