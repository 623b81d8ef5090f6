"""Demo paperwork for the demo kindergarten (demo/kindergarten.py::load_demo calls these).

`set_pay_rule` goes before the demo pairs are fixed by order, since each additional agreement
records the rule in force on the day of its order; `load_paperwork` goes after them. Both are
idempotent and never overwrite what a user has changed.
"""

from datetime import date
from decimal import Decimal

from django.utils import timezone

from core.dates import academic_year_start
from core.services import validated_save
from mentorship.models import CooperationAgreement, MentoringAgreement
from people.models import Organization

DEMO_PAY = Decimal("3000.00")
COLLEGE = "Педагогический колледж"


def set_pay_rule(own: Organization) -> None:
    """3 000 ₽ a month per mentee, unless a rule is already set."""
    if own.mentor_pay_rule != Organization.PayRule.NONE:
        return
    own.mentor_pay_rule, own.mentor_pay_amount = Organization.PayRule.FIXED, DEMO_PAY
    own.save(update_fields=["mentor_pay_rule", "mentor_pay_amount"])


def load_paperwork(*, actor, today: date | None = None) -> dict[str, int]:
    """The college's cooperation agreement, and the employment contracts' requisites on the
    agreements the demo orders wrote (as the clerk would fill them in); returns what was added."""
    today = today or timezone.localdate()
    added = {"cooperation": 0, "requisites": 0}
    college = Organization.objects.filter(short_name=COLLEGE).exclude(kind=Organization.Kind.OWN).first()
    if college is not None and not CooperationAgreement.objects.filter(partner=college).exists():
        start = academic_year_start(today)
        validated_save(
            CooperationAgreement(
                partner=college,
                number="14/СП",
                signed_on=date(start.year - 1, 8, 28),
                valid_until=date(start.year + 2, 8, 31),
                subject="о сетевом взаимодействии в сфере наставничества и практической подготовки студентов",
                created_by=actor,
            ),
            actor=actor,
        )
        added["cooperation"] += 1
    blank = MentoringAgreement.objects.filter(contract_number="").select_related("mentor__person").order_by("pk")
    for agreement in blank:
        hired = agreement.mentor.person.hired_on
        if hired is None or hired > agreement.date:
            continue
        agreement.number = f"{agreement.pk}-Н"
        agreement.contract_number = agreement.mentor.person.personnel_number or str(agreement.pk)
        agreement.contract_date = hired
        validated_save(agreement, actor=actor)
        added["requisites"] += 1
    return added
