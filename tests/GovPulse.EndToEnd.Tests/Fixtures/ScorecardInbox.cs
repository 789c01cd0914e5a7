using System.Threading.Channels;

namespace GovPulse.EndToEnd.Tests.Fixtures;

/// <summary>Keeps every <c>scorecard</c> message a hub client received, so a test can await one that matches, in any arrival order.</summary>
public sealed class ScorecardInbox
{
    private readonly Channel<ScorecardResponse> _arrivals = Channel.CreateUnbounded<ScorecardResponse>();
    private readonly List<ScorecardResponse> _seen = [];

    public void Add(ScorecardResponse scorecard) => _arrivals.Writer.TryWrite(scorecard);

    public async Task<ScorecardResponse> WaitFor(string unit, Func<ScorecardResponse, bool> match, TimeSpan? limit = null)
    {
        using var timeout = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            if (_seen.FirstOrDefault(s => s.UnitCode == unit && match(s)) is { } found)
            {
                return found;
            }

            _seen.Add(await _arrivals.Reader.ReadAsync(timeout.Token));
        }
    }
}
