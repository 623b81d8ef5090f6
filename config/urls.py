from django.contrib import admin
from django.urls import include, path

from core.views import favicon

urlpatterns = [
    path("", include("dashboard.urls")),
    path("accounts/", include("accounts.urls")),
    path("bank/", include("people.urls")),
    path("bank/", include("records.urls")),
    path("bank/", include("mentorship.urls")),
    path("roadmap/", include("roadmap.urls")),
    path("programs/", include("programs.urls")),
    path("surveys/", include("surveys.urls")),
    path("growth/", include("growth.urls")),
    path("materials/", include("materials.urls")),
    path("diagnostics/", include("diagnostics.urls")),
    path("council/", include("council.urls")),
    path("results/", include("results.urls")),
    path("portfolio/", include("portfolio.urls")),
    path("reports/", include("reports.urls")),
    path("calendar/", include("feeds.urls")),
    path("notices/", include("notices.urls")),
    path("nastavnichestvo/", include("website.urls")),
    path("admin/", admin.site.urls),
    path("favicon.ico", favicon, name="favicon"),
]
