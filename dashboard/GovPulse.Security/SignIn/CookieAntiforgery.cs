using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace GovPulse.Security.SignIn;

/// <summary>
/// Every state-changing request (POST, PUT, PATCH, DELETE) that a signed-in person's browser sends
/// with the session cookie must carry the anti-forgery token (400 otherwise), whatever the endpoint:
/// a new endpoint is covered without anyone remembering to. Requests with an API key carry no ambient
/// credential and are not checked; the live hub's own requests are not (SignalR has no place for a
/// token, and the SameSite=Strict cookie is not sent cross-site anyway).
/// </summary>
public static class CookieAntiforgery
{
    public static IApplicationBuilder UseCookieAntiforgery(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                || HttpMethods.IsOptions(http.Request.Method) || HttpMethods.IsTrace(http.Request.Method)
                || http.User.Identity is not { IsAuthenticated: true, AuthenticationType: SessionCookie.Scheme }
                || http.GetEndpoint()?.Metadata.GetMetadata<HubMetadata>() is not null)
            {
                await next(http);
                return;
            }

            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            if (await AntiforgeryCheck.ProblemAsync(http, antiforgery) is { } problem)
            {
                await problem.ExecuteAsync(http);
                return;
            }

            await next(http);
        });
}
