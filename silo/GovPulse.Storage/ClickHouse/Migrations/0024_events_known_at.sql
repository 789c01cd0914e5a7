-- Figures as known at an instant (issue 15): the unit's position at T is the largest position stored
-- (ingested_at) by T, and the period's subjects' other events are looked up by subject_id. A minmax
-- index on ingested_at and a bloom filter on subject_id let both skip granules; parts written before
-- this migration gain them when they merge (nothing is rewritten at start-up).
ALTER TABLE events
    ADD INDEX IF NOT EXISTS idx_ingested_at ingested_at TYPE minmax GRANULARITY 1,
    ADD INDEX IF NOT EXISTS idx_subject_id subject_id TYPE bloom_filter(0.01) GRANULARITY 1
