-- Periodic snapshots of each unit's ledger, so a unit grain rebuilds from its latest snapshot plus
-- the events ingested after the position it covers, instead of from every event it ever had.
-- state: the ledger's facts (UnitLedger.WriteSnapshot), zstd-compressed, base64 (the driver reads
-- String columns as text). A snapshot holds facts only, never judgements, so rule and calendar
-- changes need no new snapshots; a change of format (format column) makes older ones unused.
CREATE TABLE IF NOT EXISTS unit_snapshots
(
    unit_code       LowCardinality(String),
    format          UInt16,
    covers_until    DateTime64(3, 'UTC'),
    taken_at        DateTime64(3, 'UTC'),
    dossiers        UInt32,
    petitions       UInt32,
    state           String CODEC(NONE)
)
ENGINE = ReplacingMergeTree(covers_until)
ORDER BY unit_code
