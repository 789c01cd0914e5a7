-- Ingest API keys (issue #5): who may send events for which units, at what rate. The key itself is
-- never stored: key_sha256 is the hex SHA-256 of the presented key, which is high-entropy random
-- ("gp_" + 48 hex digits), so a plain hash is enough and lets a node check a key in constant time.
-- units: the unit codes the key may send; empty = every unit. A key is created once and revoked
-- once: version 1 = created, 2 = revoked (a counter, not a clock, so nodes' clocks cannot reorder
-- a revocation before its creation). Readers take the highest version per key_id (FINAL or
-- LIMIT 1 BY) until the merge keeps only that row.
CREATE TABLE IF NOT EXISTS api_keys
(
    key_id           String,
    name             String,
    key_sha256       String,
    units            Array(String),
    rate_per_minute  UInt32,
    created_at       DateTime64(3, 'UTC'),
    revoked_at       Nullable(DateTime64(3, 'UTC')),
    version          UInt8
)
ENGINE = ReplacingMergeTree(version)
ORDER BY key_id
