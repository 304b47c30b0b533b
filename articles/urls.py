from django.contrib.sitemaps.views import sitemap
from django.urls import path

from articles import views
from articles.feeds import LatestArticlesFeed
from articles.sitemaps import SITEMAPS
from newsroom.caching import cache_public_page as cached

app_name = "articles"

urlpatterns = [
    path("", cached(views.home), name="home"),
    path("issues/", cached(views.issue_list), name="issue_list"),
    path("issues/<str:date>/", cached(views.issue_detail), name="issue"),
    path("issues/<str:date>/<int:number>/", cached(views.page_detail), name="page"),
    path("articles/<int:pk>/", cached(views.article_detail), name="article"),
    path("contributors/<int:pk>/", cached(views.contributor_detail), name="contributor"),
    path("tags/<str:slug>/", cached(views.tag_detail), name="tag"),
    path("feed/", cached(views.public(LatestArticlesFeed())), name="feed"),
    path("subscribe/", cached(views.subscribe), name="subscribe"),
    path(
        "sitemap.xml",
        cached(views.public(sitemap)),
        {"sitemaps": SITEMAPS},
        name="sitemap",
    ),
    path("robots.txt", views.robots_txt, name="robots"),
]
