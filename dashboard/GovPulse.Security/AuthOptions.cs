using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;

namespace GovPulse.Security;

/// <summary>Section <c>GovPulse:Auth</c>: sign-in of people, their sessions and the demo users.</summary>
public sealed class AuthOptions
{
    public const string Section = "GovPulse:Auth";

    /// <summary>
    /// Whether the session and anti-forgery cookies are marked Secure. <c>SameAsRequest</c> (the
    /// default) suits the quick start on plain http://127.0.0.1; a node in production runs behind
    /// HTTPS and sets <c>Always</c>, so a cookie never travels over plain HTTP.
    /// </summary>
    public CookieSecurePolicy CookieSecurePolicy { get; set; } = CookieSecurePolicy.SameAsRequest;

    /// <summary>How long a session lasts without a request; each request within it extends it (sliding).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// How long a node trusts what it last read of a signed-in user (disabled? password changed?)
    /// before reading it again: a user disabled on another node is refused here within this time.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan UserRefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Wrong passwords for a username from one client address after which that address is locked for it.</summary>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>
    /// Wrong passwords for a username from one address after which each further attempt from it waits
    /// 2, 4, 8 … seconds after the last (at most <see cref="MaxSignInDelay"/>); 429 until then.
    /// </summary>
    [Range(1, 100)]
    public int SignInDelayAfter { get; set; } = 3;

    /// <summary>The longest wait between two attempts (the progressive delay's cap, and the username-wide slowdown's wait).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MaxSignInDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Wrong passwords for a username from all addresses together, within <see cref="LockoutDuration"/>,
    /// after which every address that has failed for it waits <see cref="MaxSignInDelay"/> between
    /// attempts. It only slows: an address with no wrong password for the username is never held back.
    /// </summary>
    [Range(1, 100_000)]
    public int UsernameSlowdownAfter { get; set; } = 20;

    /// <summary>How long a locked (username, address) pair stays locked, and how long a wrong password is remembered.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Sign-in requests one client address may make a minute (a token bucket of this size, refilled
    /// evenly over the minute); more get 429. Per node. A whole office behind one address shares it.
    /// </summary>
    [Range(1, 100_000)]
    public int SignInsPerMinutePerAddress { get; set; } = 30;

    /// <summary>
    /// Reads (GETs of <c>/api/</c>, hub negotiations) one API key or one signed-in person may make a
    /// minute (a token bucket of this size, refilled evenly); more get 429. Per node.
    /// </summary>
    [Range(1, 1_000_000)]
    public int ReadsPerMinute { get; set; } = 1_200;

    /// <summary>Reads a minute of a caller that is neither (per client address; a whole office behind one address shares it).</summary>
    [Range(1, 1_000_000)]
    public int AnonymousReadsPerMinute { get; set; } = 300;

    /// <summary>
    /// Addresses of reverse proxies (load balancer, TLS terminator) whose <c>X-Forwarded-For</c> and
    /// <c>X-Forwarded-Proto</c> the node believes, so the sign-in lock and the rate limits count the real client
    /// and the request counts as HTTPS. Empty: the node is reached directly.
    /// </summary>
    public IReadOnlyList<string> KnownProxies { get; set; } = [];

    /// <summary>Creates one demo user per role when missing (the quick start; never on a real node).</summary>
    public bool DemoUsers { get; set; }

    /// <summary>
    /// The demo users' password. Unset: each demo user created in this run gets a random password,
    /// printed once in the start-up banner. Set (at least 12 characters): every demo user gets it.
    /// Never in a file under version control.
    /// </summary>
    [MinLength(Passwords.MinLength)]
    public string? DemoPassword { get; set; }
}
