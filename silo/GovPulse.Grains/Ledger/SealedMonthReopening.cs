using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Events;
using GovPulse.Storage.ClickHouse;
using Microsoft.Extensions.Logging;

namespace GovPulse.Grains.Ledger;

/// <summary>
/// Brings sealed months of a unit's ledger back into memory from the event log, when a late event
/// touches them or a question needs what their tally does not keep: every stored event about the
/// dossiers and petitions received in those months, up to a log position, applied by
/// <see cref="UnitLedger.Reopen"/>. The next seal pass seals them again.
/// </summary>
public sealed partial class SealedMonthReopening(string unitCode, IEventStore store, GovPulseMetrics metrics, ILogger logger)
{
    /// <summary>Rounds of "those events touch more sealed months" a reopen follows before it gives up (a receipt corrected across months adds one).</summary>
    private const int MaxRounds = 12;

    /// <summary>
    /// Reopens <paramref name="months"/> of <paramref name="ledger"/> (those still sealed) with the events at
    /// positions up to <paramref name="upToPosition"/>, leaving out the quarantined ones; more months when the
    /// ledger asks for them. Applying an event the ledger holds again changes nothing, so events read here
    /// and applied later by their own turn are harmless.
    /// </summary>
    public async Task ReopenAsync(
        UnitLedger ledger, IReadOnlyCollection<ReceiptMonth> months, long upToPosition, IReadOnlySet<string> quarantined, string reason, CancellationToken cancellationToken)
    {
        var wanted = new SortedSet<ReceiptMonth>(months);
        for (var round = 1; ; round++)
        {
            var events = new List<UnitEvent>();
            foreach (var (from, until) in Ranges(wanted))
            {
                // Every event stored up to the position, whenever stored (the log is append-only).
                await foreach (var e in store.ReadKnownAtAsync(unitCode, upToPosition, DateTimeOffset.MaxValue, from, until, cancellationToken))
                {
                    if (!quarantined.Contains(e.EventId))
                    {
                        events.Add(e);
                    }
                }
            }

            // Another turn may have reopened some of them while this one read.
            var stillSealed = ledger.SealedMonths.Select(m => m.Month).Where(wanted.Contains).ToList();
            if (stillSealed.Count == 0)
            {
                return;
            }

            try
            {
                ledger.Reopen(stillSealed, events);
            }
            catch (SealedMonthException more) when (round < MaxRounds)
            {
                wanted.UnionWith(more.Months);
                continue;
            }

            metrics.ReopenedMonths.Add(stillSealed.Count);
            LogReopened(unitCode, string.Join(", ", stillSealed), events.Count, reason);
            return;
        }
    }

    /// <summary>The months as time ranges, neighbouring months joined into one.</summary>
    private static List<(DateTimeOffset From, DateTimeOffset Until)> Ranges(SortedSet<ReceiptMonth> months)
    {
        var ranges = new List<(DateTimeOffset From, DateTimeOffset Until)>();
        foreach (var month in months)
        {
            if (ranges.Count > 0 && ranges[^1].Until == month.Start)
            {
                ranges[^1] = (ranges[^1].From, month.End);
            }
            else
            {
                ranges.Add((month.Start, month.End));
            }
        }

        return ranges;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unit {Unit} reopened sealed months {Months} from {Events} stored events: {Reason}")]
    private partial void LogReopened(string unit, string months, int events, string reason);
}
