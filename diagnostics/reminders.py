"""Mentors and mentees are told of the diagnostics they have to send: the home page's tasks."""

from datetime import date

from notices.sources import Source, from_tasks, reader, register
from people.roles import person_of

from .extensions import home_tasks
from .roles import RATERS


def diagnostics_to_fill(user, today: date):
    context = home_tasks(reader(user), person_of(user)) or {}
    return from_tasks("diagnostics", context.get("diagnostic_tasks", []))


def register_sources() -> None:
    register(Source("diagnostics", "Самодиагностика", RATERS, diagnostics_to_fill, order=70))
