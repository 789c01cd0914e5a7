using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Routing;

namespace GovPulse.Silo.Errors;

/// <summary>
/// How the node answers when a request fails in a way no endpoint handled: the same in every
/// environment, a plain RFC 7807 problem with a trace id, never a stack trace, exception text or
/// request header. In Development, <see cref="WebApplication"/> puts the developer exception page
/// (stack trace, the caller's headers, its API key included) around the whole pipeline; the handler
/// added here sits inside it and answers first, so that page never sees an exception.
/// </summary>
public static class ErrorsRegistration
{
    public static WebApplicationBuilder AddGovPulseErrors(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Development's default is to throw on a parameter that cannot be bound, for that page to
        // show; everywhere else it is a plain 400. Plain 400 in every environment.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        return builder;
    }

    /// <summary>Call first, right after <c>Build()</c>, so every later middleware and endpoint is inside it.</summary>
    public static WebApplication UseGovPulseErrors(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = UnhandledError.AnswerAsync,
            // UnhandledError logs the failure itself, with its trace id and the path escaped.
            SuppressDiagnosticsCallback = _ => true,
        });
        return app;
    }
}
