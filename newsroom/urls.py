from django.contrib import admin
from django.urls import include, path

from newsroom.views import healthz, trivial_page

admin.site.site_header = "科技日报 编辑部"
admin.site.site_title = "编辑部"
admin.site.index_title = "稿件管理"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("healthz/page", trivial_page, name="trivial-page"),
    path("", include("entities.urls")),
    path("", include("articles.urls")),
    path("", include("search.urls")),
]

handler400 = "articles.errors.bad_request"
handler404 = "articles.errors.page_not_found"
handler500 = "articles.errors.server_error"
