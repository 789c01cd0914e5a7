using GovPulse.Storage.ClickHouse;

namespace GovPulse.Storage.Tests.ClickHouse;

public sealed class StoredIdFilterTests
{
    [Fact]
    public void Every_added_id_may_be_there_and_ids_never_added_almost_never_are()
    {
        var filter = new StoredIdFilter(bitsLog2: 22); // 4 M bits for 100,000 ids: about 1 in 500,000 false positives
        var added = Enumerable.Range(0, 100_000).Select(i => $"26743-2611{i % 30:00}0800-{i:00000}-0").ToList();
        foreach (var id in added)
        {
            filter.Add(id);
        }

        added.Should().OnlyContain(id => filter.MightContain(id));
        Enumerable.Range(0, 100_000).Count(i => filter.MightContain($"26743-2611{i % 30:00}0800-{i:00000}-1")).Should().BeLessThan(10);
    }

    [Fact]
    public void Completeness_is_marked_by_whoever_filled_it_never_assumed()
    {
        var filter = new StoredIdFilter(bitsLog2: 10);

        filter.IsComplete.Should().BeFalse();
        filter.MarkComplete();

        filter.IsComplete.Should().BeTrue();
        filter.MightContain("never-added").Should().BeFalse();
    }
}
