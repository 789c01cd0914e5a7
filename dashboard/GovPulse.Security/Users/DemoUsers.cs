using GovPulse.Storage.ClickHouse;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GovPulse.Security.Users;

/// <summary>
/// The quick start's people (<see cref="AuthOptions.DemoUsers"/>, on with <c>dotnet run</c>): one per
/// role, created when missing, before the node starts listening. Each gets the configured
/// <see cref="AuthOptions.DemoPassword"/> or, unset, a random password that the start-up banner shows
/// once on a terminal, or else writes to the data directory's first-run secrets file (mode 0600)
/// (<see cref="Created"/>); nothing of them is in the repo, and no log line holds one.
/// </summary>
public sealed partial class DemoUsers(IUserStore store, IOptions<AuthOptions> options, TimeProvider time, ILogger<DemoUsers> logger) : IHostedService
{
    /// <summary>The demo department head's unit: Sở Tư pháp (the Department of Justice).</summary>
    public const string DepartmentHeadUnit = "so-tu-phap";

    /// <summary>Person-like names: the page's header adds the role ("Nguyễn Văn An (demo) · Lãnh đạo"), so a name that said the role would say it twice.</summary>
    public static IReadOnlyList<(string Username, string DisplayName, string Role, string? UnitCode)> People { get; } =
    [
        ("lanhdao", "Nguyễn Văn An (demo)", Roles.Leader, null),
        ("truongphong", "Trần Thị Bình (demo)", Roles.DepartmentHead, DepartmentHeadUnit),
        ("kiemtoan", "Lê Minh Châu (demo)", Roles.Auditor, null),
        ("quantri", "Phạm Quốc Dũng (demo)", Roles.Admin, null),
    ];

    /// <summary>The demo users of this run, each with the password it was given now, or null when it existed already.</summary>
    public IReadOnlyList<DemoAccount> Created { get; private set; } = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.DemoUsers)
        {
            return;
        }

        var accounts = new List<DemoAccount>();
        foreach (var (username, displayName, role, unit) in People)
        {
            var existing = await store.FindAsync(username, cancellationToken);
            var now = time.GetUtcNow();
            if (existing is null)
            {
                var password = settings.DemoPassword ?? Passwords.Random();
                await store.AddAsync(new StoredUser(username, displayName, role, unit, Passwords.Hash(password), Disabled: false, now, now), cancellationToken);
                accounts.Add(new DemoAccount(username, role, unit, settings.DemoPassword is null ? password : null, Configured: settings.DemoPassword is not null));
                LogCreated(username, role);
            }
            else
            {
                if (settings.DemoPassword is { } configured && !Passwords.Verify(existing, configured, out _))
                {
                    var hash = Passwords.Hash(configured);
                    await store.UpdateAsync(username, u => u with { PasswordHash = hash }, now, cancellationToken);
                    LogPasswordSet(username);
                }

                accounts.Add(new DemoAccount(existing.Username, existing.Role, existing.UnitCode, null, Configured: settings.DemoPassword is not null));
            }
        }

        Created = accounts;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo user {Username} ({Role}) created")]
    private partial void LogCreated(string username, string role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo user {Username} given the configured demo password")]
    private partial void LogPasswordSet(string username);
}

/// <summary>A demo user of this run.</summary>
/// <param name="Password">The random password it was created with in this run, to print once; null when it existed or the password is configured.</param>
/// <param name="Configured">Its password is <c>GovPulse:Auth:DemoPassword</c>.</param>
public sealed record DemoAccount(string Username, string Role, string? UnitCode, string? Password, bool Configured)
{
    public override string ToString() => $"DemoAccount {{ Username = {Username}, Role = {Role} }}";
}
