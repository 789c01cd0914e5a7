using System.Reflection;
using GovPulse.Dashboard.Queries;
using GovPulse.Security;
using Microsoft.AspNetCore.Http;

namespace GovPulse.Exports.Explanations;

/// <summary>The <c>format</c> query parameter of the explained numbers: <c>json</c> (the default), <c>csv</c> or <c>xlsx</c>.</summary>
public sealed record ExplanationFormatParameter(ExplanationFormat? Format, string? Problem) : IQueryValue
{
    public ExplanationFormat Value => Format ?? throw new InvalidOperationException(Problem);

    public static ExplanationFormatParameter Parse(string? text) => (string.IsNullOrEmpty(text) ? "json" : text) switch
    {
        "json" => new ExplanationFormatParameter(ExplanationFormat.Json, null),
        "csv" => new ExplanationFormatParameter(ExplanationFormat.Csv, null),
        "xlsx" => new ExplanationFormatParameter(ExplanationFormat.Xlsx, null),
        _ => new ExplanationFormatParameter(null, $"format '{EchoedInput.Cut(text)}' is not one of json, csv, xlsx"),
    };

    public static ValueTask<ExplanationFormatParameter?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameter);
        return ValueTask.FromResult<ExplanationFormatParameter?>(Parse(context.Request.Query[parameter.Name ?? "format"]));
    }
}
