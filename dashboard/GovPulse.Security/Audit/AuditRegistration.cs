using Microsoft.AspNetCore.Builder;

namespace GovPulse.Security.Audit;

public static class AuditRegistration
{
    /// <summary>
    /// Records uses of audited endpoints (<see cref="AuditRecorder"/>). Place it after authentication
    /// (the caller is known) and before authorization, so a known caller refused with 403 is recorded too.
    /// </summary>
    public static IApplicationBuilder UseAudit(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseMiddleware<AuditRecorder>();
    }
}
