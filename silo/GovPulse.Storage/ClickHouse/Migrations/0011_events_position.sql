-- Each event's position in its unit's log, assigned by the unit grain (the unit's single writer):
-- 1, 2, 3… per unit. A unit rebuilds from a snapshot at a position plus the events after it, so
-- no clock decides what a snapshot holds. Events stored before positions existed are at 0, before
-- every numbered one. The sorting key keeps event_id, so two events a duplicate activation numbered
-- alike are both kept.
ALTER TABLE events ADD COLUMN IF NOT EXISTS position UInt64 DEFAULT 0
