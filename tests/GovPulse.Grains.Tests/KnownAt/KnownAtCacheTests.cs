using GovPulse.Grains.KnownAt;
using GovPulse.Indicators.Periods;
using Microsoft.Extensions.Time.Testing;

namespace GovPulse.Grains.Tests.KnownAt;

/// <summary>The known-at cache: bounded by entries, least recently used out; a recent asOf or a failed build is never kept.</summary>
public sealed class KnownAtCacheTests
{
    private static readonly Period November = Period.Month(2026, 11);
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(7));
    private readonly FakeTimeProvider _time = new(Now);

    [Fact]
    public async Task Keeps_the_most_recently_used_entries_up_to_its_capacity()
    {
        var cache = new KnownAtCache<int>(2, _time);
        var builds = 0;
        Task<int> Build() => Task.FromResult(++builds);
        var asOf = Now.AddMinutes(-1);

        (await cache.GetAsync("a", November, asOf, Build)).Should().Be(1);
        (await cache.GetAsync("b", November, asOf, Build)).Should().Be(2);
        (await cache.GetAsync("a", November, asOf, Build)).Should().Be(1, "kept");
        (await cache.GetAsync("c", November, asOf, Build)).Should().Be(3); // b, least recently used, goes
        (await cache.GetAsync("a", November, asOf.ToOffset(TimeSpan.Zero), Build)).Should().Be(1, "the same instant in another offset");
        (await cache.GetAsync("b", November, asOf, Build)).Should().Be(4);
        cache.Count.Should().Be(2);
    }

    [Fact]
    public async Task Never_keeps_an_instant_whose_prefix_may_still_grow_nor_a_failed_build()
    {
        var cache = new KnownAtCache<int>(8, _time);
        var builds = 0;
        Task<int> Build() => Task.FromResult(++builds);

        (await cache.GetAsync("a", November, Now.AddSeconds(-1), Build)).Should().Be(1);
        (await cache.GetAsync("a", November, Now.AddSeconds(-1), Build)).Should().Be(2);
        cache.Count.Should().Be(0);

        await cache.Invoking(c => c.GetAsync("b", November, Now.AddHours(-1), () => Task.FromException<int>(new InvalidOperationException("store down"))))
            .Should().ThrowAsync<InvalidOperationException>();
        (await cache.GetAsync("b", November, Now.AddHours(-1), Build)).Should().Be(3);
        cache.Count.Should().Be(1);
    }
}
