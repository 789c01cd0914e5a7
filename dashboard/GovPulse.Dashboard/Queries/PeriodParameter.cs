using System.Reflection;
using GovPulse.Grains;
using GovPulse.Indicators.Periods;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GovPulse.Dashboard.Queries;

/// <summary>
/// The <c>period</c> query parameter (<c>2026-11</c>, <c>2026-Q4</c>, <c>2026</c>,
/// <c>2026-11-01..2026-11-15</c>): the current local month on the scoring clock when absent.
/// </summary>
public sealed record PeriodParameter(Period? Period, string? Problem) : IQueryValue
{
    /// <summary>The period; only read after <see cref="QueryChecks"/> has let the request through.</summary>
    public Period Value => Period ?? throw new InvalidOperationException(Problem);

    public static PeriodParameter Parse(string? text, ScoringClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (string.IsNullOrEmpty(text))
        {
            return new PeriodParameter(Indicators.Periods.Period.MonthOf(clock.Now), null);
        }

        return Indicators.Periods.Period.TryParse(text, out var period, out var error)
            ? new PeriodParameter(period, null)
            : new PeriodParameter(null, error);
    }

    public static ValueTask<PeriodParameter?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameter);
        var clock = context.RequestServices.GetRequiredService<ScoringClock>();
        return ValueTask.FromResult<PeriodParameter?>(Parse(context.Request.Query[parameter.Name ?? "period"], clock));
    }
}
