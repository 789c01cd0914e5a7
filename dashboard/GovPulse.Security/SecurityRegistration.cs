using System.Net;
using GovPulse.Indicators.Units;
using GovPulse.Security.Access;
using GovPulse.Security.ApiReference;
using GovPulse.Security.KeyRing;
using GovPulse.Security.RateLimits;
using GovPulse.Security.Keys;
using GovPulse.Security.SignIn;
using GovPulse.Security.Users;
using GovPulse.Storage.ClickHouse;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GovPulse.Security;

public static class SecurityRegistration
{
    /// <summary>
    /// Sign-in of people (session cookie, anti-forgery, lock, rate limit), users and demo users, who may
    /// read what (policies, the hub's unit rule, 403s that say why), the key ring in ClickHouse, and the
    /// OpenAPI reference. Every request is authenticated by its API key when it sends one, else by its
    /// session cookie.
    /// </summary>
    public static WebApplicationBuilder AddGovPulseSecurity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)), $"{AuthOptions.Section}:KnownProxies must hold IP addresses")
            .Validate(o => o.DemoPassword is null || o.DemoPassword.Length < Passwords.MinLength || !CommonPasswords.IsCommon(o.DemoPassword),
                $"{AuthOptions.Section}:DemoPassword is too common (one of the most used passwords, or one with digits or symbols added); choose one that is hard to guess")
            .ValidateOnStart();
        services.TryAddSingleton(UnitDirectory.HoChiMinhCity);
        services.TryAddSingleton(TimeProvider.System);

        services.AddGovPulseApiKeys();
        services.AddSingleton<UnitAccess>();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<SessionCookieEvents>();
        services.TryAddSingleton<IRevokedSessionStore, RevokedSessionStore>();
        services.AddSingleton<RevokedSessions>();
        services.AddSingleton<RevokedSessionRefresh>();
        services.AddHostedService(sp => sp.GetRequiredService<RevokedSessionRefresh>());
        services.AddSingleton<IAuthorizationHandler, UnitReadHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, RefusalResponses>();
        services.AddSingleton<CallerStanding>();
        services.AddSingleton<HubCallers>();
        services.AddHostedService(sp => sp.GetRequiredService<HubCallers>());
        services.AddSingleton<UnitAccessHubFilter>();
        services.Configure<HubOptions>(o => o.AddFilter<UnitAccessHubFilter>());
        services.AddSingleton<DemoUsers>();
        services.AddHostedService(sp => sp.GetRequiredService<DemoUsers>());

        // One key ring for every node, kept in ClickHouse and encrypted there with the operator's key.
        services.AddGovPulseKeyRing();

        services.AddAuthentication(o => o.DefaultScheme = SessionCookie.CallerScheme)
            .AddPolicyScheme(SessionCookie.CallerScheme, "API key or session", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName) ? ApiKeyAuthenticationHandler.SchemeName : SessionCookie.Scheme)
            .AddCookie(SessionCookie.Scheme);
        services.AddOptions<CookieAuthenticationOptions>(SessionCookie.Scheme).Configure<IOptions<AuthOptions>>((o, auth) =>
        {
            o.Cookie.Name = SessionCookie.CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = auth.Value.CookieSecurePolicy;
            o.Cookie.IsEssential = true;
            o.ExpireTimeSpan = auth.Value.SessionLifetime;
            o.SlidingExpiration = true;
            o.EventsType = typeof(SessionCookieEvents);
        });
        services.AddAntiforgery();
        services.AddOptions<AntiforgeryOptions>().Configure<IOptions<AuthOptions>>((o, auth) =>
        {
            o.HeaderName = "X-CSRF-TOKEN";
            o.Cookie.Name = "GovPulse.Antiforgery";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = auth.Value.CookieSecurePolicy;
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(AccessPolicies.Reader, p => p.AddAuthenticationSchemes(SessionCookie.CallerScheme).RequireAuthenticatedUser())
            .AddPolicy(AccessPolicies.UnitReader, p => p.AddAuthenticationSchemes(SessionCookie.CallerScheme).RequireAuthenticatedUser()
                .AddRequirements(new UnitReadRequirement()))
            .AddPolicy(AccessPolicies.Person, p => p.AddAuthenticationSchemes(SessionCookie.Scheme).RequireAuthenticatedUser());
        services.AddRateLimiter(limits => limits.AddPolicy<string, SignInRateLimit>(SignInRateLimit.PolicyName));
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AuthOptions>, TimeProvider>((limits, auth, time) =>
        {
            var reads = new ReadRateLimit(auth.Value, time);
            limits.GlobalLimiter = reads.Limiter();
            limits.OnRejected = reads.RejectAsync;
        });
        services.AddGovPulseApiReference();
        return builder;
    }
}
