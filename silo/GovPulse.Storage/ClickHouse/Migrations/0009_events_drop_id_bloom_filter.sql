-- The duplicate check now asks event_ids. For a batch of thousands of ids the bloom filter let
-- nearly every granule through anyway, and it cost every insert and merge.
ALTER TABLE events DROP INDEX IF EXISTS idx_event_id
