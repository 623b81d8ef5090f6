"""The mentor's portfolio: her own from the menu, any mentor's for the head and the curator; the page
and the same as a PDF. Scoped by `selectors.mentors_for`: someone else's portfolio (for a mentor) and
a person who never was a mentor are a 404; a role with no portfolio to read is a 403."""

from django.shortcuts import get_object_or_404, redirect
from django.views.generic import TemplateView, View

from core.files import file_response
from people.access import RoleRequiredMixin

from .documents import portfolio_pdf
from .roles import OWNERS, PORTFOLIO_ROLES
from .selectors import mentors_for, portfolio_of


class MyPortfolioView(RoleRequiredMixin, View):
    """«Моё портфолио» in the menu: to the mentor's own page."""

    allowed_roles = OWNERS

    def get(self, request):
        return redirect("portfolio:detail", person_pk=self.person.pk)


class PortfolioMixin(RoleRequiredMixin):
    allowed_roles = PORTFOLIO_ROLES

    def get_portfolio(self):
        mentor = get_object_or_404(mentors_for(self.request.user), person_id=self.kwargs["person_pk"])
        return portfolio_of(mentor)


class PortfolioView(PortfolioMixin, TemplateView):
    template_name = "portfolio/portfolio.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(portfolio=self.get_portfolio(), **kwargs)


class PortfolioPdfView(PortfolioMixin, View):
    """The same sections as the page, printed (A4, page numbers)."""

    def get(self, request, person_pk):
        portfolio = self.get_portfolio()
        return file_response(
            portfolio_pdf(portfolio),
            "application/pdf",
            f"Портфолио наставника — {portfolio.mentor.person.full_name}.pdf",
            inline=True,
        )
