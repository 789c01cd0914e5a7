using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GovPulse.Security;

/// <summary>
/// Behind a reverse proxy (TLS terminator, load balancer) listed in <see cref="AuthOptions.KnownProxies"/>,
/// the client's address and scheme come from the proxy's <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>,
/// so the sign-in rate limit counts people rather than the proxy, and a request that reached the proxy
/// over HTTPS counts as HTTPS. Without known proxies nothing changes: such headers are not believed.
/// </summary>
public static class ForwardedClients
{
    public static IApplicationBuilder UseForwardedClients(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var proxies = app.ApplicationServices.GetRequiredService<IOptions<AuthOptions>>().Value.KnownProxies;
        if (proxies.Count == 0)
        {
            return app;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        return app.UseForwardedHeaders(options);
    }
}
