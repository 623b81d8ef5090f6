"""The roadmap as a printed document: a landscape A4 table, marked «ПРОЕКТ» until the head's
order approves it, then carrying «УТВЕРЖДЕНА приказом … от … № …»."""

from django.db.models import Prefetch
from django.utils import timezone

from core.declension import Case, organization_name_in_case, signature_name
from core.pdf import render_pdf
from mentorship.services.orders import current_curator

from .models import Activity, Roadmap, Stage


def stages_with_activities(roadmap: Roadmap) -> list[Stage]:
    return list(
        roadmap.stages.prefetch_related(Prefetch("activities", queryset=Activity.objects.order_by("number", "pk")))
    )


def render_roadmap_pdf(roadmap: Roadmap, *, annex: bool = False, today=None) -> bytes:
    """The whole roadmap. `annex=True` is the order's annex as approved: no execution marks,
    no overdue notes — the state of the plan on the day of the order."""
    organization = roadmap.organization
    curator = current_curator(organization)
    compiler = None
    if curator is not None:
        person = curator.person
        compiler = {
            "position": str(person.position),
            "name": signature_name(person.last_name, person.first_name, person.middle_name),
        }
    return render_pdf(
        "roadmap/pdf/roadmap.html",
        {
            "roadmap": roadmap,
            "organization": organization,
            # «… педагогических работников Муниципального казённого … учреждения …»; the short name,
            # an abbreviation that is never declined, when the full one cannot be.
            "organization_genitive": organization_name_in_case(organization.full_name, Case.GENITIVE)
            or organization.short_name,
            # A project of the approval order has no number yet: the roadmap is not approved by it.
            "order": roadmap.order if roadmap.order is not None and roadmap.order.is_registered else None,
            "stages": stages_with_activities(roadmap),
            "annex": annex,
            "today": today or timezone.localdate(),
            "compiler": compiler,
        },
    )
