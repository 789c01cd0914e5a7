using GovPulse.Security.Keys;
using GovPulse.Security.SignIn;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace GovPulse.Security.ApiReference;

/// <summary>
/// The OpenAPI document of <c>/api/v1</c> at <c>/openapi/v1.json</c> and an interactive reference
/// (Scalar) at <c>/api/reference</c>: open in Development, for the admin role everywhere else.
/// </summary>
public static class ApiReference
{
    public const string DocumentName = "v1";
    public const string DocumentPattern = "/openapi/{documentName}.json";
    public const string ReferencePath = "/api/reference";

    public static IServiceCollection AddGovPulseApiReference(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description =>
                description.RelativePath is { } path && (path == "api/v1" || path.StartsWith("api/v1/", StringComparison.OrdinalIgnoreCase));
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "GovPulse API",
                    Version = "v1",
                    Description =
                        "Live Decision 766 service-quality figures of Ho Chi Minh City's communes and departments. " +
                        "Callers are people signed in with the session cookie (POST /api/v1/account/login; state-changing requests " +
                        "also send the anti-forgery token of GET /api/v1/account/antiforgery) or integrations with an API key " +
                        "(X-Api-Key). docs/api.md lists who may call what.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeyAuthenticationHandler.HeaderName,
                    Description = "An API key: the bootstrap key (admin, every unit) or a key made with /api/v1/admin/keys (its units).",
                };
                document.Components.SecuritySchemes[SessionCookie.Scheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Cookie,
                    Name = SessionCookie.CookieName,
                    Description = "The session cookie of POST /api/v1/account/login.",
                };
                return Task.CompletedTask;
            });
        });

    /// <param name="app">The node.</param>
    /// <param name="adminPolicy">Who may read the document outside Development.</param>
    public static WebApplication MapGovPulseApiReference(this WebApplication app, string adminPolicy)
    {
        ArgumentNullException.ThrowIfNull(app);
        var document = app.MapOpenApi(DocumentPattern)
            .WithName("GetOpenApiDocument").WithSummary("The OpenAPI document of /api/v1").WithTags("Reference");
        var reference = app.MapScalarApiReference(ReferencePath, options => options
            .WithTitle("GovPulse API")
            .DisableDefaultFonts() // its default fonts come from a CDN: blocked by the CSP, and absent offline
            .WithOpenApiRoutePattern(DocumentPattern))
            .WithSummary("The interactive API reference (Scalar)").WithTags("Reference");
        if (!app.Environment.IsDevelopment())
        {
            document.RequireAuthorization(adminPolicy);
            reference.RequireAuthorization(adminPolicy);
        }

        return app;
    }
}
