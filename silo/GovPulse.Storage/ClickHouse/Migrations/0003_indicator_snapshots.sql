-- Every unit's scorecard at the top of every hour, written in one batch per hour by the hourly
-- publisher (the city "79" is the pooled city scorecard). The history API and past-period rankings
-- read it.
-- One INSERT of an hour's 186 rows is one block in one partition, so it lands whole or not at all:
-- rows for an hour mean that hour is published. ReplacingMergeTree keyed by (unit_code, hour): an
-- hour written twice (a retry racing a dead node's write) collapses on merge, keeping the latest
-- published_at; readers use FINAL or LIMIT 1 BY until then.
CREATE TABLE IF NOT EXISTS indicator_snapshots
(
    hour                 DateTime('Asia/Ho_Chi_Minh'),
    unit_code            LowCardinality(String),
    period               LowCardinality(String),
    total                Decimal(5, 2),
    band                 LowCardinality(String),
    publicity            Decimal(5, 2),
    progress             Decimal(5, 2),
    online               Decimal(5, 2),
    payment              Decimal(5, 2),
    digitization         Decimal(5, 2),
    satisfaction         Decimal(5, 2),
    received             UInt64,
    finished             UInt64,
    finished_on_time     UInt64,
    finished_late        UInt64,
    in_progress_on_time  UInt64,
    in_progress_overdue  UInt64,
    apologies            UInt64,
    scorecard            String CODEC(ZSTD(3)),
    published_at         DateTime64(3, 'Asia/Ho_Chi_Minh'),
    late                 Bool
)
ENGINE = ReplacingMergeTree(published_at)
PARTITION BY toYYYYMM(hour)
ORDER BY (unit_code, hour)
