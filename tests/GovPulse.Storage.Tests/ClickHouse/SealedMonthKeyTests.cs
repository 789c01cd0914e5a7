using GovPulse.Storage.ClickHouse;

namespace GovPulse.Storage.Tests.ClickHouse;

public sealed class SealedMonthKeyTests
{
    [Fact]
    public void A_key_is_named_by_its_month_and_hash_and_read_back()
    {
        var key = new SealedMonthKey(new DateOnly(2026, 9, 17), "ABCDEF0123");

        key.Month.Should().Be(new DateOnly(2026, 9, 1));
        key.ToString().Should().Be("2026-09:abcdef0123");
        SealedMonthKey.Parse(key.ToString()).Should().Be(key);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-09")]
    [InlineData("2026-09:")]
    [InlineData("2026-13:abc")]
    [InlineData("September:abc")]
    public void A_name_of_another_form_is_refused(string text)
    {
        var parse = () => SealedMonthKey.Parse(text);

        parse.Should().Throw<FormatException>();
    }
}
