using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovPulse.Security.SignIn;

/// <summary>The anti-forgery check of a request: the token of <c>GET /api/v1/account/antiforgery</c> in its header, matching its cookie.</summary>
public static class AntiforgeryCheck
{
    /// <summary>Null when the request carries a valid token; otherwise the 400 to answer.</summary>
    public static async Task<ProblemHttpResult?> ProblemAsync(HttpContext http, IAntiforgery antiforgery)
    {
        ArgumentNullException.ThrowIfNull(antiforgery);
        try
        {
            await antiforgery.ValidateRequestAsync(http);
            return null;
        }
        catch (AntiforgeryValidationException)
        {
            return TypedResults.Problem(
                "The anti-forgery token is missing or not valid: GET /api/v1/account/antiforgery (as the same person, with its cookie) " +
                "and send its token in the header it names with this request.",
                statusCode: StatusCodes.Status400BadRequest,
                title: "Anti-forgery check failed");
        }
    }
}
