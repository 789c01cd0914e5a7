namespace GovPulse.Security.SignIn;

/// <summary>Whether a sign-in attempt for a username from an address may check its password now.</summary>
/// <param name="Kind">Open, wait (a progressive delay), or locked.</param>
/// <param name="Until">When a wait or a lock ends; null when open.</param>
[GenerateSerializer, Immutable, Alias("govpulse.sign-in-verdict")]
public sealed record SignInVerdict([property: Id(0)] SignInVerdictKind Kind, [property: Id(1)] DateTimeOffset? Until)
{
    public static readonly SignInVerdict Open = new(SignInVerdictKind.Open, null);

    public static SignInVerdict WaitUntil(DateTimeOffset until) => new(SignInVerdictKind.Wait, until);

    public static SignInVerdict LockedUntil(DateTimeOffset until) => new(SignInVerdictKind.Locked, until);
}
