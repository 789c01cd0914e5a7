using System.Collections.Concurrent;

namespace GovPulse.Grains.Tests.Fixtures;

/// <summary>
/// A real seam in the silos' call pipeline (an incoming grain call filter) that records every call a
/// unit grain receives, by unit and method, so a test can tell which units the city asked.
/// </summary>
public sealed class UnitCallCounter : IIncomingGrainCallFilter
{
    private readonly ConcurrentQueue<(string Unit, string Method)> _calls = new();

    /// <summary>Where the record stands now: <see cref="Since"/> lists the calls after it.</summary>
    public int Mark => _calls.Count;

    /// <summary>The calls received after <paramref name="mark"/>, in the order they came.</summary>
    public IReadOnlyList<(string Unit, string Method)> Since(int mark) => _calls.Skip(mark).ToList();

    /// <summary>The units asked for a report (<see cref="IUnitGrain.GetReport"/>) after <paramref name="mark"/>.</summary>
    public IReadOnlyList<string> ReportsAskedSince(int mark) =>
        Since(mark).Where(c => c.Method == nameof(IUnitGrain.GetReport)).Select(c => c.Unit).ToList();

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.InterfaceMethod?.DeclaringType == typeof(IUnitGrain))
        {
            _calls.Enqueue((context.TargetId.Key.ToString()!, context.InterfaceMethod.Name));
        }

        await context.Invoke();
    }
}
