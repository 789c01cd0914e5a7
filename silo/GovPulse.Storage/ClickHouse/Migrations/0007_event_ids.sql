-- Every stored event id, where the duplicate check finds it. `events` is sorted by unit and
-- time, so asking it for 5,000 ids reads its whole event_id column, and a year of history makes
-- every batch slower; a key-value table answers by point lookups whatever its size.
-- Row-by-row writes (not SST bulk loading): batches of a few thousand ids arrive many times a second.
CREATE TABLE IF NOT EXISTS event_ids
(
    event_id    String,
    unit_code   String,
    occurred_at DateTime64(3, 'Asia/Ho_Chi_Minh')
)
ENGINE = EmbeddedRocksDB
PRIMARY KEY event_id
SETTINGS optimize_for_bulk_insert = 0
