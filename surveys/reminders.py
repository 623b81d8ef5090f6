"""Everyone is told of the surveys they have to answer: the home page's tasks (a pair's survey for
a mentor and a mentee, the curator's needs survey for anyone it was sent to)."""

from datetime import date

from notices.sources import Source, from_tasks, reader, register
from people.roles import EVERYONE, person_of

from .selectors import home_tasks


def surveys_to_answer(user, today: date):
    context = home_tasks(reader(user), person_of(user)) or {}
    return from_tasks("surveys", [(task["text"], task["url"]) for task in context.get("survey_tasks", [])])


def register_sources() -> None:
    register(Source("surveys", "Анкеты", EVERYONE, surveys_to_answer, order=75))
