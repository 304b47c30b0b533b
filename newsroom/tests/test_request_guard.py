"""A NUL character anywhere in a request answers 400, never 500, on SQLite and PostgreSQL."""

from urllib.parse import urlencode

import pytest

from articles.tests.roles import make_editor
from conftest import make_article
from entities.models import Organisation

pytestmark = pytest.mark.django_db

PUBLIC = [
    "/search/?q=a%00b",
    "/search/?q=%E8%8A%AF%E7%89%87&page=%00",
    "/tags/a%00b/",
    "/issues/2025-08-05%00/",
    "/?x%00=1",
    "/feed/?q=%00",
]
ADMIN = [
    "/admin/articles/article/?tag=%00",
    "/admin/articles/article/?organisation=a%00",
    "/admin/articles/article/?status=%00",
    "/admin/articles/article/?q=%00",
    "/admin/entities/organisation/?q=a%00",
    "/admin/autocomplete/?term=%00&app_label=articles&model_name=article&field_name=page",
    "/admin/articles/article/1%00/change/",
]


@pytest.mark.parametrize("url", PUBLIC)
def test_a_reader_request_with_a_nul_is_refused(client, url):
    make_article("芯片", tags=["芯片"])
    response = client.get(url)
    assert response.status_code == 400
    assert "地址或参数中有无效的字符" in response.content.decode()


@pytest.mark.parametrize("url", ADMIN)
def test_an_admin_request_with_a_nul_is_refused(client, url):
    make_article("芯片", tags=["芯片"])
    client.force_login(make_editor())
    assert client.get(url).status_code == 400


def test_a_form_posted_with_a_nul_is_refused_and_writes_nothing(client):
    client.force_login(make_editor())
    url = "/admin/entities/organisation/add/"
    data = {"name": "之江\x00实验室", "kind": "research"}
    form_encoded = "application/x-www-form-urlencoded"
    assert client.post(url, urlencode(data), content_type=form_encoded).status_code == 400
    assert "空字符" in client.post(url, data).content.decode()  # multipart: the form refuses it
    assert not Organisation.objects.exists()


def test_ordinary_requests_pass(client):
    make_article("芯片", tags=["芯片"])
    assert client.get("/search/?q=芯片").status_code == 200
    assert client.get("/tags/芯片/").status_code == 200
