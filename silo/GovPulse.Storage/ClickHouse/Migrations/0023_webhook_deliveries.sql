-- The webhook outbox and its dead letters (issue #14): one row per webhook × notice, written before
-- IWebhookOutbox.EnqueueAsync returns, then changed only by that webhook's delivery grain (one
-- activation in the cluster) as it tries, delivers or gives up. Readers take the highest version per
-- (webhook_id, notice_id). Enqueuing the same notice again finds the row and adds nothing; two nodes
-- enqueuing it at once add the same row (same key, version 0), which the merge folds into one.
-- status: pending | delivered | dead. body: the exact JSON that is POSTed (signed at each attempt).
-- due_from: when the current round of attempts began (enqueued, or replayed from the dead letters):
-- a delivery still failing MaxAge after it goes to the dead letters.
CREATE TABLE IF NOT EXISTS webhook_deliveries
(
    webhook_id    String,
    notice_id     String,
    delivery_id   String,
    kind          LowCardinality(String),
    body          String,
    status        LowCardinality(String),
    attempts      UInt32,
    last_error    String,
    enqueued_at   DateTime64(3, 'UTC'),
    due_from      DateTime64(3, 'UTC'),
    changed_at    DateTime64(3, 'UTC'),
    version       UInt32
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (webhook_id, notice_id)
