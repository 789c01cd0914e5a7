-- Unit snapshots by log position (they replace unit_snapshots, which claimed a clock time).
-- position: the last log position the ledger holds; events: how many distinct event ids the log
-- holds at or below it, as the writer checked when it saved. A reader trusts a snapshot only when
-- the log still holds exactly that many there (a duplicate activation's events would change it).
-- state: the ledger's facts, zstd-compressed, base64. ReplacingMergeTree(position): merges keep
-- each unit's highest position; readers take the highest until then.
CREATE TABLE IF NOT EXISTS unit_log_snapshots
(
    unit_code       LowCardinality(String),
    format          UInt16,
    position        UInt64,
    events          UInt64,
    taken_at        DateTime64(3, 'UTC'),
    dossiers        UInt32,
    petitions       UInt32,
    state           String CODEC(NONE)
)
ENGINE = ReplacingMergeTree(position)
ORDER BY (unit_code, format)
