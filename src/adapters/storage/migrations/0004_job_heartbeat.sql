-- A running job's worker touches heartbeat_at at every checkpoint; a job whose heartbeat is older than the
-- lease belongs to a dead worker and is handed to another one (PostgreSQL mode, several workers).
ALTER TABLE jobs ADD COLUMN heartbeat_at timestamptz;
CREATE INDEX jobs_running ON jobs (status, heartbeat_at);
