from django.urls import path

from entities import views
from newsroom.caching import cache_public_page as cached

app_name = "entities"

urlpatterns = [
    path("organisations/<int:pk>/", cached(views.organisation_detail), name="organisation"),
]
