using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace GovPulse.Notifications.Webhooks;

/// <summary>
/// One signed POST of a stored message to a webhook, through the named client <see cref="ClientName"/>
/// (no redirects, a short timeout, no request logging — a URL may hold a receiver's token). The
/// receiver's answer body is never read.
/// </summary>
public sealed class WebhookPoster(IHttpClientFactory clients, TimeProvider time)
{
    public const string ClientName = "GovPulse.Webhooks";

    private static readonly ProductInfoHeaderValue Agent = new("GovPulse-Webhooks", "1");

    public async Task<PostOutcome> PostAsync(Uri url, string secret, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(delivery);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.UserAgent.Add(Agent);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, timestamp, delivery.Body));
        request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.DeliveryId);

        var client = clients.CreateClient(ClientName);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            return status switch
            {
                >= 200 and < 300 => PostOutcome.Delivered,
                (int)HttpStatusCode.Gone => new PostOutcome(PostResult.Gone, "410 Gone"),
                >= 300 and < 400 => new PostOutcome(PostResult.Failed, $"{status} redirect (not followed: register the final URL)"),
                _ => new PostOutcome(PostResult.Failed, $"{status} {response.ReasonPhrase}".TrimEnd(), RetryAfter(response)),
            };
        }
        catch (HttpRequestException ex)
        {
            return new PostOutcome(PostResult.Failed, $"no answer ({ex.HttpRequestError})");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new PostOutcome(PostResult.Failed, $"no answer within {client.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s");
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter is { } header
            ? header.Delta ?? (header.Date is { } date ? date - time.GetUtcNow() : null)
            : null;
}
