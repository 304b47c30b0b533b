"""The full-text index of each database, through the backend interface alone."""

import pytest
from django.db import connection

from search import backends

pytestmark = pytest.mark.django_db


def rows(numbers):
    return [(n, f"标题{n}", f"正文第{n}篇") for n in numbers]


@pytest.fixture
def backend():
    backend = backends.backend(connection)
    backend.clear()
    return backend


def test_the_size_counts_rows_through_inserts_deletes_and_optimising(backend):
    assert backend.size() == 0
    backend.insert(rows(range(1, 101)))
    assert backend.size() == 100
    backend.insert(rows(range(101, 331)))
    assert backend.size() == 330
    backend.delete(rows(range(1, 51)))
    assert backend.size() == 280
    backend.after_bulk()
    assert backend.size() == 280
    backend.clear()
    assert backend.size() == 0
