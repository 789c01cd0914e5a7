namespace GovPulse.Exports.Documents;

/// <summary>
/// What every export file states about itself: the instant its figures are as known at, the rules
/// they were scored by, and the SHA-256 of the figures themselves (format-independent; the manifest
/// records it too). A file cannot hold its own hash, so the PDF prints this one; the file's hash is
/// in the manifest, which can be looked up by either.
/// </summary>
/// <param name="Request">The request in its normal form (path and sorted query, asOf included), as the manifest records it.</param>
public sealed record ExportStamp(DateTimeOffset AsOf, string RuleSet, string FiguresSha256, string Request);
