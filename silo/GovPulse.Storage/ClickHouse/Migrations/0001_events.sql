-- Every accepted event, as received. The log the grains rebuild from.
-- ReplacingMergeTree: a re-delivered event (same id, same content, so the same sorting key)
-- collapses on merge; readers use FINAL or dedupe by event_id until then.
CREATE TABLE IF NOT EXISTS events
(
    event_id     String,
    unit_code    LowCardinality(String),
    type         LowCardinality(String),
    subject_id   String,
    occurred_at  DateTime64(3, 'Asia/Ho_Chi_Minh'),
    ingested_at  DateTime64(3, 'UTC'),
    payload      String,
    INDEX idx_event_id event_id TYPE bloom_filter(0.001) GRANULARITY 1
)
ENGINE = ReplacingMergeTree(ingested_at)
PARTITION BY toYYYYMM(occurred_at)
ORDER BY (unit_code, occurred_at, event_id)
