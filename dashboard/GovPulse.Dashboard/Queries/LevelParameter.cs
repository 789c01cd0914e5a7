using System.Reflection;
using GovPulse.Indicators.Units;
using GovPulse.Security;
using Microsoft.AspNetCore.Http;

namespace GovPulse.Dashboard.Queries;

/// <summary>The <c>level</c> query parameter of rankings: <c>commune</c> (the default) or <c>department</c>.</summary>
public sealed record LevelParameter(UnitKind? Kind, string? Problem) : IQueryValue
{
    public UnitKind Value => Kind ?? throw new InvalidOperationException(Problem);

    /// <summary>The word the API uses for the level: <c>commune</c> or <c>department</c>.</summary>
    public string Word => Value == UnitKind.Department ? "department" : "commune";

    public static LevelParameter Parse(string? text) => (string.IsNullOrEmpty(text) ? "commune" : text) switch
    {
        "commune" => new LevelParameter(UnitKind.Commune, null),
        "department" => new LevelParameter(UnitKind.Department, null),
        _ => new LevelParameter(null, $"level '{EchoedInput.Cut(text)}' is not one of commune, department"),
    };

    public static ValueTask<LevelParameter?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameter);
        return ValueTask.FromResult<LevelParameter?>(Parse(context.Request.Query[parameter.Name ?? "level"]));
    }
}
