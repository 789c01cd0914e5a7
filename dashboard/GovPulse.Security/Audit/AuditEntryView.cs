using GovPulse.Indicators.Periods;
using GovPulse.Storage.ClickHouse;

namespace GovPulse.Security.Audit;

/// <summary>An audit entry as the API shows it: the time in Vietnam time with its offset.</summary>
public sealed record AuditEntryView(
    DateTimeOffset At, string User, string Role, string Action, string Request, string Address, int Status, long Bytes, string Sha256)
{
    public static AuditEntryView Of(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(VietnamTime.ToLocal(entry.At), entry.User, entry.Role, entry.Action, entry.Request, entry.Address, entry.Status, entry.Bytes, entry.Sha256);
    }
}
