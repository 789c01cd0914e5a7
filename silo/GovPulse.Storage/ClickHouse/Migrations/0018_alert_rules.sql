-- Alert rules people set (issue 14, GET/POST/DELETE /api/v1/alerts). A change is a new row with a
-- higher version (deleting writes the rule again with deleted = true); readers keep the highest
-- version per id (FINAL) until the merge keeps only that row.
-- kind: bandDrop | onTimeBelow | overdueAbove | dossierOverdue; unit_code NULL = every commune
-- (figure kinds); threshold: percent (onTimeBelow) or a count (overdueAbove), else NULL.
CREATE TABLE IF NOT EXISTS alert_rules
(
    id          String,
    owner       String,
    kind        LowCardinality(String),
    unit_code   Nullable(String),
    threshold   Nullable(Decimal(9, 4)),
    created_at  DateTime64(3, 'UTC'),
    deleted     Bool,
    version     UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY id
