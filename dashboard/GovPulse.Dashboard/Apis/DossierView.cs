using GovPulse.Dashboard.Dossiers;
using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;

namespace GovPulse.Dashboard.Apis;

/// <summary>One dossier to chase, times in Ho Chi Minh City local time.</summary>
/// <param name="OverdueReason"><c>duePassed</c> | <c>secondSupplementRequest</c>; null while on time.</param>
/// <param name="OverdueSince">For <c>duePassed</c>: the due time that passed; null otherwise.</param>
/// <param name="SourceUrl">The dossier in the city's handling system (GovPulse:Dossiers:SourceUrlTemplate); null when not configured.</param>
public sealed record DossierView(
    string DossierId,
    string ProcedureCode,
    string? ProcedureName,
    Channel Channel,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DueAt,
    string Status,
    int? WorkingDaysLate,
    int? WorkingDaysLeft,
    int SupplementRequests,
    string? OverdueReason,
    DateTimeOffset? OverdueSince,
    string? SourceUrl)
{
    public static DossierView Of(DossierToChase d, ProcedureCatalog catalog, DossierLinks links)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(links);
        return new(
            d.DossierId,
            d.ProcedureCode,
            catalog.Find(d.ProcedureCode)?.Name,
            d.Channel,
            VietnamTime.ToLocal(d.ReceivedAt),
            VietnamTime.ToLocal(d.DueAt),
            d.Overdue ? "overdue" : "onTime",
            d.WorkingDaysLate,
            d.WorkingDaysLeft,
            d.SupplementRequests,
            d.OverdueReason switch
            {
                Indicators.Dossiers.OverdueReason.DuePassed => "duePassed",
                Indicators.Dossiers.OverdueReason.SecondSupplementRequest => "secondSupplementRequest",
                _ => null,
            },
            d.OverdueSince is { } since ? VietnamTime.ToLocal(since) : null,
            links.SourceUrl(d.DossierId));
    }
}
