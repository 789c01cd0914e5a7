using GovPulse.Dashboard;
using GovPulse.Exports;
using GovPulse.Ingest;
using GovPulse.Ingest.Api;
using GovPulse.Notifications;
using GovPulse.Security;
using GovPulse.Security.Access;
using GovPulse.Security.ApiReference;
using GovPulse.Security.Audit;
using GovPulse.Security.Headers;
using GovPulse.Security.Keys;
using GovPulse.Security.SignIn;
using GovPulse.Security.Users;
using GovPulse.Silo;
using GovPulse.Silo.Errors;
using GovPulse.Silo.Health;
using GovPulse.Silo.Operations;
using GovPulse.Silo.Jobs;
using GovPulse.Storage;

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false); // no "Server: Kestrel" for a stranger to fingerprint

builder.AddGovPulseErrors(); // a plain problem for any failure, in every environment
builder.AddGovPulseStorage();
builder.AddGovPulseSilo();
builder.AddGovPulseIngest();
builder.AddGovPulseDashboard();
builder.AddGovPulseSecurity();
builder.AddGovPulseSimulator();
builder.AddGovPulseHealth();
builder.AddGovPulseOperations();
builder.AddGovPulseJobs();
builder.AddGovPulseNotifications();
builder.AddGovPulseExports();

var app = builder.Build();
app.BeginUnitStarts(); // the engine boots and the units' starts are read while the rest is set up

app.UseSecurityHeaders(); // CSP, nosniff, no framing, no referrer: on every response, written or refused
app.UseGovPulseErrors(); // inside Development's exception page, so that page never answers
app.UseForwardedClients(); // only behind the proxies named in GovPulse:Auth:KnownProxies
app.UseAuthentication(); // an API key when the request sends one, else the session cookie
app.UseRateLimiter(); // after authentication, before authorization: per key, person or address (reads, sign-in, ingest), so refused callers count too
app.UseAudit(); // audited endpoints (exports, explanations, sign-in, admin): after authentication (who), before authorization (a 403 is recorded too)
app.UseAuthorization();
app.UseCookieAntiforgery(); // state-changing requests of signed-in people carry the anti-forgery token
app.MapGroup("/api/v1").MapEventsApi().MapAccountApi().MapDashboardApis(AccessPolicies.UnitReader);
app.MapGroup("/api/v1").MapGovPulseNotifications(OperationsRegistration.AdminPolicy);
app.MapGroup("/api/v1").MapGovPulseExports(AccessPolicies.UnitReader);
app.MapGovPulseHealth();
app.MapGovPulseOperations();
app.MapGroup("/api/v1/admin").Audited().MapKeysApi(OperationsRegistration.AdminPolicy).MapUsersApi(OperationsRegistration.AdminPolicy).MapAuditApi(OperationsRegistration.AdminPolicy);
app.MapDashboard(AccessPolicies.Reader);
app.MapGovPulseApiReference(OperationsRegistration.AdminPolicy);
app.PrintBannerOnStart();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory-style tests.</summary>
public partial class Program;
