-- Issue 14: notices held inside a push subscription's quiet hours until its catch-up digest lists
-- them; a newer row of the same notice with cleared = 1 clears it. Shared by every node.
CREATE TABLE IF NOT EXISTS held_notices
(
    subscription_id String,
    notice_id       String,
    username        String,
    kind            LowCardinality(String),
    title_vi        String,
    title_en        String,
    created_at      DateTime64(3, 'UTC'),
    held_at         DateTime64(3, 'UTC'),
    cleared         UInt8,
    version         UInt64,
    stored_at       DateTime DEFAULT now()
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (subscription_id, notice_id)
TTL stored_at + INTERVAL 30 DAY
