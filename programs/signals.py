"""A program lives only as long as its pair: when the pair is terminated early or withdrawn, its
open programs end with it («прекращена», the pair's reason). `mentorship` does not know about
programs, so this app listens for the pair's logged move instead of being called."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from core.services import authored
from mentorship.models import Pairing, PairingTransition

from .models import Program, ProgramTransition

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
        source = program.status
        program.status = Program.Status.TERMINATED
        program.termination_reason = reason
        with authored(program, instance.actor):
            program.save(update_fields=["status", "termination_reason"])
        ProgramTransition.objects.create(
            program=program, source=source, target=program.status, actor=instance.actor, comment=reason
        )
