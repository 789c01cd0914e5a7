using System.Globalization;
using System.Reflection;
using GovPulse.Security;
using Microsoft.AspNetCore.Http;

namespace GovPulse.Dashboard.Queries;

/// <summary>The <c>lang</c> query parameter: <c>vi</c> (the default: Vietnamese first) or <c>en</c>.</summary>
public sealed record LanguageParameter(bool? IsEnglish, string? Problem) : IQueryValue
{
    public bool English => IsEnglish ?? throw new InvalidOperationException(Problem);

    /// <summary><c>vi</c> or <c>en</c>, as the API writes it.</summary>
    public string Code => English ? "en" : "vi";

    /// <summary>vi-VN or en-GB: how numbers and dates are written for people in this language.</summary>
    public CultureInfo Culture => CultureInfo.GetCultureInfo(English ? "en-GB" : "vi-VN");

    public static LanguageParameter Parse(string? text) => (string.IsNullOrEmpty(text) ? "vi" : text) switch
    {
        "vi" => new LanguageParameter(false, null),
        "en" => new LanguageParameter(true, null),
        _ => new LanguageParameter(null, $"lang '{EchoedInput.Cut(text)}' is not one of vi, en"),
    };

    public static ValueTask<LanguageParameter?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameter);
        return ValueTask.FromResult<LanguageParameter?>(Parse(context.Request.Query[parameter.Name ?? "lang"]));
    }
}
