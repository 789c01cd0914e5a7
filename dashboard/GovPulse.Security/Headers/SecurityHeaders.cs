using GovPulse.Security.ApiReference;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GovPulse.Security.Headers;

/// <summary>
/// Security headers on every response the node makes (page, static file, API, 401, 404, 429): a
/// Content-Security-Policy the dashboard works under, no MIME sniffing, no framing, no referrer, a
/// browsing context of its own, and no powerful browser features.
/// </summary>
/// <remarks>
/// Set when the response starts, so answers written by the authorization, rate-limit or static-file
/// middleware carry them as well as endpoints do. The dashboard loads only its own files (no inline
/// script or style: dom.js sets styles through the CSSOM, which CSP allows), images from its own API
/// (the charts) and its SignalR hub on the same origin ('self' covers ws:/wss: to the same host in CSP 3).
/// The Scalar reference at <see cref="ApiReference.ApiReference.ReferencePath"/> starts from an inline
/// module script and injects styles, so its path alone gets a policy with 'unsafe-inline' for both.
/// </remarks>
public static class SecurityHeaders
{
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public const string ReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// A chart (ScottPlot SVG) opened on its own: it may style itself, and run or load nothing. Shown
    /// through an &lt;img&gt; on the page, it runs nothing anyway.
    /// </summary>
    public const string DrawingPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";

    public const string PermissionsPolicy =
        "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                Apply(context);
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    /// <summary>The policy for a response: the reference's own under its path, a drawing's for an SVG, the page's everywhere else.</summary>
    public static string PolicyFor(PathString path, string? contentType) =>
        path.StartsWithSegments(ApiReference.ApiReference.ReferencePath, StringComparison.OrdinalIgnoreCase) ? ReferencePolicy
        : contentType is not null && contentType.StartsWith("image/svg+xml", StringComparison.OrdinalIgnoreCase) ? DrawingPolicy
        : PagePolicy;

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = PolicyFor(context.Request.Path, context.Response.ContentType);
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers["Permissions-Policy"] = PermissionsPolicy;
    }
}
