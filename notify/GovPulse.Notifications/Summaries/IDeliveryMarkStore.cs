namespace GovPulse.Notifications.Summaries;

/// <summary>
/// Marks of deliveries done (<c>delivery_marks</c>), so a summary is sent once however many times
/// its hour runs: keys are <c>&lt;what&gt;/&lt;when&gt;/&lt;to whom&gt;</c>, e.g. <c>hourly/2026-12-06T10/&lt;subscription id&gt;</c>.
/// </summary>
public interface IDeliveryMarkStore
{
    /// <summary>Every mark whose key starts with <paramref name="prefix"/>.</summary>
    Task<IReadOnlySet<string>> DoneAsync(string prefix, CancellationToken cancellationToken = default);

    Task MarkAsync(string key, DateTimeOffset at, CancellationToken cancellationToken = default);
}
