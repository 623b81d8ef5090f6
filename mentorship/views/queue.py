"""The head's queue: every section registered by the apps (queue.py); pairs are approved and
returned here, the other sections post to their own apps."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView

from core.http import id_param, ids_param, text_param
from core.views import Confirmation, ConfirmedActionMixin, report_errors
from mentorship.services.bank import current_mentees_by_mentor
from mentorship.services.pair_orders import approval_projects, pairings_approve
from mentorship.services.pairs import missing_consents, pairing_move, pairing_warnings
from people.access import RoleRequiredMixin
from people.models import Organization

from .. import queue
from ..models import Pairing
from ..models.pairs import RETURN_CONSEQUENCE
from ..roles import DECIDERS
from ..selectors import approval_queue


def pairing_queue_items() -> list[dict]:
    """Pairs awaiting the head, each with the consents still missing and the warnings."""
    pairings = list(approval_queue())
    own = Organization.own()
    loads = current_mentees_by_mentor({pairing.mentor_id for pairing in pairings})
    projects = approval_projects(pairing.pk for pairing in pairings)
    return [
        {
            "pairing": pairing,
            "missing": missing_consents(pairing),
            "warnings": pairing_warnings(pairing, own=own, loads=loads),
            "project": projects.get(pairing.pk),
        }
        for pairing in pairings
    ]


class ApprovalQueueView(RoleRequiredMixin, ConfirmedActionMixin, TemplateView):
    """Every section of the queue (mentorship/queue.py); pairs are approved and returned here,
    the other sections post to their own apps. Both are done from the page that says what happens."""

    allowed_roles = DECIDERS
    template_name = "mentorship/approval_queue.html"

    def confirmation(self) -> Confirmation | None:
        if self.request.method != "POST":
            return None
        cancel_url = reverse("mentorship:approval-queue")
        if self.request.POST.get("action") == "return":
            pairing = get_object_or_404(Pairing, pk=id_param(self.request.POST.get("pairing")))
            comment = text_param(self.request.POST.get("comment"))
            return Confirmation(
                title=f"Вернуть куратору: {pairing}",
                consequences=[RETURN_CONSEQUENCE, *([f"Комментарий: «{comment}»."] if comment else [])],
                button="Вернуть куратору",
                cancel_url=cancel_url,
            )
        chosen = Pairing.objects.filter(pk__in=ids_param(self.request.POST.getlist("pairings"))).select_related(
            "mentor__person"
        )
        if not chosen:
            return None  # the service says what is missing
        return Confirmation(
            title="Утвердить пары приказом",
            consequences=[
                "Будет подготовлен проект одного приказа о закреплении этих пар (групп). Проверьте его текст "
                "и зарегистрируйте: пары закрепляются с регистрацией приказа и с его даты начинают работу:",
                *(str(pairing) for pairing in chosen),
            ],
            button="Подготовить приказ",
            cancel_url=cancel_url,
            danger=False,
        )

    def get_context_data(self, **kwargs):
        filled = [(section, section.items()) for section in queue.sections()]
        return super().get_context_data(sections=filled, waiting=any(items for _, items in filled), **kwargs)

    def post(self, request):
        if request.POST.get("action") == "return":
            pairing = get_object_or_404(Pairing, pk=id_param(request.POST.get("pairing")))
            try:
                pairing_move(
                    pairing=pairing,
                    target=Pairing.Status.RETURNED,
                    actor=request.user,
                    comment=text_param(request.POST.get("comment")),
                )
            except ValidationError as error:
                report_errors(request, error)
            else:
                messages.success(request, "Пара возвращена куратору с комментарием.")
            return redirect("mentorship:approval-queue")
        chosen = Pairing.objects.filter(pk__in=ids_param(request.POST.getlist("pairings")))
        try:
            order = pairings_approve(pairings=list(chosen), actor=request.user).obj
        except ValidationError as error:
            report_errors(request, error)
            return redirect("mentorship:approval-queue")
        messages.success(
            request,
            "Проект приказа о закреплении пар подготовлен. Проверьте текст и зарегистрируйте приказ: "
            "пары будут закреплены с его регистрацией.",
        )
        return redirect(order.get_absolute_url())
