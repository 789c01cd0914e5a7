using System.Globalization;
using System.Reflection;
using GovPulse.Dashboard.Queries;
using GovPulse.Security;
using Microsoft.AspNetCore.Http;

namespace GovPulse.Exports.Explanations;

/// <summary>The <c>limit</c> query parameter of the explained numbers: items per JSON page, 1..<see cref="Max"/>, <see cref="Default"/> when absent.</summary>
public sealed record ExplanationLimitParameter(int? Count, string? Problem) : IQueryValue
{
    public const int Default = 100;
    public const int Max = 1000;

    public int Value => Count ?? throw new InvalidOperationException(Problem);

    public static ExplanationLimitParameter Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new ExplanationLimitParameter(Default, null);
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= Max
            ? new ExplanationLimitParameter(count, null)
            : new ExplanationLimitParameter(null, $"limit '{EchoedInput.Cut(text)}' is not a whole number in 1..{Max}");
    }

    public static ValueTask<ExplanationLimitParameter?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameter);
        return ValueTask.FromResult<ExplanationLimitParameter?>(Parse(context.Request.Query[parameter.Name ?? "limit"]));
    }
}
