"""How long the busiest pages take, and how many queries they make, on the demo kindergarten grown
to a season's worth of work: every running program's plan and log multiplied.

    .venv/bin/python benchmarks/pages.py [--programs N] [--runs N]

Works on a throwaway SQLite file (never the project's database): migrates, loads the demo, adds
N copies of the running demo program with their plans and logged activities, then requests each
page as the role that uses it. Prints figures only; nothing here is asserted.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE = Path(tempfile.mkdtemp(prefix="nastavnik-bench-")) / "bench.sqlite3"
os.environ["DATABASE_URL"] = f"sqlite:///{DATABASE}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ["DJANGO_DEBUG"] = "1"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from accounts.models import User  # noqa: E402


def grow(copies: int) -> int:
    """Copy the running demo program (plan and log) onto new pairs of the same mentor and mentee."""
    from mentorship.models import Pairing
    from programs.models import ActivityRecord, PlanItem, Program

    source = Program.objects.get(status=Program.Status.RUNNING, pairing__mentor__person__last_name="Петрова")
    items = list(source.items.all())
    records = list(source.records.all())
    for _ in range(copies):
        pairing = Pairing.objects.get(pk=source.pairing_id)
        mentees = list(pairing.mentees.all())
        forms = list(pairing.forms.all())
        pairing.pk = None
        pairing.save()
        pairing.mentees.set(mentees)
        pairing.forms.set(forms)
        program = Program.objects.get(pk=source.pk)
        program.pk, program.pairing = None, pairing
        program.save()
        copied = {}
        for item in items:
            old = item.pk
            item.pk, item.program = None, program
            item.save()
            copied[old] = item.pk
        for record in records:
            record.pk, record.program = None, program
            record.item_id = copied.get(record.item_id)
            record.save()
    return Program.objects.count(), PlanItem.objects.count(), ActivityRecord.objects.count()


def measure(client: Client, url: str, runs: int) -> tuple[float, int, int]:
    client.get(url)  # warm: the session, the templates
    times, queries = [], 0
    for _ in range(runs):
        with CaptureQueriesContext(connection) as context:
            started = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - started)
        queries = len(context.captured_queries)
    return statistics.median(times) * 1000, queries, response.status_code


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--programs", type=int, default=50, help="copies of the running program to add")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    programs, items, records = grow(args.programs)
    print(f"Demo + {args.programs} copies: {programs} programs, {items} plan items, {records} logged activities")

    from programs.models import Program

    running = Program.objects.filter(status=Program.Status.RUNNING).order_by("pk").first()
    pages = [
        ("mentor", "главная наставника", reverse("dashboard:home")),
        ("mentee", "главная наставляемой", reverse("dashboard:home")),
        ("curator", "главная куратора", reverse("dashboard:home")),
        ("head", "главная руководителя", reverse("dashboard:home")),
        ("head", "очередь «На утверждение»", reverse("mentorship:approval-queue")),
        ("curator", "список программ", reverse("programs:program-list")),
        ("mentor", "страница программы", running.get_absolute_url()),
        ("mentor", "программа в PDF", reverse("programs:program-pdf", args=[running.pk])),
        ("curator", "дорожная карта", reverse("roadmap:list")),
        ("head", "доплата за месяц", reverse("mentorship:payroll")),
    ]
    print(f"{'страница':<28} {'роль':<8} {'мс (медиана)':>13} {'запросов':>9}")
    clients = {}
    for role, label, url in pages:
        if role not in clients:
            clients[role] = Client(HTTP_HOST="localhost")
            clients[role].force_login(User.objects.get(username=role))
        ms, queries, status = measure(clients[role], url, args.runs)
        note = "" if status == 200 else f"  (ответ {status})"
        print(f"{label:<28} {role:<8} {ms:>13.1f} {queries:>9}{note}")


if __name__ == "__main__":
    main()
