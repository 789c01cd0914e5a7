-- Webhooks an admin registered (issue #14): where GovPulse POSTs its notices, signed. One row per
-- change of a webhook; readers take the highest version per webhook_id (LIMIT 1 BY) until the merge
-- keeps only that row. version counts the webhook's changes (created 1, then +1 each), so a node's
-- clock cannot reorder them.
-- kinds: the notice kinds it takes (wire names, e.g. hourly, alertStarted); empty = every kind.
-- secret: the signing secret encrypted with ASP.NET Core Data Protection (the key ring shared
-- through ClickHouse), never the secret itself.
-- disabled_reason: set when the receiver answered 410 Gone (no more deliveries); removed: deleted by an admin.
CREATE TABLE IF NOT EXISTS webhooks
(
    webhook_id       String,
    url              String,
    kinds            Array(String),
    description      String,
    secret           String,
    created_at       DateTime64(3, 'UTC'),
    disabled_reason  Nullable(String),
    removed          Bool,
    changed_at       DateTime64(3, 'UTC'),
    version          UInt32
)
ENGINE = ReplacingMergeTree(version)
ORDER BY webhook_id
