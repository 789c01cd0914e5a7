using System.Reflection;
using GovPulse.Indicators.Units;
using GovPulse.Security;
using Microsoft.AspNetCore.Http;

namespace GovPulse.Dashboard.Queries;

/// <summary>
/// The <c>level</c> of <c>GET /rankings</c>: <c>commune</c> (the default), <c>department</c>, or
/// <c>province</c> (the province-level units: provinces and centrally-run cities, each pooling its
/// units). The other level-taking endpoints keep <see cref="LevelParameter"/> (commune, department).
/// </summary>
public sealed record RankingLevelParameter(string? Word, string? Problem) : IQueryValue
{
    public const string Province = "province";

    /// <summary>Whether a unit is ranked at this level.</summary>
    public bool Ranks(Unit unit) => Word switch
    {
        "commune" => unit?.Kind == UnitKind.Commune,
        "department" => unit?.Kind == UnitKind.Department,
        Province => unit is not null && UnitDirectory.IsProvinceLevel(unit),
        _ => throw new InvalidOperationException(Problem),
    };

    public static RankingLevelParameter Parse(string? text) => (string.IsNullOrEmpty(text) ? "commune" : text) switch
    {
        "commune" or "department" or Province => new RankingLevelParameter(string.IsNullOrEmpty(text) ? "commune" : text, null),
        _ => new RankingLevelParameter(null, $"level '{EchoedInput.Cut(text)}' is not one of commune, department, province"),
    };

    public static ValueTask<RankingLevelParameter?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameter);
        return ValueTask.FromResult<RankingLevelParameter?>(Parse(context.Request.Query[parameter.Name ?? "level"]));
    }
}
