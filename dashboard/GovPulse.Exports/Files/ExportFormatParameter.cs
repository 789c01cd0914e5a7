using System.Reflection;
using GovPulse.Dashboard.Queries;
using GovPulse.Exports.Documents;
using GovPulse.Security;
using Microsoft.AspNetCore.Http;

namespace GovPulse.Exports.Files;

/// <summary>The <c>format</c> query parameter of exports: <c>csv</c> (the default), <c>xlsx</c>, <c>pdf</c>, <c>png</c> or <c>svg</c>.</summary>
public sealed record ExportFormatParameter(ExportFormat? Format, string? Problem) : IQueryValue
{
    public ExportFormat Value => Format ?? throw new InvalidOperationException(Problem);

    /// <summary>The word the API uses for the format (its file extension).</summary>
    public string Word => Value.ToString().ToLowerInvariant();

    public static ExportFormatParameter Parse(string? text) => (string.IsNullOrEmpty(text) ? "csv" : text) switch
    {
        "csv" => new ExportFormatParameter(ExportFormat.Csv, null),
        "xlsx" => new ExportFormatParameter(ExportFormat.Xlsx, null),
        "pdf" => new ExportFormatParameter(ExportFormat.Pdf, null),
        "png" => new ExportFormatParameter(ExportFormat.Png, null),
        "svg" => new ExportFormatParameter(ExportFormat.Svg, null),
        _ => new ExportFormatParameter(null, $"format '{EchoedInput.Cut(text)}' is not one of csv, xlsx, pdf, png, svg"),
    };

    public static ValueTask<ExportFormatParameter?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameter);
        return ValueTask.FromResult<ExportFormatParameter?>(Parse(context.Request.Query[parameter.Name ?? "format"]));
    }
}
