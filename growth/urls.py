from django.urls import path

from . import views

app_name = "growth"

urlpatterns = [
    path("", views.MyRecordsView.as_view(), name="my"),
    path("all/", views.RecordListView.as_view(), name="record-list"),
    path("new/", views.RecordCreateView.as_view(), name="record-create"),
    path("<int:pk>/", views.RecordDetailView.as_view(), name="record-detail"),
    path("<int:pk>/edit/", views.RecordUpdateView.as_view(), name="record-update"),
    path("<int:pk>/delete/", views.RecordDeleteView.as_view(), name="record-delete"),
    path("<int:pk>/review/", views.RecordReviewView.as_view(), name="record-review"),
    path("<int:pk>/scan/", views.RecordScanView.as_view(), name="record-scan"),
    path("rewards/", views.RewardsView.as_view(), name="rewards"),
    path("rewards/propose/", views.ProposalCreateView.as_view(), name="proposal-create"),
    path("rewards/<int:pk>/edit/", views.ProposalUpdateView.as_view(), name="proposal-update"),
    path("rewards/<int:pk>/approve/", views.ProposalApproveView.as_view(), name="proposal-approve"),
    path("rewards/<int:pk>/move/", views.ProposalMoveView.as_view(), name="proposal-move"),
    path("rewards/<int:pk>/letters.pdf", views.LettersPdfView.as_view(), name="proposal-letters"),
    path("rewards/<int:pk>/letters.docx", views.LettersDocxView.as_view(), name="proposal-letters-docx"),
    path("rewards/rule/new/", views.RuleCreateView.as_view(), name="rule-create"),
    path("rewards/rule/<int:pk>/scan/", views.RuleScanView.as_view(), name="rule-scan"),
]
