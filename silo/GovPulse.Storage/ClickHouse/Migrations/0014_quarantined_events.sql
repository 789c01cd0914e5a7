-- Stored events a unit's ledger could not apply. They stay in `events` (nothing acknowledged is
-- dropped); the unit skips them when it rebuilds, so one bad event never stops a unit from
-- activating, and admins list them with the reason (GET /api/v1/admin/quarantine).
CREATE TABLE IF NOT EXISTS quarantined_events
(
    unit_code       LowCardinality(String),
    event_id        String,
    position        UInt64,
    reason          String,
    payload         String,
    quarantined_at  DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(quarantined_at)
ORDER BY (unit_code, event_id)
