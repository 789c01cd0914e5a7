-- What each alert rule knows of each unit it watches (issue 14): one row per rule × unit, written by
-- the unit's alerts grain (the unit's single writer) before it sends a notice, and read back when the
-- grain activates on any node, so an alert fires once and clears once across restarts.
-- firing/since: whether the condition holds (for dossier rules: any dossier) and since when, for the
-- API's list; state: the whole state as JSON (bands, dossiers, notices not yet delivered).
-- Readers keep the highest version per (unit_code, rule_id). A deleted rule's rows are deleted with it.
CREATE TABLE IF NOT EXISTS alert_states
(
    unit_code   LowCardinality(String),
    rule_id     String,
    firing      Bool,
    since       Nullable(DateTime64(3, 'UTC')),
    state       String,
    changed_at  DateTime64(3, 'UTC'),
    version     UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (unit_code, rule_id)
