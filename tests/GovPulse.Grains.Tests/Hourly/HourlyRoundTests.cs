using GovPulse.Grains.Hourly;
using GovPulse.Storage.ClickHouse;
using Microsoft.Extensions.Logging.Abstractions;

namespace GovPulse.Grains.Tests.Hourly;

/// <summary>Which hours a round fills: missing ones inside the window, after the first publication, oldest first.</summary>
public sealed class HourlyRoundTests
{
    private static readonly DateTimeOffset Noon = new(2026, 9, 10, 12, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task A_new_installation_does_not_invent_a_past()
    {
        var missed = await Round().MissedHoursAsync(Noon, catchUpHours: 48);

        missed.Should().BeEmpty();
    }

    [Fact]
    public async Task Hours_after_the_last_publication_are_missed_oldest_first()
    {
        var missed = await Round(Noon.AddHours(-4)).MissedHoursAsync(Noon, catchUpHours: 48);

        missed.Should().Equal(Noon.AddHours(-3), Noon.AddHours(-2), Noon.AddHours(-1));
    }

    [Fact]
    public async Task A_gap_between_publications_is_filled_too()
    {
        var missed = await Round(Noon.AddHours(-5), Noon.AddHours(-2), Noon.AddHours(-1)).MissedHoursAsync(Noon, catchUpHours: 48);

        missed.Should().Equal(Noon.AddHours(-4), Noon.AddHours(-3));
    }

    [Fact]
    public async Task The_window_bounds_the_catch_up()
    {
        var missed = await Round(Noon.AddDays(-3)).MissedHoursAsync(Noon, catchUpHours: 48);

        missed.Should().HaveCount(48);
        missed[0].Should().Be(Noon.AddHours(-48));
        missed[^1].Should().Be(Noon.AddHours(-1));
    }

    [Fact]
    public async Task A_window_of_zero_fills_nothing()
    {
        (await Round(Noon.AddHours(-5)).MissedHoursAsync(Noon, catchUpHours: 0)).Should().BeEmpty();
    }

    private static HourlyRound Round(params DateTimeOffset[] published) =>
        new(null!, new PublishedHours(published), ScoringClock.System, TimeProvider.System, null!, NullLogger<HourlyRound>.Instance);

    /// <summary>A history that only knows which hours were published.</summary>
    private sealed class PublishedHours(IReadOnlyCollection<DateTimeOffset> hours) : IIndicatorHistoryStore
    {
        public Task<IReadOnlySet<DateTimeOffset>> PublishedHoursAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlySet<DateTimeOffset>>(hours.Where(h => h >= since && h < until).ToHashSet());

        public Task<DateTimeOffset?> LastPublishedHourAsync(
            DateTimeOffset before, DateTimeOffset? notBefore = null, string? period = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(hours.Where(h => h < before && (notBefore is null || h >= notBefore)).Select(h => (DateTimeOffset?)h).Max());

        public Task<HourPublication?> FindPublicationAsync(DateTimeOffset hour, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<HourPublication> StoreAsync(Guid publicationId, IReadOnlyList<IndicatorSnapshot> snapshots, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<IReadOnlyDictionary<string, decimal>> TotalsAtAsync(DateTimeOffset hour, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<IndicatorSnapshot>> ReadHourAsync(DateTimeOffset hour, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<HistoryEntry>> ReadUnitAsync(
            string unitCode, DateTimeOffset since, DateTimeOffset until, HistoryBucket bucket, int limit, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
