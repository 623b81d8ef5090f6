from django.urls import path

from . import views

app_name = "materials"

urlpatterns = [
    path("", views.MaterialListView.as_view(), name="list"),
    path("new/", views.MaterialCreateView.as_view(), name="create"),
    path("<int:pk>/", views.MaterialDetailView.as_view(), name="detail"),
    path("<int:pk>/history/", views.MaterialHistoryView.as_view(), name="history"),
    path("<int:pk>/edit/", views.MaterialUpdateView.as_view(), name="update"),
    path("<int:pk>/withdraw/", views.MaterialWithdrawView.as_view(), name="withdraw"),
    path("<int:pk>/file/", views.MaterialFileView.as_view(), name="file"),
]
