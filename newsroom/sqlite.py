"""SQLite's write-ahead log, switched on safely when several processes open a database at once.

Readers never wait for a writer in WAL mode, and the mode is stored in the database file. The
switch itself needs the file to itself: two processes opening a database still in
rollback-journal mode at the same moment (workers starting on a restored copy, an import beside
the server) deadlock on it, and SQLite fails one of them at once with "database is locked",
without waiting out the busy timeout. So the switch is not an `init_command`: a connection
looks at the mode first, and the loser of that race looks again, finding the winner's WAL.
"""

import sqlite3
import time

FIRST_PAUSE = 0.01
LONGEST_PAUSE = 0.2


def use_write_ahead_log(sender, connection, **kwargs) -> None:
    """`connection_created` receiver: put a file database in WAL mode unless it already is."""
    if connection.vendor != "sqlite" or connection.is_in_memory_db():
        return
    raw = connection.connection
    deadline = time.monotonic() + float(connection.settings_dict["OPTIONS"].get("timeout", 5))
    pause = FIRST_PAUSE
    while True:
        try:
            if raw.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                raw.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() + pause > deadline:
                raise
            time.sleep(pause)
            pause = min(2 * pause, LONGEST_PAUSE)
