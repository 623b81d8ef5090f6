"""When a pair's survey is asked, and of whom.

- The mid-term survey opens at the middle of the program's term, or earlier once a third of the
  plan's activities are marked done: the pair has worked long enough to judge, and there is time left
  to change what does not work (a plan front-loaded with work asks sooner).
- The end survey opens a month before the term ends — or earlier, once every activity of the plan is
  marked done: the curator completes a program when its plan is done, and completion needs both
  end surveys (programs.completion), so the survey must not wait for the calendar then.
Both are answered while the program is in work (реализуется / корректировка)."""

from dataclasses import dataclass
from datetime import date, timedelta

from core.dates import add_months

from .models import Questionnaire, Response


@dataclass(frozen=True)
class Participant:
    person: object
    audience: str  # Questionnaire.Audience
    role_label: str


def participants(program) -> list[Participant]:
    """The pair's mentor and each mentee (the program's pairing with its people prefetched)."""
    pairing = program.pairing
    people = [Participant(pairing.mentor.person, Questionnaire.Audience.MENTOR, "Наставник")]
    people += [
        Participant(mentee.person, Questionnaire.Audience.MENTEE, "Наставляемый") for mentee in pairing.mentees.all()
    ]
    return people


def opens_on(program, stage: str) -> date:
    if stage == Response.Stage.MID:
        return program.starts_on + timedelta(days=(program.ends_on - program.starts_on).days // 2)
    return max(add_months(program.ends_on, -1) + timedelta(days=1), program.starts_on)


@dataclass(frozen=True)
class PlanProgress:
    done: int
    total: int

    @property
    def all_done(self) -> bool:
        return self.total > 0 and self.done == self.total

    @property
    def third_done(self) -> bool:
        return self.total > 0 and 3 * self.done >= self.total


def plan_progress(program) -> PlanProgress:
    """How much of the plan is marked (from the prefetched items, or one query)."""
    items = list(program.items.all())
    return PlanProgress(sum(1 for item in items if item.done_on), len(items))


def is_open(program, stage: str, today: date, *, progress: PlanProgress | None = None) -> bool:
    """Whether the participants may answer the `stage` survey of `program` today."""
    if not program.in_work:
        return False
    if today >= opens_on(program, stage):
        return True
    progress = progress or plan_progress(program)
    return progress.all_done if stage == Response.Stage.END else progress.third_done


def opening_sentence(program, stage: str) -> str:
    """When a survey not yet open will open, in the user's words."""
    if not program.in_work:
        return "Анкеты заполняются, пока программа реализуется."
    day = f"{opens_on(program, stage):%d.%m.%Y}"
    if stage == Response.Stage.MID:
        return f"Промежуточная анкета откроется {day} или раньше, когда будет отмечена треть мероприятий плана."
    return f"Итоговая анкета откроется {day} или раньше, когда будут отмечены все мероприятия плана."
