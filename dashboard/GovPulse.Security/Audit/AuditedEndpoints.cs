using Microsoft.AspNetCore.Builder;

namespace GovPulse.Security.Audit;

/// <summary>
/// Marks endpoints whose every use goes into the audit log (docs/operations.md, "Audit log"): the
/// audit middleware records who, role, the endpoint's name as the action, the request, the address,
/// the status and the answer's size and SHA-256. Exports, explained numbers, sign-in and every admin
/// endpoint carry it.
/// </summary>
public static class AuditedEndpoints
{
    public static TBuilder Audited<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WithMetadata(AuditedMetadata.Instance);
        return builder;
    }
}

/// <summary>The endpoint metadata <see cref="AuditedEndpoints.Audited{TBuilder}"/> adds.</summary>
public sealed class AuditedMetadata
{
    public static AuditedMetadata Instance { get; } = new();

    private AuditedMetadata()
    {
    }
}
