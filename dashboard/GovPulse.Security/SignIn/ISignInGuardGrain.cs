namespace GovPulse.Security.SignIn;

/// <summary>
/// Counts one username's wrong passwords, cluster-wide, and locks it after
/// <see cref="AuthOptions.MaxFailedSignIns"/> in a row for <see cref="AuthOptions.LockoutDuration"/>.
/// One activation per username, whichever node the attempts reach; the key is the SHA-256 of the
/// lower-case username (<see cref="SignInGuard.KeyOf"/>), so a password typed into the username field
/// never becomes a grain id in a log or the Orleans dashboard.
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
    /// <summary>When the current lock ends; null when the username is not locked.</summary>
    [Alias("locked-until")]
    Task<DateTimeOffset?> LockedUntil();

    /// <summary>Counts a wrong password; returns the end of the lock when this one locked the username (or it was locked already).</summary>
    [Alias("failed")]
    Task<DateTimeOffset?> Failed();

    /// <summary>A good password: the count starts again.</summary>
    [Alias("succeeded")]
    Task Succeeded();

    /// <summary>Ends a lock and the count (an admin set a new password or enabled the user).</summary>
    [Alias("reset")]
    Task Reset();
}
