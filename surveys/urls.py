from django.urls import path

from . import views

app_name = "surveys"

urlpatterns = [
    path("", views.QuestionnaireListView.as_view(), name="list"),
    path("prepare/", views.QuestionnairePrepareView.as_view(), name="prepare"),
    path("summary/", views.SummaryView.as_view(), name="summary"),
    path("questionnaires/<int:pk>/", views.QuestionnaireDetailView.as_view(), name="questionnaire-detail"),
    path("questionnaires/<int:pk>/history/", views.QuestionnaireHistoryView.as_view(), name="questionnaire-history"),
    path("questionnaires/<int:pk>/next-year/", views.QuestionnaireNextYearView.as_view(), name="next-year"),
    path("questionnaires/<int:questionnaire>/questions/new/", views.QuestionFormView.as_view(), name="question-create"),
    path("questions/<int:pk>/edit/", views.QuestionFormView.as_view(), name="question-update"),
    path("questions/<int:pk>/delete/", views.QuestionDeleteView.as_view(), name="question-delete"),
    path("needs/send/", views.NeedsSendView.as_view(), name="needs-send"),
    path("needs/<int:pk>/", views.NeedsAnswerView.as_view(), name="needs-answer"),
    path("responses/<int:pk>/", views.ResponseDetailView.as_view(), name="response-detail"),
    path("programs/<int:pk>/mid/", views.ProgramSurveyView.as_view(stage="mid"), name="program-mid"),
    path("programs/<int:pk>/end/", views.ProgramSurveyView.as_view(stage="end"), name="program-end"),
    path("programs/<int:pk>/mid/decline/", views.ProgramSurveyDeclineView.as_view(stage="mid"), name="decline-mid"),
    path("programs/<int:pk>/end/decline/", views.ProgramSurveyDeclineView.as_view(stage="end"), name="decline-end"),
]
