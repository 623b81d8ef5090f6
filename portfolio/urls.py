from django.urls import path

from . import views

app_name = "portfolio"

urlpatterns = [
    path("", views.MyPortfolioView.as_view(), name="mine"),
    path("<int:person_pk>/", views.PortfolioView.as_view(), name="detail"),
    path("<int:person_pk>/pdf/", views.PortfolioPdfView.as_view(), name="pdf"),
]
