-- An hour is stored once whoever writes it. Every insert of an hour carries the deduplication
-- token of that hour (IndicatorHistoryStore.StoreAsync): the engine keeps the tokens of the last
-- 1,000 inserts into the table (about six weeks of hours) and drops a later insert with a token it
-- has, atomically, whatever that insert's rows hold. So two racing writers leave one block, and
-- every read sees one row per unit and hour before any merge. publication_id names the writer
-- whose insert created the hour: only that one sends the hour's message. Rows stored before this
-- migration have the nil id.
ALTER TABLE indicator_snapshots
    ADD COLUMN IF NOT EXISTS publication_id UUID,
    MODIFY SETTING non_replicated_deduplication_window = 1000
