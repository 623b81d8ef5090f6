"""The figures of the annual analytic report (итоговый аналитический отчёт, DOMAIN.md) for an academic
year: every section's numbers, the indicators with last year's values beside them, and the regional
check. Plain data (numbers, strings, ISO dates), so that the head's approval can freeze it as JSON and
an approved report prints the same figures whatever happens to the records later."""

from datetime import date

from django.db.models import Avg, Count
from django.utils import timezone

from diagnostics.models import Diagnostic, Rating
from growth.models import Kind, Level, RewardRule
from mentorship.models import BankRefresh, Mentee, Mentor
from mentorship.services.orders import CURATOR, INTRODUCTION, PAIRING
from people.models import Organization
from records.models import Order
from roadmap.models import Roadmap

from .indicators import PS, Records, indicators
from .period import Period

REGISTERED = (Order.Status.REGISTERED, Order.Status.SIGNED)


def _order_text(order) -> str:
    return f"приказ от {order.date:%d.%m.%Y} № {order.number_text}"


def _indicator_data(indicator, previous) -> dict:
    return {
        "key": indicator.key,
        "title": indicator.title,
        "definition": indicator.definition,
        "kind": indicator.kind,
        "numerator": indicator.numerator,
        "denominator": indicator.denominator,
        "value": indicator.value,
        "display": indicator.display,
        "fraction": indicator.fraction,
        "previous_value": previous.value,
        "previous_display": previous.display,
        "change": None if indicator.value is None or previous.value is None else indicator.value - previous.value,
        "breakdown": [list(row) for row in indicator.breakdown],
    }


def _diagnostics(records: Records) -> dict:
    """Average scores at the start and at the end of the programs completed in the year (sent ratings)."""
    completed = [p.pk for p in records.all_programs if p.status == PS.COMPLETED and records.period.holds(p.closed_on)]
    averages = {
        (row["diagnostic__stage"], row["diagnostic__author"]): (row["average"], row["count"])
        for row in Rating.objects.filter(diagnostic__program_id__in=completed, diagnostic__submitted_at__isnull=False)
        .values("diagnostic__stage", "diagnostic__author")
        .annotate(average=Avg("score"), count=Count("pk"))
    }
    stage, author = Diagnostic.Stage, Diagnostic.Author
    rows = []
    for who, label in ((author.MENTEE, "Самооценка наставляемых"), (author.MENTOR, "Оценка наставников")):
        start = averages.get((stage.START, who), (None, 0))[0]
        end = averages.get((stage.END, who), (None, 0))[0]
        rows.append({"label": label, "start": start, "end": end})
    return {"programs": len(completed), "rows": rows}


def _growth(records: Records) -> dict:
    rows = records.growth
    courses = [row for row in rows if row["kind"] == Kind.COURSE]
    contests = [row for row in rows if row["kind"] == Kind.CONTEST]
    levels = dict(Level.choices)
    by_level = {}
    for row in contests:
        label = levels.get(row["level"], "уровень не указан")
        by_level[label] = by_level.get(label, 0) + 1
    return {
        "courses": len(courses),
        "course_people": len({row["person_id"] for row in courses}),
        "course_hours": sum(row["hours"] or 0 for row in courses),
        "certifications": sum(1 for row in rows if row["kind"] == Kind.CERTIFICATION),
        "contests": len(contests),
        "contests_by_level": sorted(by_level.items(), key=lambda item: -item[1]),
        "open_events": sum(1 for row in rows if row["kind"] == Kind.OPEN_EVENT),
        "publications": sum(1 for row in rows if row["kind"] == Kind.PUBLICATION),
        "rewards": sum(1 for row in rows if row["kind"] == Kind.REWARD),
    }


def _regional_check(records: Records, own) -> list[dict]:
    """Which documents the regional check asks for exist by the year's end, each with its number and date."""
    end = records.period.end
    orders = {}
    pairing_orders = []
    for order in (
        Order.objects.filter(status__in=REGISTERED, kind__in=(INTRODUCTION, CURATOR, PAIRING), date__lte=end)
        .only("kind", "date", "number_text")
        .order_by("date", "number")
    ):
        orders[order.kind] = order  # the latest of each kind
        if order.kind == PAIRING and order.date >= records.period.start:
            pairing_orders.append(order)
    roadmap = (
        Roadmap.objects.filter(start_year=records.period.start.year, order__isnull=False)
        .select_related("order")
        .first()
    )
    rule = RewardRule.objects.filter(effective_from__lte=end).order_by("-effective_from").first()
    refresh = BankRefresh.objects.filter(done_at__date__lte=end).order_by("-done_at").first()
    mentors = Mentor.objects.filter(is_active=True).count()
    mentees = Mentee.objects.filter(is_active=True).count()

    def item(title, document):
        return {"title": title, "exists": bool(document), "document": document or "нет"}

    introduction = orders.get(INTRODUCTION)
    return [
        item("Раздел «Наставничество» на сайте организации", ""),
        item("Приказ о внедрении системы наставничества", _order_text(introduction) if introduction else ""),
        item("Положение о наставничестве", f"утверждено: {_order_text(introduction)}" if introduction else ""),
        item(
            "Дорожная карта на учебный год",
            f"утверждена: {_order_text(roadmap.order)}" if roadmap and roadmap.order else "",
        ),
        item("Приказ о назначении куратора", _order_text(orders[CURATOR]) if CURATOR in orders else ""),
        item(
            "Банк наставников и наставляемых",
            f"наставников {mentors}, наставляемых {mentees}"
            + (f"; актуализирован {timezone.localdate(refresh.done_at):%d.%m.%Y}" if refresh else ""),
        ),
        item("Документ о поощрении наставников", f"действует с {rule.effective_from:%d.%m.%Y}" if rule else ""),
        item("Приказы о закреплении наставнических пар (групп)", "; ".join(_order_text(o) for o in pairing_orders)),
        item("Число пар (групп), закреплённых приказом", str(len(records.pairings)) if records.pairings else ""),
    ]


def annual_figures(period: Period, *, today: date | None = None) -> dict:
    """Everything the annual report prints but the curator's texts."""
    records = Records.load(period)
    previous = {indicator.key: indicator for indicator in indicators(Records.load(period.previous()))}
    own = Organization.own()
    mentors, mentees = records.mentors(), records.mentees()
    groups = sum(1 for pairing in records.pairings if len(pairing.mentees) > 1)
    started = [p for p in records.all_programs if period.holds(p.starts_on)]
    ended = [p for p in records.all_programs if period.holds(p.closed_on)]
    terminated = [p for p in ended if p.status == PS.TERMINATED]
    reasons = {}
    for program in terminated:
        reason = program.termination_reason or "причина не указана"
        reasons[reason] = reasons.get(reason, 0) + 1
    pairing_of = {pairing.pk: pairing for pairing in records.all_pairings}
    best = [
        {
            "mentor": records.people[pairing_of[p.pairing].mentor].name,
            "direction": pairing_of[p.pairing].direction,
            "term": f"{p.starts_on:%d.%m.%Y} – {p.ends_on:%d.%m.%Y}",
        }
        for p in ended
        if p.is_best_practice and p.pairing in pairing_of
    ]
    return {
        "organization": own.full_name if own else "",
        "period": {"start": period.start.isoformat(), "end": period.end.isoformat(), "label": period.label},
        "previous_label": period.previous().label,
        "computed_on": (today or timezone.localdate()).isoformat(),
        "staff": {"pedagogical": len(records.staff()), "young": len(records.young())},
        "mentees": {
            "total": len(mentees),
            "own": len(records.own(mentees)),
            "partner": len(records.partner(mentees)),
            "by_category": [list(row) for row in records.by_category()],
        },
        "mentors": {
            "total": len(mentors),
            "own": len(records.own(mentors)),
            "partner": len(records.partner(mentors)),
        },
        "pairs": {
            "total": len(records.pairings),
            "individual": len(records.pairings) - groups,
            "group": groups,
            "by_form": [list(row) for row in records.by_form()],
            "by_direction": [list(row) for row in records.by_direction()],
        },
        "programs": {
            "started": len(started),
            "completed": sum(1 for p in ended if p.status == PS.COMPLETED),
            "terminated": len(terminated),
            "reasons": sorted(([reason, n] for reason, n in reasons.items()), key=lambda row: -row[1]),
            "in_work": sum(1 for p in records.programs if p.status in (PS.RUNNING, PS.CORRECTION)),
        },
        "activities": {
            "plan_total": records.plan["total"],
            "plan_in_time": records.plan["in_time"],
            "records": records.activities["total"],
            "records_confirmed": records.activities["confirmed"],
        },
        "indicators": [_indicator_data(indicator, previous[indicator.key]) for indicator in indicators(records)],
        "diagnostics": _diagnostics(records),
        "growth": _growth(records),
        "best_practices": best,
        "regional_check": _regional_check(records, own),
    }


def report_data(report) -> dict:
    """What every format of an annual report prints: the figures (frozen ones once approved, else
    computed now), the curator's texts, and the approval."""
    figures = (
        report.figures if report.is_approved and report.figures else annual_figures(Period.academic(report.start_year))
    )
    approved = None
    if report.is_approved and report.approved_at:
        person = getattr(report.approved_by, "person", None) if report.approved_by else None
        approved = {
            "on": timezone.localdate(report.approved_at).isoformat(),
            "by": person.full_name if person else "",
            "position": str(person.position) if person else "",
        }
    return {
        "year": report.start_year,
        "year_label": report.year_label,
        "status": report.get_status_display(),
        "figures": figures,
        "texts": report.texts,
        "approved": approved,
    }
