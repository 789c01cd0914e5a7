using System.Diagnostics;
using GovPulse.Storage.Logging;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovPulse.Silo.Errors;

/// <summary>
/// The answer to an exception no endpoint handled: 500 (or the status of a request the server
/// could not read, such as a body over Kestrel's limit) as a problem with a trace id. The exception
/// is logged here with the same trace id; the answer holds none of its text.
/// </summary>
internal static partial class UnhandledError
{
    public static async Task AnswerAsync(HttpContext http)
    {
        var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
        var traceId = Activity.Current?.Id ?? http.TraceIdentifier;
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(UnhandledError).FullName!);
        var path = LogText.Escape(http.Request.Path.Value);
        ProblemHttpResult answer;
        if (error is BadHttpRequestException unreadable)
        {
            LogUnreadable(logger, http.Request.Method, path, unreadable.StatusCode, traceId);
            answer = TypedResults.Problem(
                "The server could not read this request (its body or one of its parameters).",
                statusCode: unreadable.StatusCode,
                title: "The request cannot be read",
                extensions: new Dictionary<string, object?> { ["traceId"] = traceId });
        }
        else
        {
            LogFailed(logger, error, http.Request.Method, path, traceId);
            answer = TypedResults.Problem(
                $"The node could not answer this request. The error is logged with trace id {traceId}; quote it when you report the problem.",
                statusCode: StatusCodes.Status500InternalServerError,
                title: "Unexpected error",
                extensions: new Dictionary<string, object?> { ["traceId"] = traceId });
        }

        await answer.ExecuteAsync(http);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error answering {Method} {Path} (trace id {TraceId})")]
    private static partial void LogFailed(ILogger logger, Exception? exception, string method, string path, string traceId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} {Path} could not be read, answered {Status} (trace id {TraceId})")]
    private static partial void LogUnreadable(ILogger logger, string method, string path, int status, string traceId);
}
