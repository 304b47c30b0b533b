from django.urls import path

from entities import views

app_name = "entities"

urlpatterns = [
    path("organisations/<int:pk>/", views.organisation_detail, name="organisation"),
]
