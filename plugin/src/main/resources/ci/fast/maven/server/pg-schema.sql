-- What the PostgreSQL store (PgStore) adds to schema.sql, for several server processes on one database. One statement
-- per paragraph; a paragraph may span lines.

ALTER TABLE runs ADD COLUMN IF NOT EXISTS version BIGINT NOT NULL DEFAULT 0

ALTER TABLE runs ADD COLUMN IF NOT EXISTS next_position BIGINT NOT NULL DEFAULT 0

-- Where and when each class ran (its node, its start and end in milliseconds since the epoch), for the dashboard of
-- every replica: columns schema.sql has that a database made by an earlier version lacks.
ALTER TABLE results ADD COLUMN IF NOT EXISTS node BIGINT

ALTER TABLE results ADD COLUMN IF NOT EXISTS started_at BIGINT

ALTER TABLE results ADD COLUMN IF NOT EXISTS ended_at BIGINT

-- A class's place in the queue, set by the enq (QueueRows): a database made by an earlier version lacks it.
ALTER TABLE run_classes ADD COLUMN IF NOT EXISTS queue_position BIGINT

-- Each server process's last sign of life, in milliseconds since the epoch: a process whose lease lapsed is dead, and
-- its nodes away since then.
CREATE TABLE IF NOT EXISTS replicas (
  id TEXT PRIMARY KEY,
  seen_at BIGINT NOT NULL)

-- Each node of a run: the process it is connected to, and since when it is away (0 while connected).
CREATE TABLE IF NOT EXISTS nodes (
  topic TEXT NOT NULL,
  node BIGINT NOT NULL,
  replica TEXT NOT NULL,
  away_since BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (topic, node))

CREATE SEQUENCE IF NOT EXISTS share_position
