-- The store of fast-ci:serve (SqlStore). Plain SQL that SQLite and PostgreSQL both take: TEXT, BIGINT, DOUBLE
-- PRECISION, composite primary keys; the writes use INSERT ... ON CONFLICT, which both spell alike. One statement per
-- paragraph; a paragraph may span lines.

CREATE TABLE IF NOT EXISTS fast_ci_meta (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL)

CREATE TABLE IF NOT EXISTS runs (
  topic TEXT PRIMARY KEY,
  run_key TEXT NOT NULL,
  next_node BIGINT NOT NULL DEFAULT 0,
  enqueued BIGINT NOT NULL DEFAULT 0,
  enqueued_at BIGINT NOT NULL DEFAULT 0,
  duplicates BIGINT NOT NULL DEFAULT 0)

CREATE TABLE IF NOT EXISTS run_classes (
  topic TEXT NOT NULL,
  class_name TEXT NOT NULL,
  position BIGINT NOT NULL,
  estimate DOUBLE PRECISION NOT NULL,
  queue_position BIGINT,
  PRIMARY KEY (topic, class_name))

-- A class's place in the queue once a node gave it back: it overrides its run_classes row's (QueueRows).
CREATE TABLE IF NOT EXISTS queued (
  topic TEXT NOT NULL,
  class_name TEXT NOT NULL,
  position BIGINT NOT NULL,
  PRIMARY KEY (topic, class_name))

CREATE TABLE IF NOT EXISTS tokens (
  topic TEXT NOT NULL,
  token TEXT NOT NULL,
  node BIGINT NOT NULL,
  PRIMARY KEY (topic, token))

-- What each node held, a row a class: written by earlier versions alone, read back and deleted (QueueRows).
CREATE TABLE IF NOT EXISTS held (
  topic TEXT NOT NULL,
  node BIGINT NOT NULL,
  class_name TEXT NOT NULL,
  position BIGINT NOT NULL,
  PRIMARY KEY (topic, node, class_name))

-- Each batch handed out that a node still holds a class of without a result: its classes as one JSON array.
CREATE TABLE IF NOT EXISTS batches (
  topic TEXT NOT NULL,
  node BIGINT NOT NULL,
  position BIGINT NOT NULL,
  classes TEXT NOT NULL,
  PRIMARY KEY (topic, position))

CREATE TABLE IF NOT EXISTS results (
  topic TEXT NOT NULL,
  class_name TEXT NOT NULL,
  status TEXT NOT NULL,
  seconds DOUBLE PRECISION NOT NULL,
  lost BIGINT NOT NULL,
  tests TEXT NOT NULL,
  position BIGINT NOT NULL,
  context TEXT,
  node BIGINT,
  started_at BIGINT,
  ended_at BIGINT,
  PRIMARY KEY (topic, class_name))

CREATE TABLE IF NOT EXISTS reports (
  topic TEXT NOT NULL,
  class_name TEXT NOT NULL,
  file TEXT NOT NULL,
  xml TEXT NOT NULL,
  position BIGINT NOT NULL,
  PRIMARY KEY (topic, class_name, file))

CREATE TABLE IF NOT EXISTS losses (
  topic TEXT NOT NULL,
  class_name TEXT NOT NULL,
  count BIGINT NOT NULL,
  PRIMARY KEY (topic, class_name))

CREATE TABLE IF NOT EXISTS lost_twice (
  topic TEXT NOT NULL,
  class_name TEXT NOT NULL,
  position BIGINT NOT NULL,
  PRIMARY KEY (topic, class_name))

CREATE TABLE IF NOT EXISTS share_builds (
  lineage TEXT PRIMARY KEY,
  used BIGINT NOT NULL)

CREATE TABLE IF NOT EXISTS share_attempts (
  lineage TEXT NOT NULL,
  node TEXT NOT NULL,
  attempt TEXT NOT NULL,
  position BIGINT NOT NULL,
  PRIMARY KEY (lineage, node, attempt))

CREATE TABLE IF NOT EXISTS share_classes (
  lineage TEXT NOT NULL,
  node TEXT NOT NULL,
  attempt TEXT NOT NULL,
  class_name TEXT NOT NULL,
  position BIGINT NOT NULL,
  PRIMARY KEY (lineage, node, attempt, class_name))

CREATE TABLE IF NOT EXISTS share_failed (
  lineage TEXT NOT NULL,
  node TEXT NOT NULL,
  attempt TEXT NOT NULL,
  class_name TEXT NOT NULL,
  position BIGINT NOT NULL,
  PRIMARY KEY (lineage, node, attempt, class_name))

CREATE TABLE IF NOT EXISTS share_machines (
  lineage TEXT NOT NULL,
  node TEXT NOT NULL,
  attempt TEXT NOT NULL,
  machine TEXT NOT NULL,
  PRIMARY KEY (lineage, node, attempt, machine))

CREATE TABLE IF NOT EXISTS timings (
  run_key TEXT NOT NULL,
  class_name TEXT NOT NULL,
  seconds DOUBLE PRECISION,
  failed BIGINT NOT NULL DEFAULT 0,
  context TEXT,
  PRIMARY KEY (run_key, class_name))
