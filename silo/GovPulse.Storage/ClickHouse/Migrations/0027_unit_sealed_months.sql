-- A unit's sealed months (issue 16): each an immutable tally of one receipt month whose dossiers
-- have left memory, written once. sha256: of the uncompressed state; a month reopened by a late
-- event and sealed again is a new row (another sha256), and a reader takes the row its live
-- segment names (unit_log_snapshots.sealed_months). state: zstd-compressed, base64, as snapshots.
-- ReplacingMergeTree on the key: the same month saved twice (a retried save) merges into one row.
CREATE TABLE IF NOT EXISTS unit_sealed_months
(
    unit_code       LowCardinality(String),
    month           Date,
    sha256          String,
    dossiers        UInt32,
    petitions       UInt32,
    saved_at        DateTime64(3, 'UTC'),
    state           String CODEC(NONE)
)
ENGINE = ReplacingMergeTree
ORDER BY (unit_code, month, sha256)
