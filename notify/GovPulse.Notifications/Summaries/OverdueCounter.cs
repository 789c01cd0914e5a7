using GovPulse.Grains;
using GovPulse.Indicators.Dossiers;

namespace GovPulse.Notifications.Summaries;

/// <summary>
/// Counts the open dossiers of units whose due time passed in a window, from the units' own chase
/// lists (most urgent first, so the newest overdue are at the end: read back from the end, page by page).
/// </summary>
public sealed class OverdueCounter(IGrainFactory grains)
{
    private const int Page = 100;

    /// <summary>By unit code, the open dossiers due in (<paramref name="from"/>, <paramref name="to"/>] and overdue at <paramref name="to"/>; units without any left out.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountAsync(IEnumerable<string> unitCodes, DateTimeOffset from, DateTimeOffset to)
    {
        var codes = unitCodes.ToList();
        var counts = await Task.WhenAll(codes.Select(code => CountUnitAsync(code, from, to)));
        return codes.Zip(counts).Where(p => p.Second > 0).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
    }

    private async Task<int> CountUnitAsync(string unitCode, DateTimeOffset from, DateTimeOffset to)
    {
        var unit = grains.GetGrain<IUnitGrain>(unitCode);
        var end = (await unit.GetDossiersToChase(ChaseStatus.Overdue, 0, 0, to)).Total;
        var count = 0;
        while (end > 0)
        {
            var offset = Math.Max(0, end - Page);
            var page = await unit.GetDossiersToChase(ChaseStatus.Overdue, offset, end - offset, to);
            count += page.Dossiers.Count(d => d.OverdueReason == OverdueReason.DuePassed && d.DueAt > from && d.DueAt <= to);

            // Pages before this one are due no later than its first dossier: when that is before the window, so are they.
            if (page.Dossiers.Count == 0 || page.Dossiers[0].DueAt <= from)
            {
                break;
            }

            end = offset;
        }

        return count;
    }
}
