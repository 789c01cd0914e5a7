using System.Collections.Frozen;
using System.Security.Claims;
using System.Text;
using GovPulse.Security.Keys;
using GovPulse.Storage.Logging;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GovPulse.Security.Audit;

/// <summary>
/// What an audit entry says about a request: who, the action, the request line and the address,
/// each escaped (<see cref="LogText.Escape"/>: nothing can forge or hide text) and cut to a bound.
/// </summary>
public static class AuditedRequest
{
    public const int MaxUserLength = 200;
    public const int MaxRequestLength = 2_000;

    /// <summary>Query parameters whose values are never recorded, should a caller put a secret in the address.</summary>
    private static readonly FrozenSet<string> SecretParameters = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "access_token", "token", "key", "apikey", "api_key", "x-api-key", "password", "secret", "signature");

    private static readonly PathString Admin = new("/api/v1/admin");

    /// <summary>
    /// Whether uses of <paramref name="endpoint"/> are recorded: it is marked
    /// <see cref="AuditedEndpoints.Audited{TBuilder}"/>, or it is under <c>/api/v1/admin</c> (so a new
    /// admin endpoint cannot be left out by forgetting the mark).
    /// </summary>
    public static bool IsAudited(Endpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.Metadata.GetMetadata<AuditedMetadata>() is not null
            || (endpoint is RouteEndpoint { RoutePattern.RawText: { } pattern } && new PathString("/" + pattern.TrimStart('/')).StartsWithSegments(Admin, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The endpoint's name (<c>WithName</c>), else the method and route pattern.</summary>
    public static string Action(Endpoint endpoint, string method)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName is { Length: > 0 } name)
        {
            return name;
        }

        var pattern = endpoint is RouteEndpoint route ? "/" + route.RoutePattern.RawText?.TrimStart('/') : endpoint.DisplayName;
        return Bounded($"{method} {pattern}", MaxRequestLength);
    }

    /// <summary>Method, path and query string as sent (still URL-encoded), secret-looking parameters' values hidden.</summary>
    public static string Line(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var line = new StringBuilder(request.Method).Append(' ').Append(request.PathBase.Value).Append(request.Path.Value);
        var query = request.QueryString.Value;
        if (query is { Length: > 1 })
        {
            var separator = '?';
            foreach (var part in query[1..].Split('&'))
            {
                line.Append(separator);
                separator = '&';
                var equals = part.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? part : part[..equals];
                line.Append(equals >= 0 && SecretParameters.Contains(Unescape(name)) ? name + "=(hidden)" : part);
            }
        }

        return Bounded(line.ToString(), MaxRequestLength);
    }

    /// <summary>
    /// The caller as recorded: what the endpoint named (<see cref="AuditedCaller"/>), else a person's
    /// username and role, or an API key as <c>key:&lt;id&gt; (&lt;name&gt;)</c> with <c>admin</c> or
    /// <c>key</c>; null for a caller nobody named and who is not signed in.
    /// </summary>
    public static (string User, string Role)? Caller(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Features.Get<AuditedCaller>() is { } named)
        {
            return (Bounded(named.User, MaxUserLength), Bounded(named.Role, MaxUserLength));
        }

        var principal = http.User;
        if (principal.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value is { } keyId)
        {
            var keyName = principal.FindFirst(ApiKeyAuthenticationHandler.KeyNameClaim)?.Value;
            var role = principal.IsInRole(ApiKeyAuthenticationHandler.AdminRole) ? Roles.Admin : "key";
            return (Bounded(keyName is null ? $"key:{keyId}" : $"key:{keyId} ({keyName})", MaxUserLength), role);
        }

        if (principal.Identity is { IsAuthenticated: true, Name: { } username })
        {
            return (Bounded(username, MaxUserLength), Bounded(principal.FindFirst(ClaimTypes.Role)?.Value ?? string.Empty, MaxUserLength));
        }

        return null;
    }

    /// <summary>The client's address (a proxy's forwarded one when the proxy is trusted), IPv4 without its IPv6 mapping.</summary>
    public static string Address(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : "unknown";
    }

    /// <summary>Escaped, then cut to <paramref name="max"/> characters with "…".</summary>
    public static string Bounded(string value, int max)
    {
        var escaped = LogText.Escape(value);
        if (escaped.Length <= max)
        {
            return escaped;
        }

        var cut = char.IsHighSurrogate(escaped[max - 2]) ? max - 2 : max - 1; // never half a character
        return string.Concat(escaped.AsSpan(0, cut), "…");
    }

    private static string Unescape(string name)
    {
        try
        {
            return Uri.UnescapeDataString(name.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return name;
        }
    }
}
