from django.conf import settings
from django.contrib.sitemaps.views import sitemap
from django.urls import path

from articles import views
from articles.feeds import LatestArticlesFeed
from articles.sitemaps import SITEMAPS
from newsroom.caching import public_page

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("issues/", views.issue_list, name="issue_list"),
    path("issues/<str:date>/", views.issue_detail, name="issue"),
    path("issues/<str:date>/<int:number>/", views.page_detail, name="page"),
    path(
        "issues/<str:date>/<int:number>/files/<str:filename>",
        views.printed_file,
        name="printed_file",
    ),
    path("articles/<int:pk>/", views.article_detail, name="article"),
    path(f"{settings.MEDIA_URL.strip('/')}/<path:name>", views.caption_image, name="caption_image"),
    path("contributors/<int:pk>/", views.contributor_detail, name="contributor"),
    path("tags/<str:slug>/", views.tag_detail, name="tag"),
    path("feed/", public_page(LatestArticlesFeed()), name="feed"),
    path("subscribe/", views.subscribe, name="subscribe"),
    path(
        "sitemap.xml",
        public_page(sitemap, query=("p",)),
        {"sitemaps": SITEMAPS},
        name="sitemap",
    ),
    path("robots.txt", views.robots_txt, name="robots"),
]
