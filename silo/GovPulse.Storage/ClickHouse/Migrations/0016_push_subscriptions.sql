-- Web Push subscriptions (issue #14): one row per change of a subscription; readers take the
-- highest version per id (LIMIT 1 BY) and skip it when `deleted`, until merges keep only that row.
-- id is derived from the endpoint, so the same browser subscribing again replaces its row (even for
-- another person signing in on it). sealed_keys holds the endpoint and the browser's p256dh and
-- auth keys, sealed with Data Protection (the key ring in data_protection_keys): the database alone
-- cannot push to anyone. endpoint_origin (e.g. https://fcm.googleapis.com) is shown to the owner.
-- version: the changing node's clock in Unix microseconds, above the version it replaces.
CREATE TABLE IF NOT EXISTS push_subscriptions
(
    id               String,
    username         String,
    endpoint_origin  String,
    sealed_keys      String,
    expiration_time  Nullable(DateTime64(3, 'UTC')),
    schedule         LowCardinality(String),
    quiet_from       String,
    quiet_to         String,
    language         LowCardinality(String),
    created_at       DateTime64(3, 'UTC'),
    version          UInt64,
    deleted          Bool
)
ENGINE = ReplacingMergeTree(version)
ORDER BY id
