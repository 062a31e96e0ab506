-- Screening list versions (the list-store port on SQL). An import is one transaction: a version
-- and all its entries appear together or not at all, and `list_active` moves in the same commit.

CREATE TABLE list_versions (
  id text PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  source text NOT NULL,
  format text NOT NULL,
  published_at text,
  published_at_basis text,
  imported_at text NOT NULL,
  origin text NOT NULL,
  sha256 text NOT NULL,
  files jsonb NOT NULL,
  entry_count integer NOT NULL CHECK (entry_count > 0),
  counts_by_list jsonb NOT NULL,
  warnings jsonb NOT NULL
);

CREATE TABLE list_entries (
  version_id text NOT NULL REFERENCES list_versions (id),
  position integer NOT NULL,
  list text NOT NULL,
  source_id text NOT NULL,
  entry jsonb NOT NULL,
  -- SHA-256 of the entry's canonical JSON: re-screening compares it to tell a changed entry.
  fingerprint text NOT NULL,
  PRIMARY KEY (version_id, position)
);
CREATE INDEX list_entries_key ON list_entries (list, source_id);

CREATE TABLE list_active (
  source text PRIMARY KEY,
  version_id text NOT NULL REFERENCES list_versions (id),
  activated_at timestamptz NOT NULL DEFAULT now()
);
