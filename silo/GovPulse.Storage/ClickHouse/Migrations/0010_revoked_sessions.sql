-- Signed-out sessions (issue #11): a session cookie is a self-contained ticket, so signing out
-- cannot take it back from a copy; every node refuses a ticket whose session id is listed here.
-- A row is added once per sign-out and never changed (two nodes signing out the same session add
-- the same id twice; readers take any). expires_at is when the ticket would have expired anyway
-- (at most the session lifetime after the sign-out): after it nobody needs the row, and the TTL
-- drops it at a merge, so the table holds at most one session lifetime of sign-outs.
CREATE TABLE IF NOT EXISTS revoked_sessions
(
    session_id  String,
    revoked_at  DateTime64(3, 'UTC'),
    expires_at  DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree
ORDER BY session_id
TTL toDateTime(expires_at)
