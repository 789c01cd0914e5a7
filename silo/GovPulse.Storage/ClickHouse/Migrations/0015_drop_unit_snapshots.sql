-- Snapshots that claimed a clock time cannot be checked against the log; units replay once and
-- save position snapshots into unit_log_snapshots.
DROP TABLE IF EXISTS unit_snapshots
