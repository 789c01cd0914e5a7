namespace GovPulse.Security.SignIn;

/// <summary>What a <see cref="SignInVerdict"/> says.</summary>
[GenerateSerializer, Alias("govpulse.sign-in-verdict-kind")]
public enum SignInVerdictKind
{
    /// <summary>The password may be checked now.</summary>
    Open,

    /// <summary>Too many wrong passwords lately: the next attempt waits until the verdict's time (429).</summary>
    Wait,

    /// <summary>Locked for this address until the verdict's time (423).</summary>
    Locked,
}
