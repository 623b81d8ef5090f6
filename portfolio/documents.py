"""The portfolio as a printed document: the page's sections on A4, Times-like font, pages numbered
(templates/documents/pdf/base.html), with the kindergarten's name and the day it was put together."""

from django.utils import timezone

from core.pdf import render_pdf
from people.models import Organization

TEMPLATE = "portfolio/pdf/portfolio.html"


def portfolio_pdf(portfolio) -> bytes:
    return render_pdf(
        TEMPLATE, {"portfolio": portfolio, "organization": Organization.own(), "today": timezone.localdate()}
    )
