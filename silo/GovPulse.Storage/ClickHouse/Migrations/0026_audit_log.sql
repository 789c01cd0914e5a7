-- The audit log (issue 15): one row per use of an audited endpoint (exports, explained numbers,
-- sign-in and sign-out, every admin endpoint), written by the node before the answer is given and
-- never changed or deleted by the API. Ordered by time, as it is read (newest first, by a time
-- range); a month per partition, so the retention TTL drops old months whole. The TTL here is the
-- default retention (1825 days); each node sets GovPulse:Audit:RetentionDays on it at start-up.
CREATE TABLE IF NOT EXISTS audit_log
(
    at       DateTime64(3, 'UTC'),
    `user`   String,
    role     LowCardinality(String),
    action   LowCardinality(String),
    request  String,
    address  String,
    status   UInt16,
    bytes    UInt64,
    sha256   String
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(at)
ORDER BY at
TTL toDateTime(at) + toIntervalDay(1825)
