"""One way to write a life cycle: a model's `TRANSITIONS` table, (from, to) → who may make the move
and what its button says. Pairs, programs and the roadmap use it; their services add the conditions."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Transition:
    label: str
    roles: frozenset  # role values allowed to make it
    needs_comment: bool = False


class LifeCycle:
    """For a model with `Status` choices and a `TRANSITIONS` table. `BUTTON_TARGETS`: the moves made
    with a plain button on the object's page (None: all of them); the rest have their own forms."""

    TRANSITIONS: dict = {}
    BUTTON_TARGETS: tuple | None = None

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
