from django.urls import path

from . import views

app_name = "records"

# Mounted under bank/, where these pages have always been.
urlpatterns = [
    path("orders/", views.OrderListView.as_view(), name="order-list"),
    path("orders/new/", views.OrderCreateView.as_view(), name="order-create"),
    path("orders/journal/", views.OrderJournalView.as_view(), name="order-journal"),
    path("orders/<int:pk>/", views.OrderDetailView.as_view(), name="order-detail"),
    path("orders/<int:pk>/history/", views.OrderHistoryView.as_view(), name="order-history"),
    path("orders/<int:pk>/edit/", views.OrderDraftUpdateView.as_view(), name="order-edit"),
    path("orders/<int:pk>/register/", views.OrderRegisterView.as_view(), name="order-register"),
    path("orders/<int:pk>/void/", views.OrderVoidView.as_view(), name="order-void"),
    path("orders/<int:pk>/preview.pdf", views.OrderPreviewView.as_view(), name="order-preview"),
    path("orders/<int:pk>/pdf/", views.OrderPdfView.as_view(), name="order-pdf"),
    path("orders/<int:pk>/scan/", views.OrderScanView.as_view(), name="order-scan"),
    path("orders/<int:pk>/docx/", views.OrderDocxView.as_view(), name="order-docx"),
]
