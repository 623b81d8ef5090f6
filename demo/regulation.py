"""The demo kindergarten's regulation on mentoring: the text of «Ласточка»'s own Положение (texts/
regulation_lastochka.txt, as the kindergarten sent it: the pedagogical council's protocol there is a blank
«№ ___ от «__» _____», so the demo knows no protocol and prints the line to fill in), adopted by the order
«О внедрении системы наставничества» entered from the paper journal: dated before the first pairs' orders
of last academic year, it approves the roadmap and appoints the curator itself (neither had its own order).

Idempotent: if the kindergarten has a regulation, nothing is done. Call it before the pairs: its order
opens the journal. If the journal has orders already (a demo loaded before this module existed), the
regulation stays a project for the head to adopt by a new order.
"""

from datetime import date, timedelta
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from core.dates import academic_start_year
from core.workdays import is_working_day
from mentorship.models import Regulation
from mentorship.services.orders import draft_introduction_order
from mentorship.services.regulation import regulation_save
from people.models import Organization
from records.models import Order
from records.services import order_register

from .kindergarten import PAPER_ORDER

TEXT = Path(__file__).resolve().parent / "texts" / "regulation_lastochka.txt"


def adoption_date(today: date) -> date:
    """The last working day on or before 28 August before last academic year: before its first pairs."""
    day = date(academic_start_year(today) - 1, 8, 28)
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


@transaction.atomic
def load(*, curator: User, head: User, today: date | None = None) -> int:
    """Add the regulation (and its order when the journal is still empty); return how many were added."""
    today = today or timezone.localdate()
    own = Organization.own()
    if own is None or Regulation.objects.filter(organization=own).exists():
        return 0
    regulation = Regulation(organization=own, text=TEXT.read_text(encoding="utf-8"))
    regulation_save(regulation=regulation, actor=curator)
    if not Order.objects.filter(organization=own).exists():
        order = draft_introduction_order(actor=curator, date=adoption_date(today))
        order_register(order=order, actor=head, reason=PAPER_ORDER)
    return 1
