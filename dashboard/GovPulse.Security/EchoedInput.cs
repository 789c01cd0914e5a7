namespace GovPulse.Security;

/// <summary>A caller's input quoted back in an error answer: at most 64 characters, so a refusal never repeats a huge value.</summary>
public static class EchoedInput
{
    public const int MaxLength = 64;

    /// <summary><paramref name="value"/> cut to <see cref="MaxLength"/> characters and "…"; "null" for none.</summary>
    public static string Cut(string? value) =>
        value is null ? "null" : value.Length <= MaxLength ? value : string.Concat(value.AsSpan(0, MaxLength), "…");
}
