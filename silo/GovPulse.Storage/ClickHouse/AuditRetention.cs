using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GovPulse.Storage.ClickHouse;

/// <summary>
/// Sets the audit log's retention (<see cref="AuditLogOptions.RetentionDays"/>) on its table when the
/// node starts, after the schema is migrated. Nodes sharing a database should have the same setting:
/// the last one to start wins.
/// </summary>
public sealed partial class AuditRetention(IAuditLog log, IOptions<AuditLogOptions> options, ILogger<AuditRetention> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var days = options.Value.RetentionDays;
        if (await log.KeepForAsync(days, cancellationToken))
        {
            LogChanged(days);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit log entries are now kept {Days} days (GovPulse:Audit:RetentionDays)")]
    private partial void LogChanged(int days);
}
