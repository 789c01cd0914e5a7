using System.Text.RegularExpressions;
using CsCheck;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;
using GovPulse.Notifications.Notices;
using GovPulse.Notifications.Summaries;

namespace GovPulse.Notifications.Tests.Summaries;

/// <summary>
/// Over many random hours of the real 186 units (totals, bands, band changes, overdue dossiers
/// everywhere): a department head's hourly, daily and digest notices never name another unit, the city, or their figures.
/// </summary>
public sealed partial class UnitReachProperties
{
    private static readonly UnitDirectory Units = UnitDirectory.HoChiMinhCity;
    private static readonly DateTimeOffset Hour = new(2026, 12, 7, 7, 0, 0, TimeSpan.FromHours(7));
    private static readonly string[] Bands = Band.All.Select(b => b.Vietnamese).ToArray();
    private static readonly List<Unit> Heads = Units.All.Where(u => u.Kind != UnitKind.City).ToList();

    private static readonly Gen<UnitStanding?> Standing = Gen.Int[0, 9].Select(Gen.Int[0, 10000], Gen.Int[0, Bands.Length - 1], (none, points, band) =>
        none == 0 ? null : new UnitStanding("", "", UnitKind.Commune, points / 100m, Bands[band]));

    private static readonly Gen<(FiguresSpan Span, Unit Head)> Hours =
        Gen.Select(Standing.Array[Units.All.Count], Standing.Array[Units.All.Count], Gen.Int[0, 50].Array[Units.All.Count], Gen.Int[0, Heads.Count - 1])
            .Select(t => (new FiguresSpan(Hour.AddHours(-1), Hour, Of(t.Item1), Of(t.Item2), Overdue(t.Item3)), Heads[t.Item4]));

    private static Dictionary<string, UnitStanding> Of(UnitStanding?[] standings) =>
        Units.All.Zip(standings)
            .Select(p => p.Second is { } s ? s with { UnitCode = p.First.Code, Name = p.First.Name, Kind = p.First.Kind } : new UnitStanding(p.First.Code, p.First.Name, p.First.Kind, null, null))
            .ToDictionary(s => s.UnitCode);

    private static Dictionary<string, int> Overdue(int[] counts) =>
        Units.All.Zip(counts).Where(p => p.Second > 0).ToDictionary(p => p.First.Code, p => p.Second);

    [Fact]
    public void A_department_heads_summaries_carry_no_other_unit() =>
        Hours.Sample(
            t =>
            {
                var audience = new SummaryAudience(t.Head.Code);
                var composer = new SummaryComposer(listed: 10);
                var quiet = new QuietSpan(Hour.AddHours(-9), Hour.AddMinutes(-30));
                var notices = new[]
                {
                    composer.Hourly(t.Span, audience, "head")!,
                    composer.Daily(t.Span, audience, "head")!,
                    composer.Digest(quiet, t.Span, audience, [], "head", Hour),
                };
                var own = t.Span.Now[t.Head.Code];
                var overdue = t.Span.NewOverdue.GetValueOrDefault(t.Head.Code);
                foreach (var notice in notices)
                {
                    var text = string.Join("\n", notice.Title.Vi, notice.Title.En, notice.Body.Vi, notice.Body.En, notice.DataJson, notice.Url);
                    notice.UnitCode.Should().Be(t.Head.Code);
                    foreach (var other in Units.All.Where(u => u.Code != t.Head.Code && !t.Head.Name.Contains(u.Name, StringComparison.Ordinal)))
                    {
                        text.Should().NotContain(other.Name, "a department head's notice names their unit only");
                        if (other.Code.Length >= 5)
                        {
                            Regex.IsMatch(text, $@"(?<!\d){other.Code}(?!\d)").Should().BeFalse($"the code {other.Code} of another unit must not appear");
                        }
                    }

                    text.Should().NotContain(NoticeFormat.CityVi).And.NotContain(NoticeFormat.CityEn);
                    if (notice.Kind != NoticeKind.Digest)
                    {
                        // The unit's own count, never the city's sum.
                        (overdue == 0 ? notice.Body.En.Contains("No dossier turned overdue", StringComparison.Ordinal) : notice.Body.En.Contains($" {NoticeFormat.Count(overdue, false)} ", StringComparison.Ordinal) || notice.Body.En.Contains($"{NoticeFormat.Count(overdue, false)} dossier", StringComparison.Ordinal))
                            .Should().BeTrue(notice.Body.En);
                    }

                    if (own.Total is { } total)
                    {
                        notice.Body.Vi.Should().Contain(NoticeFormat.Points(total, true));
                    }
                }
            },
            iter: 200);
}
