using System.Globalization;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using GovPulse.Notifications.Notices;
using GovPulse.Notifications.Subscriptions;
using GovPulse.Storage.ClickHouse;

namespace GovPulse.Notifications.Summaries;

/// <summary>
/// <see cref="IHeldNoticeStore"/> in <c>held_notices</c> (migration 0020): a row per held notice;
/// clearing writes the same notice again with <c>cleared = 1</c> and a higher version, which
/// <c>FINAL</c> reads in place of the held row.
/// </summary>
public sealed class HeldNoticeStore(ClickHouseDatabase database) : IHeldNoticeStore
{
    private static readonly string[] Columns =
        ["subscription_id", "notice_id", "username", "kind", "title_vi", "title_en", "created_at", "held_at", "cleared", "version"];

    public Task HoldAsync(PushSubscriptionRecord subscription, Notice notice, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(notice);
        return InsertAsync(
            [new HeldNotice(subscription.Id, notice.Id, subscription.Username, notice.Kind, notice.Title, notice.CreatedAt)], cleared: false, at, cancellationToken);
    }

    public async Task<IReadOnlyList<HeldNotice>> ListAsync(string subscriptionId, CancellationToken cancellationToken = default)
    {
        var client = await database.GetClientAsync();
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("subscription", subscriptionId);
        var list = new List<HeldNotice>();
        using var reader = await client.ExecuteReaderAsync(
            """
            SELECT subscription_id, notice_id, username, kind, title_vi, title_en, toUnixTimestamp64Milli(created_at)
            FROM held_notices FINAL
            WHERE subscription_id = {subscription:String} AND cleared = 0
            ORDER BY held_at, notice_id
            """,
            parameters,
            null,
            cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new HeldNotice(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                Enum.TryParse<NoticeKind>(reader.GetString(3), out var kind) ? kind : NoticeKind.AlertStarted,
                new NoticeText(reader.GetString(4), reader.GetString(5)),
                DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(6), CultureInfo.InvariantCulture))));
        }

        return list;
    }

    public Task ClearAsync(IReadOnlyCollection<HeldNotice> notices, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notices);
        return notices.Count == 0 ? Task.CompletedTask : InsertAsync(notices, cleared: true, at, cancellationToken);
    }

    private async Task InsertAsync(IReadOnlyCollection<HeldNotice> notices, bool cleared, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var client = await database.GetClientAsync();

        // The version orders a notice's rows: a clearing written in the same millisecond as the hold still wins.
        var version = (ulong)at.ToUnixTimeMilliseconds() * 2 + (cleared ? 1UL : 0UL);
        var rows = notices.Select(n => new object[]
        {
            n.SubscriptionId, n.NoticeId, n.Username, n.Kind.ToString(), n.Title.Vi, n.Title.En, n.CreatedAt.UtcDateTime, at.UtcDateTime,
            cleared ? (byte)1 : (byte)0, version,
        }).ToList();
        await client.InsertBinaryAsync("held_notices", Columns, rows, database.InsertOptions, cancellationToken);
    }
}
