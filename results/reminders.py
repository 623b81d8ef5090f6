"""Mentors and mentees are told of the reports they owe: the home page's tasks."""

from datetime import date

from notices.sources import Source, from_tasks, reader, register
from people.roles import person_of

from .roles import WRITERS
from .selectors import home_tasks


def reports_to_write(user, today: date):
    context = home_tasks(reader(user), person_of(user)) or {}
    return from_tasks("reports", context.get("report_tasks", []))


def register_sources() -> None:
    register(Source("reports", "Отчёты по программам", WRITERS, reports_to_write, order=80))
