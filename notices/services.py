"""Writes of notices: a person's e-mail preferences, stopping the letters by the signed link, and the
daily digest (one letter a person, only with what is new, each item sent once)."""

import logging
import smtplib
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from core.services import Outcome
from core.text import plural

from .models import Delivery, Notice, Preference
from .sources import Item, items_for, kinds, kinds_for

logger = logging.getLogger(__name__)

STOP_SALT = "notices.stop"


def preference_of(user) -> Preference:
    """The user's preferences as stored, or the defaults (every kind, letters on) unsaved."""
    return Preference.objects.filter(user=user).first() or Preference(user=user)


@transaction.atomic
def preferences_save(*, user: User, email_kinds: list[str], wants_email: bool, actor: User) -> Outcome:
    """Which kinds come by e-mail and whether letters come at all; a person sets only their own."""
    if actor.pk != user.pk:
        raise ValidationError("Настройки уведомлений меняет только их владелец.")
    offered = {kind for kind, _label in kinds_for(user)}
    if set(email_kinds) - offered:
        raise ValidationError("Неизвестный вид уведомлений.")
    preference = preference_of(user)
    # Kinds the user's roles do not get now keep their choice for the day a role comes back.
    preference.muted_kinds = sorted((set(preference.muted_kinds) - offered) | (offered - set(email_kinds)))
    preference.stopped_at = None if wants_email else (preference.stopped_at or timezone.now())
    preference.full_clean()
    preference.save()
    warnings = [] if address_of(user) else ["В карточке сотрудника нет адреса электронной почты: письма не придут."]
    return Outcome(preference, warnings)


def stop_token(user: User) -> str:
    """The signed part of the link in every letter that stops all letters without logging in."""
    return signing.dumps(user.pk, salt=STOP_SALT)


def user_of_stop_token(token: str) -> User | None:
    """The user the link was made for, or None for a link that is damaged, forged or not ours."""
    try:
        pk = signing.loads(token, salt=STOP_SALT)
    except signing.BadSignature:
        return None
    return User.objects.filter(pk=pk).first() if isinstance(pk, int) else None


@transaction.atomic
def email_stop(*, user: User) -> Preference:
    """Stop every letter: the signed link's owner asked (no login, so no actor but the link's user)."""
    preference = preference_of(user)
    if preference.stopped_at is None:
        preference.stopped_at = timezone.now()
        preference.save()
    return preference


@transaction.atomic
def notice_read(*, notice: Notice, actor: User) -> Notice:
    """The user opened a decision about them: it leaves their centre."""
    if notice.user_id != actor.pk:
        raise ValidationError("Это уведомление другого человека.")
    if notice.read_at is None:
        notice.read_at = timezone.now()
        notice.save(update_fields=["read_at"])
    return notice


# --- the daily digest ------------------------------------------------------------------------------


@dataclass
class DigestRun:
    sent: int = 0
    failed: int = 0

    def __str__(self) -> str:
        failed = f", не отправлено (повтор завтра): {self.failed}" if self.failed else ""
        return f"Письма с уведомлениями: {self.sent}{failed}."


def address_of(user: User) -> str:
    """The address from the staff card (people.Person.email), else the login's own."""
    person = getattr(user, "person", None)
    return (person.email if person is not None and person.email else user.email).strip()


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def digest_message(user: User, items: list[Item]) -> EmailMultiAlternatives:
    """The letter: the new items grouped by kind, each linking to its page, in HTML and plain text."""
    labels = dict(kinds())
    groups: dict[str, list] = {}
    for item in items:
        groups.setdefault(item.kind, []).append({"text": item.text, "url": _absolute(item.url)})
    person = getattr(user, "person", None)
    context = {
        "greeting": f"{person.first_name} {person.middle_name}".strip() if person else user.get_username(),
        "groups": [{"label": labels.get(kind, kind), "items": group} for kind, group in groups.items()],
        "centre_url": _absolute(reverse("notices:centre")),
        "preferences_url": _absolute(reverse("notices:preferences")),
        "stop_url": _absolute(reverse("notices:stop", args=[stop_token(user)])),
    }
    subject = f"Наставник: {plural(len(items), 'новое уведомление', 'новых уведомления', 'новых уведомлений')}"
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("notices/email/digest.txt", context),
        to=[address_of(user)],
        headers={"List-Unsubscribe": f"<{context['stop_url']}>"},
    )
    message.attach_alternative(render_to_string("notices/email/digest.html", context), "text/html")
    return message


def digests_send(*, today: date | None = None) -> DigestRun:
    """One letter to each person with an address, letters on and something new in the kinds they chose.
    Each item is recorded as delivered only after its letter went out: a failed send is logged and
    the same items go in tomorrow's letter."""
    today = today or timezone.localdate()
    run = DigestRun()
    preferences = {preference.user_id: preference for preference in Preference.objects.all()}
    for user in User.objects.filter(is_active=True).select_related("person").order_by("pk"):
        preference = preferences.get(user.pk) or Preference(user=user)
        if not preference.wants_email or not address_of(user):
            continue
        muted = set(preference.muted_kinds)
        items = [item for item in items_for(user, today) if item.kind not in muted]
        if not items:
            continue
        sent = set(
            Delivery.objects.filter(user=user, key__in=[item.key for item in items]).values_list("key", flat=True)
        )
        new = [item for item in items if item.key not in sent]
        if not new:
            continue
        try:
            digest_message(user, new).send()
        except (smtplib.SMTPException, OSError):
            logger.exception("Письмо с уведомлениями для %s не отправлено; повтор при следующем запуске", user)
            run.failed += 1
            continue
        Delivery.objects.bulk_create(
            [Delivery(user=user, key=item.key, text=item.text[:500]) for item in new], ignore_conflicts=True
        )
        run.sent += 1
    return run
