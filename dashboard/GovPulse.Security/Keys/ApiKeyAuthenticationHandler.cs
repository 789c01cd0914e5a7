using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GovPulse.Security.Keys;

/// <summary>
/// Authenticates integrations by the <c>X-Api-Key</c> header: the bootstrap key (admin, every
/// unit) or an active stored key (ingest for its units). Unknown and revoked keys fail (401).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeys keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    /// <summary>One claim per unit the key may send events for, or one <c>*</c> for every unit (<see cref="KeyScope"/>).</summary>
    public const string IngestClaim = "govpulse:ingest";

    /// <summary>The key's public id (<c>k_…</c>, or <c>bootstrap</c>): the rate limit counts per key id.</summary>
    public const string KeyIdClaim = "govpulse:key";

    /// <summary>The key's name, for the audit log (<c>Audit/AuditedRequest</c>).</summary>
    public const string KeyNameClaim = "govpulse:key-name";

    /// <summary>The key's requests a minute (<see cref="KeyRateLimit"/>).</summary>
    public const string RateClaim = "govpulse:rate-per-minute";

    /// <summary>Operators' role: the Orleans dashboard, /metrics and the admin API. The bootstrap key holds it.</summary>
    public const string AdminRole = "admin";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count == 0)
        {
            return AuthenticateResult.NoResult();
        }

        var presented = values[0];
        var key = keys.Find(presented);
        if (key is null && !keys.FirstLoad.IsCompleted)
        {
            // The node has just started and not read the stored keys yet.
            await keys.FirstLoad.WaitAsync(Context.RequestAborted);
            key = keys.Find(presented);
        }

        if (key is null)
        {
            // Never put the key itself in a message: this one is logged.
            return AuthenticateResult.Fail("The X-Api-Key is not a valid key (unknown, or revoked).");
        }

        List<Claim> claims =
        [
            new(ClaimTypes.Name, key.Id),
            new(KeyIdClaim, key.Id),
            new(KeyNameClaim, key.Name),
            new(RateClaim, key.RatePerMinute.ToString(CultureInfo.InvariantCulture)),
        ];
        claims.AddRange(key.Units.Count == 0 ? [new Claim(IngestClaim, KeyScope.AllUnits)] : key.Units.Select(u => new Claim(IngestClaim, u)));
        if (key.IsAdmin)
        {
            claims.Add(new Claim(ClaimTypes.Role, AdminRole));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }
}
