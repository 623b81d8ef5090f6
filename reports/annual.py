"""The figures of the annual analytic report (итоговый аналитический отчёт, DOMAIN.md) for an academic
year: every section's numbers, the indicators with last year's values beside them, and the regional
check. Plain data (numbers, strings, ISO dates), so that the head's approval can freeze it as JSON and
an approved report prints the same figures whatever happens to the records later."""

from datetime import date

from django.db.models import Avg, Count, F, Max, Q
from django.utils import timezone

from core.declension import signature_name
from diagnostics.models import Diagnostic, Rating
from growth.models import Kind, Level, RewardRule
from mentorship.models import BankRefresh, CuratorAppointment, Mentee, Mentor
from mentorship.services.orders import CURATOR, INTRODUCTION, PAIRING
from people.models import Organization, Person
from programs.models import PlanItem, Program
from records.models import Order
from roadmap.models import Roadmap
from surveys.models import Answer, Question, Questionnaire, Response

from .indicators import PS, RAN, Records, indicators
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


def _signer(person) -> dict | None:
    if person is None:
        return None
    position = str(person.position) if person.position_id else ""
    return {
        "name": person.full_name,
        "sign": signature_name(person.last_name, person.first_name, person.middle_name),
        "position": position,
        # The head's line on the interim справка: «Ознакомлена: заведующий».
        "acquainted": person.gendered("Ознакомлен", "Ознакомлена"),
    }


def _signers(own, day: date) -> dict:
    """Who signs the year's documents: the curator in office on `day` (else the current one, who writes the
    report of a year before their appointment) and the organization's head. Kept with the figures, so an
    approved report names the curator who signed it."""
    curator = None
    if own is not None:
        appointments = list(
            CuratorAppointment.objects.filter(organization=own)
            .select_related("person__position")
            .order_by("-appointed_on", "-pk")
        )
        in_office = [a for a in appointments if a.appointed_on <= day and (a.ended_on is None or a.ended_on >= day)]
        current = [a for a in appointments if a.ended_on is None]
        appointment = (in_office or current or [None])[0]
        curator = appointment.person if appointment else None
    head = Person.objects.select_related("position").filter(pk=own.head_id).first() if own and own.head_id else None
    return {"curator": _signer(curator), "head": _signer(head)}


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
        "signers": _signers(own, min(period.end, today or timezone.localdate())),
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


def _overdue(records: Records) -> list[dict]:
    """Plan items of the programs in work whose deadline passed before the period's last day D with no
    completion mark by D, in one query. The plan keeps no reason for a delay: what the records show is
    given (the program being corrected, a log record without the plan's mark); the rest the curator
    writes in by hand."""
    day = records.day
    pairing_of = {pairing.pk: pairing for pairing in records.all_pairings}
    items = (
        PlanItem.objects.filter(program__status__in=Program.IN_WORK_STATUSES, deadline__lt=day)
        .filter(Q(done_on__isnull=True) | Q(done_on__gt=day))
        .annotate(last_record=Max("records__done_on", filter=Q(records__done_on__lte=day)))
        .order_by("deadline", "program_id", "position", "pk")
        .values(
            "pk",
            "program_id",
            "program__pairing_id",
            "program__status",
            "position",
            "activity",
            "deadline",
            "responsible",
            "direction__name",
            "form__name",
            "last_record",
        )
    )
    rows = []
    for item in items:
        pairing = pairing_of.get(item["program__pairing_id"])
        reasons = []
        if item["program__status"] == PS.CORRECTION:
            reasons.append("программа на корректировке")
        if item["last_record"]:
            reasons.append(f"в журнале есть запись от {item['last_record']:%d.%m.%Y}, отметки в плане нет")
        rows.append(
            {
                "mentor": records.people[pairing.mentor].name if pairing else "—",
                "mentees": [records.people[pk].name for pk in pairing.mentees] if pairing else [],
                "direction": item["direction__name"],
                "position": item["position"],
                "activity": item["activity"],
                "form": item["form__name"],
                "deadline": item["deadline"].isoformat(),
                "days": (day - item["deadline"]).days,
                "responsible": item["responsible"],
                "reason": "; ".join(reasons),
            }
        )
    return rows


def _plan_to_date(period: Period) -> dict:
    """Plan items with a deadline from the period's start to its last day D: done by the deadline, done
    later (by D), not done by D."""
    counts = PlanItem.objects.filter(
        program__status__in=RAN, deadline__gte=period.start, deadline__lte=period.end
    ).aggregate(
        total=Count("pk"),
        in_time=Count("pk", filter=Q(done_on__isnull=False, done_on__lte=F("deadline"))),
        late=Count("pk", filter=Q(done_on__gt=F("deadline"), done_on__lte=period.end)),
    )
    counts["not_done"] = counts["total"] - counts["in_time"] - counts["late"]
    counts["value"] = 100 * counts["in_time"] / counts["total"] if counts["total"] else None
    return counts


def _surveys_to_date(period: Period) -> list[dict]:
    """The pair surveys sent or declined in the period, by audience and stage: how many, and the average
    of their 1–10 answers (no names, no single answer, like the surveys' summary)."""
    sent = Q(submitted_at__date__gte=period.start, submitted_at__date__lte=period.end)
    declined = Q(declined_at__date__gte=period.start, declined_at__date__lte=period.end)
    counts = {
        (row["questionnaire__audience"], row["stage"]): row
        for row in Response.objects.filter(program__isnull=False)
        .filter(sent | declined)
        .values("questionnaire__audience", "stage")
        .annotate(answered=Count("pk", filter=sent), declined=Count("pk", filter=declined))
    }
    averages = {
        (row["response__questionnaire__audience"], row["response__stage"]): row
        for row in Answer.objects.filter(
            question__kind=Question.Kind.SCALE,
            number__isnull=False,
            response__program__isnull=False,
            response__submitted_at__date__gte=period.start,
            response__submitted_at__date__lte=period.end,
        )
        .values("response__questionnaire__audience", "response__stage")
        .annotate(average=Avg("number"), count=Count("pk"))
    }
    rows = []
    audiences = ((Questionnaire.Audience.MENTOR, "Наставники"), (Questionnaire.Audience.MENTEE, "Наставляемые"))
    for audience, who in audiences:
        for stage in Response.Stage:
            found = counts.get((audience, stage), {})
            average = averages.get((audience, stage), {})
            rows.append(
                {
                    "who": who,
                    "stage": stage.label,
                    "answered": found.get("answered", 0),
                    "declined": found.get("declined", 0),
                    "average": average.get("average"),
                    "answers": average.get("count", 0),
                }
            )
    return rows


def interim_figures(period: Period) -> dict:
    """The interim monitoring справка (roadmap stage 6) of a period, usually the academic year up to today
    (`Period.current(today)`): pairs and programs in work on its last day D, the plan to date, overdue
    items, the surveys so far. Plain data; a fixed number of queries whatever the number of rows."""
    records = Records.load(period)
    own = Organization.own()
    day = records.day
    in_work = [p for p in records.pairings if p.starts_on <= day <= p.ends_on]
    groups = sum(1 for pairing in in_work if len(pairing.mentees) > 1)
    by_direction = {}
    for pairing in in_work:
        by_direction[pairing.direction] = by_direction.get(pairing.direction, 0) + 1
    programs = records.programs
    return {
        "organization": own.full_name if own else "",
        "period": {"start": period.start.isoformat(), "end": period.end.isoformat(), "label": period.label},
        "computed_on": timezone.localdate().isoformat(),
        "pairs": {
            "in_work": len(in_work),
            "individual": len(in_work) - groups,
            "group": groups,
            "mentors": len({pairing.mentor for pairing in in_work}),
            "mentees": len({pk for pairing in in_work for pk in pairing.mentees}),
            "by_direction": sorted(([name, n] for name, n in by_direction.items()), key=lambda row: (-row[1], row[0])),
        },
        "programs": {
            "in_work": sum(1 for p in programs if p.status in Program.IN_WORK_STATUSES),
            "correction": sum(1 for p in programs if p.status == PS.CORRECTION),
            "started": sum(1 for p in programs if period.holds(p.starts_on)),
            "completed": sum(1 for p in programs if p.status == PS.COMPLETED and period.holds(p.closed_on)),
            "terminated": sum(1 for p in programs if p.status == PS.TERMINATED and period.holds(p.closed_on)),
        },
        "plan": _plan_to_date(period),
        "overdue": _overdue(records),
        "surveys": _surveys_to_date(period),
        "signers": _signers(own, day),
    }
