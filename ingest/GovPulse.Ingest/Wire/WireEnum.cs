namespace GovPulse.Ingest.Wire;

/// <summary>
/// An enum's wire names (lower case: <c>online</c>, <c>dissatisfied</c>) and the message for any
/// other value, made once per enum rather than for every event read.
/// </summary>
internal static class WireEnum<T>
    where T : struct, Enum
{
    public static readonly T[] Values = Enum.GetValues<T>();

    public static readonly List<string> Names = [.. Values.Select(v => v.ToString().ToLowerInvariant())];

    public static readonly string NotAName = $"is not one of {string.Join(", ", Names)}";
}
