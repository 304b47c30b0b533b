"""SQLite as a production default: readers never wait for a writer, writers take turns."""

import sqlite3
import threading
import time

import pytest
from django.db import connection, connections, transaction

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite's journal and locking settings"
)


@pytest.fixture
def file_db(tmp_path, django_db_blocker):
    """A second alias onto a database file, configured exactly as `default` is."""
    alias = "sqlite_file"
    django_db_blocker.unblock()
    connections.settings[alias] = {
        **connections.settings["default"],
        "NAME": str(tmp_path / "newsroom.sqlite3"),
        "TEST": {"NAME": str(tmp_path / "newsroom.sqlite3")},
    }
    with connections[alias].cursor() as cursor:
        cursor.execute("CREATE TABLE story (id INTEGER PRIMARY KEY, title TEXT)")
        cursor.execute("INSERT INTO story (title) VALUES ('已发布')")
    yield alias
    connections[alias].close()
    del connections[alias]
    del connections.settings[alias]
    django_db_blocker.restore()


def test_connections_use_wal_a_busy_timeout_and_immediate_transactions(file_db):
    with connections[file_db].cursor() as cursor:
        assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert cursor.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        assert cursor.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert connections[file_db].transaction_mode == "IMMEDIATE"


def test_connections_opening_a_rollback_journal_database_at_once_all_succeed_and_leave_wal(
    tmp_path, django_db_blocker
):
    """A restored copy is in rollback-journal mode; whoever opens it first switches it to WAL.
    Several at once race for that switch, and SQLite fails the losers without waiting."""
    alias, openers, rounds = "sqlite_copy", 4, 20
    django_db_blocker.unblock()
    try:
        for n in range(rounds):
            path = tmp_path / f"copy-{n}.sqlite3"
            with sqlite3.connect(path) as copy:
                copy.execute("CREATE TABLE story (id INTEGER PRIMARY KEY)")
            connections.settings[alias] = {
                **connections.settings["default"],
                "NAME": str(path),
                "TEST": {"NAME": str(path)},
            }
            together, errors = threading.Barrier(openers), []

            def open_it(together=together):
                together.wait()
                with connections[alias].cursor() as cursor:
                    cursor.execute("SELECT count(*) FROM story")

            threads = [_in_thread(open_it, errors) for _ in range(openers)]
            for thread in threads:
                thread.join()
            assert errors == [], f"round {n}"
            with sqlite3.connect(path) as copy:
                assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        connections.settings.pop(alias, None)
        django_db_blocker.restore()


def _in_thread(target, errors):
    def run():
        try:
            target()
        except Exception as exc:  # noqa: BLE001 - reported to the test's thread
            errors.append(exc)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_readers_and_a_second_writer_succeed_while_an_import_holds_a_transaction(file_db):
    holding, errors, waited = threading.Event(), [], []

    def importer():
        with transaction.atomic(using=file_db), connections[file_db].cursor() as cursor:
            cursor.execute("INSERT INTO story (title) VALUES ('导入中')")
            holding.set()
            time.sleep(1.0)

    def editor():
        # Reads, then writes in one transaction: with SQLite's default DEFERRED mode this
        # fails with "database is locked" once the importer commits; IMMEDIATE waits instead.
        started = time.monotonic()
        with transaction.atomic(using=file_db), connections[file_db].cursor() as cursor:
            cursor.execute("SELECT count(*) FROM story")
            cursor.execute("INSERT INTO story (title) VALUES ('编辑改稿')")
        waited.append(time.monotonic() - started)

    writer = _in_thread(importer, errors)
    assert holding.wait(5)
    second_writer = _in_thread(editor, errors)

    started = time.monotonic()
    reads = []
    while writer.is_alive():
        with connections[file_db].cursor() as cursor:
            reads.append(cursor.execute("SELECT count(*) FROM story").fetchone()[0])
        time.sleep(0.05)
    writer.join()
    second_writer.join()

    assert errors == []
    assert reads and set(reads) <= {1, 2}  # readers saw the last committed state, never an error
    assert reads[0] == 1 and time.monotonic() - started >= 0.5
    assert waited and waited[0] >= 0.5  # the second writer queued behind the first
    with connections[file_db].cursor() as cursor:
        assert cursor.execute("SELECT count(*) FROM story").fetchone()[0] == 3
