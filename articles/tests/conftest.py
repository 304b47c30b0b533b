"""Logged-in clients for the admin's tests: a reporter (记者) and an editor (编辑)."""

import pytest

from articles.tests.roles import make_editor, make_reporter


@pytest.fixture
def reporter_client(client):
    client.force_login(make_reporter())
    return client


@pytest.fixture
def editor():
    return make_editor()


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
