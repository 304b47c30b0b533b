from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from articles.publishing import can_publish

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def development_machine(settings, monkeypatch):
    settings.DEBUG = True
    monkeypatch.delenv("DJANGO_EDITOR_PASSWORD", raising=False)


def run(*args):
    out = StringIO()
    call_command("ensure_editor", *args, stdout=out)
    return out.getvalue()


def test_creates_an_editor_who_can_log_in_and_publish_and_says_how():
    output = run("--site-url", "http://127.0.0.1:8123")
    editor = get_user_model().objects.get(username="editor")
    assert editor.is_staff and editor.check_password("newsroom-editor")
    assert editor.groups.filter(name="编辑").exists()
    assert can_publish(editor)
    assert "http://127.0.0.1:8123/admin/" in output and "newsroom-editor" in output


def test_running_again_keeps_the_account_and_a_changed_password():
    run()
    editor = get_user_model().objects.get(username="editor")
    editor.set_password("a-password-the-editor-chose")
    editor.save()
    output = run()
    editor.refresh_from_db()
    assert get_user_model().objects.count() == 1
    assert editor.check_password("a-password-the-editor-chose")
    assert "newsroom-editor" not in output


def test_production_needs_a_password_from_the_environment(settings, monkeypatch):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DJANGO_EDITOR_PASSWORD"):
        run()
    monkeypatch.setenv("DJANGO_EDITOR_PASSWORD", "from-the-environment")
    run()
    assert get_user_model().objects.get().check_password("from-the-environment")


@pytest.mark.parametrize("weak", ["1", "12345678", "password", "editor12"])
def test_a_weak_password_is_refused_with_the_validators_reasons(monkeypatch, weak):
    monkeypatch.setenv("DJANGO_EDITOR_PASSWORD", weak)
    with pytest.raises(CommandError, match="密码不合要求"):
        run()
    assert not get_user_model().objects.exists()
