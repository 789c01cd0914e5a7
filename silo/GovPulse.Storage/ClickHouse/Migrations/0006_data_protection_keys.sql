-- ASP.NET Core Data Protection's key ring (issue #6, part 5): the keys that encrypt sign-in cookies
-- and anti-forgery tokens, shared by every node so a cookie made by one node is read by all, and
-- kept across restarts so a restart does not sign everyone out. Rows are only ever added (a key is
-- XML that holds its own activation, expiry and revocation); friendly_name is the framework's name
-- for the element. The XML holds the key material: whoever can read this table can forge cookies.
CREATE TABLE IF NOT EXISTS data_protection_keys
(
    friendly_name  String,
    xml            String,
    stored_at      DateTime64(3, 'UTC')
)
ENGINE = MergeTree
ORDER BY (stored_at, friendly_name)
