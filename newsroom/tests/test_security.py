"""Login throttling (django-axes) and the Content-Security-Policy of every page."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User

from articles.tests.roles import make_editor
from conftest import make_article

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"


@pytest.fixture
def editor():
    user = make_editor()
    user.set_password("the-right-password")
    user.save()
    return user


def log_in(client, username, password, address="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_the_right_password_after_too_many_wrong_ones_is_refused(client, settings, editor):
    answers = [
        log_in(client, editor.username, "guess").status_code
        for _ in range(2 * settings.AXES_FAILURE_LIMIT)
    ]
    limit = settings.AXES_FAILURE_LIMIT
    assert answers[: limit - 1] == [200] * (limit - 1) and set(answers[limit - 1 :]) == {429}
    response = log_in(client, editor.username, "the-right-password")
    assert response.status_code == 429
    assert "登录尝试次数过多" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_locked_user_name_is_refused_from_another_address_too(client, settings, editor):
    for n in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, editor.username, "guess", address=f"198.51.100.{n}")
    assert log_in(client, editor.username, "the-right-password").status_code == 429


def test_an_address_trying_many_names_is_locked_for_every_name(client, settings, editor):
    for n in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, f"someone{n}", "guess")
    assert log_in(client, editor.username, "the-right-password").status_code == 429
    other_address = log_in(client, editor.username, "the-right-password", address="192.0.2.1")
    assert other_address.status_code == 302


def test_a_successful_login_resets_the_count(client, settings, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, editor.username, "guess")
    assert log_in(client, editor.username, "the-right-password").status_code == 302
    client.logout()
    log_in(client, editor.username, "guess")
    assert log_in(client, editor.username, "the-right-password").status_code == 302


def test_attempts_are_listed_in_the_admin_for_a_superuser(client, editor):
    log_in(client, editor.username, "guess")
    assert AccessAttempt.objects.get().username == editor.username
    client.force_login(User.objects.create_superuser("chief", password="pw-for-tests-4e2"))
    page = client.get("/admin/axes/accessattempt/")
    assert page.status_code == 200 and editor.username in page.content.decode()


def directives(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in header.split(";") if part.strip())


def test_reader_pages_allow_nothing_inline_even_from_the_cache(client):
    article = make_article("有安全策略的稿件")
    for _ in range(2):  # a miss, then a hit from the page cache
        policy = directives(client.get(article.get_absolute_url()))
        assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'"
        assert policy["default-src"] == "'self'" and policy["frame-ancestors"] == "'none'"
        assert policy["object-src"] == "'none'" and policy["form-action"] == "'self'"
    assert "unsafe" not in client.get("/search/?q=安全")["Content-Security-Policy"]
    assert "unsafe" not in client.get("/no-such-page/")["Content-Security-Policy"]


def test_admin_pages_allow_inline_styles_but_never_inline_scripts(client):
    client.force_login(make_editor())
    policy = directives(client.get("/admin/articles/article/"))
    assert policy["style-src"] == "'self' 'unsafe-inline'"
    assert policy["script-src"] == "'self'"
    assert directives(client.get(LOGIN))["script-src"] == "'self'"
