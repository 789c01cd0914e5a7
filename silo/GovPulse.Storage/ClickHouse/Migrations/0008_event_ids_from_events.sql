-- Events stored before event_ids existed. Writing a key again replaces it, so a rerun is harmless.
INSERT INTO event_ids SELECT event_id, unit_code, occurred_at FROM events
