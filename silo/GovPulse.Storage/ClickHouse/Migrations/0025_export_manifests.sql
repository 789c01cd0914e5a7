-- Export manifests (issue #15): what each export file was (request, asOf, code version, rule set,
-- row counts, figures hash, file hash and size), so an auditor can later check a file against it.
-- manifest holds the manifest's canonical JSON exactly as hashed; manifest_sha256 is its SHA-256
-- (the X-GovPulse-Manifest header) and file_sha256 the file's, so either finds the row. The same
-- export asked again gives the same manifest: the store adds no second row, and should two nodes
-- add it at once the merge keeps the earliest issue (the highest keep = max - issued ms), as reads do.
CREATE TABLE IF NOT EXISTS export_manifests
(
    manifest_sha256  String,
    file_sha256      String,
    manifest         String,
    first_issued_at  DateTime64(3, 'UTC'),
    keep             UInt64
)
ENGINE = ReplacingMergeTree(keep)
ORDER BY manifest_sha256
