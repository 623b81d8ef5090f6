"""The daily run (`manage.py daily`, started by deploy/nastavnik-daily.timer): each app registers its
daily job from AppConfig.ready(), so core names none of them (the pattern of core.extensions). A job
returns one line for the log («Начались пары: 1.»)."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Job:
    name: str
    run: Callable[[], str]
    order: int = 100


_JOBS: dict[str, Job] = {}


def register(job: Job) -> None:
    """Add a job; registering the same name again replaces it."""
    _JOBS[job.name] = job


def jobs() -> list[Job]:
    return sorted(_JOBS.values(), key=lambda job: (job.order, job.name))
