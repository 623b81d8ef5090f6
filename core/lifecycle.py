"""One way to write a life cycle: a model's `TRANSITIONS` table, (from, to) → who may make the move
and what its button says, and one guarded move through it (`move`). Pairs, programs, the roadmap,
orders and release requests use it; their services add only the conditions of their own.

A move the system makes (a daily job, a signal) passes `roles=None`; it still has to be a row of the
table, usually one with no roles, so that no button ever offers it to a person.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.dispatch import Signal

from .services import authored

# Sent after every move of a life cycle, with sender = the model: obj, source, target, actor, comment.
moved = Signal()


@dataclass(frozen=True)
class Transition:
    label: str
    roles: frozenset  # role values allowed to make it; empty: only the system
    needs_comment: bool = False
    # What the move does, for the page that asks before a closing or returning move (core.views.
    # ConfirmedActionMixin); empty: the move is made by its button at once.
    consequence: str = ""


class LifeCycle:
    """For a model with `Status` choices and a `TRANSITIONS` table. `BUTTON_TARGETS`: the moves made
    with a plain button on the object's page (None: all of them); the rest have their own forms.

    `log_transition` writes the move to the model's own log (a `transitions` relation), if it has one;
    a model without one keeps its moves in its history only."""

    TRANSITIONS: dict = {}
    BUTTON_TARGETS: tuple | None = None
    REFUSED = "Из состояния «{source}» нельзя перейти в «{target}»."
    COMMENT_REQUIRED = "Напишите комментарий: без него непонятно, что исправить."

    @classmethod
    def transition(cls, source: str, target: str) -> Transition | None:
        return cls.TRANSITIONS.get((cls.Status(source), cls.Status(target)))

    def buttons(self, roles) -> list[tuple[str, Transition]]:
        """The transitions the holder of `roles` may press on this object's page now."""
        held = {str(role) for role in roles}
        return [
            (target.value, transition)
            for (source, target), transition in self.TRANSITIONS.items()
            if source == self.status
            and (self.BUTTON_TARGETS is None or target in self.BUTTON_TARGETS)
            and transition.roles & held
        ]

    def refusal(self, target) -> str:
        """Why the move to `target` is not in the table (models may word it their own way)."""
        return self.REFUSED.format(source=self.get_status_display(), target=self.Status(target).label)

    def comment_required(self, target) -> str:
        return self.COMMENT_REQUIRED

    def log_transition(self, source: str, target: str, actor, comment: str = "") -> None:
        log = getattr(self, "transitions", None)
        if log is not None:
            log.create(source=source, target=target, actor=actor, comment=comment)


def guard(obj: LifeCycle, target, *, roles, comment: str = "") -> Transition:
    """The move must be a row of the table, the role one of its roles (`roles` None: the system),
    and its comment written when the row asks for one."""
    transition = type(obj).transition(obj.status, target)
    if transition is None:
        raise ValidationError(obj.refusal(target))
    if roles is not None and not transition.roles & {str(role) for role in roles}:
        raise PermissionDenied("Это действие недоступно для вашей роли.")
    if transition.needs_comment and not comment.strip():
        raise ValidationError(obj.comment_required(target))
    return transition


def move(obj: LifeCycle, target, *, actor, roles, comment: str = "", checked: bool = False, **fields) -> str:
    """Make a move of the table: guard it (unless the caller has, `checked`), set the status and
    `fields`, save with `actor` as the author, log it. Returns the state it came from."""
    if not checked:
        guard(obj, target, roles=roles, comment=comment)
    source = obj.status
    obj.status = target
    for name, value in fields.items():
        setattr(obj, name, value)
    with authored(obj, actor):
        obj.save()
    obj.log_transition(source, target, actor, comment.strip())
    # Who is told of the decision (notices.decisions) is the listening apps' business, not the mover's.
    moved.send(type(obj), obj=obj, source=source, target=target, actor=actor, comment=comment.strip())
    return source
