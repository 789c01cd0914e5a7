namespace GovPulse.Notifications.Notices;

/// <summary>A text in Vietnamese (first) and English.</summary>
[GenerateSerializer, Immutable, Alias("govpulse.notice-text")]
public sealed record NoticeText([property: Id(0)] string Vi, [property: Id(1)] string En)
{
    /// <summary>The text in <paramref name="language"/> (<c>vi</c> or <c>en</c>); Vietnamese for anything else.</summary>
    public string In(string? language) => string.Equals(language, "en", StringComparison.OrdinalIgnoreCase) ? En : Vi;
}
