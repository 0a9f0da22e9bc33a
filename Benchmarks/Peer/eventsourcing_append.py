"""The peer zorgledger's ingest is measured against: the Python `eventsourcing` library (9.5) appending
the same message files as opaque events with its SQLite recorder, 1,000 per insert, the batch size of
zorgledger's ingest. It parses, compresses, chains and projects nothing.

Usage: eventsourcing_append.py FOLDER DATABASE
Prints one line of JSON: messages, seconds (reading the files included), database bytes.
"""
import json
import os
import sys
import time
import uuid

from eventsourcing.persistence import StoredEvent
from eventsourcing.sqlite import SQLiteApplicationRecorder, SQLiteDatastore

BATCH = 1_000


def main(folder: str, database: str) -> None:
    names = sorted(os.listdir(folder))
    start = time.perf_counter()
    recorder = SQLiteApplicationRecorder(SQLiteDatastore(db_name=database))
    recorder.create_table()
    for first in range(0, len(names), BATCH):
        events = []
        for name in names[first:first + BATCH]:
            with open(os.path.join(folder, name), "rb") as file:
                events.append(StoredEvent(
                    originator_id=uuid.uuid4(), originator_version=1, topic="bericht", state=file.read()))
        recorder.insert_events(events)
    seconds = time.perf_counter() - start
    size = sum(os.path.getsize(database + suffix) for suffix in ("", "-wal") if os.path.exists(database + suffix))
    print(json.dumps({"messages": len(names), "seconds": seconds, "bytes": size}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
