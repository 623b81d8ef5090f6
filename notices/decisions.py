"""Things told once, stored until opened. Decisions about a person: when a life cycle moves
(core.lifecycle.moved) — a pair fixed by order, a program approved or returned with a comment, an
order to read and sign — the app that owns the model says who is told and what (`register(Model,
rule)`). Other events (a mentee's comment on a record) are told by the app's service through `tell`
with a kind of their own. This app names no model: the rules come from the apps' AppConfig.ready()."""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

DECISIONS = "decisions"  # the kind of the stored notices about decisions: «Решения о вас»


@dataclass(frozen=True)
class Told:
    user_id: int | None  # the login of the person told; None (no login) is skipped
    text: str
    url: str


# Model → rules (obj, source, target, comment) -> list[Told]
_RULES: dict[type, list[Callable]] = defaultdict(list)


def register(model: type, rule: Callable) -> None:
    if rule not in _RULES[model]:
        _RULES[model].append(rule)


def unregister(model: type, rule: Callable) -> None:
    if rule in _RULES[model]:
        _RULES[model].remove(rule)


def record(sender, *, obj, source, target, actor, comment, **kwargs) -> None:
    """The receiver of core.lifecycle.moved: store what the rules tell, in the move's transaction
    (a move rolled back tells nothing)."""
    rules = _RULES.get(sender)
    if rules:
        tell([t for rule in rules for t in rule(obj, source, target, comment)], actor=actor)


def tell(told: list[Told], *, actor, kind: str = DECISIONS) -> None:
    """Store notices of `kind` for their people, to wait in the centre (the source `stored(kind)`) and
    go in the next letter. The one who made it happen is not told, nor someone without a login; the
    same words about the same page still unread are not stored twice (a comment edited three times is
    one notice)."""
    from .models import Notice

    wanted = {(t.user_id, t.text[:500], t.url) for t in told if t.user_id is not None}
    if actor is not None:
        wanted = {w for w in wanted if w[0] != actor.pk}
    if not wanted:
        return
    with transaction.atomic():
        unread = set(
            Notice.objects.filter(kind=kind, read_at__isnull=True, user_id__in={w[0] for w in wanted}).values_list(
                "user_id", "text", "url"
            )
        )
        Notice.objects.bulk_create(
            [Notice(user_id=user_id, kind=kind, text=text, url=url) for user_id, text, url in sorted(wanted - unread)]
        )
