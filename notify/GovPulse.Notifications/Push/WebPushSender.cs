using System.Net;
using GovPulse.Notifications.Notices;
using GovPulse.Notifications.Subscriptions;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using LibPushSubscription = Lib.Net.Http.WebPush.PushSubscription;

namespace GovPulse.Notifications.Push;

/// <summary>
/// <see cref="IPushSender"/> with Lib.Net.Http.WebPush: the notice as <see cref="PushPayload"/>
/// JSON in the subscription's language, encrypted for it (aes128gcm, RFC 8291), signed with the
/// node's VAPID key (RFC 8292), with its TTL, urgency and topic. 404/410 remove the subscription;
/// 429 and 5xx are retried as <see cref="PushRetryPolicy"/> says (the waits on
/// <see cref="TimeProvider"/>); a push service that cannot be reached at all fails the message at
/// once (the next notice tries again); other answers fail it.
/// </summary>
public sealed partial class WebPushSender(
    IHttpClientFactory httpClients,
    VapidKeys keys,
    IPushSubscriptionStore subscriptions,
    IOptions<PushOptions> options,
    PushMetrics metrics,
    TimeProvider time,
    ILogger<WebPushSender> logger) : IPushSender
{
    /// <summary>The named HttpClient the sender uses (its timeout is <see cref="PushOptions.RequestTimeout"/>).</summary>
    public const string HttpClientName = "GovPulse.Push";

    /// <summary>How long a VAPID JWT stays valid (RFC 8292 allows at most 24 hours).</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(12);

    private readonly PushRetryPolicy _retry = PushRetryPolicy.From(options.Value);
    private readonly string _subject = options.Value.SubjectOrDefault();

    public async Task<PushOutcome> SendAsync(PushSubscriptionRecord subscription, Notice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(notice);
        var origin = PushEndpoint.Origin(subscription.Endpoint);
        var pair = keys.Current;
        using var vapid = new VapidAuthentication(pair.PublicKey, pair.PrivateKey) { Subject = _subject, Expiration = (int)TokenLifetime.TotalSeconds };
        var target = new LibPushSubscription { Endpoint = subscription.Endpoint };
        target.SetKey(PushEncryptionKeyName.P256DH, subscription.P256dh);
        target.SetKey(PushEncryptionKeyName.Auth, subscription.Auth);
        var message = new PushMessage(PushPayload.Of(notice, subscription.Language).ToJson())
        {
            Topic = notice.Topic,
            Urgency = Urgency(notice.Urgency),
            TimeToLive = (int)Math.Clamp(notice.TimeToLive.TotalSeconds, 0, int.MaxValue),
        };
        var client = new PushServiceClient(httpClients.CreateClient(HttpClientName))
        {
            AutoRetryAfter = false,
            DefaultAuthenticationScheme = VapidAuthenticationScheme.Vapid,
        };

        var waited = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            HttpStatusCode? status;
            TimeSpan? retryAfter = null;
            try
            {
                await client.RequestPushMessageDeliveryAsync(target, message, vapid, cancellationToken);
                metrics.Sent.Add(1);
                LogSent(logger, notice.Id, subscription.Id, origin, attempt);
                return PushOutcome.Sent;
            }
            catch (PushServiceClientException refused)
            {
                status = refused.StatusCode;
                retryAfter = PushRetryPolicy.RetryAfter(refused.Headers, time.GetUtcNow());
            }
            catch (HttpRequestException unreachable) when (!cancellationToken.IsCancellationRequested)
            {
                metrics.Failed.Add(1);
                LogUnreachable(logger, notice.Id, subscription.Id, origin, unreachable.HttpRequestError.ToString());
                return PushOutcome.Failed;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The request timed out: the service may be busy, as with a 5xx.
                status = null;
            }

            if (status is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                await subscriptions.RemoveAsync(subscription.Id, cancellationToken: CancellationToken.None);
                metrics.Removed.Add(1);
                LogRemoved(logger, subscription.Id, subscription.Username, origin, (int)status.Value);
                return PushOutcome.Removed;
            }

            var retryable = status is null or HttpStatusCode.TooManyRequests || (int)status >= 500;
            if (retryable && _retry.NextWait(attempt, retryAfter, waited) is { } wait)
            {
                metrics.Retried.Add(1);
                LogRetrying(logger, notice.Id, origin, status is { } s ? ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture) : "timeout", wait.TotalSeconds, attempt + 1);
                await Task.Delay(wait, time, cancellationToken);
                waited += wait;
                continue;
            }

            metrics.Failed.Add(1);
            LogFailed(logger, notice.Id, subscription.Id, origin, status is { } code ? ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture) : "timeout", attempt);
            return PushOutcome.Failed;
        }
    }

    private static PushMessageUrgency Urgency(NoticeUrgency urgency) => urgency switch
    {
        NoticeUrgency.VeryLow => PushMessageUrgency.VeryLow,
        NoticeUrgency.Low => PushMessageUrgency.Low,
        NoticeUrgency.High => PushMessageUrgency.High,
        _ => PushMessageUrgency.Normal,
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Push {NoticeId} to subscription {SubscriptionId} accepted by {Origin} (attempt {Attempt})")]
    private static partial void LogSent(ILogger logger, string noticeId, string subscriptionId, string origin, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Push subscription {SubscriptionId} of {Username} removed: {Origin} answered {Status} (gone)")]
    private static partial void LogRemoved(ILogger logger, string subscriptionId, string username, string origin, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Push {NoticeId}: {Origin} answered {Status}; trying again in {Seconds} s (attempt {Attempt})")]
    private static partial void LogRetrying(ILogger logger, string noticeId, string origin, string status, double seconds, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push {NoticeId} to subscription {SubscriptionId} failed: {Origin} answered {Status} (after {Attempts} attempts)")]
    private static partial void LogFailed(ILogger logger, string noticeId, string subscriptionId, string origin, string status, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push {NoticeId} to subscription {SubscriptionId} failed: {Origin} could not be reached ({Error})")]
    private static partial void LogUnreachable(ILogger logger, string noticeId, string subscriptionId, string origin, string error);
}
