using System.ComponentModel.DataAnnotations;

namespace GovPulse.Storage.ClickHouse;

/// <summary>Section <c>GovPulse:Audit</c>.</summary>
public sealed class AuditLogOptions
{
    public const string Section = "GovPulse:Audit";

    /// <summary>
    /// How many days an audit entry is kept (the table's TTL, set at start-up). Five years by default:
    /// an auditor checks a year's ranking in the years after it, and a file exported then must still
    /// be traceable to who took it; the table stays bounded. Set it to what the city's archive rules say.
    /// </summary>
    [Range(1, 36_500)]
    public int RetentionDays { get; set; } = 1825;
}
