namespace GovPulse.Storage.ClickHouse;

/// <summary>One row of the audit log: who used an audited endpoint, when, how, and what they were answered.</summary>
/// <param name="At">When the request arrived (the node's clock).</param>
/// <param name="User">A person's username, <c>key:&lt;id&gt; (&lt;name&gt;)</c> for an API key, or for a sign-in the username tried.</param>
/// <param name="Role">The caller's role (<c>leader</c>, <c>departmentHead</c>, <c>auditor</c>, <c>admin</c>), <c>key</c> for an ingest key, <c>anonymous</c> before sign-in.</param>
/// <param name="Action">The endpoint's name (e.g. <c>ExportRanking</c>), else its method and route pattern.</param>
/// <param name="Request">Method, path and query string; never a body.</param>
/// <param name="Address">The client's address (after trusted proxies).</param>
/// <param name="Status">The HTTP status of the answer.</param>
/// <param name="Bytes">The length of the answer's body as sent.</param>
/// <param name="Sha256">The SHA-256 of the answer's body as sent, lower-case hex.</param>
public sealed record AuditEntry(
    DateTimeOffset At,
    string User,
    string Role,
    string Action,
    string Request,
    string Address,
    int Status,
    long Bytes,
    string Sha256);
