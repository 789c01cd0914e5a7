using System.Reflection;
using GovPulse.Indicators.Units;
using GovPulse.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GovPulse.Dashboard.Queries;

/// <summary>
/// The <c>province</c> query parameter of rankings: the code of a province-level unit of the
/// directory, whose units alone are ranked; absent, every province's.
/// </summary>
public sealed record ProvinceParameter(Unit? Province, string? Problem) : IQueryValue
{
    /// <summary>Whether <paramref name="unit"/> is kept: always without a province, else when it belongs to it.</summary>
    public bool Keeps(UnitDirectory units, Unit unit)
    {
        ArgumentNullException.ThrowIfNull(units);
        return Province is null || units.ProvinceOf(unit)?.Code == Province.Code;
    }

    public static ProvinceParameter Parse(string? text, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(units);
        if (string.IsNullOrEmpty(text))
        {
            return new ProvinceParameter(null, null);
        }

        return units.Find(text) is { } unit && UnitDirectory.IsProvinceLevel(unit)
            ? new ProvinceParameter(unit, null)
            : new ProvinceParameter(null, $"province '{EchoedInput.Cut(text)}' is not the code of a province; GET /api/v1/units lists them (kind city or province)");
    }

    public static ValueTask<ProvinceParameter?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameter);
        return ValueTask.FromResult<ProvinceParameter?>(Parse(context.Request.Query[parameter.Name ?? "province"], context.RequestServices.GetRequiredService<UnitDirectory>()));
    }
}
