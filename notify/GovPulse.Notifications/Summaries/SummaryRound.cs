using GovPulse.Grains;
using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Units;
using GovPulse.Notifications.Notices;
using GovPulse.Notifications.Subscriptions;
using GovPulse.Notifications.Webhooks;
using GovPulse.Storage.ClickHouse;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GovPulse.Notifications.Summaries;

/// <summary>
/// What an hour's summaries grain (<see cref="SummaryHourGrain"/>) runs after the hour is published,
/// apart from the grain so that tests can play two activations (two nodes) through the same code:
/// every subscription's hourly summary or catch-up digest, at the morning hour the daily summaries
/// and the department heads' morning lists, and the webhooks' copies. Each delivery is marked in
/// ClickHouse once done, and a run skips what is marked, so a retry or a second node sends nothing twice.
/// </summary>
public sealed partial class SummaryRound(
    IGrainFactory grains,
    IIndicatorHistoryStore history,
    IUserStore users,
    IPushSubscriptionStore subscriptions,
    IHeldNoticeStore heldNotices,
    IDeliveryMarkStore marks,
    SubscriptionDelivery delivery,
    OverdueCounter overdue,
    UnitDirectory units,
    WorkingDayCalendar calendar,
    ScoringClock clock,
    IOptions<SummariesOptions> options,
    IEnumerable<IWebhookOutbox> outboxes,
    ILogger<SummaryRound> logger)
{
    /// <summary>An hour whose summaries run this long after its start sends nothing (it was filled late, after an outage).</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(2);

    /// <summary>How many open dossiers a morning list reads from a unit at most (it names a few and counts them all).</summary>
    private const int MorningReadLimit = 1000;

    private readonly IGrainFactory _grains = grains;
    private readonly IIndicatorHistoryStore _history = history;
    private readonly IUserStore _users = users;
    private readonly IPushSubscriptionStore _subscriptions = subscriptions;
    private readonly IHeldNoticeStore _heldNotices = heldNotices;
    private readonly IDeliveryMarkStore _marks = marks;
    private readonly SubscriptionDelivery _delivery = delivery;
    private readonly OverdueCounter _overdue = overdue;
    private readonly UnitDirectory _units = units;
    private readonly WorkingDayCalendar _calendar = calendar;
    private readonly SummariesOptions _options = options.Value;
    private readonly IWebhookOutbox? _outbox = outboxes.FirstOrDefault();
    private readonly SummaryComposer _composer = new(options.Value.Listed);

    /// <summary>Sends what the published <paramref name="hour"/> calls for; nothing when it is not published.</summary>
    public async Task<SummaryReport> RunAsync(DateTimeOffset hour, CancellationToken cancellationToken = default)
    {
        hour = PublicationHour.StartOf(hour);
        var now = clock.Now;
        if (now - hour >= StaleAfter)
        {
            // A late fill after an outage: its news is old, and a phone would buzz once per missed hour.
            LogStale(PublicationHour.Key(hour));
            return SummaryReport.Empty;
        }

        var run = new Run(this, hour, now, cancellationToken);
        if (!_options.Enabled || !await run.LoadAsync())
        {
            return SummaryReport.Empty;
        }

        await run.SubscriptionsAsync();
        if (run.IsMorning)
        {
            await run.MorningListsAsync();
        }

        await run.WebhooksAsync();
        LogRan(PublicationHour.Key(hour), run.Report.Push.Sent, run.Report.Push.Held, run.Report.Push.Failed);
        return run.Report;
    }

    /// <summary>One run's state: what it read once and shares between subscriptions.</summary>
    private sealed class Run(SummaryRound round, DateTimeOffset hour, DateTimeOffset now, CancellationToken cancellationToken)
    {
        private readonly string _hourKey = PublicationHour.Key(hour);
        private readonly Dictionary<DateTimeOffset, IReadOnlyDictionary<string, UnitStanding>> _hours = [];
        private readonly Dictionary<(DateTimeOffset, DateTimeOffset), IReadOnlyDictionary<string, int>> _overdue = [];
        private Dictionary<string, StoredUser> _users = [];
        private IReadOnlyList<PushSubscriptionRecord> _subscriptions = [];
        private IReadOnlySet<string> _done = new HashSet<string>();

        public SummaryReport Report { get; private set; } = SummaryReport.Empty;

        public bool IsMorning => VietnamTime.ToLocal(hour).Hour == round._options.MorningAt.Hour;

        private DateOnly Today => VietnamTime.LocalDate(hour);

        /// <summary>Reads the hour, the people and their subscriptions; false when the hour is not published.</summary>
        public async Task<bool> LoadAsync()
        {
            if ((await StandingsAtAsync(hour)).Count == 0)
            {
                return false;
            }

            _users = (await round._users.ListAsync(cancellationToken)).Where(u => !u.Disabled).ToDictionary(u => u.Username, StringComparer.Ordinal);
            _subscriptions = (await round._subscriptions.ListAsync(null, cancellationToken))
                .OrderBy(s => s.Username, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
            _done = await round._marks.DoneAsync(_hourKey + "/", cancellationToken);
            return true;
        }

        public async Task SubscriptionsAsync()
        {
            foreach (var subscription in _subscriptions)
            {
                if (!_users.TryGetValue(subscription.Username, out var user) || SummaryAudience.For(user.Role, user.UnitCode) is not { } audience)
                {
                    continue; // a subscription of someone gone, disabled, or who reads no dossiers
                }

                var digested = await DigestAsync(subscription, audience);
                if (subscription.Schedule == DeliverySchedule.Hourly && !digested)
                {
                    await HourlyAsync(subscription, audience);
                }

                if (IsMorning && subscription.Schedule == DeliverySchedule.Daily)
                {
                    await DailyAsync(subscription, audience);
                }
            }
        }

        /// <summary>The catch-up digest, at the first publication after the subscription's quiet hours ended; true when this hour carries one.</summary>
        private async Task<bool> DigestAsync(PushSubscriptionRecord subscription, SummaryAudience audience)
        {
            // The first run after the quiet hours ended sends it (07:00 after 06:30, or the first hour the
            // cluster publishes after an outage); its mark keeps every later run of the day from sending another.
            if (QuietSpan.LastEnded(subscription.QuietHours, now) is not { } quiet || subscription.CreatedAt >= quiet.End)
            {
                return false;
            }

            var key = $"digest/{quiet.End.ToUnixTimeSeconds()}/{subscription.Id}";
            var inThisHour = $"{_hourKey}/digest/{subscription.Id}";
            if ((await round._marks.DoneAsync(key, cancellationToken)).Contains(key))
            {
                return _done.Contains(inThisHour); // sent by an earlier run of this hour: still no hourly summary beside it
            }

            var held = await round._heldNotices.ListAsync(subscription.Id, cancellationToken);
            if (subscription.Schedule != DeliverySchedule.Hourly && held.Count == 0)
            {
                return false; // daily and alerts-only subscriptions hear of a quiet span only for what it held back
            }

            var figures = subscription.Schedule == DeliverySchedule.Hourly ? await SpanAsync(quiet.Start, audience, sinceAtOrBefore: true) : null;
            var notice = round._composer.Digest(quiet, figures, audience, held, subscription.Username, now);
            var sent = await round._delivery.SendAsync(subscription, notice, cancellationToken);
            Add(sent, digests: 1);
            if (sent.Failed > 0)
            {
                return true; // nothing cleared or marked: the next hour tries again
            }

            await round._heldNotices.ClearAsync(held, now, cancellationToken);
            await round._marks.MarkAsync(inThisHour, now, cancellationToken);
            await round._marks.MarkAsync(key, now, cancellationToken);
            return true;
        }

        private async Task HourlyAsync(PushSubscriptionRecord subscription, SummaryAudience audience)
        {
            var key = $"{_hourKey}/hourly/{subscription.Id}";
            if (_done.Contains(key) || round._composer.Hourly(await SpanAsync(hour.AddHours(-1), audience), audience, subscription.Username) is not { } notice)
            {
                return;
            }

            var result = await round._delivery.DeliverAsync(subscription, notice, now, cancellationToken);
            Add(result, hourly: 1);
            await round._marks.MarkAsync(key, now, cancellationToken);
        }

        private async Task DailyAsync(PushSubscriptionRecord subscription, SummaryAudience audience)
        {
            var key = $"{_hourKey}/daily/{subscription.Id}";
            if (_done.Contains(key) || round._composer.Daily(await SpanAsync(hour.AddDays(-1), audience, sinceAtOrBefore: true), audience, subscription.Username) is not { } notice)
            {
                return;
            }

            var result = await round._delivery.DeliverAsync(subscription, notice, now, cancellationToken);
            Add(result, daily: 1);
            await round._marks.MarkAsync(key, now, cancellationToken);
        }

        /// <summary>At the morning hour of a working day: each department head with a subscription gets their unit's dossiers falling due today and on the next working day.</summary>
        public async Task MorningListsAsync()
        {
            if (MorningListDay.LastDueDay(round._calendar, Today) is not { } lastDay)
            {
                return;
            }

            var heads = _subscriptions
                .Where(s => _users.TryGetValue(s.Username, out var u) && SummaryAudience.GetsMorningList(u.Role, u.UnitCode))
                .GroupBy(s => _users[s.Username].UnitCode!, StringComparer.Ordinal);
            foreach (var unitSubscriptions in heads)
            {
                var unit = round._units.Find(unitSubscriptions.Key);
                if (unit is null)
                {
                    continue;
                }

                var dossiers = await MorningDossiersAsync(unit.Code, lastDay);
                if (dossiers.Count == 0)
                {
                    continue; // nothing falls due: a list with nothing on it only wakes the phone
                }

                foreach (var subscription in unitSubscriptions)
                {
                    var key = $"{_hourKey}/morning/{subscription.Id}";
                    if (_done.Contains(key))
                    {
                        continue;
                    }

                    var notice = round._composer.MorningList(unit.Code, unit.Name, dossiers, hour, subscription.Username);
                    Add(await round._delivery.DeliverAsync(subscription, notice, now, cancellationToken), morning: 1);
                    await round._marks.MarkAsync(key, now, cancellationToken);
                }

                await WebhookOnceAsync($"{_hourKey}/webhook/morning/{unit.Code}", () => round._composer.MorningList(unit.Code, unit.Name, dossiers, hour, null));
            }
        }

        /// <summary>The city-wide hourly summary (and at the morning hour the city-wide daily one) to the webhooks, once each.</summary>
        public async Task WebhooksAsync()
        {
            var city = SummaryAudience.City;
            var hourly = round._composer.Hourly(await SpanAsync(hour.AddHours(-1), city), city, null);
            await WebhookOnceAsync($"{_hourKey}/webhook/hourly", () => hourly);
            if (IsMorning)
            {
                var daily = round._composer.Daily(await SpanAsync(hour.AddDays(-1), city, sinceAtOrBefore: true), city, null);
                await WebhookOnceAsync($"{_hourKey}/webhook/daily", () => daily);
            }
        }

        private async Task WebhookOnceAsync(string key, Func<Notice?> notice)
        {
            if (round._outbox is null || _done.Contains(key) || notice() is not { } made)
            {
                return;
            }

            await round._outbox.EnqueueAsync(made, cancellationToken);
            Report = Report with { Webhooks = Report.Webhooks + 1 };
            await round._marks.MarkAsync(key, now, cancellationToken);
        }

        /// <summary>
        /// Open dossiers of the unit, not overdue at the top of the hour, due today or on the next
        /// working day (due times fall on working days, so on a Friday "tomorrow" is Monday), most urgent first.
        /// </summary>
        private async Task<IReadOnlyList<DossierToChase>> MorningDossiersAsync(string unitCode, DateOnly lastDay)
        {
            var list = await round._grains.GetGrain<IUnitGrain>(unitCode).GetDossiersToChase(ChaseStatus.DueSoon, 0, MorningReadLimit, hour);
            return list.Dossiers.Where(d => !d.Overdue && VietnamTime.LocalDate(d.DueAt) <= lastDay).ToList();
        }

        /// <summary>
        /// Figures from the hour <paramref name="since"/> (or, with <paramref name="sinceAtOrBefore"/>,
        /// the last hour published at or before it) to this hour, with the dossiers turned overdue between.
        /// Overdue dossiers are counted for the audience's unit only, or for every unit for the city.
        /// </summary>
        private async Task<FiguresSpan> SpanAsync(DateTimeOffset since, SummaryAudience audience, bool sinceAtOrBefore = false)
        {
            var then = sinceAtOrBefore
                ? await round._history.LastPublishedHourAsync(before: since.AddMinutes(1), cancellationToken: cancellationToken) // hours start on the hour, and the store compares whole seconds
                : (await StandingsAtAsync(since)).Count > 0 ? since : (DateTimeOffset?)null;
            var thenStandings = then is { } t ? await StandingsAtAsync(t) : new Dictionary<string, UnitStanding>();
            var from = then ?? since;
            var counted = audience.IsCity ? await OverdueAsync(from, round._units.All.Select(u => u.Code).ToList()) : await OverdueAsync(from, [audience.UnitCode!]);
            return new FiguresSpan(from, hour, thenStandings, await StandingsAtAsync(hour), counted);
        }

        private async Task<IReadOnlyDictionary<string, int>> OverdueAsync(DateTimeOffset from, List<string> codes)
        {
            // The city-wide count serves every leader; a unit's own is read from that when it is there.
            if (_overdue.TryGetValue((from, hour), out var all))
            {
                return all;
            }

            var counted = await round._overdue.CountAsync(codes, from, hour);
            if (codes.Count == round._units.All.Count)
            {
                _overdue[(from, hour)] = counted;
            }

            return counted;
        }

        private async Task<IReadOnlyDictionary<string, UnitStanding>> StandingsAtAsync(DateTimeOffset at)
        {
            if (!_hours.TryGetValue(at, out var standings))
            {
                standings = (await round._history.ReadHourAsync(at, cancellationToken))
                    .Select(s => s.Scorecard)
                    .ToDictionary(
                        s => s.UnitCode,
                        s => new UnitStanding(s.UnitCode, s.Name, round._units.Find(s.UnitCode)?.Kind ?? UnitKind.Department, s.NoDossiers ? null : s.Total, s.NoDossiers ? null : s.Band),
                        StringComparer.Ordinal);
                _hours[at] = standings;
            }

            return standings;
        }

        private void Add(NoticeDelivery result, int hourly = 0, int digests = 0, int daily = 0, int morning = 0) =>
            Report = Report with
            {
                Push = Report.Push.Add(result),
                Hourly = Report.Hourly + hourly,
                Digests = Report.Digests + digests,
                Daily = Report.Daily + daily,
                MorningLists = Report.MorningLists + morning,
            };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hour {Hour} was published more than two hours late: no summaries, digests or lists for it")]
    private partial void LogStale(string hour);

    [LoggerMessage(Level = LogLevel.Information, Message = "Summaries of hour {Hour}: {Sent} sent, {Held} held for quiet hours, {Failed} failed")]
    private partial void LogRan(string hour, int sent, int held, int failed);
}
