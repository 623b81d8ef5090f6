"""The demo's annual analytic report: last academic year's, written by the curator and approved by the
head through the services, so its figures and PDF are frozen as a real one would be. Loading is
idempotent: a year that has a report is left as it is."""

from django.db import transaction
from django.utils import timezone

from core.dates import academic_start_year
from reports.models import AnnualReport
from reports.services import annual_report_move, annual_report_save, annual_report_start

TEXTS = {
    "conclusions": (
        "Система наставничества работает второй год. Все молодые специалисты, принятые в прошлом учебном году, "
        "закреплены за наставниками приказом; программа Петровой С.Н. и Ёлкиной В.С. по ИКТ завершена и "
        "отмечена как лучшая практика. Одна пара прекращена досрочно по просьбе наставляемой о смене наставника."
    ),
    "risks": (
        "Наставников с опытом работы с детьми с ОВЗ и по речевому развитию недостаточно; взаимопосещения во "
        "второй половине года проводились реже запланированного."
    ),
    "proposals": (
        "Направить двух воспитателей на курсы по наставничеству; планировать взаимопосещения с сентября; "
        "провести ежегодное анкетирование в первой половине сентября."
    ),
}


@transaction.atomic
def load(*, curator, head, today=None) -> int:
    """Add last year's approved report if missing; return how many reports were added."""
    today = today or timezone.localdate()
    year = academic_start_year(today) - 1
    if AnnualReport.objects.filter(start_year=year).exists():
        return 0
    report = annual_report_start(start_year=year, actor=curator).obj
    annual_report_save(report=report, data=TEXTS, actor=curator)
    annual_report_move(report=report, target=AnnualReport.Status.AWAITING_APPROVAL, actor=curator)
    annual_report_move(report=report, target=AnnualReport.Status.APPROVED, actor=head)
    return 1
