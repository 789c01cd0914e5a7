using System.Net.Http.Headers;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.Extensions.Options;

namespace GovPulse.Notifications.Push;

/// <summary>
/// Signs each push request's VAPID token for the endpoint's exact origin. RFC 8292 §2 makes the
/// JWT's <c>aud</c> the origin of the push resource, port included; Lib.Net.Http.WebPush leaves a
/// non-default port out, which no real push service (all on 443) notices but a service on another
/// port would refuse. So the token the library made is replaced here by one for the full origin.
/// </summary>
public sealed class VapidAudienceHandler(VapidKeys keys, IOptions<PushOptions> options) : DelegatingHandler
{
    private readonly string _subject = options.Value.SubjectOrDefault();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is { IsAbsoluteUri: true } uri && request.Headers.Authorization is { Scheme: var scheme } && scheme.Equals("vapid", StringComparison.OrdinalIgnoreCase))
        {
            var pair = keys.Current;
            using var vapid = new VapidAuthentication(pair.PublicKey, pair.PrivateKey)
            {
                Subject = _subject,
                Expiration = (int)WebPushSender.TokenLifetime.TotalSeconds,
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("vapid", vapid.GetVapidSchemeAuthenticationHeaderValueParameter(uri.GetLeftPart(UriPartial.Authority)));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
