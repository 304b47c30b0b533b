from django.urls import path

from articles import views

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("issues/", views.issue_list, name="issue_list"),
    path("issues/<str:date>/", views.issue_detail, name="issue"),
    path("issues/<str:date>/<int:number>/", views.page_detail, name="page"),
    path("articles/<int:pk>/", views.article_detail, name="article"),
    path("contributors/<int:pk>/", views.contributor_detail, name="contributor"),
]
