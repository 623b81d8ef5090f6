"""A program lives only as long as its pair: when the pair is terminated early or withdrawn, its
open programs end with it («прекращена», the pair's reason). `mentorship` does not know about
programs, so this app listens for the pair's logged move instead of being called."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from core.lifecycle import move
from mentorship.models import Pairing, PairingTransition

from .models import Program

ENDING = {
    Pairing.Status.TERMINATED: "Наставничество прекращено досрочно",
    Pairing.Status.CANCELLED: "Предложение пары отозвано",
}


@receiver(post_save, sender=PairingTransition, dispatch_uid="programs-end-with-their-pair")
def end_programs_of_an_ended_pair(sender, instance: PairingTransition, created: bool, raw: bool = False, **kwargs):
    if not created or raw or instance.target not in ENDING:
        return
    reason = ENDING[Pairing.Status(instance.target)]
    if instance.comment:
        reason = f"{reason}: {instance.comment}"
    for program in Program.objects.filter(pairing_id=instance.pairing_id).exclude(status__in=Program.CLOSED_STATUSES):
        # A move of the system (no role checked; from a draft or a review it is a row no person is
        # offered), logged and authored in the name of whoever ended the pair.
        move(
            program,
            Program.Status.TERMINATED,
            actor=instance.actor,
            roles=None,
            comment=reason,
            termination_reason=reason,
        )
