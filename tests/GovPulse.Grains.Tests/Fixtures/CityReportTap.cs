namespace GovPulse.Grains.Tests.Fixtures;

/// <summary>
/// A real seam in the silos' call pipeline (an incoming grain call filter) on the units' reports to
/// the city: while armed for a unit it drops that unit's next report before the city sees it, as a
/// message lost on the way or a city node dying would; and it tells when the city has handled a
/// report (one-way calls give their caller no answer to await).
/// </summary>
public sealed class CityReportTap : IIncomingGrainCallFilter
{
    private readonly Lock _gate = new();
    private readonly List<(Func<UnitFiguresReport, bool> Match, TaskCompletionSource Done)> _handled = [];
    private string? _dropUnit;
    private TaskCompletionSource<UnitFiguresReport>? _dropped;

    /// <summary>Drops the next report of <paramref name="unitCode"/>; completes with it once dropped.</summary>
    public Task<UnitFiguresReport> DropNextOf(string unitCode)
    {
        lock (_gate)
        {
            _dropUnit = unitCode;
            _dropped = new TaskCompletionSource<UnitFiguresReport>(TaskCreationOptions.RunContinuationsAsynchronously);
            return _dropped.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>Completes once the city has handled (kept or ignored) a report matching <paramref name="match"/> that arrives from now on.</summary>
    public Task Handled(Func<UnitFiguresReport, bool> match)
    {
        lock (_gate)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _handled.Add((match, done));
            return done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.InterfaceMethod?.Name != nameof(ICityGrain.Report) || context.Request.GetArgument(0) is not UnitFiguresReport report)
        {
            await context.Invoke();
            return;
        }

        lock (_gate)
        {
            if (report.UnitCode == _dropUnit)
            {
                _dropUnit = null;
                _dropped!.TrySetResult(report);
                return;
            }
        }

        await context.Invoke();
        lock (_gate)
        {
            foreach (var waiter in _handled.Where(w => w.Match(report)).ToList())
            {
                _handled.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }
    }
}
