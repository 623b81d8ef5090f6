"""Decisions about a person, told once: when a life cycle moves (core.lifecycle.moved) — a pair fixed
by order, a program approved or returned with a comment — the app that owns the model says who is
told and what (`register(Model, rule)`), and a stored notice waits in their centre until they open it.
This app names no model: the rules come from the apps' AppConfig.ready()."""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction


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
    (a move rolled back tells nothing). The one who made the move is not told of it."""
    rules = _RULES.get(sender)
    if not rules:
        return
    from .models import Notice

    told = [t for rule in rules for t in rule(obj, source, target, comment) if t.user_id is not None]
    notices = [
        Notice(user_id=t.user_id, text=t.text[:500], url=t.url) for t in told if actor is None or t.user_id != actor.pk
    ]
    if notices:
        with transaction.atomic():
            Notice.objects.bulk_create(notices)
