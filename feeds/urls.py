from django.urls import path

from . import views

app_name = "feeds"

urlpatterns = [
    path("", views.CalendarView.as_view(), name="calendar"),
    path("renew/", views.FeedRenewView.as_view(), name="renew"),
    path("<str:token>.ics", views.feed, name="feed"),
]
