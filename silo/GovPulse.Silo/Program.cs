using GovPulse.Dashboard;
using GovPulse.Ingest;
using GovPulse.Ingest.Api;
using GovPulse.Silo;
using GovPulse.Silo.Health;
using GovPulse.Silo.Operations;
using GovPulse.Silo.Jobs;
using GovPulse.Storage;

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

builder.AddGovPulseStorage();
builder.AddGovPulseSilo();
builder.AddGovPulseIngest();
builder.AddGovPulseDashboard();
builder.AddGovPulseSimulator();
builder.AddGovPulseHealth();
builder.AddGovPulseOperations();
builder.AddGovPulseJobs();

var app = builder.Build();

app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter(); // after authorization: the limit is per key
app.MapGroup("/api/v1").MapEventsApi().MapDashboardApis();
app.MapGovPulseHealth();
app.MapGovPulseOperations();
app.MapGroup("/api/v1/admin").MapKeysApi(OperationsRegistration.AdminPolicy);
app.MapDashboard();
app.PrintBannerOnStart();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory-style tests.</summary>
public partial class Program;
