-- Issue 14: what the hourly summaries, digests, daily summaries and morning lists have delivered
-- (one key per subscription and hour, span or day), so a retried or second run of an hour (another
-- node, a new activation) sends nothing twice. Marks are only needed for a few days: they expire 30 days after they
-- were written (by the engine's clock, whatever the node's clock said).
CREATE TABLE IF NOT EXISTS delivery_marks
(
    key     String,
    done_at   DateTime64(3, 'UTC'),
    stored_at DateTime DEFAULT now()
)
ENGINE = ReplacingMergeTree(done_at)
ORDER BY key
TTL stored_at + INTERVAL 30 DAY
