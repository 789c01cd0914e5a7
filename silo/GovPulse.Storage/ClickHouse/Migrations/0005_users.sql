-- People who sign in to the dashboard (issue #6, part 5). One row per change of a user; readers
-- take the highest version per username (FINAL or LIMIT 1 BY) until the merge keeps only that row.
-- password_hash: ASP.NET Core Identity's PasswordHasher format (PBKDF2-HMAC-SHA512 with a random
-- salt, iteration count inside the hash), never the password.
-- role: leader | departmentHead | auditor | admin; unit_code: the unit of a departmentHead, else NULL.
-- version: the changing node's clock in Unix milliseconds, but always above the version it replaces
-- (max(previous + 1, now)), so a node whose clock is behind cannot put a change before the one it
-- read, and two nodes' changes of one user are ordered by their time.
-- Failed sign-ins and locks are not kept here: they live in a grain keyed by the username.
CREATE TABLE IF NOT EXISTS users
(
    username       String,
    display_name   String,
    role           String,
    unit_code      Nullable(String),
    password_hash  String,
    disabled       Bool,
    created_at     DateTime64(3, 'UTC'),
    changed_at     DateTime64(3, 'UTC'),
    version        UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY username
