from django.urls import path

from newsroom.caching import cache_public_page as cached
from search.views import search_view

app_name = "search"

urlpatterns = [path("search/", cached(search_view), name="search")]
