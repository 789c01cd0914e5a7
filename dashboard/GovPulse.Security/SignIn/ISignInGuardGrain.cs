namespace GovPulse.Security.SignIn;

/// <summary>
/// Counts one username's wrong passwords, cluster-wide, per client address (<see cref="SignInAttempts"/>
/// is the rule): an address that keeps guessing waits longer and longer and is then locked for
/// <see cref="AuthOptions.LockoutDuration"/>, while the same username from another address still signs
/// in — so nobody can lock an administrator out from one address. One activation per username,
/// whichever node the attempts reach; the key is the SHA-256 of the lower-case username
/// (<see cref="SignInGuard.KeyOf"/>), so a password typed into the username field never becomes a grain
/// id in a log or the Orleans dashboard.
/// </summary>
/// <remarks>
/// A grain rather than the <c>users</c> table: attempts on every node meet in one place, one at a time,
/// so parallel guesses are counted exactly, and counting costs no ClickHouse write per attempt. Unknown
/// usernames are counted the same way, so a lock says nothing about whether a user exists. The count
/// lives in memory: a restart of the whole cluster forgets it, which an attacker cannot cause and which
/// costs at most one more round of attempts (the per-address rate limit bounds those too).
/// </remarks>
[Alias("govpulse.sign-in-guard")]
public interface ISignInGuardGrain : IGrainWithStringKey
{
    /// <summary>Whether an attempt from <paramref name="address"/> may check its password now.</summary>
    [Alias("check")]
    Task<SignInVerdict> Check(string address);

    /// <summary>Counts a wrong password from <paramref name="address"/>; says what its next attempt may do.</summary>
    [Alias("failed")]
    Task<SignInVerdict> Failed(string address);

    /// <summary>A good password from <paramref name="address"/>: its count starts again.</summary>
    [Alias("succeeded")]
    Task Succeeded(string address);

    /// <summary>Ends every lock and count (an admin set a new password or enabled the user).</summary>
    [Alias("reset")]
    Task Reset();
}
